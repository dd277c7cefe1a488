import type { Element, ResolvedSlide } from '../model.js';
import { fittedHeight, fitOne, paragraph, TEXT_INSETS, type LayoutContext } from './frame.js';

export interface CaptionBlock {
  /** Height of its text box. */
  height: number;
  /** The caption's element, once its place is known. */
  at(x: number, y: number): Element;
}

/**
 * A caption under a chart, a table or stat cards: muted italic, at most two lines, shrunk
 * down to the theme's caption minimum before it is an error.
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
      box: { x: 0, y: 0, w: width, h: fittedHeight(2, sizes.caption) },
      size: sizes.caption,
      minSize: sizes.captionMin,
      maxLines: 2,
      what,
      at: slide.at,
    },
    ctx,
  );
  const height = fittedHeight(r.lines, r.size);
  return {
    height,
    at: (x, y) => ({
      kind: 'text',
      name: 'Caption',
      role: 'other',
      box: { x, y, w: width, h: height },
      paragraphs: [paragraph(ctx, text, r.size, palette.muted, { italic: true })],
      valign: 'top',
      insets: TEXT_INSETS,
    }),
  };
}
