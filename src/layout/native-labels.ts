import type { AxisRange } from '../charts/axes.js';
import { labelColourOn } from '../charts/contrast.js';
import { textWidth, type ChartPlan, type DroppedLabel } from '../charts/plan.js';
import type { Box, ChartModel, NativePointLabel } from '../model.js';
import { isCircular } from '../schema/chart-types.js';

/**
 * PowerPoint and LibreOffice place a native chart's labels themselves, where the series says
 * (above a point, beyond a bar's end), whatever else is there. This decides, from the chart's
 * plot area as estimated from its box, the labels that need more: a value label that would
 * touch the target line moves (inside the bar's end, at its base, below the point) or, with no
 * clear place, is left out and reported; scatter points get their names where no other name
 * or point is; lines get their names at their ends when those do not overlap.
 *
 * Estimates err towards a smaller plot, so a label is moved or left out rather than overlap.
 */

export interface NativeLabelInput {
  chart: ChartModel;
  plan: ChartPlan;
  box: Box;
  /** Label text size, points. */
  size: number;
  title: boolean;
  legend: { show: boolean; position: 'b' | 't' | 'l' | 'r' };
  /** Outside labels' colour, and the dark choice inside fills. */
  text: string;
  /** Value labels are shown. */
  values: boolean;
  /** Bars are drawn sideways (the target line is vertical). */
  horizontal: boolean;
  /** The chart part's series order: dataset index → ordinal. */
  ordinal: (dataset: number) => number;
  /** Fill of a dataset's point (for the colour of a label inside it). */
  fill: (dataset: number, index: number) => string;
  /** Series colours, for names at line ends. */
  seriesColour: (dataset: number) => string;
  /** The target line's colour, when the chart has one (its series follows the data's). */
  targetColour?: string;
  /** Scatter axis ranges as written. */
  scatter?: { x: AxisRange; y: AxisRange };
  /** The plot area's size, points, where layout fixed it (see native-target.ts): no estimate then. */
  plot?: { w: number; h: number };
}

export interface NativeLabels {
  points: NativePointLabel[];
  dropped: DroppedLabel[];
  /** The lines are named at their ends (no legend needed). */
  namedEnds: boolean;
}

/** Clearance between a label and the target line, points. */
const CLEAR = 2.5;
/** Gap PowerPoint leaves between a bar's end or a marker and its label, points. */
const GAP = 3;

/** The plot area, points, as PowerPoint lays it out around titles, legend and axis labels (a little smaller). */
export function estimatedPlot(input: NativeLabelInput): { w: number; h: number } {
  if (input.plot) return input.plot;
  const { chart, plan, box, size, title, legend } = input;
  const line = size * 1.25;
  const ticks = [plan.axis?.min ?? 0, plan.axis?.max ?? 0].map((v) => textWidth(plan.tick(v), size));
  let top = 8 + (title ? (size + 2) * 1.3 + 6 : 0);
  let bottom = 8 + line + 6 + (chart.xLabel ? line + 6 : 0);
  let left = 8 + Math.max(0, ...ticks) + 6 + (chart.yLabel || chart.unit ? line + 6 : 0);
  let right = 10 + (plan.axis2 ? Math.max(...ticks) + line + 12 : 0);
  if (legend.show) {
    const entries = chart.datasets.map((d) => textWidth(d.label, size) + size * 2);
    if (legend.position === 't') top += line + 10;
    else if (legend.position === 'b') bottom += line + 10;
    else if (legend.position === 'r') right += Math.max(0, ...entries) + 12;
    else left += Math.max(0, ...entries) + 12;
  }
  // Horizontal bars name their categories beside the value axis.
  if (input.horizontal) left += chart.labels.reduce((a, l) => Math.max(a, textWidth(l, size)), 0);
  return { w: Math.max(40, (box.w - left - right) * 0.92), h: Math.max(30, (box.h - top - bottom) * 0.92) };
}

type Span = [number, number];
const touches = ([a, b]: Span, at: number, margin: number) =>
  at >= Math.min(a, b) - margin && at <= Math.max(a, b) + margin;

export function nativePointLabels(input: NativeLabelInput): NativeLabels {
  const { chart, plan, size } = input;
  const points: NativePointLabel[] = [];
  const dropped: DroppedLabel[] = [];
  const plot = estimatedPlot(input);
  const labelH = size * 1.25 + 2;
  const drop = (d: number, i: number, text: string, reason: string) =>
    dropped.push({ dataset: chart.datasets[d]?.label ?? '', category: chart.labels[i] ?? '', text, reason });

  // ---- value labels that would touch the target line
  const target = chart.target;
  if (target && input.values && !isCircular(chart.type) && chart.type !== 'scatter' && plan.axis) {
    const stacked = chart.stacked !== false;
    const isLine = (d: number) =>
      chart.type === 'line' || chart.type === 'area' || (chart.type === 'combo' && chart.lineDatasets.includes(d));
    plan.values.forEach((values, d) => {
      const onSecond = chart.type === 'combo' && plan.axis2 !== undefined && chart.lineDatasets.includes(d);
      // The target is on the first axis; labels on the second are measured in its units.
      const axis = plan.axis!;
      const second = onSecond ? plan.axis2! : axis;
      const perPt = (second.max - second.min) / (input.horizontal ? plot.w : plot.h);
      const toFirst = (v: number) => axis.min + ((v - second.min) / (second.max - second.min)) * (axis.max - axis.min);
      const margin = CLEAR * ((axis.max - axis.min) / (input.horizontal ? plot.w : plot.h));
      const line = isLine(d);
      if (chart.type === 'area') return;
      const running = chart.labels.map((_, i) => plan.values.slice(0, d).reduce((a, v) => a + (v[i] ?? 0), 0));
      values.forEach((v, i) => {
        const text = plan.label(v, d, i);
        const extent = (input.horizontal ? textWidth(text, size) + 4 : labelH) * perPt;
        const g = GAP * perPt;
        const s = v >= 0 ? 1 : -1;
        const base = Math.min(Math.max(0, second.min), second.max);
        const candidates: { position: NativePointLabel['position']; span: Span; inside: boolean }[] = [];
        if (line) {
          const r = (plan.pointRadius ? 3.5 : 1.5) * perPt;
          candidates.push({ position: 't', span: [v + r + g, v + r + g + extent], inside: false });
          candidates.push({ position: 'b', span: [v - r - g, v - r - g - extent], inside: false });
        } else if (stacked) {
          const mid = running[i]! + v / 2;
          candidates.push({ position: 'ctr', span: [mid - extent / 2, mid + extent / 2], inside: true });
        } else {
          candidates.push({ position: 'outEnd', span: [v + s * g, v + s * (g + extent)], inside: false });
          if (Math.abs(v - base) >= extent + 2 * g) {
            candidates.push({ position: 'inEnd', span: [v - s * g, v - s * (g + extent)], inside: true });
            candidates.push({ position: 'inBase', span: [base + s * g, base + s * (g + extent)], inside: true });
          }
        }
        const clear = candidates.filter(
          (c) => !touches([toFirst(c.span[0]), toFirst(c.span[1])], target.value, margin),
        );
        if (clear[0] === candidates[0]) return;
        const spot = clear[0];
        const ordinal = input.ordinal(d);
        if (!spot) {
          points.push({ series: ordinal, index: i, hidden: true });
          drop(d, i, text, 'it would touch the target line');
          return;
        }
        points.push({
          series: ordinal,
          index: i,
          position: spot.position,
          value: true,
          color: spot.inside ? labelColourOn(input.fill(d, i), input.text) : input.text,
        });
      });
    });
  }

  // ---- scatter points named from `label_by`, each where it covers no point and no other name
  if (chart.type === 'scatter' && chart.pointLabels && input.scatter) {
    const { x, y } = input.scatter;
    const px = (v: number) => ((v - x.min) / (x.max - x.min || 1)) * plot.w;
    const py = (v: number) => plot.h - ((v - y.min) / (y.max - y.min || 1)) * plot.h;
    type Rect = { x: number; y: number; w: number; h: number };
    const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    const r = 4 + 1;
    const marks: Rect[] = [];
    chart.datasets.forEach((ds) =>
      ds.values.forEach((v, i) => {
        const cx = px(Number(chart.labels[i]));
        marks.push({ x: cx - r, y: py(v) - r, w: 2 * r, h: 2 * r });
      }),
    );
    const placed: Rect[] = [];
    const values = chart.datasets[0]!.values;
    chart.pointLabels.forEach((name, i) => {
      if (!name) return;
      const cx = px(Number(chart.labels[i]));
      const cy = py(values[i]!);
      const w = textWidth(name, size) + 4;
      const h = labelH;
      const d = r + GAP;
      const spots: [NativePointLabel['position'], Rect][] = [
        ['t', { x: cx - w / 2, y: cy - d - h, w, h }],
        ['r', { x: cx + d, y: cy - h / 2, w, h }],
        ['b', { x: cx - w / 2, y: cy + d, w, h }],
        ['l', { x: cx - d - w, y: cy - h / 2, w, h }],
      ];
      // Inside the plot: beside it a name would sit on the tick labels or the plot's border.
      const inside = (b: Rect) => b.x >= 2 && b.x + b.w <= plot.w - 2 && b.y >= 2 && b.y + b.h <= plot.h - 2;
      const spot = spots.find(
        ([, b]) => inside(b) && !marks.some((m) => overlap(b, m)) && !placed.some((p) => overlap(b, p)),
      );
      if (!spot) {
        drop(0, i, name, 'its name has no free place beside the point');
        return;
      }
      placed.push(spot[1]);
      points.push({ series: input.ordinal(0), index: i, position: spot[0], text: name });
    });
  }

  // ---- line names at their ends, when the ends are a line apart
  let namedEnds = false;
  if (plan.directLabels && plan.axis) {
    const axis = plan.axis;
    const n = chart.labels.length;
    const at = (v: number) => ((v - axis.min) / (axis.max - axis.min)) * plot.h;
    // Without a legend the target line is named at its end too, as the picture names it.
    const ends = [
      ...chart.datasets.map((ds, d) => ({ d, y: at(ds.values[n - 1]!) })),
      ...(target && input.targetColour ? [{ d: -1, y: at(target.value) }] : []),
    ];
    ends.sort((a, b) => a.y - b.y);
    namedEnds = ends.every((e, k) => k === 0 || e.y - ends[k - 1]!.y >= labelH);
    if (namedEnds) {
      for (const { d } of ends) {
        const series = d < 0 ? chart.datasets.length : input.ordinal(d);
        const own = points.find((p) => p.series === series && p.index === n - 1);
        const label: NativePointLabel = {
          series,
          index: n - 1,
          position: 'r',
          seriesName: true,
          value: d >= 0 && input.values && !own?.hidden,
          color: d < 0 ? input.targetColour! : input.seriesColour(d),
          bold: d >= 0,
        };
        if (own) Object.assign(own, label);
        else points.push(label);
      }
    }
  }
  points.sort((a, b) => a.series - b.series || a.index - b.index);
  return { points, dropped, namedEnds };
}
