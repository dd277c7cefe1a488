import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartModel, FontFile, Palette } from '../model.js';
import { DEFAULT_FORMAT, formatValue } from '../format.js';
import { isCircular } from '../schema/chart-types.js';
import { hasEastAsian } from '../script.js';

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
 * Chart text size for a box: the theme's chart size at full slide width, scaled down with
 * the square root of the box's share of it, never below the theme's chart minimum.
 */
export function chartStyleFor(
  box: { w: number; h: number },
  slideWidth: number,
  theme: {
    palette: Palette;
    fonts: { chart: string; files: FontFile[] };
    sizes: { chart: number; chartMin: number };
    charts: { density: number };
  },
): ChartStyle {
  const share = Math.min(1, box.w / (slideWidth * 0.9));
  const pt = Math.max(theme.sizes.chartMin, theme.sizes.chart * Math.sqrt(share));
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

/** Values of a 100 % stacked chart: each category's share of its total. */
function percentStack(chart: ChartModel): number[][] {
  const totals = chart.labels.map((_, i) => chart.datasets.reduce((a, d) => a + Math.abs(d.values[i] ?? 0), 0));
  return chart.datasets.map((d) => d.values.map((v, i) => (totals[i] ? (100 * v) / totals[i]! : 0)));
}

/**
 * The chart.js configuration for a chart model. Pure: the same model and style give the same
 * configuration, which the renderer may mutate (it gets a fresh one each time).
 */
export function chartConfig(chart: ChartModel, style: ChartStyle): ChartConfiguration {
  const p = style.palette;
  const spec = chart.format;
  const circular = isCircular(chart.type);
  const percentStacked = chart.stacked === 'percent';
  const values = percentStacked ? percentStack(chart) : chart.datasets.map((d) => d.values);
  const unit = percentStacked ? '%' : chart.unit;
  const fmt = (v: number, u = unit) =>
    formatValue(v, u, percentStacked ? { ...DEFAULT_FORMAT, decimals: 0 } : spec, chart.lang);
  const axisFmt = (v: number) =>
    formatValue(
      v,
      unit === '%' ? '%' : undefined,
      { ...spec, withUnit: unit === '%', ...(spec.decimals === undefined ? {} : { decimals: spec.decimals }) },
      chart.lang,
    );
  const font = { family: style.fontFamily, size: style.fontSize };
  const small = { family: style.fontFamily, size: Math.round(style.fontSize * 0.9 * 10) / 10 };
  const colour = (i: number) => p.series[i % p.series.length]!;
  const muted = p.inactive;

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
          backgroundColor: hex(colour(i), chart.type === 'area' ? 0.25 : 1),
          fill: chart.type === 'area' ? (chart.stacked ? (i === 0 ? 'origin' : '-1') : 'origin') : false,
          borderWidth: 3,
          pointRadius: chart.labels.length > 24 ? 0 : 4,
          pointBackgroundColor: hex(colour(i)),
          tension: 0,
          ...(chart.type === 'combo' ? { yAxisID: 'y2', order: 0 } : {}),
        } as ChartDataset;
      }
      const single = chart.datasets.length === 1;
      return {
        ...base,
        type: 'bar',
        backgroundColor:
          chart.highlight !== undefined && single
            ? chart.labels.map((l) => hex(l === chart.highlight ? p.accent : muted))
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
  const scales: Record<string, unknown> = circular
    ? {}
    : {
        [categoryAxis]: {
          type: chart.type === 'scatter' ? 'linear' : 'category',
          stacked,
          grid: { display: chart.type === 'scatter', color: hex(p.rule) },
          border: { color: hex(p.rule) },
          // Every category keeps its label: long ones are wrapped above, not skipped.
          ticks: { color: hex(p.text), font, autoSkip: chart.labels.length > 24, maxRotation: 0 },
          title: axisTitle(chart.xLabel),
        },
        [valueAxis]: {
          type: 'linear',
          stacked,
          beginAtZero: true,
          ...(percentStacked ? { max: 100 } : {}),
          grid: { color: hex(p.rule), lineWidth: 1 },
          border: { display: false },
          ticks: {
            color: hex(p.muted),
            font: small,
            callback: (v: number | string) => axisFmt(Number(v)),
            maxTicksLimit: 6,
          },
          title: axisTitle(chart.yLabel ?? (unit && unit !== '%' ? unit : undefined)),
        },
        ...(chart.type === 'combo'
          ? {
              y2: {
                type: 'linear',
                position: 'right',
                beginAtZero: true,
                grid: { display: false },
                border: { display: false },
                ticks: {
                  color: hex(p.muted),
                  font: small,
                  maxTicksLimit: 6,
                  callback: (v: number | string) =>
                    formatValue(Number(v), undefined, { ...spec, withUnit: false }, chart.lang),
                },
                title: axisTitle(chart.lineDatasets.map((i) => chart.datasets[i]?.unit).find(Boolean)),
              },
            }
          : {}),
      };

  // A value's share of its own dataset's total (for a pie, of the whole pie).
  const totals = values.map((d) => d.reduce((a, v) => a + Math.abs(v), 0));
  const total = totals[0] ?? 0;
  const valuesOutside = circular && chart.dataLabels === 'value';
  const share = (v: number, datasetIndex: number) => {
    const t = totals[datasetIndex] ?? 0;
    return formatValue(t ? (100 * v) / t : 0, '%', { ...DEFAULT_FORMAT, decimals: 0 }, chart.lang);
  };
  // Inside stacked segments there is room for the number only; the axis carries the unit.
  const labelFor = (v: number, datasetIndex: number) =>
    chart.dataLabels === 'share'
      ? share(v, datasetIndex)
      : stacked && !percentStacked
        ? formatValue(v, undefined, { ...spec, withUnit: false }, chart.lang)
        : fmt(v, percentStacked ? '%' : (chart.datasets[datasetIndex]?.unit ?? unit));
  const stackTotals = chart.labels.map((_, i) => values.reduce((a, d) => a + Math.abs(d[i] ?? 0), 0));
  const maxTotal = Math.max(...stackTotals, 1);
  const datalabels = chart.dataLabels
    ? {
        display: (ctx: { dataset: { data: unknown[] }; dataIndex: number }) => {
          const v = ctx.dataset.data[ctx.dataIndex];
          if (typeof v !== 'number') return false;
          if (circular) return v / (total || 1) >= 0.04;
          // A segment too thin for its label gets none.
          return !stacked || Math.abs(v) / maxTotal >= 0.06;
        },
        // Shares fit inside a slice; values (longer) go outside it, in the text colour.
        color: (circular && !valuesOutside) || stacked ? hex(p.accentText) : hex(p.text),
        font: { ...font, weight: 'bold' },
        anchor: circular ? (valuesOutside ? 'end' : 'center') : stacked ? 'center' : 'end',
        align: circular ? (valuesOutside ? 'end' : 'center') : stacked ? 'center' : 'end',
        offset: 2,
        formatter: (v: number, ctx: { datasetIndex: number }) => labelFor(v, ctx.datasetIndex),
      }
    : { display: false };

  const annotations = chart.target
    ? {
        target: {
          type: 'line',
          scaleID: valueAxis,
          value: chart.target.value,
          borderColor: hex(p.emphasis),
          borderWidth: 2,
          borderDash: [8, 5],
          label: {
            display: true,
            content: chart.target.label ?? fmt(chart.target.value),
            position: 'end',
            backgroundColor: hex(p.background),
            color: hex(p.emphasis),
            font: small,
          },
        },
      }
    : {};

  // Room for the value labels beyond the longest bar: an estimate from the longest label.
  const longestLabel =
    chart.dataLabels && !circular && !stacked
      ? Math.max(...chart.datasets.flatMap((d, i) => d.values.map((v) => labelFor(v, i).length)))
      : 0;
  const labelRoom = Math.round(longestLabel * style.fontSize * 0.6 + 8);
  const outsideRoom = valuesOutside
    ? Math.round(Math.max(...values[0]!.map((v) => labelFor(v, 0).length)) * style.fontSize * 0.55 + 8)
    : 0;
  const layoutPadding = valuesOutside
    ? { left: outsideRoom, right: outsideRoom, top: style.fontSize * 2, bottom: style.fontSize * 2 }
    : longestLabel
      ? {
          top: chart.horizontal ? 8 : Math.round(style.fontSize * 1.6),
          right: chart.horizontal ? labelRoom : 8,
          left: 4,
          bottom: 4,
        }
      : 8;

  // Room per category on the category axis, in characters of the tick font.
  const charWidth = style.fontSize * 0.55;
  const perCategory = chart.horizontal
    ? (style.width * 0.3) / charWidth
    : (style.width * 0.85) / Math.max(1, chart.labels.length) / charWidth;
  const labels = circular ? chart.labels : chart.labels.map((l) => wrapLabel(l, Math.max(6, Math.floor(perCategory))));

  return {
    type: circular ? chart.type : chart.type === 'scatter' ? 'scatter' : 'bar',
    data: { labels: chart.type === 'scatter' ? [] : labels, datasets },
    options: {
      indexAxis: chart.horizontal ? 'y' : 'x',
      devicePixelRatio: style.density,
      responsive: false,
      animation: false,
      layout: { padding: layoutPadding },
      ...(chart.type === 'doughnut' ? { cutout: '55%' } : {}),
      scales,
      plugins: {
        legend: {
          display: chart.legend !== 'none',
          // Values written outside a pie need its sides: the legend goes below it then.
          position:
            chart.legend === 'none'
              ? 'top'
              : chart.legend === 'auto'
                ? !valuesOutside && style.width / style.height >= 1.6
                  ? 'right'
                  : 'bottom'
                : chart.legend,
          labels: {
            color: hex(p.text),
            font,
            boxWidth: Math.round(style.fontSize),
            padding: Math.round(style.fontSize * 0.8),
            // A slice's legend entry says its value; the slice itself shows its share.
            ...(circular
              ? {
                  generateLabels: () =>
                    chart.labels.map((l, i) => ({
                      // The slices show their values already when labelled with them.
                      text: valuesOutside ? l : `${l}: ${fmt(values[0]![i]!, chart.datasets[0]!.unit ?? unit)}`,
                      fillStyle: hex(chart.highlight === undefined || chart.highlight === l ? colour(i) : muted),
                      strokeStyle: hex(p.background),
                      lineWidth: 0,
                      hidden: false,
                      index: i,
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
        datalabels,
        annotation: { annotations },
      },
    } as ChartConfiguration['options'],
  } as ChartConfiguration;
}
