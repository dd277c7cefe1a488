import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { fittedHeight, fitOne, paragraph, TEXT_INSETS, type LayoutContext } from '../frame.js';
import { hasEastAsian } from '../../script.js';
import { contentSlide } from './content.js';

type Slide = Extract<ResolvedSlide, { kind: 'quote' }>;

export function layoutQuoteSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { sizes, palette } = ctx.theme;
  const quoted = `“${slide.quote}”`;
  return [
    contentSlide(slide, ctx, slide.title, (body) => {
      const elements: Element[] = [];
      const inset = Math.round(body.width * 0.08);
      const x = body.left + inset;
      const w = body.width - 2 * inset;
      const byH = slide.by ? fittedHeight(1, sizes.body - 2) + 12 : 0;
      const room = body.bottom - body.top - byH;
      const box = { x, y: body.top, w, h: room };
      const r = fitOne(
        quoted,
        { box, size: sizes.quote, minSize: sizes.quoteMin, what: 'quotation', at: slide.at },
        ctx,
      );
      const h = fittedHeight(r.lines, r.size);
      const top = body.top + Math.max(0, (room - h - byH) / 2);
      elements.push({
        kind: 'rect',
        name: 'Quote rule',
        box: { x: x - 20, y: top, w: 4, h: h + byH },
        fill: palette.accent,
      });
      // Chinese has no italic: slanted ideographs are a synthetic oblique that reads badly.
      elements.push({
        kind: 'text',
        name: 'Quote',
        role: 'body',
        box: { x, y: top, w, h },
        paragraphs: [paragraph(ctx, quoted, r.size, palette.title, { italic: !hasEastAsian(quoted) })],
        valign: 'top',
        insets: TEXT_INSETS,
      });
      if (slide.by) {
        const byBox = { x, y: top + h + 12, w, h: fittedHeight(1, sizes.body - 2) };
        const by = `${ctx.words.attributionDash} ${slide.by}`;
        const b = fitOne(
          by,
          { box: byBox, size: sizes.body - 2, minSize: sizes.bodyMin, maxLines: 1, what: 'attribution', at: slide.at },
          ctx,
        );
        elements.push({
          kind: 'text',
          name: 'Attribution',
          role: 'other',
          box: byBox,
          paragraphs: [paragraph(ctx, by, b.size, palette.muted, { align: 'right' })],
          valign: 'top',
          insets: TEXT_INSETS,
        });
      }
      return elements;
    }),
  ];
}
