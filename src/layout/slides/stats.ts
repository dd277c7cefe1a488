import type { Element, LaidOutSlide, Paragraph, ResolvedSlide } from '../../model.js';
import { fitBlocks, lineFactor, shrinkToFit, WIDTH_SAFETY } from '../fit.js';
import { fittedHeight, paragraph, paragraphRuns, TEXT_INSETS, type LayoutContext } from '../frame.js';
import { runLang } from '../lang.js';
import type { TextMeasurer } from '../measure.js';
import { typeset } from '../typography.js';
import { settleLastLine } from '../linebreak.js';
import { hasEastAsian, isChinese } from '../../script.js';
import { contentSlide } from './content.js';
import { maxOf } from '../../extremes.js';

type Slide = Extract<ResolvedSlide, { kind: 'stats' }>;
type Stat = Slide['stats'][number];

/** A qualifier before a headline figure ("more than" 80) is set at this share of the figure's size. */
const LEAD_SCALE = 0.45;

/** The figure's paragraph: its qualifier smaller, on the figure's baseline, then the figure. */
function statFigure(
  ctx: LayoutContext,
  stat: { value: string; lead: string },
  size: number,
  color: string,
  lineHeight: number,
): Paragraph {
  const figure = {
    ...paragraph(ctx, stat.value, size, color, { bold: true, lineHeight }),
    runs: paragraphRuns(
      figureParts(stat.value).map((part) => ({
        text: typeset(part.text),
        size: part.unit ? Math.round(size * UNIT_SHARE * 2) / 2 : size,
        color,
        bold: true,
        font: ctx.face,
        lang: runLang(part.text, ctx.lang),
      })),
      ctx.face,
    ),
  };
  if (!stat.lead) return figure;
  const lead = paragraph(ctx, stat.lead, Math.round(size * LEAD_SCALE * 2) / 2, color, { bold: true });
  return { ...figure, runs: [...lead.runs, ...figure.runs] };
}

const GAP = 24;
const PAD = 16;

/** Chinese measure words and counters that belong with the number before them ("8年", "22个"). */
const MEASURE_WORDS = new Set([...'个项家年倍次列条位名所座批件款种届例']);

/** A figure as number and unit: "US$6.16 trillion" is "US$", "6.16", "trillion". */
function splitFigure(value: string): { prefix: string; number: string; space: string; unit: string } | undefined {
  const m = /^([^\d+-]{0,4}?)([+-]?\d[\d.,]*)(\s*)(.*)$/s.exec(value.trim());
  return m ? { prefix: m[1]!, number: m[2]!, space: m[3]!, unit: m[4]! } : undefined;
}

/**
 * A unit or currency beside its figure is set at this share of the figure's size: "22" large,
 * "个" small. Half: "US$6.16 trillion" then fits a third of the slide at the theme's 54 pt (at
 * 60 % it would pull every figure of the deck down to 49.5 pt), as "6.16万亿美元" does.
 */
export const UNIT_SHARE = 0.5;

/** One part of a figure as set: the number (with a percent sign, which reads as part of it) large, units small. */
export interface FigurePart {
  text: string;
  unit: boolean;
}

/**
 * A figure in parts, the one rule for every card in every language: "US$6.16 trillion" is
 * "US$" small, "6.16" large, " trillion" small; "22个" is "22" and "个"; "32.4%" is one part.
 * A space between number and unit is a no-break space: the unit never wraps off its figure.
 */
export function figureParts(value: string): FigurePart[] {
  const f = splitFigure(value);
  if (!f) return [{ text: value, unit: false }];
  const number = f.unit === '%' ? `${f.number}${f.space}%` : f.number;
  const unit = f.unit && f.unit !== '%' ? `${f.space ? '\u00a0' : ''}${f.unit}` : '';
  return [
    ...(f.prefix.trim() ? [{ text: f.prefix.trim(), unit: true }] : []),
    { text: number, unit: false },
    ...(unit ? [{ text: unit, unit: true }] : []),
  ];
}

/** The width of a figure set in its parts at `size`, bold. */
export function figureWidth(value: string, size: number, m: TextMeasurer): number {
  return figureParts(value).reduce((w, p) => w + m.width(p.text, p.unit ? size * UNIT_SHARE : size, true), 0);
}

/**
 * How a slide's stats are set on their cards. A Chinese measure word at the start of a label
 * joins its figure ("8" + "年连续…" → "8年" + "连续…"); units are set small beside their figures
 * (figureParts). When a figure with its unit is still too wide for its card at the theme's
 * figure size, the units of the slide's figures move into their labels
 * (all of them, so the cards stay alike), and one long unit does not shrink every figure of the
 * deck: "US$6.16 trillion" + "goods trade in 2024" → "6.16" + "goods trade in 2024 (US$ trillion)".
 * Percent signs and single-character measure words stay with their figures.
 */
export function setStats(
  stats: readonly Stat[],
  fitsCard: (value: string, lead: string) => boolean,
  lang: string,
): { value: string; label: string; lead: string }[] {
  const zh = isChinese(lang);
  const joined = stats.map(({ value, label, lead = '' }) => {
    const first = label[0];
    if ((zh || hasEastAsian(label)) && first && MEASURE_WORDS.has(first) && /\d$/.test(value) && label.length > 1)
      return { value: `${value}${first}`, label: label.slice(1), lead };
    return { value, label, lead };
  });
  // A word unit the label already names ("22 zones" over "pilot free trade zones") is not repeated.
  const named = joined.map((stat) => {
    const f = splitFigure(stat.value);
    const unit = f?.unit ?? '';
    return f && !f.prefix.trim() && [...unit].length > 1 && stat.label.toLowerCase().includes(unit.toLowerCase())
      ? { ...stat, value: f.number }
      : stat;
  });
  // A qualifier ("more than ", "超过") stays before its figure wherever the unit goes.
  if (named.every((s) => fitsCard(s.value, s.lead))) return named;
  return named.map((stat) => {
    const { label, lead } = stat;
    const f = splitFigure(stat.value);
    const prefix = f?.prefix.trim() ?? '';
    if (!f || (!f.unit && !prefix) || f.unit === '%' || (!prefix && [...f.unit].length <= 1)) return stat;
    const value = f.number;
    const unit = [prefix, f.unit].filter(Boolean).join(zh ? '' : ' ');
    // A unit the label already names ("379 innovations" over "innovations rolled out") is not repeated.
    if (!prefix && label.toLowerCase().includes(f.unit.toLowerCase())) return { value, label, lead };
    // An English word unit reads on into a label that starts in lower case: "8" + "years running as …".
    if (!zh && !prefix && /^[a-z]+$/.test(f.unit) && /^[a-z]/.test(label))
      return { value, label: `${f.unit} ${label}`, lead };
    return { value, label: `${label}${zh ? `（${unit}）` : ` (${unit})`}`, lead };
  });
}

/** Headline figures on cards; every figure of the deck shares one size and every label another. */
export function layoutStatsSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { sizes, palette } = ctx.theme;
  return [
    contentSlide(slide, ctx, slide.title, (body) => {
      const n = slide.stats.length;
      const cols = n <= 3 ? n : n === 4 ? 2 : 3;
      const rows = Math.ceil(n / cols);
      const bottom = body.bottom;
      const elements: Element[] = [];
      const cardW = (body.width - GAP * (cols - 1)) / cols;
      // Cards take the body's height up to square: a row of short cards left the slide's lower half empty.
      const cardH = Math.min(Math.max(220, cardW), (bottom - body.top - GAP * (rows - 1)) / rows);
      const inner = cardW - 2 * PAD;
      const valueRange = ctx.scale.range('statValue');
      const leadWidth = (lead: string, size: number) => (lead ? ctx.measure.width(lead, size * LEAD_SCALE, true) : 0);
      const fitsCard = (value: string, lead: string) =>
        leadWidth(lead, sizes.statValue) + figureWidth(value, sizes.statValue, ctx.measure) <= inner * WIDTH_SAFETY;
      const stats = setStats(slide.stats, fitsCard, ctx.lang);
      // The widest qualifier at the largest size: room the figures leave for it at any size.
      const leadRoom = maxOf(stats.map((s) => leadWidth(s.lead, valueRange.size)));

      // One value size for all: the largest at which every value, units small, fits one line.
      const valueFit = shrinkToFit(valueRange.size, valueRange.min, (size) => ({
        fits: stats.every((s) => figureWidth(s.value, size, ctx.measure) <= (inner - leadRoom) * WIDTH_SAFETY),
      }));
      if (valueFit.fits) ctx.scale.need('statValue', valueFit.size, slide.at);
      if (!valueFit.fits)
        ctx.diagnostics.error(
          'text-does-not-fit',
          `a headline figure is too long for its card even at ${sizes.statValueMin} pt`,
          slide.at,
          'use a shorter unit or a `compact` format',
        );
      const valueSize = valueFit.size;
      const values = stats.map((s) => s.value).join('');
      const valueH = fittedHeight(1, valueSize, TEXT_INSETS, values);
      const valuePitch = valueSize * lineFactor(values);
      const labelRoom = cardH - 2 * PAD - valueH - 6;
      // One label size for all: the largest at which every label fits its card in three lines.
      const labelRange = ctx.scale.range('statLabel');
      const labels = shrinkToFit(labelRange.size, labelRange.min, (size) => {
        const fits = stats.map((s) =>
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
        return { fits: fits.every((f) => f.fits), lines: maxOf(fits.map((f) => f.lines[0]!.length)) };
      });
      const labelSize = labels.size;
      if (labels.fits) ctx.scale.need('statLabel', labelSize, slide.at);
      const labelLines = labels.fits ? labels.lines : 3;
      if (!labels.fits)
        ctx.diagnostics.error(
          'text-does-not-fit',
          'a stat label is too long for its card',
          slide.at,
          'keep stat labels to a few words',
        );
      const labelH = fittedHeight(labelLines, labelSize, TEXT_INSETS, stats.map((s) => s.label).join(''));
      const contentH = valueH + 6 + labelH;
      // Cards start at the body's top, where charts and tables start: one grid for every slide kind.
      const top = body.top;
      stats.forEach((stat, i) => {
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
          // One accent for every card: bars in cycling series colours would look like a code.
          fill: palette.accent,
        });
        const contentTop = y + (cardH - contentH) / 2;
        elements.push({
          kind: 'text',
          name: `Stat ${i + 1} value`,
          role: 'other',
          box: { x: x + PAD, y: contentTop, w: inner, h: valueH },
          // One line pitch for every figure, so "8年" stands on the baseline of "6.16".
          paragraphs: [statFigure(ctx, stat, valueSize, palette.accent, valuePitch)],
          valign: 'top',
          insets: TEXT_INSETS,
        });
        elements.push({
          kind: 'text',
          name: `Stat ${i + 1} label`,
          role: 'other',
          box: { x: x + PAD, y: contentTop + valueH + 6, w: inner, h: labelH },
          paragraphs: [
            paragraph(
              ctx,
              settleLastLine(stat.label, inner * WIDTH_SAFETY, (t) => ctx.measure.width(t, labelSize)),
              labelSize,
              palette.text,
              { lineHeight: labelSize * lineFactor(stats.map((s) => s.label).join('')) },
            ),
          ],
          valign: 'top',
          insets: TEXT_INSETS,
        });
      });
      return elements;
    }),
  ];
}
