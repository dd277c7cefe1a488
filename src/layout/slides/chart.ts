import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { bulletsElement, fitBullets } from '../bullets.js';
import { chartElement } from '../chart.js';
import { captionBlock } from '../caption.js';
import type { LayoutContext } from '../frame.js';
import { contentSlide } from './content.js';
import { reportDroppedLabels } from '../../charts/dropped.js';

type Slide = Extract<ResolvedSlide, { kind: 'chart' }>;

const SIDE_GAP = 28;
/** Share of the body width the chart takes when bullets stand beside it. */
const CHART_SHARE = 0.6;

export function layoutChartSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { sizes } = ctx.theme;
  return [
    contentSlide(slide, ctx, slide.title, (body) => {
      const elements: Element[] = [];
      const withBullets = slide.bullets.length > 0;
      const chartW = withBullets ? Math.round((body.width - SIDE_GAP) * CHART_SHARE) : body.width;
      let chartBottom = body.bottom;
      if (slide.caption) {
        const caption = captionBlock(slide.caption, chartW, 'chart caption', slide, ctx);
        const y = body.bottom - caption.height;
        chartBottom = y - 8;
        elements.push(caption.at(body.left, y));
      }
      const chartBox = { x: body.left, y: body.top, w: chartW, h: chartBottom - body.top };
      if (chartBox.h < 90 || chartBox.w < 160) {
        ctx.diagnostics.error(
          'text-does-not-fit',
          `no room for the chart: ${Math.round(chartBox.w)} × ${Math.round(chartBox.h)} pt is left under the title and caption`,
          slide.at,
          'shorten the title or the caption',
        );
      }
      const element = chartElement(
        slide.chart,
        { ...chartBox, w: Math.max(chartBox.w, 160), h: Math.max(chartBox.h, 90) },
        ctx,
      );
      elements.push(element);
      if (element.kind === 'chart') reportDroppedLabels(slide.chart, element.style, slide.at, ctx.diagnostics);
      if (withBullets) {
        const box = {
          x: body.left + chartW + SIDE_GAP,
          y: body.top,
          w: body.width - chartW - SIDE_GAP,
          h: body.bottom - body.top,
        };
        // Beside a chart, bullets start a little smaller than the body size, never below its minimum.
        const start = Math.max(Math.min(sizes.body, sizes.chartBullets), sizes.bodyMin);
        const fit = fitBullets(slide.bullets, box, start, sizes.bodyMin, ctx);
        if (!fit.fits)
          ctx.diagnostics.error(
            'text-does-not-fit',
            'the bullets beside the chart do not fit even at the smallest size',
            slide.at,
            'keep two or three short bullets beside a chart',
          );
        else ctx.fit.shrunk('bullets beside the chart', start, fit.size, slide.at);
        elements.push(bulletsElement(slide.bullets, box, fit.size, ctx));
      }
      return elements;
    }),
  ];
}
