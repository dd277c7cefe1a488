import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { seal, VerifiedChartStore } from '../../src/charts/verified-store.js';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { outline } from './helpers.js';

function png(width: number, height: number, shade = 0): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(shade);
  return PNG.sync.write(image);
}

/** A store in memory, to watch what the verifier keeps and hands out. */
function memoryStore() {
  const entries = new Map<string, Buffer>();
  return { entries, get: (k: string) => entries.get(k), put: (k: string, v: Buffer) => void entries.set(k, v) };
}

describe('nothing is trusted that briefdeck did not make', () => {
  it('hands back exactly the picture put, and refuses damaged, foreign and resized entries', async () => {
    const inner = memoryStore();
    const store = new VerifiedChartStore(inner);
    const picture = png(40, 30, 200);
    await store.put('k', picture);
    expect((await store.get('k'))!.equals(picture)).toBe(true);
    expect(await store.get('k', { width: 40, height: 30 })).toBeDefined();
    expect(await store.get('k', { width: 41, height: 30 })).toBeUndefined();

    const sealed = inner.entries.get('k')!;
    inner.entries.set('k', sealed.subarray(0, sealed.length - 20));
    expect(await store.get('k')).toBeUndefined();
    inner.entries.set('k', Buffer.alloc(0));
    expect(await store.get('k')).toBeUndefined();
    inner.entries.set('k', png(40, 30, 10));
    expect(await store.get('k')).toBeUndefined();
    // A foreign picture with a seal copied from a real entry: the hash no longer matches.
    const other = seal(png(40, 30, 10));
    const n = sealed.length - picture.length;
    inner.entries.set('k', Buffer.concat([other.subarray(0, other.length - 12 - n), sealed.subarray(-12 - n)]));
    expect(await store.get('k')).toBeUndefined();
    expect(store.rejected.map((r) => r.why)).toEqual(['wrong-size', 'not-png', 'not-png', 'no-seal', 'hash-mismatch']);
  });

  it('redraws a chart whose shared-cache entry was replaced, and embeds the real one', async () => {
    const cache = join(tempProject(), 'cache');
    const data = 'sources: { s: { title: S } }\nsource: s\ngrowth: { unit: "%", series: { A: 3, B: 5, C: 8 } }\n';
    const slide = '{ type: chart, title: Growth, chart: { type: column, data: growth } }';
    const dir = tempProject({ 'deck.yaml': outline('data: data.yaml\n', slide), 'data.yaml': data });
    const first = await buildDeck('deck.yaml', { cwd: dir, cacheDir: cache });
    expect(first.report.charts).toMatchObject({ rendered: 1, cached: 0 });
    const original = readFileSync(join(dir, 'out', 'deck.pptx'));
    const [entry] = readdirSync(cache).filter((f) => f.endsWith('.png'));
    // Someone with write access to the cache swaps in their own figure.
    writeFileSync(join(cache, entry!), png(100, 100, 0));
    const second = await buildDeck('deck.yaml', { cwd: dir, cacheDir: cache });
    expect(second.report.charts).toMatchObject({ rendered: 1, cached: 0 });
    expect(readFileSync(join(dir, 'out', 'deck.pptx')).equals(original)).toBe(true);
    const third = await buildDeck('deck.yaml', { cwd: dir, cacheDir: cache });
    expect(third.report.charts).toMatchObject({ rendered: 0, cached: 1 });
    expect(readFileSync(join(dir, 'out', 'deck.pptx')).equals(original)).toBe(true);
    // A picture sealed as briefdeck would, but not of the size this chart is drawn at (the third
    // build above shows the real entry passes the same size check).
    writeFileSync(join(cache, entry!), seal(png(100, 100, 0)));
    const fourth = await buildDeck('deck.yaml', { cwd: dir, cacheDir: cache });
    expect(fourth.report.charts).toMatchObject({ rendered: 1, cached: 0 });
    expect(readFileSync(join(dir, 'out', 'deck.pptx')).equals(original)).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.names.some((n) => n.startsWith('ppt/media/'))).toBe(true);
  });

  it('refuses a truncated PNG logo and an oversized one, naming the limit', async () => {
    const logo = readFileSync(join(REPO, 'assets/logo.png'));
    const dir = tempProject({ 'templates/t.yaml': 'logo: logo.png\n', 'deck.yaml': outline('theme: t\n') });
    writeFileSync(join(dir, 'templates/logo.png'), logo.subarray(0, logo.length - 40));
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)[0]).toMatchObject({ code: 'asset-missing', file: 'templates/t.yaml', line: 1, column: 7 });
    expect(r.diagnostics[0]!.message).toMatch(/cut short|damaged/);
    writeFileSync(join(dir, 'templates/logo.png'), png(300, 10));
    const wide = await checkDeck('deck.yaml', { cwd: dir, limits: { maxImagePixels: 200 } });
    expect(wide.diagnostics[0]).toMatchObject({ code: 'input-too-large' });
    expect(wide.diagnostics[0]!.hint).toMatch(/--limit image-pixels=N \(limits\.maxImagePixels\)/);
  });

  it('checks that a font file is a font before anything parses it', async () => {
    const dir = tempProject({
      'templates/t.yaml': 'fonts: { files: [ { file: fake.ttf, family: Fake } ] }\n',
      'templates/fake.ttf': 'this is not a font',
      'deck.yaml': outline('theme: t\n'),
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(r.diagnostics[0]).toMatchObject({ code: 'asset-missing' });
    expect(r.diagnostics[0]!.message).toMatch(/fake\.ttf cannot be used: it is not a TrueType or OpenType font/);
    const big = await checkDeck('deck.yaml', { cwd: dir, limits: { maxFontBytes: 4 } });
    expect(big.diagnostics[0]).toMatchObject({ code: 'input-too-large' });
  });
});
