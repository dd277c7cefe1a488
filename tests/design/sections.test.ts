import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { openPptx, shapesOf, textsOf } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/** An outline of three sections: one slide, two slides, three slides. */
function outline(extra = '', sectionExtra: Record<number, string> = {}): string {
  const slide = (t: string) => `      - { type: bullets, title: ${t}, bullets: [One point] }\n`;
  const section = (n: number, title: string, count: number) =>
    `  - title: ${title}\n${sectionExtra[n] ?? ''}    slides:\n${Array.from({ length: count }, (_, i) => slide(`${title} ${i + 1}`)).join('')}`;
  return `title: Sections\n${extra}sections:\n${section(1, 'Short', 1)}${section(2, 'Middle', 2)}${section(3, 'Longest section of the deck', 3)}`;
}

async function build(files: Record<string, string>) {
  const dir = tempProject(files);
  const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
  const dividers = deck.slides.filter((s) => s.xml.includes('name="Section number"')).map((s) => s.title);
  const trackers = deck.slides.map((s) => {
    const t = shapesOf(s.xml).find((sh) => sh.name === 'Section tracker');
    return t ? textsOf(t.xml).join('') : undefined;
  });
  return { deck, dividers, trackers };
}

describe('section dividers', () => {
  it('opens every section with a divider by default', async () => {
    const { dividers } = await build({ 'deck.yaml': outline() });
    expect(dividers).toEqual(['Short', 'Middle', 'Longest section of the deck']);
  });

  it('leaves them out for sections shorter than the theme says, or all of them', async () => {
    const theme = (s: string) => `extends: official\nsections: { ${s} }\n`;
    const min = await build({ 'deck.yaml': outline('theme: t.yaml\n'), 't.yaml': theme('min_slides: 2') });
    expect(min.dividers).toEqual(['Middle', 'Longest section of the deck']);
    const none = await build({ 'deck.yaml': outline('theme: t.yaml\n'), 't.yaml': theme('dividers: false') });
    expect(none.dividers).toEqual([]);
    expect(none.deck.slides).toHaveLength(1 + 6);
  });

  it("lets the outline's dividers: and a section's divider: override the theme", async () => {
    const t = { 't.yaml': 'extends: official\nsections: { min_slides: 3 }\n' };
    const deckWide = await build({ 'deck.yaml': outline('theme: t.yaml\ndividers: true\n'), ...t });
    expect(deckWide.dividers).toHaveLength(3);
    const off = await build({ 'deck.yaml': outline('dividers: false\n', { 2: '    divider: true\n' }) });
    expect(off.dividers).toEqual(['Middle']);
  });
});

describe('the section tracker', () => {
  it("names each content slide's section with its number, above the title", async () => {
    const { deck, trackers } = await build({ 'deck.yaml': outline('dividers: false\n') });
    expect(trackers).toEqual([
      undefined, // the title slide
      '01\u2002Short',
      '02\u2002Middle',
      '02\u2002Middle',
      '03\u2002Longest section of the deck',
      '03\u2002Longest section of the deck',
      '03\u2002Longest section of the deck',
    ]);
    for (const slide of deck.slides.slice(1)) {
      const sh = shapesOf(slide.xml);
      const tracker = sh.find((s) => s.name === 'Section tracker')!;
      const title = sh.find((s) => s.isTitle)!;
      expect(tracker.y + tracker.h).toBeLessThanOrEqual(title.y);
      expect(tracker.x).toBe(title.x);
      // Clear of the classification marking at the top centre (240 pt wide).
      expect(tracker.x + tracker.w).toBeLessThanOrEqual((12192000 - 240 * 12700) / 2);
    }
  });

  it('cuts a long section title at a word with an ellipsis, and is off when the theme says so', async () => {
    const long = 'A very long section title that keeps going well past the room a running head has beside the marking';
    const { trackers } = await build({ 'deck.yaml': outline().replace('title: Short', `title: ${long}`) });
    const cut = trackers[2]!;
    expect(cut).toMatch(/…$/);
    expect(cut.startsWith('01\u2002A very long')).toBe(true);
    expect(long.startsWith(cut.slice(3, -1))).toBe(true);
    expect(cut.length).toBeLessThan(long.length);
    const off = await build({
      'deck.yaml': outline('theme: t.yaml\n'),
      't.yaml': 'extends: official\nsections: { tracker: false }\n',
    });
    expect(off.trackers.every((t) => t === undefined)).toBe(true);
  });
});
