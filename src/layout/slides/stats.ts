import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { fitBlocks } from '../fit.js';
import { fittedHeight, fitOne, paragraph, TEXT_INSETS, type LayoutContext } from '../frame.js';
import { contentSlide } from './content.js';

type Slide = Extract<ResolvedSlide, { kind: 'stats' }>;

const GAP = 24;
const PAD = 16;

/** Headline figures on cards; every figure shares one size and every label another. */
export function layoutStatsSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { sizes, palette } = ctx.theme;
  return [
    contentSlide(slide, ctx, slide.title, (body) => {
      const n = slide.stats.length;
      const cols = n <= 3 ? n : n === 4 ? 2 : 3;
      const rows = Math.ceil(n / cols);
      let bottom = body.bottom;
      const elements: Element[] = [];
      if (slide.caption) {
        const box = { x: body.left, y: 0, w: body.width, h: fittedHeight(2, sizes.caption) };
        const r = fitOne(
          slide.caption,
          {
            box,
            size: sizes.caption,
            minSize: Math.min(sizes.caption, sizes.bodyMin),
            maxLines: 2,
            what: 'caption',
            at: slide.at,
          },
          ctx,
        );
        box.h = fittedHeight(r.lines, r.size);
        box.y = bottom - box.h;
        bottom = box.y - 12;
        elements.push({
          kind: 'text',
          name: 'Caption',
          role: 'other',
          box,
          paragraphs: [paragraph(ctx, slide.caption, r.size, palette.muted, { italic: true })],
          valign: 'top',
          insets: TEXT_INSETS,
        });
      }
      const cardW = (body.width - GAP * (cols - 1)) / cols;
      const cardH = Math.min(220, (bottom - body.top - GAP * (rows - 1)) / rows);
      const inner = cardW - 2 * PAD;

      // One value size for all: the largest at which every value fits one line.
      const valueFit = fitBlocks(
        {
          blocks: slide.stats.map((s) => ({ text: s.value, indent: 0, bold: true })),
          width: inner,
          height: Infinity,
          size: sizes.statValue,
          minSize: 20,
          maxLines: 1,
        },
        ctx.measure,
      );
      if (!valueFit.fits)
        ctx.diagnostics.error(
          'text-does-not-fit',
          'a headline figure is too long for its card even at 20 pt',
          slide.at,
          'use a shorter unit or a `compact` format',
        );
      const valueSize = valueFit.size;
      const valueH = fittedHeight(1, valueSize);
      const labelRoom = cardH - 2 * PAD - valueH - 6;
      let labelSize = sizes.statLabel;
      let labelLines = 1;
      for (; labelSize >= 11; labelSize -= 0.5) {
        const fits = slide.stats.map((s) =>
          fitBlocks(
            {
              blocks: [{ text: s.label, indent: 0 }],
              width: inner,
              height: labelRoom - TEXT_INSETS.t - TEXT_INSETS.b,
              size: labelSize,
              minSize: labelSize,
              maxLines: 3,
            },
            ctx.measure,
          ),
        );
        if (fits.every((f) => f.fits)) {
          labelLines = Math.max(...fits.map((f) => f.lines[0]!.length));
          break;
        }
      }
      if (labelSize < 11) {
        labelSize = 11;
        labelLines = 3;
        ctx.diagnostics.error(
          'text-does-not-fit',
          'a stat label is too long for its card',
          slide.at,
          'keep stat labels to a few words',
        );
      }
      const labelH = fittedHeight(labelLines, labelSize);
      const contentH = valueH + 6 + labelH;
      const gridH = rows * cardH + (rows - 1) * GAP;
      const top = body.top + Math.max(0, (bottom - body.top - gridH) / 2);
      slide.stats.forEach((stat, i) => {
        const x = body.left + (i % cols) * (cardW + GAP);
        const y = top + Math.floor(i / cols) * (cardH + GAP);
        elements.push({
          kind: 'rect',
          name: `Stat ${i + 1} card`,
          box: { x, y, w: cardW, h: cardH },
          fill: palette.surface,
        });
        elements.push({
          kind: 'rect',
          name: `Stat ${i + 1} bar`,
          box: { x, y, w: cardW, h: 4 },
          fill: palette.series[i % palette.series.length] ?? palette.accent,
        });
        const contentTop = y + (cardH - contentH) / 2;
        elements.push({
          kind: 'text',
          name: `Stat ${i + 1} value`,
          role: 'other',
          box: { x: x + PAD, y: contentTop, w: inner, h: valueH },
          paragraphs: [paragraph(ctx, stat.value, valueSize, palette.accent, { bold: true })],
          valign: 'top',
          insets: TEXT_INSETS,
        });
        elements.push({
          kind: 'text',
          name: `Stat ${i + 1} label`,
          role: 'other',
          box: { x: x + PAD, y: contentTop + valueH + 6, w: inner, h: labelH },
          paragraphs: [paragraph(ctx, stat.label, labelSize, palette.text)],
          valign: 'top',
          insets: TEXT_INSETS,
        });
      });
      return elements;
    }),
  ];
}
