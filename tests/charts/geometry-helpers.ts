import type { Chart } from 'chart.js';
import { vi } from 'vitest';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { chartConfig, type ChartStyle } from '../../src/charts/config.js';
import { coversValue, intersects, obstaclesOf, placedLabels, type LabelBox } from '../../src/charts/labels.js';
import { planChart } from '../../src/charts/plan.js';
import { ChartRenderer } from '../../src/charts/render.js';
import { registerFontFiles } from '../../src/fonts.js';
import type { ChartModel } from '../../src/model.js';

const instances = new Map<string, ChartJSNodeCanvas>();

/** Draws a chart with chart.js as the renderer does and returns the live chart, for its geometry. */
export function drawChart(chart: ChartModel, style: ChartStyle): Chart {
  registerFontFiles(style.fontFiles);
  const key = `${style.width}x${style.height}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = new ChartJSNodeCanvas({
      width: style.width,
      height: style.height,
      backgroundColour: '#FFFFFF',
      plugins: { modern: ['chartjs-plugin-datalabels', 'chartjs-plugin-annotation'] },
    });
    instances.set(key, instance);
  }
  const draw = (instance as unknown as { renderChart: (c: unknown) => Chart }).renderChart;
  return draw.call(instance, chartConfig(chart, style));
}

export interface GeometryProblem {
  label: string;
  problem: string;
}

/**
 * Every way the drawn labels could hide a value: a label not placed, a label box over another
 * value's bar, point, line or slice, two label boxes overlapping, a label outside the picture,
 * and labels missing that the plan did not report as left out.
 */
export function geometryProblems(chart: ChartModel, style: ChartStyle): GeometryProblem[] {
  const drawn = drawChart(chart, style);
  try {
    const placed = placedLabels(drawn);
    const problems: GeometryProblem[] = [];
    if (!placed) return [{ label: '(all)', problem: 'the label plugin did not run' }];
    for (const u of placed.unplaced) problems.push({ label: u.text, problem: 'found no free place' });
    const obstacles = obstaclesOf(drawn);
    // The target line is drawn over the values: labels must clear it too.
    if (chart.target) {
      const area = drawn.chartArea;
      const at = drawn.scales[chart.horizontal ? 'x' : 'y']!.getPixelForValue(chart.target.value);
      obstacles.segments.push({
        dataset: -1,
        from: 0,
        p: chart.horizontal ? [at, area.top] : [area.left, at],
        q: chart.horizontal ? [at, area.bottom] : [area.right, at],
      });
    }
    const name = (b: LabelBox) => `${b.kind} "${b.text}"`;
    placed.boxes.forEach((box, i) => {
      const own = box.kind === 'data' && box.inside ? { dataset: box.dataset!, index: box.index! } : undefined;
      // Margin labels sit beside the plot, where no value is drawn; data labels must clear every other value.
      if (box.kind === 'data' && coversValue(box, obstacles, own))
        problems.push({ label: name(box), problem: 'covers a value' });
      if (box.kind !== 'data' && box.x < drawn.chartArea.right - 0.5 && box.y + box.h > drawn.chartArea.top)
        problems.push({ label: name(box), problem: 'margin label inside the plot area' });
      placed.boxes.slice(i + 1).forEach((other) => {
        if (intersects(box, other)) problems.push({ label: name(box), problem: `overlaps ${name(other)}` });
      });
      if (box.x < 0 || box.y < 0 || box.x + box.w > drawn.width || box.y + box.h > drawn.height)
        problems.push({ label: name(box), problem: 'runs off the picture' });
    });
    const plan = planChart(chart, style);
    const expected = plan.labels.length;
    const got = placed.boxes.filter((b) => b.kind === 'data').length;
    if (got !== expected) problems.push({ label: '(all)', problem: `${got} data labels drawn, ${expected} planned` });
    return problems;
  } finally {
    drawn.destroy();
  }
}

/** The models and styles the picture renderer is asked to draw while `build` runs; nothing is drawn. */
export async function chartsAskedFor(
  build: () => Promise<unknown>,
): Promise<{ chart: ChartModel; style: ChartStyle }[]> {
  const asked: { chart: ChartModel; style: ChartStyle }[] = [];
  const spy = vi.spyOn(ChartRenderer.prototype, 'render');
  spy.mockImplementation(async (chart, style) => {
    asked.push({ chart, style });
    return Buffer.alloc(0);
  });
  try {
    await build();
  } finally {
    spy.mockRestore();
  }
  return asked;
}
