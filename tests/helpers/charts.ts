import { DEFAULT_FORMAT } from '../../src/format.js';
import type { ChartModel } from '../../src/model.js';

/** A plain picture bar chart of n values 1…n, labelled L0…L(n−1). */
export function barChart(n: number): ChartModel {
  return {
    type: 'bar',
    labels: Array.from({ length: n }, (_, i) => `L${i}`),
    datasets: [{ label: 'A', values: Array.from({ length: n }, (_, i) => i + 1) }],
    horizontal: false,
    stacked: false,
    legend: 'none',
    dataLabels: false,
    format: DEFAULT_FORMAT,
    lineDatasets: [],
    alt: 'test chart',
    render: 'image',
    lang: 'en',
  };
}
