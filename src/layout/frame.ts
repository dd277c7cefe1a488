import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import type { Box, ChartModel, Element, Insets, Paragraph, ResolvedSlide, Run, Theme, Typeface } from '../model.js';
import type { ChartStyle } from '../charts/config.js';
import { luminance } from '../a11y/contrast.js';
import { hasEastAsian } from '../script.js';
import { fitBlocks, HEIGHT_SAFETY, lineFactor, WIDTH_SAFETY, type Block, type FitLog } from './fit.js';
import { settleLastLine, SOFT_BREAK } from './linebreak.js';
import { typeset } from './typography.js';
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
  /**
   * Told of each picture chart as it is placed (in the probe pass too, so possibly at a size the
   * deck will not keep): the chart stage may start drawing it before layout ends.
   */
  onPicture?: (chart: ChartModel, style: ChartStyle) => void;
}

/** The fixed regions of a content slide, from the theme's geometry. */
export interface Frame {
  width: number;
  height: number;
  /** The left margin. */
  margin: number;
  marginRight: number;
  /** Between the margins. */
  innerWidth: number;
  titleTop: number;
  /** Where body content must end (above the source line). */
  bodyBottom: number;
  sourceTop: number;
  footerTop: number;
}

export function frameOf(theme: Theme): Frame {
  const { width, height } = theme.slide;
  const { margins } = theme.geometry;
  const footerTop = height - margins.bottom;
  return {
    width,
    height,
    margin: margins.left,
    marginRight: margins.right,
    innerWidth: width - margins.left - margins.right,
    titleTop: margins.top,
    // The source line sits just above the footer; body content ends above it.
    bodyBottom: footerTop - 32,
    sourceTop: footerTop - 28,
    footerTop,
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
    runs: paragraphRuns(
      [
        {
          text: typeset(text),
          size,
          color,
          ...(bold ? { bold } : {}),
          // Italic is a fake slant on CJK faces: Chinese text is emphasised by colour or weight instead.
          ...(italic && !hasEastAsian(text) ? { italic } : {}),
          font: ctx.face,
          lang: runLang(text, ctx.lang),
        },
      ],
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
 * wrongly ("“ 十五五”"). In a run with CJK they get a run of their own in the East Asian face,
 * unless Latin text stands on both sides of them (an English title quoted in a Chinese deck).
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

/** Opening quotation marks: script-neutral, they take the script of what precedes them. */
const OPENING_QUOTE = /^[\u2018\u201c]/;
/** An ideographic space at 1 pt: East Asian script, and too small to see (1 pt wide). */
const SCRIPT_ANCHOR = '\u3000';

/**
 * The runs of one paragraph, as written. An opening quotation mark that starts a line of Chinese
 * (the paragraph's first, or one after a soft break) is set in the Latin face: the East Asian face
 * draws “ full-width with its ink in the right half, so a title opening with “ started half an
 * em right of the grid (clreq: opening punctuation at a line start is set half-width). A Chinese
 * paragraph that opens with “ also gets a 1 pt ideographic space before it: LibreOffice (before
 * 24.8) gives a script-neutral character at the start of a paragraph the script of the
 * application language, sets the “ as Latin, and adds its Latin–Asian spacing after it (a
 * visible gap, “ 十四五”); behind the space the “ is East Asian script (set in the face its run
 * names) in every viewer, and 1 pt is within the grid.
 */
export function paragraphRuns(runs: readonly Run[], face: Typeface): Run[] {
  const written = compressPunctuation(runs.flatMap((r) => textRuns(r, face)));
  if (face.latin === face.eastAsian || !runs.some((r) => hasEastAsian(r.text))) return written;
  const hung = written.map((r, i) =>
    (i === 0 || r.breakBefore) && OPENING_QUOTE.test(r.text) && /^[\u2018\u201c]+$/.test(r.text)
      ? { ...r, font: { latin: face.latin, eastAsian: face.latin } }
      : r,
  );
  const first = hung[0];
  if (!first || !OPENING_QUOTE.test(first.text)) return hung;
  const { breakBefore: _, italic: __, ...rest } = first;
  const anchor: Run = {
    ...rest,
    text: SCRIPT_ANCHOR,
    size: 1,
    font: { latin: face.eastAsian, eastAsian: face.eastAsian },
  };
  return [anchor, ...hung];
}

/** Full-width punctuation whose ink sits in the left half of its em: 。，、；：！？ and closing brackets and quotes. */
const CLOSING = '\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f\u201d\u2019\u300b\u300d\u300f\u3011\uff09';
/** Full-width punctuation whose ink sits in the right half: opening brackets and quotes. */
const OPENING = '\u201c\u2018\u300a\u300c\u300e\u3010\uff08';
const PAIRED = new RegExp(`[${CLOSING}][${CLOSING}${OPENING}]`);
const FIRST_OF_PAIR = new RegExp(`[${CLOSING}](?=[${CLOSING}${OPENING}])`, 'g');

/**
 * Two full-width marks in a row leave a blank half em between their inks (。” reads as “。 ””,
 * ：《 as “：  《”). Chinese typesetting (clreq, 标点挤压) sets the first of such a pair in half its
 * width: here it gets a run of its own, tightened by half an em. The pair may straddle two runs
 * (a quotation mark is a run of its own, in the East Asian face). Only ever narrower than
 * measured, so nothing that fits stops fitting.
 */
export function compressPunctuation(runs: readonly Run[]): Run[] {
  return runs.flatMap((run, i) => {
    const next = runs[i + 1];
    // The next run's first mark counts unless it starts a new line.
    const text = run.text + (next && !next.breakBefore ? next.text.slice(0, 1) : '');
    if (!PAIRED.test(text)) return [run];
    const out: Run[] = [];
    let at = 0;
    for (const m of text.matchAll(FIRST_OF_PAIR)) {
      if (m.index > at) out.push({ ...run, text: run.text.slice(at, m.index) });
      out.push({ ...run, text: m[0], spacing: -run.size / 2 });
      at = m.index + 1;
    }
    if (at < run.text.length) out.push({ ...run, text: run.text.slice(at) });
    // A soft break stays on the first piece only.
    return out.map((r, k) => (k > 0 && r.breakBefore ? (({ breakBefore: _, ...rest }) => rest)(r) : r));
  });
}

export function eastAsianPunctuation(run: Run, face: Typeface): Run[] {
  if (!hasEastAsian(run.text) || face.latin === face.eastAsian) return [run];
  const runs: Run[] = [];
  let at = 0;
  for (const m of run.text.matchAll(SHARED_PUNCTUATION)) {
    // Between Latin text on both sides (an English title quoted in a Chinese deck) they stay Latin.
    const before = /\S(?=\s*$)/u.exec(run.text.slice(0, m.index))?.[0];
    const after = /\S/u.exec(run.text.slice(m.index + m[0].length))?.[0];
    if ((before || after) && !hasEastAsian(`${before ?? ''}${after ?? ''}`)) continue;
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

/** Between a title's last line and the body under it. */
const TITLE_BODY_GAP = 24;

/**
 * The slide title: at the deck's title size, in one line or two; the body starts under it,
 * lower under a two-line title. A title that needs more than two lines at the deck's size
 * shrinks (a warning) before it is an error.
 */
export function layoutTitle(
  written: string,
  slide: ResolvedSlide,
  ctx: LayoutContext,
): { elements: Element[]; bodyTop: number } {
  const title = typeset(written);
  if (ctx.template?.title) return titleOnTemplate(title, slide, ctx, ctx.template.title, ctx.template.body.y);
  const f = frameOf(ctx.theme);
  const { sizes, palette, geometry } = ctx.theme;
  const maxLines = geometry.title.lines;
  const logo = logoBox(ctx.theme);
  const logoWidth = logo.w ? logo.w + 16 : 0;
  const width = f.innerWidth - logoWidth;
  // A logo at the top left pushes the title right; at the top right it only narrows it.
  const x = geometry.logo.align === 'left' ? f.margin + logoWidth : f.margin;
  const lines = maxLines === 1 ? 'one line' : maxLines === 2 ? 'two lines' : `${maxLines} lines`;
  const elements: Element[] = [];
  let bottom = f.titleTop;
  if (title) {
    const range = ctx.scale.range('title');
    const attempt = (size: number, minSize: number) =>
      fitBlocks(
        { blocks: [{ text: title, indent: 0, bold: true }], width, height: Infinity, size, minSize, maxLines },
        ctx.measure,
      );
    let r = attempt(range.size, range.min);
    if (r.fits) ctx.scale.need('title', r.size, slide.at);
    else if (ctx.scale.holding) {
      r = attempt(range.size, Math.min(sizes.titleMin, range.size));
      if (r.fits) ctx.fit.shrunk('slide title', range.size, r.size, slide.at, `shorten the title to ${lines}`);
    }
    if (!r.fits)
      ctx.diagnostics.error(
        'text-does-not-fit',
        `slide title does not fit in ${lines} even at ${r.size} pt`,
        slide.at,
        'shorten the title; put detail in the body',
      );
    const size = r.size;
    const used = Math.min(maxLines, r.lines[0]!.length);
    const text = settleLastLine(title, width * WIDTH_SAFETY, (t) => ctx.measure.width(t, size, true));
    const h = fittedHeight(used, size, TEXT_INSETS, title);
    elements.push({
      kind: 'text',
      name: 'Title',
      role: 'title',
      box: { x, y: f.titleTop, w: width, h },
      paragraphs: [
        paragraph(ctx, text, size, palette.title, {
          bold: true,
          ...(geometry.title.align === 'center' ? { align: 'center' as const } : {}),
        }),
      ],
      valign: 'top',
      insets: TEXT_INSETS,
    });
    bottom = f.titleTop + h;
  }
  // The short rule belongs under a title; a slide without one starts its body at the top.
  const rule = geometry.titleRule;
  if (title && rule.show)
    elements.push({
      kind: 'rect',
      name: 'Title rule',
      box: {
        x: geometry.title.align === 'center' ? x + (width - rule.width) / 2 : x,
        y: bottom + RULE_OFFSET,
        w: rule.width,
        h: rule.weight,
      },
      fill: palette[rule.color],
    });
  // A chart keeps the closer start it was sized for: it has no top rule to crowd the title's, and
  // 15 pt less height hid a stacked segment's value label in the gallery.
  const gap = slide.kind === 'chart' ? CHART_BODY_GAP : BODY_BELOW_RULE;
  return { elements, bodyTop: title ? bottom + RULE_OFFSET + gap : bottom + 8 };
}

/** The title rule's top, under the title's box. */
const RULE_OFFSET = 6;
/**
 * From the title rule's top to the body's: 30 pt (40 px at 1280 wide) clear of a 3 pt rule, so a
 * card's or table's own top rule never reads as a second title rule (design review §3).
 */
export const BODY_BELOW_RULE = 33;
/** The same for a chart slide. */
export const CHART_BODY_GAP = 18;

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
  // The title is set at the top of its box; the body starts under its lines, as it does without
  // a template, not at the template's body top when that lies lower: a one-line title over a
  // body placeholder drawn for two lines of a 44 pt title leaves a band of nothing between them.
  const textBottom = box.y + fittedHeight(Math.min(2, r.lines), r.size, TEXT_INSETS, title);
  // A band the template draws behind its title (a filled shape under the title's middle, not the
  // whole slide) is the title's region too: the body starts under it.
  const { height } = ctx.theme.slide;
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const band = (ctx.template?.layout.fills ?? [])
    .map((f) => f.box)
    .filter((b) => b.h < height / 2 && cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h)
    .reduce((bottom, b) => Math.max(bottom, b.y + b.h + 12), 0);
  return {
    elements: [
      {
        kind: 'text',
        name: 'Title',
        role: 'title',
        box: { ...box },
        paragraphs: [paragraph(ctx, text, r.size, ctx.template?.titleColor ?? ctx.theme.palette.title, { bold: true })],
        valign: 'top',
        insets: TEXT_INSETS,
      },
    ],
    bodyTop: Math.min(bodyTop, Math.max(textBottom + TITLE_BODY_GAP, band)),
  };
}

/** A background dark enough that a logo made for white would vanish on it (luminance under 0.18). */
export const isDarkBackground = (hex: string) => luminance(hex) < 0.18;

/** The logo a slide of this background shows: the dark variant on dark backgrounds, else the light one. */
export function logoOn(theme: Theme, background: string): Theme['logo'] {
  return isDarkBackground(background) ? (theme.logoDark ?? theme.logo) : theme.logo;
}

/** Where the logo sits, sized to the theme's height; zero wide when the theme has none. */
export function logoBox(theme: Theme, logo = logoOn(theme, theme.palette.background)): Box {
  const f = frameOf(theme);
  const { align, top, height: h, maxWidth } = theme.geometry.logo;
  const w = logo ? Math.min(maxWidth, (logo.width / logo.height) * h) : 0;
  return { x: align === 'left' ? f.margin : f.width - f.marginRight - w, y: top, w, h };
}

const SOURCE_INSETS: Insets = { l: 0, r: 0, t: 2, b: 2 };

/** Space between the foot note (caption, source) and the footer rule: the note rests on the rule. */
export const FOOT_RULE_GAP = 6;

/** Where the footer rule of a content slide runs (the masters draw it). */
export function footerRuleY(f: Frame): number {
  return f.footerTop - 4;
}

/**
 * The source line at the foot of a content slide, one or two lines, shrunk a little if long.
 * It rests on the footer rule at the footer's size and colour, so source and footer read as one
 * quiet block, and it ends above the rule: it never meets the slide number beside the footer.
 */
export function layoutSourceLine(line: string | undefined, slide: ResolvedSlide, ctx: LayoutContext): Element[] {
  if (!line) return [];
  const f = frameOf(ctx.theme);
  // On a house template the source line has the place layout found for it under the body.
  const on = ctx.template?.source;
  const bottom = on ? on.y + on.h : footerRuleY(f) - FOOT_RULE_GAP;
  const x = on ? on.x : f.margin;
  const w = on ? on.w : f.innerWidth;
  const range = ctx.scale.range('source');
  const r = fitOne(
    line,
    {
      box: { x, y: 0, w, h: fittedHeight(2, ctx.theme.sizes.source, SOURCE_INSETS, line) },
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
  const h = fittedHeight(Math.min(r.lines, 2), r.size, SOURCE_INSETS, line);
  return [
    {
      kind: 'text',
      name: 'Source',
      role: 'other',
      box: { x, y: bottom - h, w, h },
      paragraphs: [paragraph(ctx, line, r.size, ctx.theme.palette.muted)],
      valign: 'bottom',
      insets: SOURCE_INSETS,
    },
  ];
}
