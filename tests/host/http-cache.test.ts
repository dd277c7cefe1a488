import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskHttpCache } from '../../src/host/http-cache.js';

const URL_ = 'https://stats.example.org/trade.json';

describe('the download cache', () => {
  it('gives back what it kept', async () => {
    const cache = new DiskHttpCache(mkdtempSync(join(tmpdir(), 'briefdeck-http-')), 1000);
    cache.put(URL_, { etag: '"v1"', body: '{"a":1}' });
    expect(await cache.get(URL_)).toEqual({ etag: '"v1"', body: '{"a":1}' });
  });

  it('treats a planted FIFO, a folder or an oversized entry as a miss, without waiting or reading it all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-http-'));
    const cache = new DiskHttpCache(dir, 1000);
    cache.put(URL_, { etag: '"v1"', body: '{}' });
    const entry = execFileSync('find', [join(dir, 'http'), '-name', '*.json'], { encoding: 'utf8' }).trim();
    execFileSync('rm', [entry]);
    execFileSync('mkfifo', [entry]);
    expect(await cache.get(URL_)).toBeUndefined();
    execFileSync('rm', [entry]);
    mkdirSync(entry);
    expect(await cache.get(URL_)).toBeUndefined();
    execFileSync('rmdir', [entry]);
    writeFileSync(entry, JSON.stringify({ etag: '"v1"', body: 'x'.repeat(5000) }));
    expect(await cache.get(URL_)).toBeUndefined();
    writeFileSync(entry, JSON.stringify({ etag: 7, body: '{}' }));
    expect(await cache.get(URL_)).toBeUndefined();
  });
});
