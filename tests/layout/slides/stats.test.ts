import { describe, expect, it } from 'vitest';
import { WIDTH_SAFETY } from '../../../src/layout/fit.js';
import { frameOf } from '../../../src/layout/frame.js';
import { layoutStatsSlide } from '../../../src/layout/slides/stats.js';
import type { Element, ResolvedSlide } from '../../../src/model.js';
import { BASE_THEME } from '../../../src/resolve/theme.js';
import { fakeContext, HERE } from '../../helpers/layout.js';

type Text = Extract<Element, { kind: 'text' }>;
const statsSlide = (stats: [string, string][], caption?: string): Extract<ResolvedSlide, { kind: 'stats' }> => ({
  kind: 'stats',
  title: 'Headline figures',
  notes: '',
  sources: [],
  at: HERE,
  stats: stats.map(([value, label]) => ({ value, label })),
  ...(caption ? { caption } : {}),
});
const named = (elements: Element[], suffix: string) =>
  elements.filter((e): e is Text => e.kind === 'text' && e.name.endsWith(suffix));
const sizeOf = (t: Text) => t.paragraphs[0]!.runs[0]!.size;

const f = frameOf(BASE_THEME);
const bodyWidth = f.width - 2 * f.margin;
/** Text width inside a card of a row of n cards (24 pt apart, 16 pt padding). */
const inner = (n: number) => (bodyWidth - 24 * (n - 1)) / n - 32;

describe('stats slides (fake measurer)', () => {
  it('sets three figures in one row of cards at the theme sizes', () => {
    const [slide] = layoutStatsSlide(
      statsSlide([
        ['12%', 'Growth'],
        ['3.4 tn', 'Trade'],
        ['154', 'Partners'],
      ]),
      fakeContext(),
    );
    const cards = slide!.elements.filter((e) => e.kind === 'rect' && e.name.endsWith('card'));
    expect(new Set(cards.map((c) => c.box.y)).size).toBe(1);
    expect(cards.map((c) => c.kind === 'rect' && c.fill)).toEqual(cards.map(() => BASE_THEME.palette.surface));
    const { statValue, statLabel } = BASE_THEME.sizes;
    expect(named(slide!.elements, 'value').map(sizeOf)).toEqual([statValue, statValue, statValue]);
    expect(named(slide!.elements, 'label').map(sizeOf)).toEqual([statLabel, statLabel, statLabel]);
  });

  it('sets a 2 × 2 grid for four figures', () => {
    const [slide] = layoutStatsSlide(
      statsSlide([
        ['1', 'a'],
        ['2', 'b'],
        ['3', 'c'],
        ['4', 'd'],
      ]),
      fakeContext(),
    );
    const cards = slide!.elements.filter((e) => e.kind === 'rect' && e.name.endsWith('card'));
    expect(new Set(cards.map((c) => c.box.x)).size).toBe(2);
    expect(new Set(cards.map((c) => c.box.y)).size).toBe(2);
  });

  it('shrinks every figure to the size the longest one needs, so they stay alike', () => {
    const long = '1,234,567 bn';
    const [slide] = layoutStatsSlide(
      statsSlide([
        ['12%', 'Growth'],
        [long, 'Trade'],
        ['154', 'Partners'],
      ]),
      fakeContext(),
    );
    const expected = Math.floor(((inner(3) * WIDTH_SAFETY) / (long.length / 2)) * 2) / 2;
    expect(expected).toBeLessThan(BASE_THEME.sizes.statValue);
    expect(named(slide!.elements, 'value').map(sizeOf)).toEqual([expected, expected, expected]);
  });

  it('is an error when a figure is too long for its card even at the theme minimum', () => {
    const ctx = fakeContext();
    layoutStatsSlide(statsSlide([['9'.repeat(200), 'Too long']]), ctx);
    expect(ctx.diagnostics.items).toMatchObject([
      {
        code: 'text-does-not-fit',
        message: `a headline figure is too long for its card even at ${BASE_THEME.sizes.statValueMin} pt`,
      },
    ]);
  });

  it('puts the caption at the foot of the body, below the cards', () => {
    const [slide] = layoutStatsSlide(statsSlide([['12%', 'Growth']], 'Year on year, current prices.'), fakeContext());
    const caption = slide!.elements.find((e): e is Text => e.kind === 'text' && e.name === 'Caption')!;
    expect(caption.box.y + caption.box.h).toBe(f.bodyBottom);
    expect(caption.paragraphs[0]!.runs[0]).toMatchObject({ italic: true, color: BASE_THEME.palette.muted });
    const card = slide!.elements.find((e) => e.name === 'Stat 1 card')!;
    expect(card.box.y + card.box.h).toBeLessThanOrEqual(caption.box.y - 12);
  });
});
