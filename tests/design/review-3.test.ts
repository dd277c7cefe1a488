import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { chartsAskedFor, drawChart } from '../charts/geometry-helpers.js';
import { openPptx, shapesOf, textsOf, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/**
 * Findings of design review 3 (notes/design-review-3.md), read from the flagship decks as they are
 * built: the English deck on the official and minimal themes, and the Chinese deck.
 */
const BUILDS = {
  en: { outline: 'opening-up', theme: undefined },
  minimal: { outline: 'opening-up', theme: 'minimal' },
  zh: { outline: 'opening-up-zh', theme: undefined },
} as const;
const decks = new Map<keyof typeof BUILDS, OpenedDeck>();

beforeAll(async () => {
  for (const [key, { outline, theme }] of Object.entries(BUILDS)) {
    const out = join(tempProject(), 'out');
    const r = await buildDeck(`decks/${outline}.yaml`, {
      cwd: REPO,
      outDir: out,
      cacheDir: false,
      ...(theme ? { themeOverride: theme } : {}),
    });
    expect(r.ok, `${key}: ${r.diagnostics.map((d) => d.message).join('; ')}`).toBe(true);
    decks.set(key as keyof typeof BUILDS, await openPptx(join(out, `${outline}.pptx`)));
  }
}, 180_000);

/** A paragraph's lines as written: its runs' text, with a soft break (<a:br/>) as a newline. */
function writtenLines(paragraphXml: string): string[] {
  const parts = [...paragraphXml.matchAll(/<a:br\b[^>]*\/>|<a:br\b[^>]*>[\s\S]*?<\/a:br>|<a:t>([^<]*)<\/a:t>/g)];
  return parts
    .map((m) => (m[0].startsWith('<a:br') ? '\n' : m[1]!.replace(/&amp;/g, '&')))
    .join('')
    .split('\n');
}

const paragraphs = (xml: string) => [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1]!);

describe('hyphenated words stay whole (review 3, finding 2)', () => {
  it('breaks the slide 12 bullet before "cross-border", not at its hyphen', () => {
    const slide = decks.get('en')!.slides[11]!;
    const body = shapesOf(slide.xml).find((s) => s.name === 'Body')!;
    const bullet = paragraphs(body.xml).find((p) => writtenLines(p).join(' ').includes('negative list'))!;
    expect(writtenLines(bullet)).toEqual(['A negative list now governs', 'cross-border services trade']);
  });
});

describe('a value axis names its unit as the text does (review 3, finding 3)', () => {
  it('titles the slide 22 axis "US$ trillion", as its bullets write US$2.7 trillion, never "USD"', async () => {
    // The flagship with editable charts: the axis title is text in the chart part.
    const outline = readFileSync(join(REPO, 'decks/opening-up.yaml'), 'utf8').replace(
      /^lang: en$/m,
      'lang: en\ncharts: native',
    );
    const project = tempProject({ 'decks/opening-up.yaml': outline }, ['decks/data']);
    const r = await buildDeck('decks/opening-up.yaml', { cwd: project, cacheDir: false });
    expect(r.ok, r.diagnostics.map((d) => d.message).join('; ')).toBe(true);
    const deck = await openPptx(join(project, 'out', 'opening-up.pptx'));
    const slide = deck.slides.find((s) => s.title.startsWith('Belt and Road goods trade'))!;
    const chart = await deck.file(slide.charts[0]!);
    const valueAxis = /<c:valAx>([\s\S]*?)<\/c:valAx>/.exec(chart)![1]!;
    expect(textsOf(valueAxis).join('')).toBe('US$ trillion');
    expect(chart).not.toMatch(/USD/);
    // 2.7 and 3.1 on an axis of whole trillions, 0 to 4, not 0.0 to 3.5 in halves.
    expect(/<c:max val="([^"]+)"/.exec(valueAxis)?.[1]).toBe('4');
    expect(/<c:majorUnit val="([^"]+)"/.exec(valueAxis)?.[1]).toBe('1');
    expect(/formatCode="([^"]+)"/.exec(valueAxis)?.[1]).not.toMatch(/\.0/);
  });
});

describe('one accent in the minimal theme (review 3, finding 6)', () => {
  const fills = (deck: OpenedDeck, name: string) =>
    deck.slides.flatMap((s) =>
      shapesOf(s.xml)
        .filter((sh) => sh.name === name)
        .map((sh) => /<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(sh.xml)?.[1]),
    );

  it('draws the rules over the deck title and section titles in its green, not red', () => {
    const minimal = decks.get('minimal')!;
    expect(fills(minimal, 'Title accent')).toEqual(['0B6E4F']);
    expect(new Set(fills(minimal, 'Section rule'))).toEqual(new Set(['0B6E4F']));
    expect(fills(minimal, 'Section rule')).toHaveLength(6);
    // The official theme keeps its red accent there.
    expect(new Set(fills(decks.get('en')!, 'Section rule'))).toEqual(new Set(['D12E35']));
  });
});

describe('a pie legend reads with its ring (review 3, finding 4)', () => {
  /** The flagship's doughnut as the renderer is asked to draw it, drawn by chart.js for its geometry. */
  async function doughnutOf(outline: string) {
    const asked = await chartsAskedFor(() =>
      buildDeck(`decks/${outline}.yaml`, {
        cwd: REPO,
        outDir: join(tempProject(), 'out'),
        cacheDir: false,
        workers: 0,
      }),
    );
    const { chart, style } = asked.find((a) => a.chart.type === 'doughnut')!;
    const drawn = drawChart(chart, style);
    const legend = drawn.legend as unknown as { legendHitBoxes: { left: number; top: number; width: number }[] };
    const arc = drawn.getDatasetMeta(0).data[0] as unknown as { x: number; outerRadius: number };
    const out = { boxes: legend.legendHitBoxes.map((b) => ({ ...b })), ring: arc, width: style.width };
    drawn.destroy();
    return out;
  }

  it('starts the entries of a legend under the ring at one x, centred as a block (EN slide 18)', async () => {
    const { boxes, ring } = await doughnutOf('opening-up');
    expect(boxes).toHaveLength(2);
    // One entry a row, both starting at one x: no ragged left edge.
    expect(boxes[1]!.top).toBeGreaterThan(boxes[0]!.top);
    expect(boxes[1]!.left).toBeCloseTo(boxes[0]!.left, 0);
    // The block's middle is the ring's middle, to within a few px.
    const right = Math.max(...boxes.map((b) => b.left + b.width));
    expect(Math.abs((boxes[0]!.left + right) / 2 - ring.x)).toBeLessThan(24);
  });

  it('sets a legend beside the ring next to it, the two in the middle of the picture (zh slide 11)', async () => {
    const { boxes, ring, width } = await doughnutOf('opening-up-zh');
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.left + b.width));
    // Legend to the right of the ring, with at most the room of its outside labels between them.
    expect(left).toBeGreaterThan(ring.x + ring.outerRadius);
    expect(left - (ring.x + ring.outerRadius)).toBeLessThan(0.25 * width);
    // The ring (with its labels) and the legend are centred together, not the ring alone.
    const group = { from: ring.x - ring.outerRadius, to: right };
    expect(Math.abs(group.from - (width - group.to))).toBeLessThan(0.2 * width);
  });
});

describe('the flagship names a thing one way (review 3, finding 10)', () => {
  it('calls the visa measure on slide 8 what its chart calls it, and joins two places with an en dash', () => {
    const en = decks.get('en')!;
    const visa = en.slides[7]!.texts.join('\n');
    expect(visa).toContain('Comprehensive mutual visa exemption with 29');
    expect(visa).not.toMatch(/Full mutual/);
    // A stat label reads as English: "increase on end of 13th FYP period" lacked its articles.
    expect(en.slides[10]!.texts.join(' ')).toMatch(/increase on the end of\s+the 13th FYP period/);
    const text = en.slides.flatMap((s) => s.texts).join('\n');
    expect(text).toContain('China\u2013Europe');
    expect(text).not.toContain('China-Europe');
  });
});

describe('display lines of even length (review 3, finding 11)', () => {
  const linesOf = (deck: OpenedDeck, slide: number, name: string) =>
    paragraphs(shapesOf(deck.slides[slide]!.xml).find((s) => s.name === name)!.xml).flatMap(writtenLines);

  it('sets the deck title in two even lines, not one full line over a lone "Cooperation"', () => {
    const lines = linesOf(decks.get('en')!, 0, 'Title');
    expect(lines.join(' ')).toBe('Drawing a New Picture of Win-win Cooperation');
    expect(lines).toHaveLength(2);
    expect(lines.at(-1)!.split(' ').length).toBeGreaterThanOrEqual(3);
    const [a, b] = lines.map((l) => l.length);
    expect(Math.abs(a! - b!)).toBeLessThanOrEqual(6);
  });

  it('balances the quotation too, and keeps a one-line section title whole', () => {
    const en = decks.get('en')!;
    const quote = linesOf(
      en,
      en.slides.findIndex((s) => s.xml.includes('name="Quote"')),
      'Quote',
    );
    expect(quote.length).toBeGreaterThanOrEqual(2);
    const lengths = quote.map((l) => l.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThan(0.4 * Math.max(...lengths));
    expect(linesOf(en, 1, 'Title')).toEqual(['At a glance']);
  });
});
