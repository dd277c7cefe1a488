import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { WIDTH_SAFETY } from '../fit.js';
import { settleLastLine, SOFT_BREAK, wrapText } from '../linebreak.js';
import { fittedHeight, fitOne, paragraph, TEXT_INSETS, type LayoutContext } from '../frame.js';
import { hasEastAsian } from '../../script.js';
import { contentSlide } from './content.js';

type Slide = Extract<ResolvedSlide, { kind: 'quote' }>;

/** From the margin (where the bar stands) to the quotation's text. */
const QUOTE_INDENT = 24;

export function layoutQuoteSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { sizes, palette } = ctx.theme;
  const quoted = `“${slide.quote}”`;
  const laidOut = contentSlide(slide, ctx, slide.title, (body) => {
    const elements: Element[] = [];
    // The bar stands on the margin and the text on a second grid line just right of it; the
    // measure stays short (at most 80 % of the body) so a quotation reads as one.
    const x = body.left + QUOTE_INDENT;
    const w = Math.round(body.width * 0.8) - QUOTE_INDENT;
    const by = slide.by ? `${ctx.words.attributionDash} ${slide.by}` : undefined;
    const bySize = sizes.body - 2;
    // A long attribution takes a second line rather than a smaller size.
    const byLines = by
      ? wrapText(by, w * WIDTH_SAFETY, (t) => ctx.measure.width(t, bySize)).lines.length > 1
        ? 2
        : 1
      : 0;
    const byH = by ? fittedHeight(byLines, bySize, TEXT_INSETS, by) + 12 : 0;
    const room = body.bottom - body.top - byH;
    const box = { x, y: body.top, w, h: room };
    const r = fitOne(quoted, { box, size: sizes.quote, minSize: sizes.quoteMin, what: 'quotation', at: slide.at }, ctx);
    const h = fittedHeight(r.lines, r.size, TEXT_INSETS, quoted);
    // The opening mark hangs in the gutter between the bar and the text, so that every line's
    // first letter stands on one edge: the box starts the mark's width left, and lines after the
    // first (soft breaks or wraps) start that far in (a hanging indent).
    const hang = Math.round(ctx.measure.width('“', r.size) * 100) / 100;
    // Under a title, at the body's top where every slide's body starts; alone, on the slide's
    // middle (within the body), as a quotation slide is read: the block in the top half looked lost.
    const middle = ctx.theme.slide.height / 2 - (h + byH) / 2;
    const top = slide.title ? body.top : Math.min(Math.max(body.top, middle), body.top + Math.max(0, room - h - byH));
    elements.push({
      kind: 'rect',
      name: 'Quote rule',
      box: { x: body.left, y: top, w: 4, h: h + byH },
      fill: palette.accent,
    });
    // Chinese has no italic: slanted ideographs are a synthetic oblique that reads badly.
    elements.push({
      kind: 'text',
      name: 'Quote',
      role: 'body',
      box: { x: x - hang, y: top, w: w + hang, h },
      paragraphs: [
        paragraph(
          ctx,
          settleLastLine(quoted, w * WIDTH_SAFETY, (t) => ctx.measure.width(t, r.size), { balance: true }),
          r.size,
          palette.title,
          { italic: !hasEastAsian(quoted), hang },
        ),
      ],
      valign: 'top',
      insets: TEXT_INSETS,
    });
    if (by) {
      const byBox = { x, y: top + h + 12, w, h: byH - 12 };
      const b = fitOne(
        by,
        { box: byBox, size: bySize, minSize: sizes.bodyMin, maxLines: 2, what: 'attribution', at: slide.at },
        ctx,
      );
      elements.push({
        kind: 'text',
        name: 'Attribution',
        role: 'other',
        box: byBox,
        paragraphs: [
          paragraph(
            ctx,
            attributionLines(by, w * WIDTH_SAFETY, (t) => ctx.measure.width(t, b.size)),
            b.size,
            palette.muted,
            // Flush with the quotation's text, in every language.
            {},
          ),
        ],
        valign: 'top',
        insets: TEXT_INSETS,
      });
    }
    return elements;
  });
  if (!slide.title) laidOut.elements.unshift(hiddenTitle(slide, ctx));
  return [laidOut];
}

/**
 * An attribution too long for one line breaks where its parts meet — after a comma, before a
 * parenthesis — at the point that leaves the two lines most even: "— Xi Jinping, General
 * Secretary of the CPC Central Committee" over "(as cited by the authors)", not a line ending
 * "(as cited by" over "the authors)". Without such a point, a lone last word is kept off its line.
 */
export function attributionLines(by: string, width: number, measure: (t: string) => number): string {
  if (measure(by) <= width) return by;
  let best: { text: string; longest: number } | undefined;
  for (const m of by.matchAll(/(?<=[,，、;；] ?)|(?= ?[(（])/g)) {
    const [first, second] = [by.slice(0, m.index).trimEnd(), by.slice(m.index).trimStart()];
    if (!first || !second) continue;
    const longest = Math.max(measure(first), measure(second));
    if (longest <= width && (!best || longest < best.longest))
      best = { text: `${first}${SOFT_BREAK}${second}`, longest };
  }
  return best?.text ?? settleLastLine(by, width, measure);
}

/**
 * A quotation needs no visible heading, but a listener needs a title to tell the slide by:
 * "Quotation: Xi Jinping" in the title placeholder, placed just above the slide's top edge,
 * where screen readers and the outline view find it and no viewer shows it.
 */
function hiddenTitle(slide: Slide, ctx: LayoutContext): Element {
  // The speaker's name, without the office and the remarks that follow a comma.
  const who = slide.by?.split(/[,，、(（]/)[0]!.trim();
  const text = `${ctx.words.quotation}${who ? `${ctx.words.labelSeparator}${who}` : ''}`;
  const size = ctx.theme.sizes.title;
  // Room for three lines, all above the top edge: nothing can spill onto the slide.
  const h = fittedHeight(3, size);
  const margin = Math.round(ctx.theme.slide.width * 0.05);
  return {
    kind: 'text',
    name: 'Title',
    role: 'title',
    box: { x: margin, y: -h - 12, w: ctx.theme.slide.width - 2 * margin, h },
    paragraphs: [paragraph(ctx, text, size, ctx.theme.palette.title, { bold: true })],
    // Top, as the layout's title placeholder is: pptxgenjs gives text in a placeholder the
    // placeholder's anchor whatever the text asks, so 'bottom' here was never written.
    valign: 'top',
    insets: TEXT_INSETS,
  };
}
