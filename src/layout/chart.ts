import { AREA_OPACITY, CHART_LABEL_MIN_PT, chartStyleFor, unitTitle } from '../charts/config.js';
import { MINUS, stepDecimals, unitAffixes } from '../charts/numbers.js';
import { planChart, type DroppedLabel } from '../charts/plan.js';
import type {
  Box,
  ChartModel,
  Element,
  NativeChartSpec,
  NativeChartType,
  NativeDrawnTarget,
  NativeSeries,
  Palette,
} from '../model.js';
import { isCircular } from '../schema/chart-types.js';
import type { LayoutContext } from './frame.js';
import { nativePointLabels } from './native-labels.js';
import { qualified } from '../qualifier.js';
import { labelColourOn } from '../charts/contrast.js';
import { sidewaysTarget } from './native-target.js';
import { nativePlot, type NativePlot } from './native-plot.js';
import { textWidth, type ChartPlan } from '../charts/plan.js';
import type { AxisRange } from '../charts/axes.js';

/**
 * A chart in its box: a picture for the chart stage to draw, with the style it is drawn in, or
 * an editable PowerPoint chart with every option decided here.
 */
export function chartElement(chart: ChartModel, box: Box, ctx: LayoutContext, name = 'Chart'): Element {
  return placedChart(chart, box, ctx, name).element;
}

/**
 * The chart element, and the value labels it leaves out by rule (the picture's plan, or the
 * native chart's labels that would touch its target line), for the build to report.
 */
export function placedChart(
  chart: ChartModel,
  box: Box,
  ctx: LayoutContext,
  name = 'Chart',
): { element: Element; dropped: DroppedLabel[] } {
  if (chart.render === 'native') {
    const { spec, dropped } = nativeChart(chart, box, ctx);
    return { element: { kind: 'native-chart', name, box, spec }, dropped };
  }
  const style = chartStyleFor(box, ctx.theme.slide.width, ctx.theme);
  ctx.onPicture?.(chart, style);
  return {
    element: { kind: 'chart', name, box, chart, style },
    dropped: chart.dataLabels ? planChart(chart, style).dropped : [],
  };
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
        chart.highlight === undefined ? p.series[0]! : l === chart.highlight ? p.series[0]! : muted,
      ),
      n,
    );
  }
  return cycle(p.series, n);
}

/**
 * An Excel number format: the chart's decimals, a % sign for a % unit, a true minus (U+2212)
 * for negatives, text before the number (a qualifier, a currency: "more than US$") and after it
 * (" billion") when given.
 */
export function excelNumberFormat(
  decimals: number,
  percentSign: boolean,
  before = '',
  after = '',
  grouped = true,
): string {
  const body = `${grouped ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}${percentSign ? '"%"' : ''}`;
  const text = before.replace(/"/g, '');
  const tail = after.replace(/"/g, '');
  const end = tail ? `"${tail}"` : '';
  return text ? `"${text}"${body}${end};"${text}${MINUS}"${body}${end}` : `${body}${end};"${MINUS}"${body}${end}`;
}

/** An Excel format for shares held as fractions: `0%`, `0.0%`. */
export const excelShareFormat = (decimals: number) => `0${decimals ? `.${'0'.repeat(decimals)}` : ''}%`;

/**
 * An editable PowerPoint chart from the same model, saying the same numbers as the picture: the
 * same plan decides its axis range, precision, shares and target, and only the drawing differs.
 */
export function nativeChartSpec(chart: ChartModel, box: Box, ctx: LayoutContext): NativeChartSpec {
  return nativeChart(chart, box, ctx).spec;
}

/** The native chart, and the value labels it leaves out (see native-labels.ts). */
export function nativeChart(
  chart: ChartModel,
  box: Box,
  ctx: LayoutContext,
): { spec: NativeChartSpec; dropped: DroppedLabel[] } {
  const { palette: p, sizes } = ctx.theme;
  const font = ctx.face.latin;
  const circular = isCircular(chart.type);
  const type = NATIVE_TYPES[chart.type];
  const style = chartStyleFor(box, ctx.theme.slide.width, ctx.theme);
  const plan = planChart(chart, style);
  const percentStacked = chart.stacked === 'percent';
  // Native chart text does not scale with the box as the picture's does: the theme size, kept
  // readable, never below the picture's floor for value labels (ticks share it: at least theirs).
  const size = Math.max(CHART_LABEL_MIN_PT, sizes.chartMin, Math.min(sizes.chart, NATIVE_TEXT_MAX));
  const unitOf = (i: number) => chart.datasets[i]?.unit ?? chart.unit;
  // A 100 % stack holds each category's shares as fractions, so labels and axis read as percentages.
  const valuesOf = (i: number) =>
    percentStacked ? plan.values[i]!.map((v) => Number((v / 100).toPrecision(12))) : chart.datasets[i]!.values;
  const series = (indices: number[]): NativeSeries[] =>
    indices.map((i) => ({ name: chart.datasets[i]!.label, labels: chart.labels, values: valuesOf(i) }));
  const groupColors = (indices: number[]) =>
    cycle(
      indices.map((i) => p.series[i % p.series.length]!),
      chart.labels.length + 1,
    );
  const bars = chart.datasets.map((_, i) => i).filter((i) => !chart.lineDatasets.includes(i));
  const twoUnits = chart.type === 'combo' && plan.axis2 !== undefined;
  const valueTitle = twoUnits
    ? unitTitle(undefined, unitOf(bars[0] ?? 0), chart.lang)
    : unitTitle(chart.yLabel, plan.unit, chart.lang);
  const axisTitle = (text: string | undefined) => (text ? { title: { text, font, size, color: p.muted } } : {});
  // A pie's labels carry the unit, as the picture's do: it has no axis to say it.
  const affixes = circular
    ? unitAffixes(plan.values[0]!, unitOf(0), chart.format, plan.decimals, chart.lang)
    : undefined;
  const valueFormat = (before = '') =>
    excelNumberFormat(
      plan.decimals,
      plan.unit === '%',
      before + (affixes?.before ?? ''),
      affixes?.after,
      affixes?.grouped,
    );
  const labelFormat =
    (circular && chart.dataLabels === 'share') || percentStacked ? excelShareFormat(plan.decimals) : valueFormat();
  const axisFormat = percentStacked
    ? '0%'
    : excelNumberFormat(stepDecimals((plan.axis ?? plan.scatter?.y)?.step ?? 1), plan.unit === '%');
  const range = percentStacked ? { min: 0, max: 1, step: 0.2 } : plan.axis;
  const stacked = chart.stacked !== false;
  const target =
    chart.target && !chart.horizontal && !circular && chart.type !== 'scatter'
      ? {
          name: plan.edges.find((e) => e.kind === 'target')?.text ?? String(chart.target.value),
          value: chart.target.value,
          color: p.emphasis,
        }
      : undefined;
  const legendPosition =
    chart.legend === 'none' || chart.legend === 'auto'
      ? box.w / box.h >= 1.6
        ? 'r'
        : 'b'
      : (chart.legend[0] as 'b' | 't' | 'l' | 'r');
  const scatter = plan.scatter;
  const values = chart.dataLabels === 'value' || (percentStacked && chart.dataLabels !== false);
  // The series as the chart part lists them: bars, then lines (combo), then the target.
  const order = chart.type === 'combo' ? [...bars, ...chart.lineDatasets] : chart.datasets.map((_, i) => i);
  const colors = nativeColors(chart, p);
  const fixed = fixedPlotOf(chart, plan, box, ctx, {
    size,
    range,
    values,
    valueTitle,
    secondTitle: twoUnits ? unitTitle(undefined, plan.unit2, chart.lang) : undefined,
    legendPosition,
    legend: (chart.legend !== 'none' || !!target) && !plan.directLabels,
    shownCategories: plan.ticks,
  });
  const labels = nativePointLabels({
    chart,
    plan,
    box,
    size,
    title: !!chart.title,
    legend: { show: circular || chart.legend !== 'none' || plan.directLabels, position: legendPosition },
    text: p.text,
    values: values && !circular,
    horizontal: chart.horizontal,
    ordinal: (d) => order.indexOf(d),
    fill: (d, i) =>
      chart.datasets.length === 1 && type === 'bar' && chart.type !== 'combo'
        ? colors[i]!
        : p.series[d % p.series.length]!,
    seriesColour: (d) => p.series[d % p.series.length]!,
    ...(chart.target ? { targetColour: p.emphasis } : {}),
    ...(scatter ? { scatter } : {}),
    ...(fixed ? { plot: { w: fixed.plot.plot.w, h: fixed.plot.plot.h } } : {}),
  });
  // A qualified value's label says its qualifier, in a number format of its own, so that the
  // label still follows the value when someone edits the sheet.
  if (values && !percentStacked) {
    order.forEach((d, ordinal) =>
      chart.datasets[d]!.qualifiers?.forEach((q, i) => {
        if (!q) return;
        const own = labels.points.find((l) => l.series === ordinal && l.index === i);
        if (own?.hidden || own?.text !== undefined) return;
        const format = circular
          ? valueFormat(qualified('', q, chart.lang))
          : excelNumberFormat(plan.decimals, unitOf(d) === '%', qualified('', q, chart.lang));
        // Inside a slice or a stacked segment the label takes the colour readable on its fill.
        const inside = circular || stacked;
        const color = inside
          ? labelColourOn(circular ? colors[i]! : p.series[d % p.series.length]!, p.text)
          : undefined;
        if (own) own.format = format;
        else labels.points.push({ series: ordinal, index: i, value: true, format, ...(color ? { color } : {}) });
      }),
    );
  }
  // A thinned time axis: the labels not shown are blank in the chart's cache (see chart-xml.ts),
  // which every application honours; the embedded workbook keeps every date.
  // A pie without its legend would leave its slices unnamed; lines named at their ends need none.
  const legendShown =
    circular || (chart.legend !== 'none' && !labels.namedEnds) || (plan.directLabels && !labels.namedEnds);
  // The picture names the target beside the plot; without a legend the native chart names it
  // in a legend of its own entry alone (or at its end, with lines named at theirs).
  const targetOnly = !!target && !legendShown && !labels.namedEnds;
  const shownCategories =
    plan.ticks && plan.ticks.size < chart.labels.length ? [...plan.ticks].sort((a, b) => a - b) : undefined;
  const spec: NativeChartSpec = {
    type,
    series:
      type === 'scatter'
        ? [
            { name: chart.xLabel ?? 'X', values: chart.labels.map(Number) },
            ...chart.datasets.map((d) => ({ name: d.label, values: d.values })),
          ]
        : series(circular ? [0] : chart.datasets.map((_, i) => i)),
    colors,
    ...(chart.type === 'combo'
      ? {
          combo: {
            bars: { series: series(bars), colors: groupColors(bars) },
            lines: { series: series(chart.lineDatasets), colors: groupColors(chart.lineDatasets) },
          },
        }
      : {}),
    ...(twoUnits && plan.axis2
      ? {
          secondAxis: {
            format: excelNumberFormat(stepDecimals(plan.axis2.step), plan.unit2 === '%'),
            ...axisTitle(unitTitle(undefined, plan.unit2, chart.lang)),
            range: plan.axis2,
          },
        }
      : {}),
    ...(target ? { target } : {}),
    ...(fixed ? { plotArea: fixed.plot.fractions } : {}),
    ...(fixed?.drawnTarget ? { drawnTarget: fixed.drawnTarget } : {}),
    ...(fixed ? { uprightTitles: fixed.plot.titles } : {}),
    alt: chart.alt,
    ...(chart.title ? { title: { text: chart.title, font, size: size + 2, color: p.title } } : {}),
    legend: {
      show: legendShown || targetOnly,
      ...(targetOnly ? { only: [order.length] } : {}),
      position: legendPosition,
      font,
      size,
    },
    dataLabels: {
      values,
      percents: chart.dataLabels === 'share' && circular,
      font,
      size,
      format: labelFormat,
      color: p.text,
      bold: true,
      ...(circular ? {} : { position: stacked ? 'ctr' : type === 'bar' ? 'outEnd' : 't' }),
    },
    categoryAxis: {
      font,
      size,
      color: p.text,
      line: { color: p.rule },
      ...axisTitle(chart.xLabel),
      ...(shownCategories ? { shown: shownCategories } : {}),
    },
    valueAxis: {
      font,
      size,
      format: axisFormat,
      color: p.muted,
      ...axisTitle(valueTitle),
      gridline: { color: p.rule, width: 0.75 },
      ...(scatter ? { range: scatter.y } : range ? { range } : {}),
    },
    ...(scatter
      ? { xRange: scatter.x, xFormat: excelNumberFormat(stepDecimals(scatter.x.step), plan.unit === '%', '\n') }
      : {}),
    ...(labels.points.length ? { pointLabels: labels.points } : {}),
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
    ...(type === 'line' ? { lines: { width: 3, symbol: plan.pointRadius ? 'circle' : 'none', symbolSize: 7 } } : {}),
    ...(type === 'scatter' ? { lines: { width: 0, symbolSize: 8 } } : {}),
    ...(chart.type === 'doughnut' ? { holeSize: 55 } : {}),
    // Drawn as the picture draws them: slices parted by a line of the background, areas that
    // overlap see-through (a stack's do not overlap: solid).
    ...(circular ? { sliceBorder: { pt: 1.5, color: p.background } } : {}),
    ...(chart.type === 'area' && !chart.stacked ? { areaOpacity: Math.round(AREA_OPACITY * 100) } : {}),
  };
  return { spec, dropped: labels.dropped };
}

/**
 * The plot area fixed by layout (native-plot.ts), where an upright axis has a title (set
 * horizontally above the plot, as the picture sets it) or sideways bars draw their target over
 * it (native-target.ts); undefined where PowerPoint and LibreOffice lay the chart out themselves.
 */
function fixedPlotOf(
  chart: ChartModel,
  plan: ChartPlan,
  box: Box,
  ctx: LayoutContext,
  o: {
    size: number;
    range: AxisRange | undefined;
    values: boolean;
    valueTitle: string | undefined;
    secondTitle: string | undefined;
    legendPosition: 'b' | 't' | 'l' | 'r';
    legend: boolean;
    shownCategories: Set<number> | undefined;
  },
): { plot: NativePlot; drawnTarget?: NativeDrawnTarget } | undefined {
  if (isCircular(chart.type)) return undefined;
  const { target } = chart;
  const sideways = chart.horizontal && chart.type !== 'combo';
  const drawTarget = !!target && sideways && !!o.range;
  const upright = chart.horizontal
    ? { ...(chart.xLabel ? { left: chart.xLabel } : {}) }
    : {
        ...(o.valueTitle ? { left: o.valueTitle } : {}),
        ...(o.secondTitle ? { right: o.secondTitle } : {}),
      };
  if (!drawTarget && !upright.left && !upright.right) return undefined;
  // A 100 % stack's axis holds fractions; its target and ticks are said in percent.
  const percent = chart.stacked === 'percent';
  const axis = chart.type === 'scatter' ? plan.scatter?.y : o.range;
  const tick = (v: number) => plan.tick(percent ? v * 100 : v);
  const ticksOf = (r: AxisRange | undefined, say: (v: number) => string) => {
    if (!r) return [];
    const n = Math.round((r.max - r.min) / r.step);
    return Array.from({ length: n + 1 }, (_, k) => say(Number((r.min + k * r.step).toPrecision(12))));
  };
  const valueTicks = ticksOf(axis, tick);
  const stacked = chart.stacked !== false;
  const outside = o.values && !stacked ? plan.values.flatMap((vs, d) => vs.map((v, i) => plan.label(v, d, i))) : [];
  const widestOf = (texts: readonly string[]) => texts.reduce((a, t) => (t.length > a.length ? t : a), '');
  const shown = chart.labels.filter((_, i) => !o.shownCategories || o.shownCategories.has(i));
  // Category labels wrap to the room each has: lines as the plan counts them.
  const perCategory = (box.w * 0.8) / Math.max(1, shown.length);
  const lines = Math.min(3, Math.max(1, ...shown.map((l) => Math.ceil(textWidth(l, o.size) / perCategory))));
  const bottom =
    chart.type === 'scatter'
      ? { texts: ticksOf(plan.scatter?.x, plan.xTick), lines: 2 }
      : sideways
        ? { texts: valueTicks, lines: 1 }
        : { texts: shown, lines };
  const plot = nativePlot({
    box,
    size: o.size,
    title: !!chart.title,
    ...(o.legend || chart.type === 'combo'
      ? { legend: { position: o.legendPosition, entries: chart.datasets.map((d) => d.label) } }
      : {}),
    left: sideways ? chart.labels : valueTicks,
    ...(plan.axis2 ? { right: ticksOf(plan.axis2, (v) => plan.tick(v, true)) } : {}),
    bottom,
    bottomTitle: sideways ? !!o.valueTitle : !!chart.xLabel,
    upright,
    topLabel: drawTarget,
    pastRight: sideways ? widestOf(outside) : plan.directLabels ? widestOf(chart.datasets.map((d) => d.label)) : '',
  });
  if (!drawTarget || !target || !o.range) return { plot };
  return {
    plot,
    drawnTarget: sidewaysTarget({
      box,
      plot,
      axis: o.range,
      value: percent ? target.value / 100 : target.value,
      label: plan.edges.find((e) => e.kind === 'target')?.text ?? String(target.value),
      size: o.size,
      face: ctx.face,
      lang: chart.lang,
      color: ctx.theme.palette.emphasis,
      description: ctx.words.drawnTarget,
      tick,
    }),
  };
}
