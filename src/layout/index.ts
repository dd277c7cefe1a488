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
import { FitLog } from './fit.js';
import type { LayoutContext } from './frame.js';
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
): LayoutContext {
  const { theme } = deck;
  const words = wordsFor(deck.meta.lang);
  return {
    theme,
    measure,
    diagnostics,
    fit: new FitLog(diagnostics),
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
  const ctx = createLayoutContext(deck, measure, diagnostics);
  const slides = deck.slides.flatMap((slide) =>
    (LAYOUTS[slide.kind] as Layout<typeof slide.kind>)(slide as never, ctx),
  );
  const style: DeckStyle = {
    slide: { ...theme.slide },
    fonts: ctx.face,
    properties: {
      title: meta.title,
      ...(meta.author ? { author: meta.author } : {}),
      ...(meta.subtitle ? { subject: meta.subtitle } : {}),
      company: meta.author ?? '',
    },
  };
  return { deck: { meta, style, masters: layoutMasters(theme, meta, ctx), slides }, stats: ctx.fit.stats };
}
