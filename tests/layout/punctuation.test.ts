import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compressPunctuation, paragraphRuns } from '../../src/layout/frame.js';
import { buildDeck } from '../../src/index.js';
import type { Run } from '../../src/model.js';
import { openPptx } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/** Two full-width marks in a row: the first is set in half its width (clreq, 标点挤压). */

const face = { latin: 'Calibri', eastAsian: 'Microsoft YaHei' };
const run = (text: string, extra: Partial<Run> = {}): Run => ({
  text,
  size: 20,
  color: '000000',
  font: face,
  lang: 'zh-CN',
  ...extra,
});
const shown = (runs: Run[]) => runs.map((r) => (r.spacing ? `[${r.text}${r.spacing}]` : r.text)).join('|');

describe('compressPunctuation', () => {
  it('tightens the first of two marks by half an em, in a run of its own', () => {
    expect(shown(compressPunctuation([run('必由之路。”')]))).toBe('必由之路|[。-10]|”');
    expect(shown(compressPunctuation([run('资料来源：《光明日报》，2025年')]))).toBe(
      '资料来源|[：-10]|《光明日报|[》-10]|，2025年',
    );
  });

  it('finds a pair across two runs, as a Chinese quotation mark is a run of its own', () => {
    expect(shown(paragraphRuns([run('是世界繁荣发展的必由之路。”')], face))).toBe('是世界繁荣发展的必由之路|[。-10]|”');
  });

  it('leaves single marks, Latin text and a mark that ends a line alone', () => {
    for (const text of ['开放，合作。', 'Open, and win-win.', '“开放”'])
      expect(compressPunctuation([run(text)])).toEqual([run(text)]);
    // The next run starts a new line: no pair across the break.
    const lines = [run('第一行。'), run('“第二行', { breakBefore: true })];
    expect(compressPunctuation(lines)).toEqual(lines);
  });

  it('keeps a soft break on the first piece of a run it splits', () => {
    const split = compressPunctuation([run('路。”', { breakBefore: true })]);
    expect(split.map((r) => !!r.breakBefore)).toEqual([true, false, false]);
  });
});

describe('the Chinese briefing', () => {
  it('writes the tightening as character spacing on the mark alone', async () => {
    const out = join(tempProject(), 'out');
    await buildDeck('decks/opening-up-zh.yaml', { cwd: REPO, outDir: out, cacheDir: false });
    const deck = await openPptx(join(out, 'opening-up-zh.pptx'));
    const tightened = deck.slides.flatMap((s) =>
      [...s.xml.matchAll(/<a:rPr[^>]* sz="(\d+)"[^>]* spc="(-\d+)"[^>]*>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => ({
        text: m[3],
        half: Number(m[2]) === -Number(m[1]) / 2,
      })),
    );
    expect(tightened.length).toBeGreaterThan(0);
    for (const t of tightened) {
      expect(t.text).toMatch(/^[。，、；：！？”’》」』】）]$/u);
      expect(t.half).toBe(true);
    }
  });
});
