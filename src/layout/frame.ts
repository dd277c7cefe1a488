import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import type { Box, Element, Insets, Paragraph, ResolvedSlide, Theme, Typeface } from '../model.js';
import { fitBlocks, LINE_HEIGHT, type Block, type FitLog } from './fit.js';
import type { Words } from '../words.js';
import { runLang } from './lang.js';
import type { TextMeasurer } from './measure.js';

/** What every slide layout gets: the theme, the measurer, the diagnostics, the deck's language. */
export interface LayoutContext {
  theme: Theme;
  measure: TextMeasurer;
  diagnostics: Diagnostics;
  /** Shrinks and splits: warned about and counted. */
  fit: FitLog;
  lang: string;
  /** briefdeck's own words in the deck's language. */
  words: Words;
  /** The faces every text of the deck is written with. */
  face: Typeface;
  /** Source line of a slide, composed from its source ids. */
  sourceLine(ids: readonly string[]): string | undefined;
}

/** The fixed regions of a content slide, derived from the slide size. */
export interface Frame {
  width: number;
  height: number;
  margin: number;
  titleTop: number;
  /** Where body content must end (above the source line). */
  bodyBottom: number;
  sourceTop: number;
  footerTop: number;
}

export function frameOf(theme: Theme): Frame {
  const { width, height } = theme.slide;
  const margin = Math.round(width * 0.05);
  return {
    width,
    height,
    margin,
    titleTop: Math.round(height * 0.05),
    bodyBottom: height - 62,
    sourceTop: height - 58,
    footerTop: height - 30,
  };
}

export const TEXT_INSETS: Insets = { l: 0, r: 0, t: 4, b: 4 };

/** What a run takes from the deck: its faces and its language. */
export type TextContext = Pick<LayoutContext, 'face' | 'lang'>;

export function paragraph(
  ctx: TextContext,
  text: string,
  size: number,
  color: string,
  options: Partial<Omit<Paragraph, 'runs'>> & { bold?: boolean; italic?: boolean } = {},
): Paragraph {
  const { bold, italic, ...rest } = options;
  return {
    runs: [
      {
        text,
        size,
        color,
        ...(bold ? { bold } : {}),
        ...(italic ? { italic } : {}),
        font: ctx.face,
        lang: runLang(text, ctx.lang),
      },
    ],
    level: 0,
    bullet: false,
    indent: 0,
    align: 'left',
    lineHeight: size * LINE_HEIGHT,
    spaceBefore: 0,
    ...rest,
  };
}

/** A text box whose height is exactly what its measured lines need (plus insets). */
export function fittedHeight(lines: number, size: number, insets: Insets = TEXT_INSETS): number {
  return lines * size * LINE_HEIGHT + insets.t + insets.b;
}

export interface FitTextOptions {
  box: Box;
  size: number;
  minSize: number;
  maxLines?: number;
  bold?: boolean;
  what: string;
  at: Origin;
}

/**
 * Fits one paragraph in a box, shrinking down to minSize. A text that cannot fit at all is an
 * error at its position: the user has to shorten it.
 */
export function fitOne(
  text: string,
  o: FitTextOptions,
  ctx: LayoutContext,
  insets: Insets = TEXT_INSETS,
): { size: number; lines: number; fits: boolean } {
  const blocks: Block[] = [{ text, indent: 0, ...(o.bold ? { bold: true } : {}) }];
  const r = fitBlocks(
    {
      blocks,
      width: o.box.w - insets.l - insets.r,
      height: o.box.h - insets.t - insets.b,
      size: o.size,
      minSize: o.minSize,
      ...(o.maxLines ? { maxLines: o.maxLines } : {}),
    },
    ctx.measure,
  );
  if (!r.fits) {
    ctx.diagnostics.error(
      'text-does-not-fit',
      `${o.what} does not fit its box even at ${o.minSize} pt`,
      o.at,
      'shorten the text',
    );
  } else {
    ctx.fit.shrunk(o.what, o.size, r.size, o.at);
  }
  return { size: r.size, lines: r.lines[0]?.length ?? 1, fits: r.fits };
}

/**
 * The slide title: one line at the theme size if it fits, else one line shrunk to the
 * minimum, else two lines (three at the minimum size). Returns the title element and the
 * y where the body may start.
 */
export function layoutTitle(
  title: string,
  slide: ResolvedSlide,
  ctx: LayoutContext,
): { elements: Element[]; bodyTop: number } {
  const f = frameOf(ctx.theme);
  const { sizes, palette } = ctx.theme;
  const logoWidth = ctx.theme.logo ? logoBox(ctx.theme).w + 16 : 0;
  const width = f.width - 2 * f.margin - logoWidth;
  const elements: Element[] = [];
  let bottom = f.titleTop;
  if (title) {
    const attempts = [
      { maxLines: 1, minSize: sizes.titleMin },
      { maxLines: 2, minSize: sizes.titleMin },
      { maxLines: 3, minSize: sizes.titleMin },
    ];
    let chosen: { size: number; lines: number } | undefined;
    for (const a of attempts) {
      const r = fitBlocks(
        {
          blocks: [{ text: title, indent: 0, bold: true }],
          width,
          height: a.maxLines * sizes.title * LINE_HEIGHT,
          size: sizes.title,
          minSize: a.minSize,
          maxLines: a.maxLines,
        },
        ctx.measure,
      );
      if (r.fits) {
        chosen = { size: r.size, lines: r.lines[0]!.length };
        break;
      }
    }
    if (!chosen) {
      ctx.diagnostics.error(
        'text-does-not-fit',
        'slide title does not fit in three lines even at the smallest title size',
        slide.at,
        'shorten the title; put detail in the body',
      );
      chosen = { size: sizes.titleMin, lines: 3 };
    } else {
      ctx.fit.shrunk('slide title', sizes.title, chosen.size, slide.at);
    }
    const h = fittedHeight(chosen.lines, chosen.size);
    elements.push({
      kind: 'text',
      name: 'Title',
      role: 'title',
      box: { x: f.margin, y: f.titleTop, w: width, h },
      paragraphs: [paragraph(ctx, title, chosen.size, palette.title, { bold: true })],
      valign: 'top',
      insets: TEXT_INSETS,
    });
    bottom = f.titleTop + h;
  }
  // The short rule belongs under a title; a slide without one starts its body at the top.
  if (title)
    elements.push({
      kind: 'rect',
      name: 'Title rule',
      box: { x: f.margin, y: bottom + 6, w: 56, h: 3 },
      fill: palette.accent,
    });
  return { elements, bodyTop: title ? bottom + 24 : bottom + 8 };
}

export function logoBox(theme: Theme): Box {
  const f = frameOf(theme);
  const h = 30;
  const w = theme.logo ? Math.min(140, (theme.logo.width / theme.logo.height) * h) : 0;
  return { x: f.width - f.margin - w, y: f.titleTop + 2, w, h };
}

/** The source line at the foot of a content slide, one line, shrunk a little if long. */
export function layoutSourceLine(line: string | undefined, slide: ResolvedSlide, ctx: LayoutContext): Element[] {
  if (!line) return [];
  const f = frameOf(ctx.theme);
  const box = { x: f.margin, y: f.sourceTop, w: f.width - 2 * f.margin, h: 24 };
  const r = fitOne(
    line,
    {
      box,
      size: ctx.theme.sizes.source,
      minSize: ctx.theme.sizes.sourceMin,
      maxLines: 2,
      what: 'source line',
      at: slide.at,
    },
    ctx,
    { l: 0, r: 0, t: 2, b: 2 },
  );
  return [
    {
      kind: 'text',
      name: 'Source',
      role: 'other',
      box,
      paragraphs: [paragraph(ctx, line, r.size, ctx.theme.palette.muted)],
      valign: 'bottom',
      insets: { l: 0, r: 0, t: 2, b: 2 },
    },
  ];
}
