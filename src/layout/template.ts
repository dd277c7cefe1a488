import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Box, LayoutRole, Palette, ResolvedDeck, Theme } from '../model.js';
import { chooseLayouts, layoutByName, TemplateError } from '../template/index.js';
import { isDarkColor } from '../template/color.js';
import { cellsUnder } from '../template/picture.js';
import { libreOfficeBoxes, masterType } from '../template/placeholder-boxes.js';
import type { HouseTemplate, TemplateLayout, TemplatePlaceholder } from '../template/types.js';
import type { LayoutContext } from './frame.js';
import { LAYOUT_OF } from './roles.js';

/**
 * A slide built on a house template takes its regions from the layout chosen for it: the
 * title where the layout's title placeholder is, the body in its body placeholder, footers
 * left to the layout's own placeholders. Layout measures against these real boxes.
 */
export interface SlideOnTemplate {
  layout: TemplateLayout;
  /** The title placeholder's box (title or ctrTitle), if the layout has one. */
  title?: Box;
  /** The subtitle placeholder's box (title-slide layouts). */
  subtitle?: Box;
  /** Where body content (charts, tables, bullets, stat cards) goes: the left one of two content placeholders. */
  body: Box;
  /**
   * On a layout with two content placeholders side by side ("Two Content", "Comparison"), the
   * right one: a slide of two parts puts its second there; a slide of one spans both.
   */
  second?: Box;
  /** Where the source line goes: just below the body when there is room above the footers, else the body's foot. */
  source: Box;
  /** The layout's background is dark: text on it is light. */
  dark: boolean;
  /**
   * The title's own colour where it differs from the slide's: the template's light colour when
   * the title sits on a dark band of an otherwise light slide.
   */
  titleColor?: string;
}

const SOURCE_HEIGHT = 26;
/** A body placeholder shorter than this share of the slide is not where content goes. */
const MIN_BODY_SHARE = 0.4;
const FOOTER_TYPES = ['dt', 'ftr', 'sldNum'];
const BODY_TYPES = ['body', 'obj', 'chart', 'tbl', 'pic'];

const find = (l: TemplateLayout, types: readonly string[]): TemplatePlaceholder | undefined =>
  types.map((t) => l.placeholders.find((p) => p.type === t && p.box)).find(Boolean);

/** The regions of one slide on its chosen template layout. */
export function regionsOf(t: HouseTemplate, chosen: TemplateLayout): SlideOnTemplate {
  const layout = withLibreOfficeBoxes(t, chosen);
  const { width, height } = t.slide;
  const margin = Math.round(width * 0.05);
  const title = find(layout, ['title', 'ctrTitle'])?.box;
  const subtitle = find(layout, ['subTitle'])?.box;
  const footerTop = Math.min(
    height,
    ...layout.placeholders.filter((p) => FOOTER_TYPES.includes(p.type) && p.box).map((p) => p.box!.y),
  );
  // The first body placeholder by index is the main one, unless the layout has two content
  // placeholders side by side: then the left one, and the right one takes a second part.
  const bodies = layout.placeholders
    .filter((p) => BODY_TYPES.includes(p.type) && p.box)
    .sort((a, b) => (a.idx ?? 0) - (b.idx ?? 0));
  const pair = sideBySide(bodies.filter((p) => p.box!.h >= height * MIN_BODY_SHARE));
  const top = title ? title.y + title.h + 12 : margin;
  // No body placeholder, or one too small to hold a chart (LibreOffice writes layouts whose
  // boxes are placeholders for its own): the space between title and footers instead.
  const own = pair?.[0] ?? bodies[0]?.box;
  const body =
    own && own.h >= height * MIN_BODY_SHARE
      ? { ...own }
      : { x: title?.x ?? margin, y: top, w: title?.w ?? width - 2 * margin, h: Math.max(0, footerTop - 8 - top) };
  const second = pair?.[1];
  const bodyBottom = Math.max(body.y + body.h, second ? second.y + second.h : 0);
  const room = footerTop - bodyBottom;
  // The source line spans both content placeholders when there are two.
  const sourceW = second ? second.x + second.w - body.x : body.w;
  const source =
    room >= SOURCE_HEIGHT + 2
      ? { x: body.x, y: bodyBottom + 1, w: sourceW, h: SOURCE_HEIGHT }
      : { x: body.x, y: bodyBottom - SOURCE_HEIGHT, w: sourceW, h: SOURCE_HEIGHT };
  const above = (b: Box) =>
    room >= SOURCE_HEIGHT + 2 ? b : { ...b, h: Math.max(0, Math.min(b.h, source.y - 4 - b.y)) };
  return {
    layout,
    ...(title ? { title } : {}),
    ...(subtitle ? { subtitle } : {}),
    body: above(body),
    ...(second ? { second: above({ ...second }) } : {}),
    source,
    dark: layout.dark,
    ...(title && !layout.dark && darkUnder(layout, title) ? { titleColor: hex(t.colors.lt1) } : {}),
  };
}

/**
 * Two content placeholders of one type side by side, left first: the first pair (by the
 * layout's order) that share most of their height and do not overlap across. A text box beside
 * a content box ("Content with Caption") is not a pair: its text is a caption. Undefined when
 * there is no such pair.
 */
function sideBySide(placeholders: readonly TemplatePlaceholder[]): [Box, Box] | undefined {
  for (const [i, p] of placeholders.entries())
    for (const q of placeholders.slice(i + 1)) {
      if (p.type !== q.type) continue;
      const [a, b] = [p.box!, q.box!];
      const [left, right] = a.x <= b.x ? [a, b] : [b, a];
      const shared = Math.min(left.y + left.h, right.y + right.h) - Math.max(left.y, right.y);
      if (left.x + left.w <= right.x + 1 && shared >= 0.8 * Math.min(left.h, right.h)) return [left, right];
    }
  return undefined;
}

/** Whether the topmost filled shape under the middle of `box` is dark; the background's darkness if none. */
function darkUnder(layout: TemplateLayout, box: Box): boolean {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const under = [...(layout.fills ?? [])]
    .reverse()
    .find((f) => cx >= f.box.x && cx <= f.box.x + f.box.w && cy >= f.box.y && cy <= f.box.y + f.box.h);
  return under ? isDarkColor(under.color.replace(/^#/, '')) : layout.dark;
}

/**
 * The colours a box on this layout stands on: every filled shape beneath it that it overlaps,
 * and the background unless one of them covers the whole box — a backdrop picture's colours
 * sampled under the box, as the audit (template/ground.ts) samples them; white when the
 * background is not known, as the audit assumes.
 */
export function groundUnder(layout: TemplateLayout, box: Box, slide: { width: number; height: number }): string[] {
  const overlaps = (f: { box: Box }) =>
    f.box.x < box.x + box.w && f.box.x + f.box.w > box.x && f.box.y < box.y + box.h && f.box.y + f.box.h > box.y;
  const covers = (f: { box: Box }) =>
    f.box.x <= box.x && f.box.y <= box.y && f.box.x + f.box.w >= box.x + box.w && f.box.y + f.box.h >= box.y + box.h;
  const fills = (layout.fills ?? []).filter(overlaps);
  // Only the shapes above the topmost one covering the box show under it.
  const top = fills.map(covers).lastIndexOf(true);
  const shown = fills.slice(Math.max(0, top)).map((f) => hex(f.color));
  if (top >= 0) return shown;
  const { backdrop } = layout;
  const background = backdrop
    ? cellsUnder(backdrop, {
        x: box.x / slide.width,
        y: box.y / slide.height,
        w: box.w / slide.width,
        h: box.h / slide.height,
      })
    : [hex(layout.background ?? 'FFFFFF')];
  return [...shown, ...background];
}

/** A LibreOffice-made template's layout with its master's real placeholder boxes (see libreOfficeBoxes). */
function withLibreOfficeBoxes(t: HouseTemplate, layout: TemplateLayout): TemplateLayout {
  const boxes = libreOfficeBoxes(t.bytes, layout.part);
  if (!boxes) return layout;
  return {
    ...layout,
    placeholders: layout.placeholders.map((p) => {
      const box = boxes.get(masterType(p.type));
      return box ? { ...p, box } : p;
    }),
  };
}

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();

/**
 * The theme's palette for a slide on this layout: text light on a dark layout, and divider text
 * (written for our own dark dividers) dark on a light title or section layout.
 */
export function paletteOn(theme: Theme, t: HouseTemplate, on: SlideOnTemplate): Palette {
  const p = theme.palette;
  if (on.dark) {
    const light = hex(t.colors.lt1);
    return { ...p, title: light, text: light, muted: hex(t.colors.lt2), dividerText: light, accentText: light };
  }
  return { ...p, dividerText: p.title };
}

/** A slide's chosen template layout, and the layout context that places the slide on it. */
export interface PlacedOnTemplate {
  layout: TemplateLayout;
  /** The title keeps the colour layout gave it (a light title on a dark band or slide). */
  titleColored: boolean;
  context(ctx: LayoutContext): LayoutContext;
}

/**
 * Chooses the template layout of every slide (by its kind, or the layout its outline names)
 * when the theme has a template; undefined without one.
 */
export function onTemplate(deck: ResolvedDeck, diagnostics: Diagnostics): PlacedOnTemplate[] | undefined {
  const t = deck.theme.template;
  if (!t) {
    for (const slide of deck.slides)
      if (slide.layout)
        diagnostics.error(
          'unknown-layout',
          `layout: "${slide.layout.name}" names a template layout, but this deck's theme names no template`,
          slide.layout.at,
          'leave `layout:` out, or build on a template (`theme: templates/house.potx`)',
        );
    return undefined;
  }
  let chosen: Record<LayoutRole, TemplateLayout>;
  try {
    chosen = chooseLayouts(t, deck.theme.layouts ?? {});
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    diagnostics.error('unknown-layout', `the template ${e.file} ${e.message}`);
    chosen = chooseLayouts(t);
  }
  const names = [...new Set(t.layouts.map((l) => l.name))];
  return deck.slides.map((slide) => {
    let layout = chosen[LAYOUT_OF[slide.kind]];
    if (slide.layout) {
      const named = layoutByName(t, slide.layout.name);
      if (named) layout = named;
      else
        diagnostics.error(
          'unknown-layout',
          `template ${t.file} has no layout named "${slide.layout.name}"`,
          slide.layout.at,
          { expected: names, hint: "name one of the template's layouts, or leave `layout:` out" },
        );
    }
    const regions = regionsOf(t, layout);
    return {
      layout,
      titleColored: regions.dark || regions.titleColor !== undefined,
      context: (ctx) => ({
        ...ctx,
        template: regions,
        theme: { ...ctx.theme, palette: paletteOn(ctx.theme, t, regions) },
      }),
    };
  });
}
