import { chartStyleFor } from '../charts/config.js';
import type { Box, ChartModel, Element, NativeChartSpec, NativeChartType, NativeSeries, Palette } from '../model.js';
import { isCircular } from '../schema/chart-types.js';
import type { LayoutContext } from './frame.js';

/**
 * A chart in its box: a picture for the chart stage to draw, with the style it is drawn in, or
 * an editable PowerPoint chart with every option decided here.
 */
export function chartElement(chart: ChartModel, box: Box, ctx: LayoutContext, name = 'Chart'): Element {
  if (chart.render === 'native') return { kind: 'native-chart', name, box, spec: nativeChartSpec(chart, box, ctx) };
  return { kind: 'chart', name, box, chart, style: chartStyleFor(box, ctx.theme.slide.width, ctx.theme) };
}

/**
 * Native chart text stays at one size whatever the chart's box (the picture's scales with it):
 * above this it crowds a chart in part of the slide.
 */
const NATIVE_TEXT_MAX = 14;

const NATIVE_TYPES: Record<ChartModel['type'], NativeChartType> = {
  bar: 'bar',
  column: 'bar',
  'horizontal-bar': 'bar',
  'stacked-bar': 'bar',
  line: 'line',
  area: 'area',
  pie: 'pie',
  doughnut: 'doughnut',
  combo: 'bar',
  scatter: 'scatter',
};

/**
 * Colours repeated to `n` entries: pptxgenjs picks Math.random() colours for points past the
 * end of its colour list, which would make two builds of one deck differ.
 */
function cycle(colors: readonly string[], n: number): string[] {
  return Array.from({ length: Math.max(n, colors.length) }, (_, i) => colors[i % colors.length]!);
}

/** Point colours for the chart, as the picture draws them. */
function nativeColors(chart: ChartModel, p: Palette): string[] {
  const n = Math.max(chart.labels.length, chart.datasets.length) + 1;
  const muted = p.inactive;
  if (isCircular(chart.type))
    return cycle(
      chart.labels.map((l, i) =>
        chart.highlight === undefined || chart.highlight === l ? p.series[i % p.series.length]! : muted,
      ),
      n,
    );
  // One bar series: PowerPoint colours each point from the list, which is how a highlight shows.
  if (chart.datasets.length === 1 && NATIVE_TYPES[chart.type] === 'bar' && chart.type !== 'combo') {
    return cycle(
      chart.labels.map((l) =>
        chart.highlight === undefined ? p.series[0]! : l === chart.highlight ? p.accent : muted,
      ),
      n,
    );
  }
  return cycle(p.series, n);
}

/** An Excel number format for the chart's values: thousands grouped, the data's decimals (up to 2), % attached. */
export function excelFormat(chart: ChartModel): string {
  const values = chart.datasets.flatMap((d) => d.values);
  const decimals =
    chart.format.decimals ??
    Math.min(2, Math.max(0, ...values.map((v) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0)))));
  const number = decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return chart.unit === '%' ? `${number}"%"` : number;
}

/** An editable PowerPoint chart from the same model, styled as close to the picture as PowerPoint allows. */
export function nativeChartSpec(chart: ChartModel, box: Box, ctx: LayoutContext): NativeChartSpec {
  const { palette: p, sizes } = ctx.theme;
  const font = ctx.face.latin;
  const circular = isCircular(chart.type);
  const type = NATIVE_TYPES[chart.type];
  // Native chart text does not scale with the box as the picture's does: the theme size, kept readable.
  const size = Math.max(sizes.chartMin, Math.min(sizes.chart, NATIVE_TEXT_MAX));
  const format = excelFormat(chart);
  const series = (indices: number[]): NativeSeries[] =>
    indices.map((i) => ({ name: chart.datasets[i]!.label, labels: chart.labels, values: chart.datasets[i]!.values }));
  const groupColors = (indices: number[]) =>
    cycle(
      indices.map((i) => p.series[i % p.series.length]!),
      chart.labels.length + 1,
    );
  const bars = chart.datasets.map((_, i) => i).filter((i) => !chart.lineDatasets.includes(i));
  const valueTitle = chart.yLabel ?? (chart.unit && chart.unit !== '%' ? chart.unit : undefined);
  return {
    type,
    series:
      type === 'scatter'
        ? [
            { name: 'X', values: chart.labels.map(Number) },
            ...chart.datasets.map((d) => ({ name: d.label, values: d.values })),
          ]
        : series(circular ? [0] : chart.datasets.map((_, i) => i)),
    colors: nativeColors(chart, p),
    ...(chart.type === 'combo'
      ? {
          combo: {
            bars: { series: series(bars), colors: groupColors(bars) },
            lines: { series: series(chart.lineDatasets), colors: groupColors(chart.lineDatasets) },
          },
        }
      : {}),
    alt: chart.alt,
    ...(chart.title ? { title: { text: chart.title, font, size: size + 2, color: p.title } } : {}),
    legend: {
      // A pie without its legend would leave its slices unnamed.
      show: circular || chart.legend !== 'none',
      position:
        chart.legend === 'none' || chart.legend === 'auto'
          ? box.w / box.h >= 1.6
            ? 'r'
            : 'b'
          : (chart.legend[0] as 'b' | 't' | 'l' | 'r'),
      font,
      size,
    },
    dataLabels: {
      values: chart.dataLabels === 'value',
      percents: chart.dataLabels === 'share',
      font,
      size,
      format,
      ...(circular ? { color: p.accentText } : {}),
    },
    categoryAxis: { font, size, ...(chart.xLabel ? { title: { text: chart.xLabel, size } } : {}) },
    valueAxis: {
      font,
      size,
      format,
      ...(valueTitle ? { title: { text: valueTitle, size } } : {}),
      gridline: { color: p.rule, width: 0.75 },
    },
    ...(type === 'bar'
      ? {
          bars: {
            direction: chart.horizontal ? 'bar' : 'col',
            grouping: chart.stacked === 'percent' ? 'percentStacked' : chart.stacked ? 'stacked' : 'clustered',
            gapWidth: 60,
            // PowerPoint stacks horizontal bars from the bottom; the picture lists categories from the top.
            topDown: chart.horizontal,
          },
        }
      : {}),
    ...(type === 'area' && chart.stacked
      ? { areaGrouping: chart.stacked === 'percent' ? 'percentStacked' : 'stacked' }
      : {}),
    ...(type === 'line' ? { lines: { width: 3, symbol: 'circle', symbolSize: 7 } } : {}),
    ...(type === 'scatter' ? { lines: { width: 0, symbolSize: 8 } } : {}),
    ...(chart.type === 'doughnut' ? { holeSize: 55 } : {}),
  };
}
