import type { Element, LaidOutSlide, ResolvedSlide, Run } from '../../model.js';
import { runLang } from '../lang.js';
import { segments } from '../linebreak.js';
import { Diagnostics } from '../../diagnostics/diagnostic.js';
import { FitLog, lineFactor, WIDTH_SAFETY } from '../fit.js';
import {
  footerRuleY,
  FOOT_RULE_GAP,
  frameOf,
  layoutSourceLine,
  layoutTitle,
  paragraphRuns,
  type LayoutContext,
} from '../frame.js';
import { captionBlock } from '../caption.js';
import type { Words } from '../../words.js';
import { LAYOUT_OF } from '../roles.js';

/** The body region of a content slide once its title is placed. */
export interface Body {
  top: number;
  bottom: number;
  left: number;
  width: number;
  /**
   * On a template layout with two content placeholders: their left edges and widths, left
   * first. A slide of two parts (a chart and its bullets, a long list) puts one in each; a slide
   * of one part spans both (`left` and `width`).
   */
  columns?: [{ left: number; width: number }, { left: number; width: number }];
}

/** Space between the body and the foot note under it. */
const BODY_FOOT_GAP = 12;
/** Space between a caption and the source line under it: one block, two lines. */
const CAPTION_SOURCE_GAP = 2;

/**
 * A content slide: title, body elements from `fill`, foot note; `title` may carry "(cont.)".
 * `caption: false` leaves the slide's caption off (pages before the last of a continued table).
 */
export function contentSlide(
  slide: ResolvedSlide,
  ctx: LayoutContext,
  title: string,
  fill: (body: Body) => Element[],
  options: { caption?: boolean } = {},
): LaidOutSlide {
  const head = layoutTitle(title, slide, ctx);
  const foot = footNote(slide, ctx, options.caption ?? true);
  const body = bodyBelow(head.bodyTop, foot.top, ctx);
  return {
    master: 'content',
    layout: LAYOUT_OF[slide.kind],
    elements: [...sectionTracker(slide, ctx), ...head.elements, ...fill(body), ...foot.elements],
    notes: slide.notes,
    at: slide.at,
  };
}

const TRACKER_HEIGHT = 14;
const ELLIPSIS = '…';

/**
 * A running head above the title: the section's number and title, small and muted, so a reader
 * knows where in the deck a slide stands (and decks without divider slides keep their sections).
 * It stays clear of the classification marking at the top centre; a long title is cut at a word
 * with an ellipsis.
 */
export function sectionTracker(slide: ResolvedSlide, ctx: LayoutContext): Element[] {
  // A house template has its own head; the tracker is briefdeck's design, placed by its title.
  if (!slide.section || !ctx.theme.sections.tracker || ctx.template) return [];
  const f = frameOf(ctx.theme);
  const size = ctx.theme.sizes.footer;
  const { palette } = ctx.theme;
  const number = String(slide.section.number).padStart(2, '0');
  const gap = '\u2002';
  const room = (f.width / 2 - 130 - f.margin) * WIDTH_SAFETY - ctx.measure.width(number + gap, size, true);
  const title = cutToWidth(slide.section.title, room, (t) => ctx.measure.width(t, size));
  const at = (text: string, color: string, bold: boolean): Run => ({
    text,
    size,
    color,
    ...(bold ? { bold } : {}),
    font: ctx.face,
    lang: runLang(text, ctx.lang),
  });
  return [
    {
      kind: 'text',
      name: 'Section tracker',
      role: 'other',
      box: {
        x: f.margin,
        y: Math.max(0, f.titleTop - TRACKER_HEIGHT - 4),
        w: f.width / 2 - 130 - f.margin,
        h: TRACKER_HEIGHT,
      },
      paragraphs: [
        {
          runs: paragraphRuns([at(number + gap, palette.accent, true), at(title, palette.muted, false)], ctx.face),
          level: 0,
          bullet: false,
          indent: 0,
          align: 'left',
          lineHeight: size * lineFactor(title),
          spaceBefore: 0,
        },
      ],
      valign: 'bottom',
      insets: { l: 0, r: 0, t: 0, b: 0 },
    },
  ];
}

/** The text, or as much of it as fits ending at a word (a Chinese character) and an ellipsis. */
export function cutToWidth(text: string, width: number, measure: (t: string) => number): string {
  if (measure(text) <= width) return text;
  const cuts = segments(text).reduce<string[]>((acc, seg) => [...acc, (acc.at(-1) ?? '') + seg], []);
  for (let i = cuts.length - 2; i >= 0; i--) {
    const head = cuts[i]!.trimEnd() + ELLIPSIS;
    if (measure(head) <= width) return head;
  }
  return ELLIPSIS;
}

const CAPTION_WHAT: Partial<Record<ResolvedSlide['kind'], string>> = {
  chart: 'chart caption',
  table: 'table caption',
  stats: 'caption',
};

/**
 * The foot note of a content slide: the caption, then the source line, as one block resting on
 * the footer rule, so that caption, source and footer read together instead of as three lines
 * spread down the slide. `top` is where the block starts (the body ends above it).
 */
export function footNote(
  slide: ResolvedSlide,
  ctx: LayoutContext,
  withCaption: boolean,
): { top: number; elements: Element[] } {
  const f = frameOf(ctx.theme);
  const source = layoutSourceLine(ctx.sourceLine(slide.sources), slide, ctx);
  let top = source[0]?.box.y ?? footerRuleY(f) - FOOT_RULE_GAP;
  const elements: Element[] = [...source];
  const caption = withCaption && 'caption' in slide ? slide.caption : undefined;
  if (caption) {
    const block = captionBlock(caption, f.innerWidth, CAPTION_WHAT[slide.kind] ?? 'caption', slide, ctx);
    top -= (source.length ? CAPTION_SOURCE_GAP : 0) + block.height;
    elements.unshift(block.at(f.margin, top));
  }
  return { top, elements };
}

function bodyBelow(top: number, footTop: number, ctx: LayoutContext): Body {
  const on = ctx.template?.body;
  const second = ctx.template?.second;
  if (on && second)
    return {
      top: Math.max(top, on.y, second.y),
      bottom: Math.min(on.y + on.h, second.y + second.h, footTop - BODY_FOOT_GAP),
      left: on.x,
      width: second.x + second.w - on.x,
      columns: [
        { left: on.x, width: on.w },
        { left: second.x, width: second.w },
      ],
    };
  if (on)
    return {
      // Under a title placeholder the title decided where the body starts (layoutTitle).
      top: ctx.template?.title ? top : Math.max(top, on.y),
      bottom: Math.min(on.y + on.h, footTop - BODY_FOOT_GAP),
      left: on.x,
      width: on.w,
    };
  const f = frameOf(ctx.theme);
  return {
    top,
    bottom: Math.min(f.bodyBottom, footTop - BODY_FOOT_GAP),
    left: f.margin,
    width: f.innerWidth,
  };
}

/**
 * The body region a slide with this title will have, before laying anything out. Only a
 * probe: what the title needs is reported when the slide is laid out, if it is.
 */
export function bodyFor(slide: ResolvedSlide, title: string, ctx: LayoutContext): Body {
  const quiet = new Diagnostics();
  const probe = { ...ctx, diagnostics: quiet, fit: new FitLog(quiet) };
  return bodyBelow(layoutTitle(title, slide, probe).bodyTop, footNote(slide, probe, true).top, ctx);
}

/**
 * The body a slide's content must fit when it may continue on further slides: the lower of
 * the bodies under its title and under the longer "(cont.)" title, which may need a line more.
 */
export function bodyForPages(slide: ResolvedSlide, title: string, ctx: LayoutContext): Body {
  const first = bodyFor(slide, title, ctx);
  const next = bodyFor(slide, continued(title, 1, ctx.words), ctx);
  return next.top > first.top ? next : first;
}

/** The title of page `page` (from 0) of a slide: the later pages say they continue it. */
export function continued(title: string, page: number, words: Words): string {
  return page === 0 ? title : `${title}${words.continued}`;
}
