import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskChartStore } from '../../src/host/chart-store.js';
import { tempProject } from '../helpers/project.js';

describe('DiskChartStore', () => {
  it('gives back what was put, as <key>.png, leaving no temporary files', async () => {
    const dir = join(tempProject(), 'cache', 'charts');
    const store = new DiskChartStore(dir);
    expect(await store.get('abc')).toBeUndefined();
    await Promise.all([store.put('abc', Buffer.from('first')), store.put('abc', Buffer.from('first'))]);
    await store.put('def', Buffer.from('second'));
    expect(await store.get('abc')).toEqual(Buffer.from('first'));
    expect(await store.get('def')).toEqual(Buffer.from('second'));
    expect(readdirSync(dir).sort()).toEqual(['abc.png', 'def.png']);
  });

  it('costs only a miss when the folder cannot be written', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'blocker'), 'a file where the cache folder would go');
    const store = new DiskChartStore(join(project, 'blocker', 'charts'));
    await store.put('abc', Buffer.from('png'));
    expect(await store.get('abc')).toBeUndefined();
  });
});
