import { describe, expect, it } from 'vitest';
import { chartElement, nativeChartSpec } from '../../src/layout/chart.js';
import type { ChartModel } from '../../src/model.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { DEFAULT_FORMAT } from '../../src/format.js';
import { fakeContext } from '../helpers/layout.js';

const model = (over: Partial<ChartModel> = {}): ChartModel => ({
  type: 'column',
  labels: ['A', 'B', 'C'],
  datasets: [{ label: 'Trade', values: [1, 2.5, 3] }],
  horizontal: false,
  stacked: false,
  legend: 'none',
  dataLabels: 'value',
  format: DEFAULT_FORMAT,
  lineDatasets: [],
  alt: 'Column chart.',
  render: 'native',
  lang: 'en',
  ...over,
});
const wide = { x: 0, y: 0, w: 800, h: 300 };
const tall = { x: 0, y: 0, w: 400, h: 300 };
const p = BASE_THEME.palette;

describe('native chart spec', () => {
  it('is a picture to draw, with its style, unless the chart is native', () => {
    const ctx = fakeContext();
    expect(chartElement(model({ render: 'image' }), wide, ctx)).toMatchObject({
      kind: 'chart',
      style: { palette: p, width: Math.round((800 * 96) / 72) },
    });
    expect(chartElement(model(), wide, ctx).kind).toBe('native-chart');
  });

  it('colours one bar series by point: the highlighted category in the accent, the rest inactive', () => {
    const spec = nativeChartSpec(model({ highlight: 'B' }), wide, fakeContext());
    expect(spec.colors.slice(0, 3)).toEqual([p.inactive, p.accent, p.inactive]);
    // Long enough for every point: pptxgenjs picks random colours past the end of the list.
    expect(spec.colors.length).toBeGreaterThan(3);
    expect(spec.bars).toEqual({ direction: 'col', grouping: 'clustered', gapWidth: 60, topDown: false });
  });

  it('always shows a pie’s legend, beside it in a wide box and below it in a narrow one', () => {
    const pie = model({ type: 'pie', dataLabels: 'share', legend: 'auto' });
    const ctx = fakeContext();
    expect(nativeChartSpec(pie, wide, ctx).legend).toMatchObject({ show: true, position: 'r' });
    expect(nativeChartSpec(pie, tall, ctx).legend).toMatchObject({ show: true, position: 'b' });
    // Labels in the text colour: chart-xml.ts turns those inside dark slices white (4.5:1).
    expect(nativeChartSpec(pie, wide, ctx).dataLabels).toMatchObject({ percents: true, color: p.text });
    expect(nativeChartSpec(model({ type: 'doughnut' }), wide, ctx).holeSize).toBe(55);
  });

  it('lists horizontal bars from the top, as the picture does', () => {
    const spec = nativeChartSpec(model({ type: 'horizontal-bar', horizontal: true }), wide, fakeContext());
    expect(spec.bars).toMatchObject({ direction: 'bar', topDown: true });
  });

  it('splits a combo chart into bars and lines, each in its series colours', () => {
    const combo = model({
      type: 'combo',
      datasets: [
        { label: 'Trade', values: [1, 2, 3] },
        { label: 'Growth', values: [5, 6, 7] },
      ],
      lineDatasets: [1],
    });
    const spec = nativeChartSpec(combo, wide, fakeContext());
    expect(spec.combo!.bars.series.map((s) => s.name)).toEqual(['Trade']);
    expect(spec.combo!.lines.series.map((s) => s.name)).toEqual(['Growth']);
    expect(spec.combo!.bars.colors[0]).toBe(p.series[0]);
    expect(spec.combo!.lines.colors[0]).toBe(p.series[1]);
  });

  it('takes its text size from the theme, never below 14 pt (the picture’s label floor) nor the chart minimum, in the deck face', () => {
    const small = fakeContext({ theme: { sizes: { ...BASE_THEME.sizes, chart: 8, chartMin: 10 } } });
    const spec = nativeChartSpec(model({ title: 'T' }), wide, small);
    expect(spec.legend).toMatchObject({ font: BASE_THEME.fonts.latin, size: 14 });
    expect(spec.dataLabels.size).toBe(14);
    expect(spec.title).toEqual({ text: 'T', font: BASE_THEME.fonts.latin, size: 16, color: p.title });
    const large = fakeContext({ theme: { sizes: { ...BASE_THEME.sizes, chart: 20, chartMin: 16 } } });
    expect(nativeChartSpec(model({}), wide, large).legend.size).toBe(16);
  });

  it('writes numbers with the data’s decimals, up to two, % attached and a true minus', () => {
    const format = (over: Partial<ChartModel>) => nativeChartSpec(model(over), wide, fakeContext()).dataLabels.format;
    expect(format({})).toBe('#,##0.0;"\u2212"#,##0.0');
    expect(format({ unit: '%', datasets: [{ label: 'x', values: [1.234, 2] }] })).toBe(
      '#,##0.00"%";"\u2212"#,##0.00"%"',
    );
    expect(format({ datasets: [{ label: 'x', values: [1, 2] }] })).toBe('#,##0;"\u2212"#,##0');
  });
});
