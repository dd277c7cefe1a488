import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { fetchJson } from '../../src/sources/data/http.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

const DOCUMENT = JSON.stringify({
  meta: { updated: '2025-02-07' },
  data: {
    monthly: { Jan: 307.6, Feb: 220.2, Mar: 279.7 },
    partners: [
      { partner: 'ASEAN', share: 15.9 },
      { partner: 'EU', share: 12.9 },
    ],
  },
});

let server: Server;
let base = '';
let ca = '';
const served = { full: 0, notModified: 0 };

beforeAll(async () => {
  // A certificate made for this run only, trusted only by the builds that are given it.
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    days: 1,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  ca = pems.cert;
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    if (req.url === '/trade.json') {
      if (req.headers['if-none-match'] === '"v1"') {
        served.notModified++;
        res.writeHead(304).end();
        return;
      }
      served.full++;
      res.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' }).end(DOCUMENT);
    } else if (req.url === '/big.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ pad: 'x'.repeat(200_000) }));
    } else if (req.url === '/silent.json') {
      // Never answers: the client's time-out must end the request.
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function project() {
  return tempProject({
    'deck.yaml': `title: Trade
data: data.yaml
sections:
  - title: S
    slides:
      - type: chart
        title: Monthly exports
        chart: { type: bar, data: monthly }
        caption: 'March {{ monthly["Mar"] }}; ASEAN share {{ partners["ASEAN", "share"] }}%'
`,
    'data.yaml': `sources:
  customs: { title: Monthly trade, publisher: General Administration of Customs }
source: customs
monthly: { url: "${base}/trade.json", pointer: /data/monthly, as: series, unit: USD billion }
partners: { url: "${base}/trade.json", pointer: /data/partners }
`,
  });
}

describe('JSON over HTTPS', () => {
  it('reads the parts a pointer names, cites the address, and revalidates with the ETag', async () => {
    const dir = project();
    const cacheDir = mkdtempSync(join(tmpdir(), 'briefdeck-http-cache-'));
    const options = {
      cwd: dir,
      cacheDir,
      allowNetwork: true,
      networkCa: ca,
      timestamp: new Date(Date.UTC(2026, 10, 30)),
    };
    const r = await buildDeck('deck.yaml', options);
    expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const slide = deck.slides.find((s) => s.title === 'Monthly exports')!;
    expect(slide.texts).toContain('March US$279.7 billion; ASEAN share 15.9%');
    expect(slide.texts).toContain(
      `Sources: General Administration of Customs; ${new URL(base).host}, retrieved 30 November 2026`,
    );
    expect(r.inputs.filter((i) => i.kind === 'http').map((i) => i.path)).toEqual([`${base}/trade.json`]);
    // Two entries read the same address: it is asked once.
    expect(served).toEqual({ full: 1, notModified: 0 });
    // The second build asks with the ETag and is answered 304: the cached body is used.
    const again = await checkDeck('deck.yaml', options);
    expect(located(again).filter((d) => d.severity === 'error')).toEqual([]);
    expect(served).toEqual({ full: 1, notModified: 1 });
    expect(again.inputs.find((i) => i.kind === 'http')!.sha256).toBe(r.inputs.find((i) => i.kind === 'http')!.sha256);
  });

  it('fetches nothing unless the project allows it, and refuses plain http', async () => {
    const dir = project();
    const before = { ...served };
    const r = await checkDeck('deck.yaml', { cwd: dir, cacheDir: false });
    const errors = located(r).filter((d) => d.severity === 'error');
    expect(errors.map((e) => [e.message, e.line])).toEqual([
      ['this project does not fetch data from the network', 4],
      ['this project does not fetch data from the network', 5],
    ]);
    expect(errors[0]!.suggestion).toBe('build with --allow-network (or the allowNetwork option) to read it');
    expect(served).toEqual(before);
    const plain = await fetchJson('http://127.0.0.1:1/x.json', { timeoutMs: 1000, maxBytes: 1000 });
    expect(plain).toEqual({ error: 'only https:// addresses are fetched, not http://', hint: 'use the https address' });
  });

  it('stops at the size cap and the time-out, rejects an untrusted certificate, and reports a wrong pointer', async () => {
    const big = await fetchJson(`${base}/big.json`, { timeoutMs: 5000, maxBytes: 100_000, ca });
    expect(big).toMatchObject({ error: 'the answer is larger than 98 KiB' });
    const silent = await fetchJson(`${base}/silent.json`, { timeoutMs: 300, maxBytes: 100_000, ca });
    expect(silent).toMatchObject({ error: expect.stringMatching(/^no (complete )?answer within 0.3 s$/) });
    const untrusted = await fetchJson(`${base}/trade.json`, { timeoutMs: 5000, maxBytes: 100_000 });
    expect(untrusted).toMatchObject({ hint: 'the server certificate is not trusted by this machine' });

    const dir = project();
    const r = await checkDeck('deck.yaml', {
      cwd: dir,
      cacheDir: false,
      allowNetwork: true,
      networkCa: ca,
    });
    expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
    const wrong = tempProject({
      'deck.yaml': 'title: T\ndata: data.yaml\nsections: []\n',
      'data.yaml': `x: { url: "${base}/trade.json", pointer: /data/monthy }\n`,
    });
    const w = await checkDeck('deck.yaml', { cwd: wrong, cacheDir: false, allowNetwork: true, networkCa: ca });
    const error = located(w).find((d) => d.severity === 'error')!;
    expect(error.message).toBe(`${base}/trade.json: /data has no member \`monthy\``);
    expect(error.suggestion).toBe('members: monthly, partners');
    expect([error.line, error.column]).toEqual([1, 35 + base.length]);
  });
});
