import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { LaidOutDeck, LaidOutSlide, ResolvedDeck, ResolvedSlide, SlideKind } from '../model.js';
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
import { isChinese } from '../script.js';

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

/** Gives every text its final size and every element its box; splits what does not fit. */
export function layoutDeck(deck: ResolvedDeck, measure: TextMeasurer, diagnostics: Diagnostics): LaidOutDeck {
  const zh = isChinese(deck.meta.lang);
  const ctx: LayoutContext = {
    theme: deck.theme,
    measure,
    diagnostics,
    lang: deck.meta.lang,
    sourceLine(ids) {
      // Several cells of one workbook cite it once.
      const lines = [...new Set(ids.map((id) => deck.sourceLines.get(id)).filter((l): l is string => !!l))];
      if (!lines.length) return undefined;
      if (zh) return `资料来源：${lines.join('；')}`;
      return `${lines.length > 1 ? 'Sources' : 'Source'}: ${lines.join('; ')}`;
    },
  };
  const slides = deck.slides.flatMap((slide) =>
    (LAYOUTS[slide.kind] as Layout<typeof slide.kind>)(slide as never, ctx),
  );
  return { meta: deck.meta, theme: deck.theme, masters: layoutMasters(deck.theme, deck.meta, ctx), slides };
}
