import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { captionBlock } from '../caption.js';
import { fitBlocks, shrinkToFit } from '../fit.js';
import { fittedHeight, paragraph, TEXT_INSETS, type LayoutContext } from '../frame.js';
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
        const caption = captionBlock(slide.caption, body.width, 'caption', slide, ctx);
        const y = bottom - caption.height;
        bottom = y - 12;
        elements.push(caption.at(body.left, y));
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
          minSize: sizes.statValueMin,
          maxLines: 1,
        },
        ctx.measure,
      );
      if (!valueFit.fits)
        ctx.diagnostics.error(
          'text-does-not-fit',
          `a headline figure is too long for its card even at ${sizes.statValueMin} pt`,
          slide.at,
          'use a shorter unit or a `compact` format',
        );
      const valueSize = valueFit.size;
      const valueH = fittedHeight(1, valueSize);
      const labelRoom = cardH - 2 * PAD - valueH - 6;
      // One label size for all: the largest at which every label fits its card in three lines.
      const labels = shrinkToFit(sizes.statLabel, sizes.statLabelMin, (size) => {
        const fits = slide.stats.map((s) =>
          fitBlocks(
            {
              blocks: [{ text: s.label, indent: 0 }],
              width: inner,
              height: labelRoom - TEXT_INSETS.t - TEXT_INSETS.b,
              size,
              minSize: size,
              maxLines: 3,
            },
            ctx.measure,
          ),
        );
        return { fits: fits.every((f) => f.fits), lines: Math.max(...fits.map((f) => f.lines[0]!.length)) };
      });
      const labelSize = labels.size;
      const labelLines = labels.fits ? labels.lines : 3;
      if (!labels.fits)
        ctx.diagnostics.error(
          'text-does-not-fit',
          'a stat label is too long for its card',
          slide.at,
          'keep stat labels to a few words',
        );
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
