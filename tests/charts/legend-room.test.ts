import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChartStyle } from '../../src/charts/config.js';
import { buildDeck } from '../../src/index.js';
import type { ChartModel } from '../../src/model.js';
import { narrowFlagshipProject } from '../helpers/flagship-on-templates.js';
import { chartsAskedFor, drawChart } from './geometry-helpers.js';

/**
 * On a narrow slide (the flagship on the 10 in pandoc reference template) the doughnut's legend
 * was cut off at the picture's edge ("China into partn"): every legend entry, drawn by chart.js,
 * must lie whole inside the picture and clear of the pie.
 */

const captured: { chart: ChartModel; style: ChartStyle }[] = [];

beforeAll(async () => {
  const dir = narrowFlagshipProject();
  // The flagship's models and styles on the narrow template, as the renderer is asked to draw them.
  captured.push(
    ...(await chartsAskedFor(() => buildDeck('decks/narrow.yaml', { cwd: dir, cacheDir: false, workers: 0 }))),
  );
}, 120_000);

afterAll(() => vi.restoreAllMocks());

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

describe('legends on narrow slides', () => {
  it('draws every entry of every chart legend whole, inside the picture', () => {
    expect(captured.some((c) => c.chart.type === 'doughnut')).toBe(true);
    const problems: string[] = [];
    for (const { chart, style } of captured) {
      const drawn = drawChart(chart, style);
      const legend = drawn.legend as unknown as {
        options: { display: boolean };
        left: number;
        width: number;
        legendHitBoxes: Box[];
        legendItems: { text: string }[];
      };
      if (legend.options.display) {
        const ctx = drawn.ctx;
        legend.legendItems.forEach((item, i) => {
          const box = legend.legendHitBoxes[i]!;
          ctx.font = `${style.fontSize}px ${style.fontFamily}`;
          const right = box.left + style.fontSize * 1.5 + ctx.measureText(item.text).width;
          // chart.js cuts text off at its legend box, which may be narrower than the entries.
          const edge = Math.min(drawn.width, legend.left + legend.width);
          if (box.left < 0 || right > edge + 1) problems.push(`${item.text}: ${box.left}–${right} beyond ${edge}`);
          // Clear of the pie: the entry is beside or below the plot.
          const area = drawn.chartArea;
          const overlaps =
            box.left < area.right && right > area.left && box.top < area.bottom && box.top + box.height > area.top;
          if (overlaps) problems.push(`${item.text}: over the plot`);
        });
      }
      drawn.destroy();
    }
    expect(problems).toEqual([]);
  });
});
