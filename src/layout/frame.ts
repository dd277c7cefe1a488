import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import type { Box, Element, Insets, Paragraph, ResolvedSlide, Run, Theme, Typeface } from '../model.js';
import { hasEastAsian } from '../script.js';
import { fitBlocks, HEIGHT_SAFETY, lineFactor, WIDTH_SAFETY, type Block, type FitLog } from './fit.js';
import { settleLastLine, SOFT_BREAK } from './linebreak.js';
import type { Role, TypeScale } from './scale.js';
import type { Words } from '../words.js';
import { runLang } from './lang.js';
import type { TextMeasurer } from './measure.js';
import type { SlideOnTemplate } from './template.js';

/** What every slide layout gets: the theme, the measurer, the diagnostics, the deck's language. */
export interface LayoutContext {
  theme: Theme;
  measure: TextMeasurer;
  diagnostics: Diagnostics;
  /** Shrinks and splits: warned about and counted. */
  fit: FitLog;
  /** The deck's one size per role. */
  scale: TypeScale;
  lang: string;
  /** briefdeck's own words in the deck's language. */
  words: Words;
  /** The faces every text of the deck is written with. */
  face: Typeface;
  /** Source line of a slide, composed from its source ids. */
  sourceLine(ids: readonly string[]): string | undefined;
  /** On a house template: the regions of the layout chosen for the slide being laid out. */
  template?: SlideOnTemplate;
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
    runs: textRuns(
      {
        text,
        size,
        color,
        ...(bold ? { bold } : {}),
        // Italic is a fake slant on CJK faces: Chinese text is emphasised by colour or weight instead.
        ...(italic && !hasEastAsian(text) ? { italic } : {}),
        font: ctx.face,
        lang: runLang(text, ctx.lang),
      },
      ctx.face,
    ),
    level: 0,
    bullet: false,
    indent: 0,
    align: 'left',
    lineHeight: size * lineFactor(text),
    spaceBefore: 0,
    ...rest,
  };
}

/**
 * Quotation marks, dashes, ellipses and middle dots are shared by Latin and CJK text, and
 * renderers set them in the Latin face: beside ideographs they come out narrow and spaced
 * wrongly ("“ 十五五”"). In a run with CJK they get a run of their own in the East Asian face.
 */
const SHARED_PUNCTUATION = /[\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]+/g;

/** A run as written: split at soft breaks (each later line starts with a break) and at shared punctuation. */
export function textRuns(run: Run, face: Typeface): Run[] {
  return run.text
    .split(SOFT_BREAK)
    .flatMap((line, i) =>
      eastAsianPunctuation({ ...run, text: line }, face).map((r, j) =>
        i > 0 && j === 0 ? { ...r, breakBefore: true } : r,
      ),
    );
}

export function eastAsianPunctuation(run: Run, face: Typeface): Run[] {
  if (!hasEastAsian(run.text) || face.latin === face.eastAsian) return [run];
  const runs: Run[] = [];
  let at = 0;
  for (const m of run.text.matchAll(SHARED_PUNCTUATION)) {
    if (m.index > at) runs.push({ ...run, text: run.text.slice(at, m.index) });
    runs.push({ ...run, text: m[0], font: { latin: face.eastAsian, eastAsian: face.eastAsian } });
    at = m.index + m[0].length;
  }
  if (at < run.text.length) runs.push({ ...run, text: run.text.slice(at) });
  return runs;
}

/**
 * A text box as tall as its measured lines need, plus the 5 % every fit keeps free, plus
 * insets. Without the text, the looser CJK pitch is assumed: a box a little tall is harmless.
 */
export function fittedHeight(lines: number, size: number, insets: Insets = TEXT_INSETS, text?: string): number {
  return (
    (lines * size * (text === undefined ? lineFactor('中') : lineFactor(text))) / HEIGHT_SAFETY + insets.t + insets.b
  );
}

export interface FitTextOptions {
  box: Box;
  size: number;
  minSize: number;
  maxLines?: number;
  bold?: boolean;
  what: string;
  at: Origin;
  /** A role of the deck's type scale: the size comes from it, and what this text needs is recorded. */
  role?: Role;
}

/**
 * Fits one paragraph in a box, shrinking down to minSize. A text that cannot fit at all is an
 * error at its position: the user has to shorten it. With a role, the deck's size for the role
 * replaces `size` and `minSize`; a text that does not fit at it shrinks on its own, with a warning.
 */
export function fitOne(
  text: string,
  o: FitTextOptions,
  ctx: LayoutContext,
  insets: Insets = TEXT_INSETS,
): { size: number; lines: number; fits: boolean } {
  const blocks: Block[] = [{ text, indent: 0, ...(o.bold ? { bold: true } : {}) }];
  const attempt = (size: number, minSize: number) =>
    fitBlocks(
      {
        blocks,
        width: o.box.w - insets.l - insets.r,
        height: o.box.h - insets.t - insets.b,
        size,
        minSize,
        ...(o.maxLines ? { maxLines: o.maxLines } : {}),
      },
      ctx.measure,
    );
  const range = o.role ? ctx.scale.range(o.role) : { size: o.size, min: o.minSize };
  let r = attempt(range.size, range.min);
  if (o.role && r.fits) ctx.scale.need(o.role, r.size, o.at);
  if (!r.fits && o.role && ctx.scale.holding) r = attempt(range.size, Math.min(o.minSize, range.size));
  if (!r.fits) {
    ctx.diagnostics.error(
      'text-does-not-fit',
      `${o.what} does not fit its box even at ${r.size} pt`,
      o.at,
      'shorten the text',
    );
  } else {
    ctx.fit.shrunk(o.what, range.size, r.size, o.at);
  }
  return { size: r.size, lines: r.lines[0]?.length ?? 1, fits: r.fits };
}

/**
 * The slide title: at the deck's title size, in one line or two; the body starts under it,
 * lower under a two-line title. A title that needs more than two lines at the deck's size
 * shrinks (a warning) before it is an error.
 */
export function layoutTitle(
  title: string,
  slide: ResolvedSlide,
  ctx: LayoutContext,
): { elements: Element[]; bodyTop: number } {
  if (ctx.template?.title) return titleOnTemplate(title, slide, ctx, ctx.template.title, ctx.template.body.y);
  const f = frameOf(ctx.theme);
  const { sizes, palette } = ctx.theme;
  const logoWidth = ctx.theme.logo ? logoBox(ctx.theme).w + 16 : 0;
  const width = f.width - 2 * f.margin - logoWidth;
  const elements: Element[] = [];
  let bottom = f.titleTop;
  if (title) {
    const range = ctx.scale.range('title');
    const attempt = (size: number, minSize: number) =>
      fitBlocks(
        { blocks: [{ text: title, indent: 0, bold: true }], width, height: Infinity, size, minSize, maxLines: 2 },
        ctx.measure,
      );
    let r = attempt(range.size, range.min);
    if (r.fits) ctx.scale.need('title', r.size, slide.at);
    else if (ctx.scale.holding) {
      r = attempt(range.size, Math.min(sizes.titleMin, range.size));
      if (r.fits) ctx.fit.shrunk('slide title', range.size, r.size, slide.at, 'shorten the title to two lines');
    }
    if (!r.fits)
      ctx.diagnostics.error(
        'text-does-not-fit',
        `slide title does not fit in two lines even at ${r.size} pt`,
        slide.at,
        'shorten the title; put detail in the body',
      );
    const size = r.size;
    const lines = Math.min(2, r.lines[0]!.length);
    const text = settleLastLine(title, width * WIDTH_SAFETY, (t) => ctx.measure.width(t, size, true));
    const h = fittedHeight(lines, size, TEXT_INSETS, title);
    elements.push({
      kind: 'text',
      name: 'Title',
      role: 'title',
      box: { x: f.margin, y: f.titleTop, w: width, h },
      paragraphs: [paragraph(ctx, text, size, palette.title, { bold: true })],
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

/**
 * On a house template the title takes the layout's title placeholder box as it is, so that the
 * slide inherits the position (no box of its own) and "Reset slide" keeps it; the text is
 * fitted to that box.
 */
function titleOnTemplate(
  title: string,
  slide: ResolvedSlide,
  ctx: LayoutContext,
  box: Box,
  bodyTop: number,
): { elements: Element[]; bodyTop: number } {
  if (!title) return { elements: [], bodyTop };
  const r = fitOne(
    title,
    {
      box,
      size: ctx.theme.sizes.title,
      minSize: ctx.theme.sizes.titleMin,
      maxLines: 2,
      bold: true,
      what: 'slide title',
      at: slide.at,
      role: 'title',
    },
    ctx,
  );
  const text = settleLastLine(title, (box.w - TEXT_INSETS.l - TEXT_INSETS.r) * WIDTH_SAFETY, (t) =>
    ctx.measure.width(t, r.size, true),
  );
  return {
    elements: [
      {
        kind: 'text',
        name: 'Title',
        role: 'title',
        box: { ...box },
        paragraphs: [paragraph(ctx, text, r.size, ctx.theme.palette.title, { bold: true })],
        valign: 'middle',
        insets: TEXT_INSETS,
      },
    ],
    bodyTop,
  };
}

export function logoBox(theme: Theme): Box {
  const f = frameOf(theme);
  const h = 30;
  const w = theme.logo ? Math.min(140, (theme.logo.width / theme.logo.height) * h) : 0;
  return { x: f.width - f.margin - w, y: f.titleTop + 2, w, h };
}

const SOURCE_INSETS: Insets = { l: 0, r: 0, t: 2, b: 2 };

/** The source line at the foot of a content slide, one line, shrunk a little if long. */
export function layoutSourceLine(line: string | undefined, slide: ResolvedSlide, ctx: LayoutContext): Element[] {
  if (!line) return [];
  const f = frameOf(ctx.theme);
  const box = ctx.template
    ? { ...ctx.template.source }
    : {
        x: f.margin,
        y: f.sourceTop,
        w: f.width - 2 * f.margin,
        h: fittedHeight(2, ctx.theme.sizes.source, SOURCE_INSETS, line),
      };
  const range = ctx.scale.range('source');
  const r = fitOne(
    line,
    {
      box,
      size: range.size,
      minSize: range.min,
      maxLines: 2,
      what: 'source line',
      at: slide.at,
      role: 'source',
    },
    ctx,
    SOURCE_INSETS,
  );
  return [
    {
      kind: 'text',
      name: 'Source',
      role: 'other',
      box,
      paragraphs: [paragraph(ctx, line, r.size, ctx.theme.palette.muted)],
      valign: 'bottom',
      insets: SOURCE_INSETS,
    },
  ];
}
