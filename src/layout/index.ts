import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type {
  DeckMeta,
  DeckStyle,
  LaidOutDeck,
  LayoutStats,
  LaidOutSlide,
  Master,
  MasterLayout,
  ResolvedDeck,
  ResolvedSlide,
  Theme,
  SlideKind,
} from '../model.js';
import { Diagnostics as DiagnosticsCollector } from '../diagnostics/diagnostic.js';
import { fitBlocks, FitLog, HEIGHT_SAFETY, lineFactor } from './fit.js';
import { TypeScale, themeRange, type Role } from './scale.js';
import { TEXT_INSETS, type LayoutContext } from './frame.js';
import { houseStyle, layoutPlans } from './house.js';
import { layoutMasters } from './masters.js';
import type { TextMeasurer } from './measure.js';
import { layoutBulletsSlide } from './slides/bullets.js';
import { layoutChartSlide } from './slides/chart.js';
import { layoutSectionSlide, layoutTitleSlide } from './slides/divider.js';
import { layoutQuoteSlide } from './slides/quote.js';
import { layoutSourcesSlide } from './slides/sources.js';
import { layoutStatsSlide } from './slides/stats.js';
import { layoutTableSlide } from './slides/table.js';
import { sourceLine } from '../words.js';
import { houseWords } from '../resolve/house-text.js';
import { onTemplate, regionsOf } from './template.js';
import { chooseLayouts, TemplateError } from '../template/index.js';
import { markingOnGround, templateMarks } from './template-marks.js';
import { masterPlaceholders } from '../template/placeholder-boxes.js';
import type { HouseTemplate } from '../template/types.js';

type Layout<K extends SlideKind> = (slide: Extract<ResolvedSlide, { kind: K }>, ctx: LayoutContext) => LaidOutSlide[];

const LAYOUTS = {
  title: layoutTitleSlide,
  section: layoutSectionSlide,
  bullets: layoutBulletsSlide,
  stats: layoutStatsSlide,
  chart: layoutChartSlide,
  table: layoutTableSlide,
  quote: layoutQuoteSlide,
  sources: layoutSourcesSlide,
} satisfies { [K in SlideKind]: Layout<K> };

export interface LayoutResult {
  deck: LaidOutDeck;
  /** Shrinks and splits, counted whether or not their warnings are shown. */
  stats: LayoutStats;
}

/** What every slide layout works with, for a deck's theme, language and citations. */
export function createLayoutContext(
  deck: Pick<ResolvedDeck, 'theme' | 'sourceLines'> & { meta: Pick<DeckMeta, 'lang'> },
  measure: TextMeasurer,
  diagnostics: Diagnostics,
  scale: TypeScale = TypeScale.probe(deck.theme.sizes),
): LayoutContext {
  const { theme } = deck;
  const words = houseWords(deck.theme, deck.meta.lang);
  return {
    theme,
    measure,
    diagnostics,
    fit: new FitLog(diagnostics),
    scale,
    lang: deck.meta.lang,
    face: { latin: theme.fonts.latin, eastAsian: theme.fonts.eastAsian },
    words,
    sourceLine(ids) {
      // Several cells of one workbook cite it once.
      return sourceLine([...new Set(ids.map((id) => deck.sourceLines.get(id)).filter((l): l is string => !!l))], words);
    },
  };
}

/** Gives every text its final size and every element its box; splits what does not fit. */
export function layoutDeck(
  input: ResolvedDeck,
  measure: TextMeasurer,
  diagnostics: Diagnostics,
  onPicture?: LayoutContext['onPicture'],
): LayoutResult {
  // On a house template the slide is the template's size; its sizes are already the template's
  // (sources/theme/from-template.ts, or a theme file that adjusts them): they are not scaled again.
  const t = input.theme.template;
  const deck = t ? { ...input, theme: titleSizeOn(input, t) } : input;
  const { theme, meta } = deck;
  const placed = onTemplate(deck, diagnostics);
  const layoutAll = (ctx: LayoutContext) =>
    deck.slides.flatMap((slide, i) => {
      const on = placed?.[i];
      const laidOut = (LAYOUTS[slide.kind] as Layout<typeof slide.kind>)(slide as never, on ? on.context(ctx) : ctx);
      return on
        ? laidOut.map((s) => ({ ...s, templateLayout: { part: on.layout.part, dark: on.titleColored } }))
        : laidOut;
    });
  // The probe pass finds the size each role needs across the deck; its findings are not reported.
  const probe = TypeScale.probe(theme.sizes);
  const told = onPicture ? { onPicture } : {};
  layoutAll({ ...createLayoutContext(deck, measure, new DiagnosticsCollector(), probe), ...told });
  const scale = probe.hold();
  const ctx = { ...createLayoutContext(deck, measure, diagnostics, scale), ...told };
  reportScale(probe, ctx);
  const slides = layoutAll(ctx);
  const style: DeckStyle = {
    slide: { ...theme.slide },
    fonts: ctx.face,
    properties: documentProperties(deck),
    house: houseStyle(theme, ctx),
  };
  // On a template its masters draw the logo (or none): ours is neither drawn nor checked on dark slides.
  const masters = layoutMasters(t ? logoOnTemplate(theme, t, ctx) : theme, meta, ctx);
  const layouts = layoutPlans(theme, ctx);
  if (!t) return { deck: { meta, style, masters, layouts, slides }, stats: ctx.fit.stats };
  // The marking leads the footer placeholder's text: the layout's footer has the place for it.
  const footer = [meta.classification, meta.footer].filter(Boolean).join('  ·  ');
  style.template = {
    bytes: t.bytes,
    ...(footer ? { footer, footerSize: footerSizeOn(t, slides, footer, ctx) } : {}),
    ...(theme.footer.date && meta.date ? { date: meta.date } : {}),
    slideNumbers: theme.footer.pageNumbers,
  };
  const houseMarks = style.template;
  const markSize = houseMarks.footerSize ?? theme.sizes.footer;
  return {
    deck: {
      meta,
      style,
      masters,
      layouts,
      slides: slides.map((s) =>
        withHouseMarks(s, masters, t, !!meta.footer, houseMarks, markSize, theme.palette.emphasis, ctx.measure),
      ),
    },
    stats: ctx.fit.stats,
  };
}

/**
 * The theme whose masters are laid out on a template: without its logo, which the template's
 * own masters replace. A logo the theme names but the template does not show is reported: the
 * template's title placeholders are made without room for one, so briefdeck does not add it.
 */
function logoOnTemplate(theme: Theme, t: HouseTemplate, ctx: LayoutContext): Theme {
  if (!theme.logo && !theme.logoDark) return theme;
  if (!t.logo)
    ctx.diagnostics.warn(
      'logo-not-drawn',
      `the template ${t.file} shows no logo, and briefdeck does not add the theme's logo to a template's slides`,
      theme.origins.logo,
      { hint: "put the logo on the template's slide master in PowerPoint, or write logo: none in the theme" },
    );
  const { logo: _logo, logoDark: _logoDark, ...rest } = theme;
  return rest;
}

/**
 * Who made the deck: the theme's author, else the outline's, else the office in the footer; the
 * company is the theme's, else the footer's office, else the author.
 */
function documentProperties({ meta, theme }: ResolvedDeck): DeckStyle['properties'] {
  const author = theme.author ?? meta.author ?? meta.footer;
  return {
    title: meta.title,
    ...(author ? { author } : {}),
    ...(meta.subtitle ? { subject: meta.subtitle } : {}),
    company: theme.company ?? meta.footer ?? author ?? '',
  };
}

/**
 * The theme on its template's slide, its title size no larger than two lines of the content
 * layout's title placeholder hold: a template's 33 pt title style in a box drawn for one line
 * would make every two-line title shrink, with a warning each, to the size computed here.
 */
function titleSizeOn(deck: ResolvedDeck, t: HouseTemplate): Theme {
  const theme = { ...deck.theme, slide: { ...t.slide } };
  let content;
  try {
    content = chooseLayouts(t, theme.layouts ?? {}).content;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    content = chooseLayouts(t).content;
  }
  const box = regionsOf(t, content).title;
  if (!box) return theme;
  const factor = Math.max(...deck.slides.map((s) => lineFactor('title' in s ? s.title : undefined)));
  const twoLines = Math.floor((((box.h - TEXT_INSETS.t - TEXT_INSETS.b) * HEIGHT_SAFETY) / (2 * factor)) * 2) / 2;
  const { title, titleMin } = theme.sizes;
  const held = Math.max(titleMin, Math.min(title, twoLines));
  return held === title ? theme : { ...theme, sizes: { ...theme.sizes, title: held } };
}

/**
 * The footer placeholder's text size: the theme's footer size, smaller where the narrowest
 * footer placeholder of the layouts used needs it (a template's own footer style may be large).
 */
function footerSizeOn(t: HouseTemplate, slides: readonly LaidOutSlide[], text: string, ctx: LayoutContext): number {
  const { footer, footerMin } = ctx.theme.sizes;
  const used = new Set(slides.map((s) => s.templateLayout?.part));
  const boxes = t.layouts
    .filter((l) => used.has(l.part))
    .flatMap((l) => {
      const own = l.placeholders.filter((p) => p.type === 'ftr' && p.box).map((p) => p.box!);
      // A layout without one shows the footer where its master's placeholder is (template-marks.ts).
      const master = masterPlaceholders(t.bytes, l.part).get('ftr')?.box;
      return own.length ? own : master ? [master] : [];
    });
  if (!boxes.length) return footer;
  const width = Math.min(...boxes.map((b) => b.w)) - 14.4;
  const r = fitBlocks(
    { blocks: [{ text, indent: 0 }], width, height: Infinity, size: footer, minSize: footerMin, maxLines: 1 },
    ctx.measure,
  );
  return r.size;
}

/**
 * The template's masters replace ours, and with them our footer, logo and rules: the template
 * has its own. What it cannot have is kept on the slide itself: the classification marking,
 * and the footer text where the slide's layout has no footer placeholder.
 */
function withHouseMarks(
  slide: LaidOutSlide,
  masters: Record<Master, MasterLayout>,
  t: HouseTemplate,
  hasFooter: boolean,
  style: NonNullable<DeckStyle['template']>,
  markSize: number,
  emphasis: string,
  measure: TextMeasurer,
): LaidOutSlide {
  const layout = t.layouts.find((l) => l.part === slide.templateLayout?.part);
  const marks = layout ? templateMarks(slide, layout, t, style, masters.content, markSize) : [];
  if (marks.length) slide = { ...slide, templateLayout: { ...slide.templateLayout!, marks } };
  // The footer text (which the marking leads) is in the layout's footer placeholder, or where the master has one.
  const footerPlaceholder =
    slide.master === 'content' &&
    (!!layout?.placeholders.some((p) => p.type === 'ftr') || marks.some((m) => m.type === 'ftr'));
  const own = masters[slide.master].elements
    .filter(
      (e) =>
        (e.name === 'Classification' && !footerPlaceholder) ||
        (e.name === 'Footer' && hasFooter && slide.master === 'content' && !footerPlaceholder),
    )
    .map((e) => (e.name === 'Classification' && layout ? markingOnGround(e, layout, t, emphasis, measure) : e));
  return own.length ? { ...slide, elements: [...slide.elements, ...own] } : slide;
}

const ROLE_NAMES: Record<Role, string> = {
  title: 'slide titles',
  body: 'bullets',
  side: 'bullets beside charts',
  statValue: 'headline figures',
  statLabel: 'stat labels',
  caption: 'captions',
  source: 'source lines',
};

/** One warning per text that pulled its role below the theme size: the whole deck is set at that size. */
function reportScale(probe: TypeScale, ctx: LayoutContext): void {
  for (const role of Object.keys(ROLE_NAMES) as Role[]) {
    const from = themeRange(ctx.theme.sizes, role).size;
    const to = ctx.scale.size(role);
    for (const need of probe.pulledDown(role).filter((n) => n.size === to))
      ctx.fit.shrunk(
        ROLE_NAMES[role],
        from,
        to,
        need.at,
        `the deck sets all its ${ROLE_NAMES[role]} at one size: shorten this text to keep ${from} pt on every slide`,
      );
  }
}
