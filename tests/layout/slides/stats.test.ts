import { describe, expect, it } from 'vitest';
import { WIDTH_SAFETY } from '../../../src/layout/fit.js';
import { FOOT_RULE_GAP, footerRuleY, frameOf } from '../../../src/layout/frame.js';
import { layoutStatsSlide, UNIT_SHARE } from '../../../src/layout/slides/stats.js';
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

  it('sets every unit at half its figure’s size beside it, a measure word or an English unit alike', () => {
    const [slide] = layoutStatsSlide(
      statsSlide([
        ['22', '个自由贸易试验区'],
        ['US$3.4 tn', 'Trade'],
        ['12%', 'Growth'],
      ]),
      fakeContext(),
    );
    const { statValue } = BASE_THEME.sizes;
    const runs = named(slide!.elements, 'value').map((e) => e.paragraphs[0]!.runs.map((r) => [r.text, r.size]));
    expect(runs).toEqual([
      [
        ['22', statValue],
        ['个', statValue * UNIT_SHARE],
      ],
      [
        ['US$', statValue * UNIT_SHARE],
        ['3.4', statValue],
        ['\u00a0tn', statValue * UNIT_SHARE],
      ],
      [['12%', statValue]],
    ]);
    expect(UNIT_SHARE).toBe(0.5);
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

  it('moves a unit too wide for the card into the label, then sets every figure at the size the longest needs', () => {
    const long = '1,234,567 bn';
    const [slide] = layoutStatsSlide(
      statsSlide([
        ['12%', 'Growth'],
        [long, 'Trade'],
        ['154', 'Partners'],
      ]),
      fakeContext(),
    );
    const figure = '1,234,567';
    expect((long.length / 2) * BASE_THEME.sizes.statValue).toBeGreaterThan(inner(3) * WIDTH_SAFETY);
    const expected = Math.min(
      BASE_THEME.sizes.statValue,
      Math.floor(((inner(3) * WIDTH_SAFETY) / (figure.length / 2)) * 2) / 2,
    );
    expect(named(slide!.elements, 'value').map(sizeOf)).toEqual([expected, expected, expected]);
    const texts = (suffix: string) =>
      named(slide!.elements, suffix).map((e) =>
        e.kind === 'text' ? e.paragraphs[0]!.runs.map((r) => r.text).join('') : '',
      );
    expect(texts('value')).toEqual(['12%', figure, '154']);
    expect(texts('label')).toEqual(['Growth', 'Trade (bn)', 'Partners']);
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

  it('puts the caption in the foot note on the footer rule, below the cards', () => {
    const [slide] = layoutStatsSlide(statsSlide([['12%', 'Growth']], 'Year on year, current prices.'), fakeContext());
    const caption = slide!.elements.find((e): e is Text => e.kind === 'text' && e.name === 'Caption')!;
    const source = slide!.elements.find((e) => e.name === 'Source');
    // With the source line under it, or resting on the rule itself.
    expect(caption.box.y + caption.box.h).toBe(source ? source.box.y - 2 : footerRuleY(f) - FOOT_RULE_GAP);
    expect(caption.paragraphs[0]!.runs[0]).toMatchObject({ color: BASE_THEME.palette.muted });
    expect(caption.paragraphs[0]!.runs[0]!.italic).toBeUndefined();
    const card = slide!.elements.find((e) => e.name === 'Stat 1 card')!;
    expect(card.box.y + card.box.h).toBeLessThanOrEqual(caption.box.y - 12);
  });
});
