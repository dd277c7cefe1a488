import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { Diagnostics } from '../../diagnostics/diagnostic.js';
import { FitLog } from '../fit.js';
import { frameOf, layoutSourceLine, layoutTitle, type LayoutContext } from '../frame.js';
import type { Words } from '../../words.js';
import { LAYOUT_OF } from '../roles.js';

/** The body region of a content slide once its title is placed. */
export interface Body {
  top: number;
  bottom: number;
  left: number;
  width: number;
}

/** A content slide: title, body elements from `fill`, source line; `title` may carry "(cont.)". */
export function contentSlide(
  slide: ResolvedSlide,
  ctx: LayoutContext,
  title: string,
  fill: (body: Body) => Element[],
): LaidOutSlide {
  const head = layoutTitle(title, slide, ctx);
  const body = bodyBelow(head.bodyTop, ctx);
  const line = ctx.sourceLine(slide.sources);
  return {
    master: 'content',
    layout: LAYOUT_OF[slide.kind],
    elements: [...head.elements, ...fill(body), ...layoutSourceLine(line, slide, ctx)],
    notes: slide.notes,
    at: slide.at,
  };
}

function bodyBelow(top: number, ctx: LayoutContext): Body {
  const f = frameOf(ctx.theme);
  return { top, bottom: f.bodyBottom, left: f.margin, width: f.width - 2 * f.margin };
}

/**
 * The body region a slide with this title will have, before laying anything out. Only a
 * probe: what the title needs is reported when the slide is laid out, if it is.
 */
export function bodyFor(slide: ResolvedSlide, title: string, ctx: LayoutContext): Body {
  const quiet = new Diagnostics();
  return bodyBelow(layoutTitle(title, slide, { ...ctx, diagnostics: quiet, fit: new FitLog(quiet) }).bodyTop, ctx);
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
