import type { Element, ResolvedSlide } from '../model.js';
import { WIDTH_SAFETY } from './fit.js';
import { settleLastLine } from './linebreak.js';
import { fittedHeight, fitOne, paragraph, TEXT_INSETS, type LayoutContext } from './frame.js';

export interface CaptionBlock {
  /** Height of its text box. */
  height: number;
  /** The caption's element, once its place is known. */
  at(x: number, y: number): Element;
}

/**
 * A caption under a chart, a table or stat cards: muted and upright (italic is a fake slant
 * on Chinese faces), at most two lines, at the deck's caption size.
 */
export function captionBlock(
  text: string,
  width: number,
  what: string,
  slide: ResolvedSlide,
  ctx: LayoutContext,
): CaptionBlock {
  const { sizes, palette } = ctx.theme;
  const r = fitOne(
    text,
    {
      box: { x: 0, y: 0, w: width, h: fittedHeight(2, sizes.caption, TEXT_INSETS, text) },
      size: sizes.caption,
      minSize: sizes.captionMin,
      maxLines: 2,
      what,
      at: slide.at,
      role: 'caption',
    },
    ctx,
  );
  const height = fittedHeight(r.lines, r.size, TEXT_INSETS, text);
  const settled = settleLastLine(text, width * WIDTH_SAFETY, (t) => ctx.measure.width(t, r.size));
  return {
    height,
    at: (x, y) => ({
      kind: 'text',
      name: 'Caption',
      role: 'other',
      box: { x, y, w: width, h: height },
      paragraphs: [paragraph(ctx, settled, r.size, palette.muted)],
      valign: 'top',
      insets: TEXT_INSETS,
    }),
  };
}
