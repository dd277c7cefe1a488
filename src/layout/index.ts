import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type {
  DeckMeta,
  DeckStyle,
  LaidOutDeck,
  LayoutStats,
  LaidOutSlide,
  ResolvedDeck,
  ResolvedSlide,
  SlideKind,
} from '../model.js';
import { Diagnostics as DiagnosticsCollector } from '../diagnostics/diagnostic.js';
import { FitLog } from './fit.js';
import { TypeScale, themeRange, type Role } from './scale.js';
import type { LayoutContext } from './frame.js';
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
import { sourceLine, wordsFor } from '../words.js';

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
  const words = wordsFor(deck.meta.lang);
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
export function layoutDeck(deck: ResolvedDeck, measure: TextMeasurer, diagnostics: Diagnostics): LayoutResult {
  const { theme, meta } = deck;
  const layoutAll = (ctx: LayoutContext) =>
    deck.slides.flatMap((slide) => (LAYOUTS[slide.kind] as Layout<typeof slide.kind>)(slide as never, ctx));
  // The probe pass finds the size each role needs across the deck; its findings are not reported.
  const probe = TypeScale.probe(theme.sizes);
  layoutAll(createLayoutContext(deck, measure, new DiagnosticsCollector(), probe));
  const scale = probe.hold();
  const ctx = createLayoutContext(deck, measure, diagnostics, scale);
  reportScale(probe, ctx);
  const slides = layoutAll(ctx);
  const style: DeckStyle = {
    slide: { ...theme.slide },
    fonts: ctx.face,
    properties: documentProperties(deck),
    house: houseStyle(theme, ctx),
  };
  return {
    deck: { meta, style, masters: layoutMasters(theme, meta, ctx), layouts: layoutPlans(theme, ctx), slides },
    stats: ctx.fit.stats,
  };
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
