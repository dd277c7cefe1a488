import { describe, expect, it } from 'vitest';
import { HEIGHT_SAFETY, LINE_HEIGHT, WIDTH_SAFETY } from '../../src/layout/fit.js';
import {
  FOOT_RULE_GAP,
  footerRuleY,
  frameOf,
  layoutSourceLine,
  layoutTitle,
  TEXT_INSETS,
  BODY_BELOW_RULE,
} from '../../src/layout/frame.js';
import type { Element, ResolvedSlide } from '../../src/model.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { fakeContext, HERE } from '../helpers/layout.js';

const slide: ResolvedSlide = { kind: 'quote', quote: 'Q', title: '', notes: '', sources: [], at: HERE };
const f = frameOf(BASE_THEME);
const width = f.width - 2 * f.margin;
const { title: size, titleMin } = BASE_THEME.sizes;
/** The fake measurer sets a character in half an em: how many fit on a title line at a size. */
const perLine = (s: number, w = width) => Math.floor((w * WIDTH_SAFETY) / (s / 2));
const words = (chars: number) =>
  'aaaa '
    .repeat(Math.ceil(chars / 5))
    .slice(0, chars)
    .trim();

type Text = Extract<Element, { kind: 'text' }>;
const titleOf = (elements: Element[]) => elements.find((e): e is Text => e.kind === 'text' && e.role === 'title')!;

describe('slide title layout (fake measurer)', () => {
  it('sets a short title on one line at the theme size, with the rule and body below it', () => {
    const ctx = fakeContext();
    const { elements, bodyTop } = layoutTitle('Short title', slide, ctx);
    const title = titleOf(elements);
    // The line, the 5 % every fit keeps free, the insets.
    const h = (size * LINE_HEIGHT) / HEIGHT_SAFETY + TEXT_INSETS.t + TEXT_INSETS.b;
    expect(title.box).toEqual({ x: f.margin, y: f.titleTop, w: width, h });
    expect(title.paragraphs[0]!.runs[0]).toMatchObject({ size, bold: true, color: BASE_THEME.palette.title });
    expect(elements.find((e) => e.kind === 'rect')!.box.y).toBe(f.titleTop + h + 6);
    expect(bodyTop).toBe(f.titleTop + h + 6 + BODY_BELOW_RULE);
    expect(ctx.fit.stats.shrunk).toBe(0);
  });

  it('keeps the theme size and takes a second line for a title a little too long for one line', () => {
    const ctx = fakeContext();
    const text = words(perLine(size) + 3);
    const title = titleOf(layoutTitle(text, slide, ctx).elements);
    expect(title.paragraphs[0]!.runs[0]!.size).toBe(size);
    expect(title.box.h).toBe((2 * size * LINE_HEIGHT) / HEIGHT_SAFETY + TEXT_INSETS.t + TEXT_INSETS.b);
    expect(ctx.diagnostics.items).toEqual([]);
    expect(ctx.fit.stats.shrunk).toBe(0);
  });

  it('takes two lines at the theme size for a title too long for one line at the minimum', () => {
    const ctx = fakeContext();
    const text = words(perLine(titleMin) + 5);
    const title = titleOf(layoutTitle(text, slide, ctx).elements);
    expect(title.paragraphs[0]!.runs[0]!.size).toBe(size);
    expect(title.box.h).toBe((2 * size * LINE_HEIGHT) / HEIGHT_SAFETY + TEXT_INSETS.t + TEXT_INSETS.b);
    expect(ctx.diagnostics.items).toEqual([]);
  });

  it('is an error when even three lines at the minimum are not enough', () => {
    const ctx = fakeContext();
    const title = titleOf(layoutTitle(words(3 * perLine(titleMin) + 20), slide, ctx).elements);
    expect(title.paragraphs[0]!.runs[0]!.size).toBe(titleMin);
    expect(ctx.diagnostics.items).toMatchObject([{ code: 'text-does-not-fit', severity: 'error', at: HERE }]);
  });

  it('leaves room for the logo beside the title', () => {
    const logo = { file: 'logo.png', data: Buffer.alloc(0), width: 200, height: 100 };
    const title = titleOf(layoutTitle('Short title', slide, fakeContext({ theme: { logo } })).elements);
    // The logo is 30 pt high, so 60 pt wide here, with 16 pt between it and the title.
    expect(title.box.w).toBe(width - 60 - 16);
  });

  it('writes no title and no rule for a slide without one', () => {
    const { elements, bodyTop } = layoutTitle('', slide, fakeContext());
    expect(elements).toEqual([]);
    expect(bodyTop).toBe(f.titleTop + 8);
  });
});

describe('source line (fake measurer)', () => {
  it('sits at the foot of the slide in the muted colour, shrunk no further than the source minimum', () => {
    const ctx = fakeContext();
    const [line] = layoutSourceLine('Source: Guangming Daily, 27 Oct 2025', slide, ctx) as [Text];
    expect(line.box).toMatchObject({ x: f.margin, w: width });
    // It rests on the footer rule and ends above it, clear of the slide number under the rule.
    expect(line.box.y + line.box.h).toBe(footerRuleY(f) - FOOT_RULE_GAP);
    expect(line.box.h).toBeLessThan(2 * BASE_THEME.sizes.source);
    expect(line.paragraphs[0]!.runs[0]).toMatchObject({
      size: BASE_THEME.sizes.source,
      color: BASE_THEME.palette.muted,
    });
    const long = fakeContext();
    layoutSourceLine('x'.repeat(400), slide, long);
    expect(long.diagnostics.items[0]!.message).toBe(
      `source line does not fit its box even at ${BASE_THEME.sizes.sourceMin} pt`,
    );
  });

  it('is nothing when the slide cites nothing', () => {
    expect(layoutSourceLine(undefined, slide, fakeContext())).toEqual([]);
  });
});
