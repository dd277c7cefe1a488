import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { openPptx, shapesOf, type OpenedDeck } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/**
 * pptxgenjs's documented units are not always what it writes. These pin, in the XML, every
 * unit and default the layout relies on: points in, EMU (12,700 per point) out.
 */
let deck: OpenedDeck;

beforeAll(async () => {
  const dir = tempProject({
    'deck.yaml': `title: Units
sections:
  - title: S
    divider: false
    slides:
      - type: bullets
        title: Bullets
        bullets:
          - First
          - text: Second
            bullets: [Nested]
      - type: table
        title: Table
        table: { columns: [A, B], rows: [[x, 1], [y, 2]] }
`,
  });
  await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
  deck = await openPptx(join(dir, 'out', 'deck.pptx'));
});

describe('units written into the XML', () => {
  it('places boxes in EMU from points: the 48 pt margin of a 960 × 540 pt slide', async () => {
    expect(await deck.file('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
    const body = shapesOf(deck.slides[1]!.xml).find((s) => s.name === 'Body')!;
    expect(body.x).toBe(48 * 12700);
  });

  it('writes text insets in EMU from points given as [left, right, bottom, top]', () => {
    const body = shapesOf(deck.slides[1]!.xml).find((s) => s.name === 'Body')!;
    expect(body.xml).toContain('lIns="0" tIns="50800" rIns="0" bIns="50800"');
  });

  it('writes bullet indents in points, nested levels at twice the indent, and exact line pitch', () => {
    const xml = deck.slides[1]!.xml;
    expect(xml).toMatch(/<a:pPr [^>]*marL="254000" indent="-254000"/);
    expect(xml).toMatch(/<a:pPr [^>]*lvl="1"[^>]*marL="508000" indent="-254000"/);
    // 22 pt body: 26.4 pt pitch; at least 0.55 × 22 = 12.1 pt before each top-level bullet after the first,
    // more (up to 1.6 × 22 = 35.2 pt) where the slide has room to spare. The first says 0 outright: in
    // the body placeholder it would otherwise take the master's bullet spacing.
    const before = [
      ...xml.matchAll(
        /<a:pPr (?![^>]*lvl=)[^>]*><a:lnSpc><a:spcPts val="2640"\/><\/a:lnSpc><a:spcBef><a:spcPts val="(\d+)"\/>/g,
      ),
    ].map((m) => Number(m[1]));
    expect(before.length).toBeGreaterThan(1);
    expect(before[0]).toBe(0);
    for (const space of before.slice(1)) {
      expect(space).toBeGreaterThanOrEqual(1210);
      expect(space).toBeLessThanOrEqual(3520);
    }
    expect(xml).toMatch(/<a:rPr lang="en-US"[^>]*sz="2200"/);
  });

  it('writes table cell margins from points (6 pt sides, 4 pt top and bottom) and right-aligns number columns', () => {
    const xml = deck.slides[2]!.xml;
    expect(xml).toContain('marL="76200" marR="76200" marT="50800" marB="50800"');
    expect(xml).toMatch(/<a:pPr algn="r"[\s\S]*?<a:t>1<\/a:t>/);
  });

  it('does not ask PowerPoint to shrink or grow text: layout already fitted it', () => {
    for (const slide of deck.slides) {
      expect(slide.xml).not.toContain('<a:normAutofit');
      expect(slide.xml).not.toContain('<a:spAutoFit');
    }
  });
});
