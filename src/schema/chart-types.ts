/** The chart types an outline may name, apart from the outline schema so that chart drawing need not load zod. */
export const CHART_TYPES = [
  'bar',
  'column',
  'horizontal-bar',
  'stacked-bar',
  'line',
  'area',
  'pie',
  'doughnut',
  'combo',
  'scatter',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Pie and doughnut: one series of shares of a whole, with no axes. */
export const isCircular = (type: ChartType): boolean => type === 'pie' || type === 'doughnut';
