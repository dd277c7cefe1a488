import type { ChartModel } from '../model.js';
import { isCircular } from '../schema/chart-types.js';
import { hasEastAsian } from '../script.js';
import { alignedRanges, niceRange, scatterRanges, type AxisRange } from './axes.js';
import type { ChartStyle } from './config.js';
import type { EdgeLabel, PlannedLabel } from './labels.js';
import {
  arePercentagesOfWhole,
  chartDecimals,
  chartNumber,
  decimalsOf,
  shareDecimals,
  shareText,
  stepDecimals,
} from './numbers.js';
import { ticksToShow } from './time-axis.js';
import { maxOf, minOf } from '../extremes.js';
import { qualified } from '../qualifier.js';
import { labelColon } from '../format.js';

/**
 * Every decision about a chart's numbers and labels that does not need chart.js: the values
 * drawn, the axis ranges, the label texts and which labels are left out (and why). Pure, so
 * that a build reports what is left out whether the picture is drawn or comes from the cache,
 * and so that the native chart can say the same numbers.
 */

export interface DroppedLabel {
  dataset: string;
  category: string;
  text: string;
  reason: string;
}

export interface ChartPlan {
  /** The values drawn: shares of each category's total for a 100 % stack. */
  values: number[][];
  /** The value axis unit ('%' for a 100 % stack). */
  unit: string | undefined;
  /** Decimals of every value label. */
  decimals: number;
  /** Value axis range (x for horizontal bars); undefined for pies and scatter. */
  axis?: AxisRange;
  /** scatter: both axes, the same in the picture and the native chart. */
  scatter?: { x: AxisRange; y: AxisRange };
  /** combo with two units: the line datasets' axis, its zero on the same gridline. */
  axis2?: AxisRange;
  /** combo: the line datasets' unit when it differs from the bars'. */
  unit2?: string;
  /** Axis tick text for a value on the first / second axis. */
  tick(value: number, second?: boolean): string;
  /** scatter: tick text on the x axis. */
  xTick(value: number): string;
  /** A value label's text. */
  label(value: number, dataset: number, index: number): string;
  labels: PlannedLabel[];
  edges: EdgeLabel[];
  dropped: DroppedLabel[];
  /** Extra room around the plot for labels beside it, in CSS px. */
  padding: { top: number; right: number; bottom: number; left: number };
  /** Category indices that get a tick label (time axes); undefined: all. */
  ticks?: Set<number>;
  /** Series named at line ends (no legend). */
  directLabels: boolean;
  /** Marker radius on lines. */
  pointRadius: number;
  /** Pie and doughnut: the radius as a share of the largest the plot allows, leaving room for outside labels. */
  pieRadius?: number;
  /** Where the picture's legend goes: beside the plot only when its longest entry fits there. */
  legendPosition: 'top' | 'bottom' | 'left' | 'right';
  /** Is a legend drawn? (a pie with its values in the legend has one whatever the outline says) */
  legendShown: boolean;
  /** Pies: each slice's legend entry. */
  legendEntries?: string[];
  /** Pies: the values are in the legend, not on the slices (labels there would squeeze the ring). */
  valuesInLegend: boolean;
  /** Legend rows start at one x (a block of entries, centred), rather than each row centred on its own. */
  legendBlock: boolean;
  /** The plot area size the plan assumed (CSS px): no larger than chart.js makes it. */
  plot: { w: number; h: number };
}

/** Width of text in the chart font, estimated from its characters (bold digits ≈ 0.6 em). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += hasEastAsian(ch) ? 1.02 : /[\s.,:;'|!il1]/.test(ch) ? 0.32 : 0.62;
  return Math.ceil(em * size);
}

const lineHeight = (size: number) => Math.round(size * 1.25);

/** Space between a label and what it labels, in CSS px (as labels.ts places them). */
export const LABEL_GAP = 4;
/** Height of a label's figures (about 0.75 em): what a stack segment must hold, plus air. */
export const segmentFigures = (size: number) => Math.ceil(size * 0.75);
/** Air above and below the figures inside a segment, so they never touch its edges. */
export const SEGMENT_AIR = 3;

/** Colours, for the label plan only: which fill a label may sit on. */
export function seriesColour(chart: ChartModel, style: ChartStyle, dataset: number, index: number): string {
  const p = style.palette;
  const circular = isCircular(chart.type);
  if (circular) {
    const l = chart.labels[index];
    return chart.highlight === undefined || chart.highlight === l ? p.series[index % p.series.length]! : p.inactive;
  }
  if (chart.highlight !== undefined && chart.datasets.length === 1)
    return chart.labels[index] === chart.highlight ? p.series[0]! : p.inactive;
  return p.series[dataset % p.series.length]!;
}

function percentStack(chart: ChartModel): number[][] {
  const totals = chart.labels.map((_, i) => chart.datasets.reduce((a, d) => a + Math.abs(d.values[i] ?? 0), 0));
  return chart.datasets.map((d) => d.values.map((v, i) => (totals[i] ? (100 * v) / totals[i]! : 0)));
}

export function planChart(chart: ChartModel, style: ChartStyle): ChartPlan {
  const fs = style.fontSize;
  const small = Math.round(fs * 0.9 * 10) / 10;
  const lh = lineHeight(fs);
  const circular = isCircular(chart.type);
  const percentStacked = chart.stacked === 'percent';
  const stacked = chart.stacked !== false;
  const values = percentStacked ? percentStack(chart) : chart.datasets.map((d) => d.values);
  const unit = percentStacked ? '%' : chart.unit;
  const spec = chart.format;
  const lang = chart.lang;
  const n = chart.labels.length;
  const isLine = (i: number) =>
    chart.type === 'line' || chart.type === 'area' || (chart.type === 'combo' && chart.lineDatasets.includes(i));

  // ---- numbers
  let decimals = chartDecimals(chart);
  let labelText: (v: number, d: number, i: number) => string;
  if (circular && chart.dataLabels === 'share') {
    const whole = arePercentagesOfWhole(values[0]!, chart.datasets[0]!.unit ?? unit);
    decimals = whole
      ? Math.max(chartDecimals(chart), shareDecimals([values[0]!]))
      : shareDecimals([values[0]!], spec.decimals ?? 0);
    const total = values[0]!.reduce((a, v) => a + Math.abs(v), 0) || 1;
    labelText = (v) => shareText((100 * v) / total, decimals, lang);
  } else if (percentStacked) {
    decimals = shareDecimals(
      chart.labels.map((_, i) => chart.datasets.map((d) => d.values[i] ?? 0)),
      spec.decimals ?? 0,
    );
    labelText = (v) => shareText(v, decimals, lang);
  } else if (chart.dataLabels === 'share') {
    const totals = values.map((d) => d.reduce((a, v) => a + Math.abs(v), 0) || 1);
    decimals = shareDecimals(values, spec.decimals ?? 0);
    labelText = (v, d) => shareText((100 * v) / totals[d]!, decimals, lang);
  } else {
    // The unit once: on the axis title; a % sign stays with its number.
    // A qualified value says so on its label ("more than US$80 billion"), not in a name.
    labelText = (v, d, i) => {
      const u = chart.datasets[d]?.unit ?? unit;
      return qualified(
        chartNumber(v, u, spec, decimals, lang, u === '%' || circular),
        chart.datasets[d]?.qualifiers?.[i],
        lang,
      );
    };
  }

  // ---- room the picture leaves for the plot (estimates err small, so what is kept fits)
  let legendShown = chart.legend !== 'none' && !(chart.type === 'line' && directLabelsFor(chart));
  let legendPosition = legendPlace(chart, style, (v, d, i) => labelText(v, d, i), values);
  const titleH = chart.title ? fs * 1.1 * 1.6 : 0;
  // A pie's values go into its legend ("China into partner countries: US$160 billion") when
  // labels around the ring would squeeze it below its least size; the legend then sits beside
  // the ring where it fits there whole, else below it.
  let legendEntries: string[] | undefined;
  let valuesInLegend = false;
  if (circular) {
    legendEntries = chart.labels.map((_, i) => legendText(chart, i));
    const texts = values[0]!.flatMap((v, i) => (v !== 0 ? [labelText(v, 0, i)] : []));
    const short = Math.min(style.width, style.height - titleH);
    if (chart.dataLabels !== false && texts.length) {
      const ring = 2 * pieRoom(style, titleH, texts, legendShown, legendPosition, legendEntries);
      if (ring < PIE_MIN_SHARE * short) {
        valuesInLegend = true;
        legendShown = true;
        legendEntries = chart.labels.map((_, i) => {
          const text = legendText(chart, i, true);
          return chart.dataLabels === 'share' && values[0]![i] ? `${text} (${labelText(values[0]![i]!, 0, i)})` : text;
        });
        const legendW = legendWidth(legendEntries, fs);
        const beside = legendW <= style.width / 2 && style.width - legendW - 16 >= PIE_MIN_SHARE * short;
        if (chart.legend === 'auto' || chart.legend === 'none') legendPosition = beside ? 'right' : 'bottom';
      }
    }
  }
  const edges: EdgeLabel[] = [];
  const directLabels = chart.type === 'line' && directLabelsFor(chart);
  if (directLabels)
    chart.datasets.forEach((d, i) =>
      edges.push({
        kind: 'series',
        text: d.label,
        colour: style.palette.series[i % style.palette.series.length]!,
        dataset: i,
      }),
    );
  const targetText = chart.target
    ? (chart.target.label ?? chartNumber(chart.target.value, unit, spec, decimals, lang, true))
    : undefined;
  const targetVertical = chart.horizontal;
  if (targetText !== undefined) edges.push({ kind: 'target', text: targetText, colour: style.palette.emphasis });
  const rightEdge = Math.max(
    0,
    ...edges
      .filter((e) => e.kind === 'series' || !targetVertical)
      .map((e) => textWidth(e.text, e.kind === 'series' ? fs : small) + 12),
  );
  const padding = { top: 8, right: Math.max(8, rightEdge), bottom: 4, left: 4 };
  if (targetText !== undefined && targetVertical) padding.top = lh + 8;

  const legendH =
    !legendShown || legendPosition === 'left' || legendPosition === 'right'
      ? 0
      : legendEntries
        ? legendRows(legendEntries, fs, style.width) * fs * 1.8 + fs * 0.6
        : fs * 2.2;
  // A horizontal axis's title under its labels; an upright axis's title above the plot (axis-titles.ts).
  const uprightTitled = chart.horizontal ? !!chart.xLabel : !!(chart.yLabel || (chart.unit && chart.unit !== '%'));
  const xTitleH = (chart.horizontal ? !!chart.yLabel || !!chart.unit : !!chart.xLabel) ? small * 1.8 : 0;
  const yTitleH = uprightTitled ? small * 1.25 + small * 0.6 + 5 : 0;
  // Category labels wrap to the room a category has (see wrapLabel in config.ts).
  const perCategoryChars = (style.width * 0.85) / Math.max(1, n) / (fs * 0.55);
  const longestLabel = Math.max(0, ...chart.labels.map((l) => l.length));
  const tickLines =
    chart.horizontal || chart.time ? 1 : Math.min(3, Math.ceil(longestLabel / Math.max(6, perCategoryChars)));
  // A scatter's x labels sit a line lower (see config.ts).
  const xLabelLines = tickLines + (chart.type === 'scatter' ? 1 : 0);
  const plotH = Math.max(
    40,
    (style.height - titleH - legendH - xTitleH - yTitleH - xLabelLines * fs * 1.3 - 28) * 0.95,
  );
  const plotW = Math.max(60, (style.width - padding.right - 8 - fs * 4.5) * 0.92);
  const valueLength = chart.horizontal ? plotW : plotH;

  // ---- axes
  let axis: AxisRange | undefined;
  let axis2: AxisRange | undefined;
  let unit2: string | undefined;
  if (!circular && chart.type !== 'scatter') {
    const barIdx = chart.datasets.map((_, i) => i).filter((i) => !isLine(i));
    const lineIdx = chart.datasets.map((_, i) => i).filter((i) => isLine(i));
    const extent = (idx: number[]) => {
      if (stacked) {
        const pos = chart.labels.map((_, j) => idx.reduce((a, i) => a + Math.max(0, values[i]![j] ?? 0), 0));
        const neg = chart.labels.map((_, j) => idx.reduce((a, i) => a + Math.min(0, values[i]![j] ?? 0), 0));
        return [Math.min(0, ...neg), Math.max(0, ...pos)] as [number, number];
      }
      const all = idx.flatMap((i) => values[i]!);
      return [minOf(all), maxOf(all)] as [number, number];
    };
    // Room beyond the longest bar (or highest point) for a value label outside it.
    const labelled = chart.dataLabels !== false && !stacked;
    const longest = labelled
      ? Math.max(0, ...values.flatMap((d, i) => d.map((v, j) => textWidth(labelText(v, i, j), fs))))
      : 0;
    // Lines: room for a marker at the top or bottom of the axis, which chart.js would clip.
    const markers = chart.type === 'line' || chart.type === 'combo' ? (chart.labels.length > 12 ? 3 : 7) : 0;
    const room = labelled ? (chart.horizontal ? longest + 10 : lh + 10) / valueLength : markers / valueLength;
    const widen = ([lo, hi]: [number, number]): [number, number] => {
      const span = Math.max(hi, 0) - Math.min(lo, 0) || 1;
      const grow = (span * room) / Math.max(0.2, 1 - 2 * room);
      return [lo < 0 ? lo - grow : lo, hi > 0 ? hi + grow : hi];
    };
    if (chart.type === 'combo') {
      const barUnits = new Set(barIdx.map((i) => chart.datasets[i]!.unit ?? chart.unit));
      const lineUnits = new Set(lineIdx.map((i) => chart.datasets[i]!.unit ?? chart.unit));
      const sameUnit = [...lineUnits].every((u) => barUnits.has(u));
      if (sameUnit || !barIdx.length || !lineIdx.length) {
        axis = niceRange(...widen(extent(chart.datasets.map((_, i) => i))), true);
      } else {
        unit2 = [...lineUnits][0];
        [axis, axis2] = alignedRanges(widen(extent(barIdx)), widen(extent(lineIdx)));
      }
    } else if (chart.type === 'line' && (chart.yMin !== undefined || chart.yMax !== undefined)) {
      const [lo, hi] = widen(extent(chart.datasets.map((_, i) => i)));
      const auto = niceRange(chart.yMin ?? lo, chart.yMax ?? hi, false);
      axis = { min: chart.yMin ?? auto.min, max: chart.yMax ?? auto.max, step: chart.step ?? auto.step };
    } else {
      axis = niceRange(...widen(extent(chart.datasets.map((_, i) => i))), true);
      if (chart.type === 'line' && chart.step !== undefined) axis = { ...axis, step: chart.step };
    }
    if (percentStacked) axis = { min: 0, max: 100, step: 20 };
  }

  const tickFor = (range: AxisRange | undefined, u: string | undefined) => {
    const d = percentStacked ? 0 : stepDecimals(range?.step ?? 1);
    return (v: number) => chartNumber(v, u === '%' ? '%' : undefined, spec, d, lang, u === '%');
  };
  const scatter =
    chart.type === 'scatter'
      ? scatterRanges(
          chart.labels.map(Number),
          chart.datasets.flatMap((d) => d.values),
        )
      : undefined;
  // A scatter chart's x axis ticks in its own step (its unit is the data's, as the y axis's).
  const tick1 = tickFor(axis ?? scatter?.y, unit);
  const tickX = tickFor(scatter?.x, unit);
  const tick2 = tickFor(axis2, unit2);

  // ---- labels, and those left out by rule
  const labels: PlannedLabel[] = [];
  const dropped: DroppedLabel[] = [];
  const drop = (d: number, i: number, text: string, reason: string) =>
    dropped.push({ dataset: chart.datasets[d]?.label ?? '', category: chart.labels[i] ?? '', text, reason });
  const pointRadius = chart.labels.length > 12 ? 0 : 4;

  if (chart.dataLabels !== false && chart.type !== 'scatter') {
    const perCategory = plotW / Math.max(1, n);
    const barsPerCategory = stacked ? 1 : chart.datasets.filter((_, i) => !isLine(i)).length || 1;
    const barThickness = Math.min(
      120,
      ((chart.horizontal ? plotH / Math.max(1, n) : perCategory) * 0.63) / barsPerCategory,
    );
    const range = axis ? axis.max - axis.min : 1;
    // Stack segments: where each starts (in value units), and the labels already beside a stack,
    // by the gap they sit in (gap g lies between category g-1 and g), as spans along the value axis.
    const slot = (chart.horizontal ? plotH : plotW) / Math.max(1, n);
    const stackStart = (d: number, i: number) => {
      const v = values[d]![i] ?? 0;
      let start = 0;
      for (let e = 0; e < d; e++) {
        const u = values[e]![i] ?? 0;
        if (!isLine(e) && Math.sign(u) === Math.sign(v)) start += u;
      }
      return start;
    };
    const beside = new Map<number, { lo: number; hi: number; need: number; after: boolean }[]>();
    // After the stack (right of a column, below a horizontal bar: the next category's side)
    // first; the outermost stacks have only half a gap towards the plot's edge.
    const besideSides = (i: number) => [
      { gapIndex: i + 1, after: true, room: (gap: number) => (i === n - 1 ? gap / 2 : gap) },
      { gapIndex: i, after: false, room: (gap: number) => (i === 0 ? gap / 2 : gap) },
    ];
    // Labels wider than a category's slot would collide with their neighbours: keep every k-th.
    const widest = maxOf(values.flatMap((d, i) => d.map((v, j) => textWidth(labelText(v, i, j), fs))));
    const keepEvery =
      circular || stacked || chart.horizontal ? 1 : Math.max(1, Math.ceil((widest + 6) / Math.max(1, perCategory)));
    // A segment holds its label when the figures fit across it and, with air, along it.
    const fitsInSegment = (d: number, i: number, text: string) => {
      const length = (Math.abs(values[d]![i] ?? 0) / range) * valueLength;
      const across = chart.horizontal ? length : barThickness;
      const along = chart.horizontal ? barThickness : length;
      return across >= textWidth(text, fs) + 8 && along >= segmentFigures(fs) + 2 * SEGMENT_AIR;
    };
    // Too small inside: beside the segment, level with it, in the gap next to its stack.
    const placeBeside = (d: number, i: number, text: string, taken: typeof beside) => {
      const v = values[d]![i] ?? 0;
      const w = textWidth(text, fs);
      const gap = slot - barThickness;
      const start = stackStart(d, i);
      const half = (chart.horizontal ? w : lh) / 2;
      // Level with the segment, kept inside the plot (as labels.ts keeps it).
      const level = ((start + v / 2 - (axis?.min ?? 0)) / range) * valueLength;
      const centre = Math.min(Math.max(level, half), valueLength - half);
      const need = (chart.horizontal ? lh : w) + 2 * LABEL_GAP;
      // A label in a gap must not meet another there: one on the same side at its level, or
      // one on the other side at its level when the two together are wider than the gap.
      const side = besideSides(i).find(
        ({ gapIndex, room, after }) =>
          room(gap) >= need &&
          !(taken.get(gapIndex) ?? []).some(
            (o) => centre + half > o.lo && centre - half < o.hi && (o.after === after || need + o.need > gap),
          ),
      );
      if (!side) return false;
      const spot = { lo: centre - half, hi: centre + half, need, after: side.after };
      taken.set(side.gapIndex, [...(taken.get(side.gapIndex) ?? []), spot]);
      return true;
    };
    // One placement per series: when some of a series' segments are too small for their labels,
    // all its labels go beside their stacks if they all find room there (tried on a copy first).
    const besideSeries = new Set<number>();
    const chooseBeside = (dv: number[], d: number) => {
      if (!stacked || circular || isLine(d)) return;
      const shown = dv.map((v, i) => [v, i] as const).filter(([v]) => v !== 0);
      const inside = shown.filter(([v, i]) => fitsInSegment(d, i, labelText(v, d, i)));
      if (!inside.length || inside.length === shown.length) return;
      const trial = new Map([...beside].map(([k, list]) => [k, [...list]]));
      if (shown.every(([v, i]) => placeBeside(d, i, labelText(v, d, i), trial))) besideSeries.add(d);
    };
    values.forEach((dv, d) => {
      chooseBeside(dv, d);
      dv.forEach((v, i) => {
        const text = labelText(v, d, i);
        const fill = seriesColour(chart, style, d, i);
        if (circular) {
          if (v !== 0 && !valuesInLegend)
            labels.push({ dataset: d, index: i, text, mode: 'slice', fill, negative: false });
          return;
        }
        if (isLine(d)) {
          if (chart.type === 'area' && stacked) return;
          if (i % keepEvery !== 0 && i !== n - 1) return drop(d, i, text, `labels fit on one point in ${keepEvery}`);
          labels.push({ dataset: d, index: i, text, mode: 'point', fill, negative: v < 0 });
          return;
        }
        if (stacked) {
          if (v === 0) return;
          if (!besideSeries.has(d) && fitsInSegment(d, i, text)) {
            labels.push({ dataset: d, index: i, text, mode: 'segment', fill, negative: v < 0 });
            return;
          }
          if (!placeBeside(d, i, text, beside)) {
            return drop(d, i, text, 'its segment is too small to hold a label, with no room beside it');
          }
          labels.push({
            dataset: d,
            index: i,
            text,
            mode: 'segment',
            fill,
            negative: v < 0,
            ...(besideSeries.has(d) ? { beside: true } : {}),
          });
          return;
        }
        if (i % keepEvery !== 0) return drop(d, i, text, `labels fit on one bar in ${keepEvery}`);
        labels.push({ dataset: d, index: i, text, mode: 'bar', fill, negative: v < 0 });
      });
    });
  }
  if (chart.type === 'scatter' && chart.pointLabels) {
    chart.pointLabels.forEach((text, i) =>
      labels.push({ dataset: 0, index: i, text, mode: 'point', fill: style.palette.background, negative: false }),
    );
  }
  let pieRadius: number | undefined;
  if (circular && labels.length) {
    // Labels outside their slice need room around the pie: a smaller pie inside the plot, not
    // padding around it, which chart.js would take from the legend's width too.
    const room = pieRoom(
      style,
      titleH,
      labels.map((l) => l.text),
      legendShown,
      legendPosition,
      legendEntries ?? [],
    );
    const areaW =
      style.width -
      (legendShown && (legendPosition === 'left' || legendPosition === 'right') ? style.width * 0.35 : 0) -
      16;
    const areaH = style.height - titleH - legendH - 16;
    pieRadius = Math.max(0.3, Math.min(1, room / (Math.min(areaW, areaH) / 2)));
  }
  const legendBlock = circular && legendShown ? groupRingAndLegend() : false;

  /**
   * A pie's legend reads with its ring: beside it, the two sit side by side in the middle of the
   * picture (padding at the picture's sides, where the ring, as tall as the picture allows, leaves
   * room), not the ring in the middle and the legend at the far edge (285 px apart on a full-width
   * slide); below it in rows, its entries start at one x, a block under the ring (config.ts
   * legendBlockPlugin), not rows each centred on its own with a ragged left edge.
   */
  function groupRingAndLegend(): boolean {
    const entries = legendEntries ?? [];
    if (legendPosition !== 'left' && legendPosition !== 'right') return legendRows(entries, fs, style.width) > 1;
    const areaW = style.width - legendWidth(entries, fs) - padding.left - padding.right;
    const areaH = style.height - titleH - padding.top - padding.bottom;
    // The ring and the labels around it: their room across, at the size the height gives the ring.
    const outside = labels.length ? maxOf(labels.map((l) => textWidth(l.text, fs))) + 16 : 0;
    const spare = areaW - Math.max(areaH, areaH * (pieRadius ?? 1) + 2 * outside) - fs * 2;
    if (spare > 0) {
      padding.left += Math.floor(spare / 2);
      padding.right += Math.floor(spare / 2);
    }
    return false;
  }

  let ticks: Set<number> | undefined;
  if (chart.time && !chart.horizontal && chart.type !== 'scatter') {
    const widest = maxOf(chart.labels.map((l) => textWidth(l, fs)));
    ticks = ticksToShow(chart.time, Math.floor(plotW / (widest + fs * 1.2)));
  }

  return {
    values,
    unit,
    decimals,
    ...(axis ? { axis } : {}),
    ...(axis2 ? { axis2 } : {}),
    ...(scatter ? { scatter } : {}),
    ...(unit2 ? { unit2 } : {}),
    tick: (v, second) => (second ? tick2 : tick1)(v),
    xTick: tickX,
    label: labelText,
    labels,
    edges,
    dropped,
    padding,
    ...(ticks ? { ticks } : {}),
    directLabels,
    legendPosition,
    legendShown,
    ...(legendEntries ? { legendEntries } : {}),
    valuesInLegend,
    legendBlock,
    ...(pieRadius !== undefined ? { pieRadius } : {}),
    pointRadius,
    plot: { w: plotW, h: plotH },
  };
}

/**
 * A pie's ring is at least this share of its box's short side (less its title): labels that
 * would squeeze it smaller move into the legend.
 */
export const PIE_MIN_SHARE = 0.58;

/** The radius a pie gets, px, with these labels outside it and its legend where it is. */
function pieRoom(
  style: ChartStyle,
  titleH: number,
  texts: string[],
  legendShown: boolean,
  legendPosition: ChartPlan['legendPosition'],
  entries: string[],
): number {
  const fs = style.fontSize;
  const side = legendShown && (legendPosition === 'left' || legendPosition === 'right');
  const legendW = side ? style.width * 0.35 : 0;
  const legendH = legendShown && !side ? legendRows(entries, fs, style.width) * fs * 1.8 + fs * 0.6 : 0;
  const widest = maxOf(texts.map((t) => textWidth(t, fs)));
  const areaW = style.width - legendW - 16;
  const areaH = style.height - titleH - legendH - 16;
  return Math.min(areaW / 2 - (widest + 16), areaH / 2 - (lineHeight(fs) + 12));
}

/** A legend's width beside the plot: its longest entry, the swatch and chart.js's padding. */
function legendWidth(entries: string[], fs: number): number {
  return maxOf(entries.map((t) => textWidth(t, fs))) + Math.round(fs) + 3 * Math.round(fs * 0.8);
}

/** Rows a legend above or below the plot takes, its entries packed as chart.js packs them. */
function legendRows(entries: string[], fs: number, width: number): number {
  let rows = 1;
  let x = 0;
  for (const e of entries) {
    const w = textWidth(e, fs) + Math.round(fs) + 2 * Math.round(fs * 0.8);
    if (x && x + w > width - 16) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return Math.max(1, rows);
}

/** A legend entry's text: a slice's name with its value unless its label shows the value (or `withValue`). */
export function legendText(chart: ChartModel, index: number, withValue = false): string {
  if (!isCircular(chart.type)) return chart.datasets[index]?.label ?? '';
  const l = chart.labels[index] ?? '';
  if (chart.dataLabels === 'value' && !withValue) return l;
  const d = chart.datasets[0]!;
  const v = chart.datasets[0]!.values[index]!;
  const value = chartNumber(v, d.unit ?? chart.unit, chart.format, chartDecimals(chart), chart.lang, true);
  return `${l}${labelColon(l, chart.lang)}${qualified(value, d.qualifiers?.[index], chart.lang)}`;
}

/**
 * The picture's legend position: as asked (`auto`: beside a wide chart, below a tall one), but
 * below the plot when beside it the longest entry would not fit next to the plot and a pie's
 * outside labels, where chart.js would cut it off at the picture's edge.
 */
function legendPlace(
  chart: ChartModel,
  style: ChartStyle,
  label: (v: number, d: number, i: number) => string,
  values: number[][],
): ChartPlan['legendPosition'] {
  const wanted =
    chart.legend === 'none' || chart.legend === 'auto'
      ? style.width / style.height >= 1.6
        ? 'right'
        : 'bottom'
      : chart.legend;
  if (wanted !== 'left' && wanted !== 'right') return wanted;
  const fs = style.fontSize;
  const circular = isCircular(chart.type);
  const count = circular ? chart.labels.length : chart.datasets.length;
  const entries = Array.from({ length: count }, (_, i) => legendText(chart, i));
  // Text, swatch and chart.js's padding either side of it.
  const legendW = maxOf(entries.map((t) => textWidth(t, fs))) + Math.round(fs) + 3 * Math.round(fs * 0.8);
  const outside =
    circular && chart.dataLabels !== false
      ? 2 * (maxOf(values[0]!.map((v, i) => textWidth(label(v, 0, i), fs))) + 16)
      : 0;
  const plot = circular ? Math.min(style.height * 0.6, style.width * 0.3) : style.width * 0.5;
  return legendW + outside + plot <= style.width ? wanted : 'bottom';
}

/** Up to four lines are named at their ends; more need a legend. */
export function directLabelsFor(chart: Pick<ChartModel, 'type' | 'datasets' | 'directLabels'>): boolean {
  return chart.type === 'line' && chart.directLabels === true && chart.datasets.length <= 4;
}

export { decimalsOf };
