import type { Chart, ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { ChartModel, FontFile, Palette } from '../model.js';
import { isCircular } from '../schema/chart-types.js';
import { unitName } from '../format.js';
import { hasEastAsian } from '../script.js';
import { axisTitlePlugin } from './axis-titles.js';
import { labelPlugin } from './labels.js';
import { legendText, planChart, type ChartPlan } from './plan.js';

/** What a chart's look depends on besides its data: derived from the theme and the box. */
export interface ChartStyle {
  palette: Palette;
  /** CSS font-family list for chart text, CJK face last. */
  fontFamily: string;
  /** Base font size in CSS px of the rendered picture. */
  fontSize: number;
  /** Size of the picture in CSS px (96 per inch); multiplied by density when rendered. */
  width: number;
  height: number;
  density: number;
  /** Font files to register before drawing (a worker thread has to register them itself). */
  fontFiles: FontFile[];
}

const PT_TO_PX = 96 / 72;

/**
 * Chart text as read on the slide, points: a value label (and the legend and category names,
 * set at the same size) at least 14, value-axis ticks and axis titles (0.9 of it) at least 12.
 * The picture is drawn at its box's size in CSS px (96 to the inch, whatever its density), so a
 * size in points here is the size the reader sees, on a 13.33- or a 10-inch slide alike.
 */
export const CHART_LABEL_MIN_PT = 14;
export const CHART_TICK_MIN_PT = 12;

/**
 * Chart text size for a box: the theme's chart size at full slide width, scaled down with
 * the square root of the box's share of it, never below the reading floor above (nor the
 * theme's `chart_min`).
 */
export function chartStyleFor(
  box: { w: number; h: number },
  slideWidth: number,
  theme: {
    palette: Palette;
    fonts: { chart: string; files: FontFile[] };
    sizes: { chart: number; chartMin?: number };
    charts: { density: number };
  },
): ChartStyle {
  const share = Math.min(1, box.w / (slideWidth * 0.9));
  const pt = Math.max(CHART_LABEL_MIN_PT, theme.sizes.chartMin ?? 0, theme.sizes.chart * Math.sqrt(share));
  return {
    palette: theme.palette,
    fontFamily: theme.fonts.chart
      .split(',')
      .map((f) => `"${f.trim().replace(/"/g, '')}"`)
      .concat('sans-serif')
      .join(', '),
    fontSize: Math.round(pt * PT_TO_PX * 10) / 10,
    width: Math.round(box.w * PT_TO_PX),
    height: Math.round(box.h * PT_TO_PX),
    density: theme.charts.density,
    fontFiles: theme.fonts.files,
  };
}

/** Fill opacity of areas that overlap (not stacked), in the picture and the native chart alike. */
export const AREA_OPACITY = 0.35;

const hex = (c: string, alpha = 1) => {
  if (alpha >= 1) return `#${c}`;
  const n = parseInt(c, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

/**
 * A category label in lines of about `maxChars`, broken at spaces (anywhere in CJK text),
 * so that chart.js shows every label instead of skipping the ones that collide.
 */
export function wrapLabel(label: string, maxChars: number): string | string[] {
  if (label.length <= maxChars) return label;
  const eastAsian = hasEastAsian(label);
  const words = eastAsian ? [...label] : label.split(/\s+/);
  const joiner = eastAsian ? '' : ' ';
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line}${joiner}${word}` : word;
    if (line && next.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines.length > 1 ? lines : label;
}

/**
 * The chart.js configuration for a chart model. Pure: the same model and style give the same
 * configuration, which the renderer may mutate (it gets a fresh one each time). Numbers, axis
 * ranges and labels come from the chart's plan (plan.ts); labels are placed by labels.ts from
 * the geometry chart.js computes, so none covers a value.
 */
export function chartConfig(
  chart: ChartModel,
  style: ChartStyle,
  plan: ChartPlan = planChart(chart, style),
): ChartConfiguration {
  const p = style.palette;
  const circular = isCircular(chart.type);
  const values = plan.values;
  const font = { family: style.fontFamily, size: style.fontSize };
  const small = { family: style.fontFamily, size: Math.round(style.fontSize * 0.9 * 10) / 10 };
  const colour = (i: number) => p.series[i % p.series.length]!;
  const muted = p.inactive;
  const secondAxis = plan.axis2 !== undefined;

  let datasets: ChartDataset[];
  if (circular) {
    datasets = [
      {
        label: chart.datasets[0]!.label,
        data: values[0]!,
        backgroundColor: chart.labels.map((l, i) =>
          hex(chart.highlight === undefined || chart.highlight === l ? colour(i) : muted),
        ),
        borderColor: hex(p.background),
        borderWidth: 2,
      } as ChartDataset,
    ];
  } else if (chart.type === 'scatter') {
    datasets = chart.datasets.map((d, i) => ({
      label: d.label,
      data: chart.labels.map((l, j) => ({ x: Number(l), y: values[i]![j]! })),
      backgroundColor: hex(colour(i)),
      pointRadius: 5,
    })) as ChartDataset[];
  } else {
    datasets = chart.datasets.map((d, i) => {
      const asLine =
        chart.type === 'line' || chart.type === 'area' || (chart.type === 'combo' && chart.lineDatasets.includes(i));
      const base = { label: d.label, data: values[i]! };
      if (asLine) {
        return {
          ...base,
          type: 'line',
          borderColor: hex(colour(i)),
          backgroundColor: hex(colour(i), chart.type === 'area' && !chart.stacked ? AREA_OPACITY : 1),
          fill: chart.type === 'area' ? (chart.stacked ? (i === 0 ? 'origin' : '-1') : 'origin') : false,
          borderWidth: 3,
          // Areas are drawn without markers, as the native chart draws them.
          pointRadius: chart.type === 'area' ? 0 : plan.pointRadius,
          pointBackgroundColor: hex(colour(i)),
          tension: 0,
          ...(chart.type === 'combo' ? { yAxisID: secondAxis ? 'y2' : 'y', order: 0 } : {}),
        } as ChartDataset;
      }
      const single = chart.datasets.length === 1;
      return {
        ...base,
        type: 'bar',
        backgroundColor:
          chart.highlight !== undefined && single
            ? chart.labels.map((l) => hex(l === chart.highlight ? p.series[0]! : muted))
            : hex(colour(i)),
        borderRadius: 0,
        maxBarThickness: 120,
        categoryPercentage: 0.7,
        barPercentage: 0.9,
        ...(chart.type === 'combo' ? { order: 1 } : {}),
      } as ChartDataset;
    });
  }

  const stacked = chart.stacked !== false;
  const valueAxis = chart.horizontal ? 'x' : 'y';
  const categoryAxis = chart.horizontal ? 'y' : 'x';
  const axisTitle = (text: string | undefined) =>
    text ? { display: true, text, color: hex(p.muted), font: small } : { display: false };
  const range = (r: ChartPlan['axis']) =>
    r ? { min: r.min, max: r.max, ticks: { stepSize: r.step } } : { ticks: {}, beginAtZero: true };
  const valueRange = range(plan.axis ?? plan.scatter?.y);
  const negatives = ((plan.axis ?? plan.scatter?.y)?.min ?? 0) < 0;
  const shownTicks = plan.ticks;
  const valueTitle =
    chart.type === 'combo' && secondAxis
      ? unitTitle(undefined, chart.datasets.find((_, i) => !chart.lineDatasets.includes(i))?.unit, chart.lang)
      : unitTitle(chart.yLabel, plan.unit, chart.lang);
  const scales: Record<string, unknown> = circular
    ? {}
    : {
        [categoryAxis]: {
          type: chart.type === 'scatter' ? 'linear' : 'category',
          stacked,
          ...(plan.scatter ? { min: plan.scatter.x.min, max: plan.scatter.x.max } : {}),
          grid: { display: chart.type === 'scatter', color: hex(p.rule) },
          border: { color: hex(p.rule) },
          // Every category keeps its label (long ones are wrapped) unless it is a date, which
          // is shown on calendar boundaries only.
          ticks: {
            color: hex(p.text),
            font,
            autoSkip: !shownTicks && chart.labels.length > 24,
            maxRotation: 0,
            // A scatter's x labels a line lower, clear of the y axis's lowest label at the
            // corner both share (the editable chart's x format starts with a line break).
            ...(plan.scatter ? { padding: Math.round(font.size * 0.8) } : {}),
            ...(shownTicks
              ? {
                  callback: (_: unknown, index: number) => (shownTicks.has(index) ? labelsShown[index] : null),
                }
              : plan.scatter
                ? { stepSize: plan.scatter.x.step, callback: (v: number | string) => plan.xTick(Number(v)) }
                : {}),
          },
          title: axisTitle(chart.xLabel),
        },
        [valueAxis]: {
          type: 'linear',
          stacked,
          ...valueRange,
          // With values below zero, the zero line is darker than the gridlines: it is where bars start.
          grid: {
            color: (c: { tick?: { value: number } }) => (negatives && c.tick?.value === 0 ? hex(p.muted) : hex(p.rule)),
            lineWidth: (c: { tick?: { value: number } }) => (negatives && c.tick?.value === 0 ? 1.5 : 1),
          },
          border: { display: false },
          ticks: {
            ...valueRange.ticks,
            color: hex(p.muted),
            font: small,
            callback: (v: number | string) => plan.tick(Number(v)),
            maxTicksLimit: 8,
          },
          title: axisTitle(valueTitle),
        },
        ...(secondAxis
          ? {
              y2: {
                type: 'linear',
                position: 'right',
                ...range(plan.axis2),
                grid: { display: false },
                border: { display: false },
                ticks: {
                  ...range(plan.axis2).ticks,
                  color: hex(p.muted),
                  font: small,
                  maxTicksLimit: 8,
                  callback: (v: number | string) => plan.tick(Number(v), true),
                },
                title: axisTitle(unitTitle(undefined, plan.unit2, chart.lang)),
              },
            }
          : {}),
      };

  // Upright axes' titles stand horizontally above the plot (axis-titles.ts), not on their side.
  const uprightTitle = (id: string) => {
    const scale = scales[id] as { title?: { display: boolean; text?: string } } | undefined;
    const text = scale?.title?.display ? scale.title.text : undefined;
    if (scale) scale.title = { display: false };
    return text;
  };
  const upright = { left: uprightTitle('y'), right: uprightTitle('y2') };

  // Room per category on the category axis, in characters of the tick font.
  const charWidth = style.fontSize * 0.55;
  const perCategory = chart.horizontal
    ? (style.width * 0.3) / charWidth
    : (style.width * 0.85) / Math.max(1, shownTicks ? shownTicks.size : chart.labels.length) / charWidth;
  const labelsShown = circular
    ? chart.labels
    : chart.labels.map((l) => wrapLabel(l, Math.max(6, Math.floor(perCategory))));
  const legendShown = plan.legendShown;
  const isLineSeries = (i: number) =>
    chart.type === 'line' || (chart.type === 'combo' && chart.lineDatasets.includes(i));
  const lineSwatches = chart.datasets.some((_, i) => isLineSeries(i));

  return {
    type: circular ? chart.type : chart.type === 'scatter' ? 'scatter' : 'bar',
    data: { labels: chart.type === 'scatter' ? [] : labelsShown, datasets },
    plugins: [
      ...(plan.legendBlock ? [legendBlockPlugin] : []),
      axisTitlePlugin({
        ...(upright.left ? { left: upright.left } : {}),
        ...(upright.right ? { right: upright.right } : {}),
        font: small,
        colour: p.muted,
      }),
      labelPlugin(plan.labels, plan.edges, {
        family: style.fontFamily,
        size: style.fontSize,
        text: p.text,
        light: p.accentText,
        ...(chart.target
          ? {
              target: {
                value: chart.target.value,
                axis: valueAxis,
                colour: p.emphasis,
                vertical: chart.horizontal,
              },
            }
          : {}),
      }),
    ],
    options: {
      indexAxis: chart.horizontal ? 'y' : 'x',
      devicePixelRatio: style.density,
      responsive: false,
      animation: false,
      layout: { padding: plan.padding },
      ...(chart.type === 'doughnut' ? { cutout: '55%' } : {}),
      ...(plan.pieRadius !== undefined ? { radius: `${Math.round(plan.pieRadius * 100)}%` } : {}),
      scales,
      plugins: {
        legend: {
          display: legendShown,
          position: plan.legendPosition,
          labels: {
            color: hex(p.text),
            font,
            boxWidth: Math.round(style.fontSize),
            padding: Math.round(style.fontSize * 0.8),
            // In the datasets' order, whatever order they are drawn in (combo lines go on top).
            sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) =>
              (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
            // A slice's legend entry says its value; the slice itself shows its share.
            ...(circular
              ? {
                  generateLabels: () =>
                    chart.labels.map((l, i) => ({
                      text: plan.legendEntries?.[i] ?? legendText(chart, i),
                      fillStyle: hex(chart.highlight === undefined || chart.highlight === l ? colour(i) : muted),
                      strokeStyle: hex(p.background),
                      lineWidth: 0,
                      hidden: false,
                      index: i,
                      fontColor: hex(p.text),
                    })),
                }
              : lineSwatches
                ? {
                    // Lines are keyed by a stroke, bars by a square, as they are drawn.
                    usePointStyle: true,
                    pointStyleWidth: Math.round(style.fontSize * 1.6),
                    generateLabels: () =>
                      chart.datasets.map((d, i) => ({
                        text: d.label,
                        fillStyle: hex(colour(i)),
                        strokeStyle: hex(colour(i)),
                        lineWidth: isLineSeries(i) ? 3 : 0,
                        pointStyle: isLineSeries(i) ? 'line' : 'rect',
                        hidden: false,
                        datasetIndex: i,
                        fontColor: hex(p.text),
                      })),
                  }
                : {}),
          },
        },
        title: chart.title
          ? {
              display: true,
              text: chart.title,
              color: hex(p.title),
              font: { ...font, size: style.fontSize * 1.1, weight: 'bold' },
              align: 'start',
            }
          : { display: false },
        tooltip: { enabled: false },
        // Labels are placed by labels.ts; the datalabels and annotation plugins draw nothing.
        datalabels: { display: false },
        annotation: { annotations: {} },
      },
    } as ChartConfiguration['options'],
  } as ChartConfiguration;
}

/**
 * A legend in rows as one block: chart.js centres each row on its own, so rows of different
 * lengths start at different x (a ragged left edge). Once the legend has measured its rows, each
 * is given the widest row's width: centred alike, every row starts where the widest does.
 */
const legendBlockPlugin: Plugin = {
  id: 'briefdeckLegendBlock',
  afterLayout(chart: Chart) {
    const legend = chart.legend as unknown as { lineWidths?: number[] } | undefined;
    const widths = legend?.lineWidths;
    if (legend && widths && widths.length > 1) legend.lineWidths = widths.map(() => Math.max(...widths));
  },
};

/** The value axis title: the outline's, with the unit added when it does not say it already. */
export function unitTitle(label: string | undefined, unit: string | undefined, lang = 'en'): string | undefined {
  const u = unit === '%' || unit === undefined ? undefined : unitName(unit, lang);
  if (!label) return u;
  // A unit in another script than the title ("国家数量 (countries)") reads as a mistake: leave it to the title.
  if (!u || label.includes(u) || (unit && label.includes(unit)) || hasEastAsian(label) !== hasEastAsian(u))
    return label;
  return hasEastAsian(label) ? `${label}（${u}）` : `${label} (${u})`;
}
