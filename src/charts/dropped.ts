import type { Origin } from '../diagnostics/diagnostic.js';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ChartModel } from '../model.js';
import type { DroppedLabel } from './plan.js';

const SHOWN = 6;

/**
 * Warns when a chart leaves value labels out (a segment too thin to hold one, more points
 * than room, a label that would touch the target line, one the picture found no room for):
 * the reader sees fewer numbers than the data has, so the author should know.
 */
export function reportDroppedLabels(
  chart: ChartModel,
  dropped: readonly DroppedLabel[],
  at: Origin,
  diagnostics: Diagnostics,
): void {
  if (!dropped.length) return;
  const named = dropped
    .slice(0, SHOWN)
    .map((d) => `${[d.category, chart.datasets.length > 1 ? d.dataset : ''].filter(Boolean).join(' · ')} (${d.text})`);
  const more = dropped.length > SHOWN ? ` and ${dropped.length - SHOWN} more` : '';
  const reasons = [...new Set(dropped.map((d) => d.reason))].join('; ');
  diagnostics.warn(
    'chart-labels-dropped',
    `the chart leaves ${dropped.length === 1 ? 'a value label' : `${dropped.length} value labels`} out: ${named.join(', ')}${more}: ${reasons}`,
    at,
    chart.render === 'native'
      ? 'the values stay in the alt text and the chart data; give the chart more room, or set `labels: false`'
      : 'the values stay in the alt text and the native chart; give the chart more room, or set `labels: false`',
  );
}
