import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/** The Chinese briefing as built, each paragraph's lines as written (a soft break <a:br/> parts them). */
let deck: OpenedDeck;

beforeAll(async () => {
  const out = join(tempProject(), 'out');
  await buildDeck('decks/opening-up-zh.yaml', { cwd: REPO, outDir: out, cacheDir: false });
  deck = await openPptx(join(out, 'opening-up-zh.pptx'));
});

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
/** Every paragraph of the deck with a soft break in it, as its lines. */
function brokenParagraphs(): string[][] {
  return deck.slides.flatMap((s) =>
    [...s.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
      .map((p) =>
        p[1]!
          .split(/<a:br\b/)
          .map((part) => [...part.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)).join('')),
      )
      .filter((lines) => lines.length > 1),
  );
}
const characters = (line: string) => [...line.replace(/[，。、；：？！）」』】》”’\s]/g, '')].length;

describe('Chinese soft breaks (design review §2)', () => {
  it('never part a briefing compound or leave a preposition at a line end', () => {
    const breaks = brokenParagraphs().flatMap((lines) => lines.slice(0, -1).map((l, i) => [l, lines[i + 1]!]));
    for (const [end, start] of breaks) {
      expect(end, `break after "${end}"`).not.toMatch(/[从在对向与和及把]$/);
      const seam = `${end.slice(-2)}|${start.slice(0, 2)}`;
      for (const word of ['扩大|开放', '服务|贸易', '必|由之', '必由|之路']) expect(seam).not.toContain(word);
      expect(start, `break before "${start}"`).not.toMatch(/^[的地得之了着过们]/);
    }
  });

  it('leave no last line of four characters or fewer', () => {
    for (const lines of brokenParagraphs()) expect(characters(lines.at(-1)!), lines.join('|')).toBeGreaterThan(4);
  });

  it('balance the quotation at its comma rather than inside 必由之路', () => {
    const quote = deck.slides.find((s) => s.xml.includes('name="Quote"'))!;
    const lines = brokenParagraphs().find((l) => l.join('').includes('必由之路'));
    expect(quote).toBeDefined();
    expect(lines?.[0]).toMatch(/，$/);
  });
});

describe('opening punctuation at a line start (design review §2)', () => {
  it('sets a line-start “ in the Latin face, half-width, so its ink is on the grid', () => {
    const opening = deck.slides.flatMap((s) =>
      [...s.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
        .map((p) => [...p[1]!.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((r) => r[1]!))
        .filter((runs) => runs.some((r) => r.includes('<a:t>\u3000</a:t>'))),
    );
    // Titles and table cells of slides 1, 5 and 10 open with “.
    expect(opening.length).toBeGreaterThanOrEqual(3);
    for (const runs of opening) {
      const quote = runs[1]!;
      expect(quote).toContain('<a:t>“</a:t>');
      expect(quote).toContain('<a:latin typeface="Calibri"');
      expect(quote).toContain('<a:ea typeface="Calibri"');
      // The anchor is 1 pt: it keeps the “ East Asian in LibreOffice and does not move it off the grid.
      expect(runs[0]).toMatch(/sz="100"/);
    }
  });
});
