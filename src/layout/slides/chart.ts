import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { bulletsElement, fitBullets, packBullets } from '../bullets.js';
import { placedChart } from '../chart.js';
import type { LayoutContext } from '../frame.js';
import { bodyForPages, contentSlide, continued, type Body } from './content.js';
import { reportDroppedLabels } from '../../charts/dropped.js';

type Slide = Extract<ResolvedSlide, { kind: 'chart' }>;

const SIDE_GAP = 28;
/** Share of the body width the chart takes when bullets stand beside it. */
const CHART_SHARE = 0.6;

/**
 * A chart, with its caption in the foot note under it and bullets beside it at the deck's size for side bullets.
 * Bullets that do not fit beside the chart continue on a "(cont.)" slide, at the same size:
 * the chart keeps its room and no text shrinks past the type scale.
 */
export function layoutChartSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const range = ctx.scale.range('side');
  const withBullets = slide.bullets.length > 0;
  let besideChart = slide.bullets;
  let rest: Slide['bullets'][] = [];
  let size = range.size;
  if (withBullets) {
    const b = bodyForPages(slide, slide.title, ctx);
    const box = sideBox(b);
    const fit = fitBullets(slide.bullets, box, range.size, range.min, ctx);
    if (fit.fits) {
      size = fit.size;
      ctx.scale.need('side', size, slide.at);
      ctx.fit.shrunk('bullets beside the chart', range.size, size, slide.at);
    } else {
      const [first, ...more] = packBullets(slide.bullets, box, range.size, ctx);
      besideChart = first ?? [];
      // On a slide of their own the bullets have the whole body width.
      const full = { x: b.left, y: b.top, w: b.width, h: b.bottom - b.top };
      rest = packBullets(more.flat(), full, range.size, ctx);
      for (const page of [besideChart, ...rest]) {
        const pageBox = page === besideChart ? box : full;
        if (!fitBullets(page, pageBox, range.size, range.size, ctx).fits)
          ctx.diagnostics.error(
            'text-does-not-fit',
            `a bullet beside the chart does not fit a slide at ${range.size} pt`,
            slide.at,
            'split the bullet into shorter ones',
          );
      }
      ctx.fit.split(
        `bullets beside the chart continued over ${rest.length + 1} slides`,
        rest.length + 1,
        slide.at,
        'keep two or three short bullets beside a chart',
      );
    }
  }
  const chartSlide = contentSlide(slide, ctx, slide.title, (body) => {
    const elements: Element[] = [];
    const chartW = withBullets ? chartWidth(body) : body.width;
    const chartBox = { x: body.left, y: body.top, w: chartW, h: body.bottom - body.top };
    if (chartBox.h < 90 || chartBox.w < 160) {
      ctx.diagnostics.error(
        'text-does-not-fit',
        `no room for the chart: ${Math.round(chartBox.w)} × ${Math.round(chartBox.h)} pt is left under the title and caption`,
        slide.at,
        'shorten the title or the caption',
      );
    }
    const { element, dropped } = placedChart(
      slide.chart,
      { ...chartBox, w: Math.max(chartBox.w, 160), h: Math.max(chartBox.h, 90) },
      ctx,
    );
    elements.push(element);
    reportDroppedLabels(slide.chart, dropped, slide.at, ctx.diagnostics);
    // Sideways bars draw their target over the plot (native-target.ts); sideways combos cannot:
    // say so rather than drop it unsaid.
    if (element.kind === 'native-chart' && slide.chart.horizontal && slide.chart.target && !element.spec.drawnTarget)
      ctx.diagnostics.warn(
        'chart-target-not-drawn',
        'the editable sideways combo chart leaves out its target line: it draws one only over sideways bars alone',
        slide.at,
        'draw the chart as a picture (`render: image`), which shows the target, or upright (no `horizontal`)',
      );
    if (besideChart.length) elements.push(bulletsElement(besideChart, sideBox(body), size, ctx));
    return elements;
  });
  const continuations = rest.map((page, i) =>
    contentSlide(
      slide,
      ctx,
      continued(slide.title, i + 1, ctx.words),
      (body) => [
        bulletsElement(page, { x: body.left, y: body.top, w: body.width, h: body.bottom - body.top }, size, ctx, {
          fill: true,
        }),
      ],
      { caption: false },
    ),
  );
  return [chartSlide, ...continuations];
}

/** The chart's width beside bullets: the left content placeholder on a two-content layout. */
const chartWidth = (body: Body) =>
  body.columns ? body.columns[0].width : Math.round((body.width - SIDE_GAP) * CHART_SHARE);

/** Where bullets stand beside the chart: the right content placeholder on a two-content layout. */
function sideBox(body: Body) {
  const h = body.bottom - body.top;
  if (body.columns) return { x: body.columns[1].left, y: body.top, w: body.columns[1].width, h };
  const chartW = chartWidth(body);
  return {
    x: body.left + chartW + SIDE_GAP,
    y: body.top,
    w: body.width - chartW - SIDE_GAP,
    h: body.bottom - body.top,
  };
}
