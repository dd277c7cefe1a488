import type { Chart, Plugin } from 'chart.js';
import { labelColourOn } from './contrast.js';
import { LABEL_GAP as GAP, SEGMENT_AIR, segmentFigures } from './plan.js';

/**
 * Data labels, the target line's label and series names at line ends, placed from the
 * geometry chart.js computed for the bars, points and slices, so that no label covers a
 * value or another label.
 *
 * What may be left out is decided before drawing, by rules on the values and the size of the
 * picture (see `plan.ts`), so that a build reports it whether the picture is drawn or cached;
 * the plugin places everything else. Where it finds no free place it leaves a label out and
 * records it in `placedLabels(chart).unplaced`, which the geometry tests require to be empty.
 */

/** How a data label sits against its element. */
export type LabelMode = 'bar' | 'segment' | 'point' | 'slice';

export interface PlannedLabel {
  dataset: number;
  index: number;
  text: string;
  mode: LabelMode;
  /** Hex (no #) of the element the label may sit inside, to choose a readable colour there. */
  fill: string;
  /** Is the value below zero (bars extend the other way)? */
  negative: boolean;
  /** segment: beside its stack even where it would fit inside (its series' labels all sit beside). */
  beside?: boolean;
}

/** A label in the margin beside the plot: the target's, or a series' name at its line end. */
export interface EdgeLabel {
  kind: 'target' | 'series';
  text: string;
  colour: string;
  /** series: the dataset whose last point the label names. */
  dataset?: number;
}

export interface LabelLook {
  family: string;
  size: number;
  /** Colour of labels outside elements, and the dark choice inside them. */
  text: string;
  light: string;
  /** Value-axis id and colour of the target line, when there is one. */
  target?: { value: number; axis: string; colour: string; vertical: boolean };
}

export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  /** dataset/index of the value it labels; undefined for a target label. */
  dataset?: number;
  index?: number;
  kind: 'data' | 'target' | 'series';
  inside: boolean;
}

export interface PlacedLabels {
  boxes: LabelBox[];
  unplaced: PlannedLabel[];
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const intersects = (a: Rect, b: Rect, slack = 0.5) =>
  a.x < b.x + b.w - slack && b.x < a.x + a.w - slack && a.y < b.y + b.h - slack && b.y < a.y + a.h - slack;

/** Does the segment p–q cross the rectangle? (Liang–Barsky clipping) */
export function segmentHits(px: number, py: number, qx: number, qy: number, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = qx - px;
  const dy = qy - py;
  const edges: [number, number][] = [
    [-dx, px - r.x],
    [dx, r.x + r.w - px],
    [-dy, py - r.y],
    [dy, r.y + r.h - py],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

interface BarGeometry {
  x: number;
  y: number;
  base: number;
  width: number;
  height: number;
  horizontal: boolean;
}
interface PointGeometry {
  x: number;
  y: number;
  options?: { radius?: number };
}
interface ArcGeometry {
  x: number;
  y: number;
  startAngle: number;
  endAngle: number;
  innerRadius: number;
  outerRadius: number;
}

/** The rectangle a bar covers. */
export function barRect(b: BarGeometry): Rect {
  if (b.horizontal) {
    const h = b.height;
    return { x: Math.min(b.x, b.base), y: b.y - h / 2, w: Math.abs(b.x - b.base), h };
  }
  return { x: b.x - b.width / 2, y: Math.min(b.y, b.base), w: b.width, h: Math.abs(b.y - b.base) };
}

/** Is the point inside the slice (angles in chart.js's convention: from 3 o'clock, clockwise)? */
export function inArc(a: ArcGeometry, x: number, y: number): boolean {
  const r = Math.hypot(x - a.x, y - a.y);
  if (r < a.innerRadius || r > a.outerRadius) return false;
  let angle = Math.atan2(y - a.y, x - a.x);
  while (angle < a.startAngle) angle += 2 * Math.PI;
  while (angle > a.startAngle + 2 * Math.PI) angle -= 2 * Math.PI;
  return angle <= a.endAngle;
}

const corners = (r: Rect): [number, number][] => [
  [r.x, r.y],
  [r.x + r.w, r.y],
  [r.x, r.y + r.h],
  [r.x + r.w, r.y + r.h],
  [r.x + r.w / 2, r.y + r.h / 2],
];

/** Clearance between a label and the target line, CSS px (the native chart keeps 2.5 pt). */
const TARGET_AIR = 3;

/** What a label must keep clear of: every drawn value of the chart. */
export interface Obstacles {
  bars: { dataset: number; index: number; rect: Rect }[];
  points: { dataset: number; index: number; rect: Rect }[];
  segments: { dataset: number; from: number; p: [number, number]; q: [number, number] }[];
  arcs: { dataset: number; index: number; arc: ArcGeometry }[];
}

type AnyElement = Record<string, unknown>;

export function obstaclesOf(chart: Chart): Obstacles {
  const out: Obstacles = { bars: [], points: [], segments: [], arcs: [] };
  chart.data.datasets.forEach((_, d) => {
    const meta = chart.getDatasetMeta(d);
    if (!chart.isDatasetVisible(d)) return;
    const type = meta.type;
    const elements = meta.data as unknown as AnyElement[];
    if (type === 'bar') {
      elements.forEach((e, i) => out.bars.push({ dataset: d, index: i, rect: barRect(e as unknown as BarGeometry) }));
    } else if (type === 'pie' || type === 'doughnut') {
      elements.forEach((e, i) => out.arcs.push({ dataset: d, index: i, arc: e as unknown as ArcGeometry }));
    } else {
      const points = elements as unknown as PointGeometry[];
      const showsLine = type === 'line' && (meta.dataset as unknown as { options?: { borderWidth?: number } })?.options;
      points.forEach((p, i) => {
        const r = Math.max(p.options?.radius ?? 0, 1.5);
        out.points.push({ dataset: d, index: i, rect: { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r } });
        const next = points[i + 1];
        if (showsLine && next) out.segments.push({ dataset: d, from: i, p: [p.x, p.y], q: [next.x, next.y] });
      });
    }
  });
  return out;
}

/** Does the box cover any drawn value other than the one it labels (when it sits inside that one)? */
export function coversValue(box: Rect, o: Obstacles, own?: { dataset: number; index: number }): boolean {
  const isOwn = (e: { dataset: number; index: number }) => own && e.dataset === own.dataset && e.index === own.index;
  if (o.bars.some((b) => !isOwn(b) && intersects(box, b.rect))) return true;
  if (o.points.some((p) => intersects(box, p.rect, 0))) return true;
  if (o.segments.some((s) => segmentHits(s.p[0], s.p[1], s.q[0], s.q[1], box))) return true;
  return o.arcs.some((a) => !isOwn(a) && corners(box).some(([x, y]) => inArc(a.arc, x, y)));
}

/** The label boxes placed on this chart, for the tests and anyone checking a drawn chart. */
export function placedLabels(chart: Chart): PlacedLabels | undefined {
  return (chart as unknown as { $briefdeckLabels?: PlacedLabels }).$briefdeckLabels;
}

/** A chart.js plugin that places and draws the planned labels after the datasets are drawn. */
export function labelPlugin(planned: PlannedLabel[], edges: EdgeLabel[], look: LabelLook): Plugin {
  return {
    id: 'briefdeckLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const area = chart.chartArea;
      const result: PlacedLabels = { boxes: [], unplaced: [] };
      (chart as unknown as { $briefdeckLabels: PlacedLabels }).$briefdeckLabels = result;
      const obstacles = obstaclesOf(chart);
      const lineHeight = Math.round(look.size * 1.25);
      ctx.save();
      const measure = (text: string, bold: boolean) => {
        ctx.font = `${bold ? 'bold ' : ''}${look.size}px ${look.family}`;
        return { w: Math.ceil(ctx.measureText(text).width), h: lineHeight };
      };
      const free = (box: Rect, own?: { dataset: number; index: number }) =>
        !coversValue(box, obstacles, own) && !result.boxes.some((b) => intersects(box, b));
      const draw = (box: LabelBox, colour: string, bold: boolean) => {
        ctx.font = `${bold ? 'bold ' : ''}${look.size}px ${look.family}`;
        ctx.fillStyle = `#${colour}`;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(box.text, box.x, box.y + box.h / 2);
        result.boxes.push(box);
      };

      // The target line, drawn over the values so it is never hidden behind a bar.
      if (look.target) {
        const scale = chart.scales[look.target.axis];
        if (scale) {
          const at = scale.getPixelForValue(look.target.value);
          ctx.strokeStyle = `#${look.target.colour}`;
          ctx.lineWidth = 2;
          ctx.setLineDash([8, 5]);
          ctx.beginPath();
          if (look.target.vertical) {
            ctx.moveTo(at, area.top);
            ctx.lineTo(at, area.bottom);
          } else {
            ctx.moveTo(area.left, at);
            ctx.lineTo(area.right, at);
          }
          ctx.stroke();
          ctx.setLineDash([]);
          // Labels keep clear of the target line as of any value, with a little air: a figure
          // against the dashes would read as touching the target.
          for (const off of [-TARGET_AIR, 0, TARGET_AIR]) {
            const p: [number, number] = look.target.vertical ? [at + off, area.top] : [area.left, at + off];
            const q: [number, number] = look.target.vertical ? [at + off, area.bottom] : [area.right, at + off];
            obstacles.segments.push({ dataset: -1, from: 0, p, q });
          }
        }
      }

      // A scatter point's name beside the plot would sit on the tick labels or the plot's border.
      const inPlotOnly = (chart.config as { type?: string }).type === 'scatter';
      const spotsFor = (label: PlannedLabel) => {
        const el = chart.getDatasetMeta(label.dataset).data[label.index] as unknown as AnyElement | undefined;
        if (!el) return undefined;
        const size = measure(label.text, true);
        const own = { dataset: label.dataset, index: label.index };
        return candidatesFor(label, el, size, area, look.size).filter(
          (c) =>
            within(c.box, chart) && (!inPlotOnly || inPlot(c.box, area)) && free(c.box, c.inside ? own : undefined),
        );
      };
      const place = (label: PlannedLabel, spot: Candidate) => {
        const colour = spot.inside ? labelColourOn(label.fill, look.text, look.light) : look.text;
        const own = { dataset: label.dataset, index: label.index };
        draw({ ...spot.box, text: label.text, ...own, kind: 'data', inside: spot.inside }, colour, true);
      };
      // A series' bar labels sit one way, all beyond their bars' ends or all inside, when every
      // one has a free place that way; else each takes its own best place.
      const oneWay = (group: PlannedLabel[], inside: boolean) => {
        const chosen: [PlannedLabel, Candidate][] = [];
        for (const label of group) {
          const spot = spotsFor(label)?.find(
            (c) => c.inside === inside && !chosen.some(([, o]) => intersects(o.box, c.box)),
          );
          if (!spot) return undefined;
          chosen.push([label, spot]);
        }
        return chosen;
      };
      for (let k = 0; k < planned.length;) {
        const label = planned[k]!;
        let end = k + 1;
        if (label.mode === 'bar') while (planned[end]?.mode === 'bar' && planned[end]!.dataset === label.dataset) end++;
        const group = planned.slice(k, end);
        k = end;
        const together = group.length > 1 ? (oneWay(group, false) ?? oneWay(group, true)) : undefined;
        if (together) {
          for (const [l, spot] of together) place(l, spot);
          continue;
        }
        for (const l of group) {
          const spots = spotsFor(l);
          if (!spots) continue;
          if (!spots[0]) {
            result.unplaced.push(l);
            continue;
          }
          place(l, spots[0]);
        }
      }

      // Margin labels: beside the plot's right edge (or above it for a vertical target line),
      // at the height of what they name, pushed apart where they would overlap.
      const margin: { y: number; label: EdgeLabel; w: number; h: number }[] = [];
      for (const label of edges) {
        const size = measure(label.text, label.kind === 'series');
        if (label.kind === 'target' && look.target) {
          const scale = chart.scales[look.target.axis];
          if (!scale) continue;
          const at = scale.getPixelForValue(look.target.value);
          if (look.target.vertical) {
            const box = { x: at - size.w / 2, y: area.top - size.h - 2, w: size.w, h: size.h };
            draw({ ...box, text: label.text, kind: 'target', inside: false }, label.colour, false);
            continue;
          }
          margin.push({ y: at, label, ...size });
        } else if (label.kind === 'series' && label.dataset !== undefined) {
          const points = chart.getDatasetMeta(label.dataset).data as unknown as PointGeometry[];
          const last = points[points.length - 1];
          if (last) margin.push({ y: last.y, label, ...size });
        }
      }
      margin.sort((a, b) => a.y - b.y || a.label.text.localeCompare(b.label.text));
      const tops = margin.map((m) => m.y - m.h / 2);
      for (let i = 1; i < tops.length; i++) tops[i] = Math.max(tops[i]!, tops[i - 1]! + margin[i - 1]!.h);
      // Keep the column inside the picture: shift it up if it runs off the bottom.
      const overflow = tops.length ? tops[tops.length - 1]! + margin[margin.length - 1]!.h - chart.height : 0;
      if (overflow > 0) for (let i = 0; i < tops.length; i++) tops[i] = tops[i]! - overflow;
      margin.forEach((m, i) => {
        const box = { x: area.right + 6, y: tops[i]!, w: m.w, h: m.h };
        draw(
          {
            ...box,
            text: m.label.text,
            kind: m.label.kind,
            inside: false,
            ...(m.label.dataset !== undefined ? { dataset: m.label.dataset } : {}),
          },
          m.label.colour,
          m.label.kind === 'series',
        );
      });
      ctx.restore();
    },
  };
}

/** Clearance between a label inside the plot and the plot's border, CSS px. */
const PLOT_MARGIN = 3;

/** A label box inside the plot area, clear of its border. */
export function inPlot(box: Rect, area: { left: number; right: number; top: number; bottom: number }): boolean {
  return (
    box.x >= area.left + PLOT_MARGIN &&
    box.y >= area.top + PLOT_MARGIN &&
    box.x + box.w <= area.right - PLOT_MARGIN &&
    box.y + box.h <= area.bottom - PLOT_MARGIN
  );
}

/** A label box stays inside the picture (outside-end labels may use the plot's padding). */
function within(box: Rect, chart: Chart): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.w <= chart.width && box.y + box.h <= chart.height;
}

interface Candidate {
  box: Rect;
  inside: boolean;
}

/** Places to try for a label, best first. */
function candidatesFor(
  label: PlannedLabel,
  el: AnyElement,
  size: { w: number; h: number },
  area: { left: number; right: number; top: number; bottom: number },
  fontSize: number,
): Candidate[] {
  const { w, h } = size;
  const box = (cx: number, cy: number) => ({ x: cx - w / 2, y: cy - h / 2, w, h });
  switch (label.mode) {
    case 'bar': {
      const b = el as unknown as BarGeometry;
      const r = barRect(b);
      const out: Candidate[] = [];
      const fitsInside = b.horizontal ? r.w >= w + 2 * GAP && r.h >= h : r.h >= h + 2 * GAP && r.w >= w + 2;
      if (b.horizontal) {
        const sign = label.negative ? -1 : 1;
        out.push({ box: box(b.x + sign * (GAP + w / 2), b.y), inside: false });
        if (fitsInside) out.push({ box: box(b.x - sign * (GAP + w / 2), b.y), inside: true });
      } else {
        const sign = label.negative ? 1 : -1;
        out.push({ box: box(b.x, b.y + sign * (GAP + h / 2)), inside: false });
        if (fitsInside) out.push({ box: box(b.x, b.y - sign * (GAP + h / 2)), inside: true });
      }
      // Beyond the plot area a label would meet the legend or the axis labels: the value axis
      // has room for them (see headroom in config.ts); where it has not, the label goes inside.
      return out.filter(
        (c) =>
          c.inside ||
          (c.box.y >= area.top - 1 &&
            c.box.y + c.box.h <= area.bottom + 1 &&
            c.box.x >= area.left - 1 &&
            c.box.x + c.box.w <= area.right + 1),
      );
    }
    case 'segment': {
      const b = el as unknown as BarGeometry;
      const r = barRect(b);
      // A segment holds its label when the figures (about 0.75 em high) fit, with air above and
      // below; the box is the figures' height, not the line's, so it stays within the segment.
      const figures = segmentFigures(fontSize);
      const out: Candidate[] = [];
      if (!label.beside && r.w >= w + 2 * GAP && r.h >= figures + 2 * SEGMENT_AIR)
        out.push({ box: { x: r.x + r.w / 2 - w / 2, y: r.y + r.h / 2 - figures / 2, w, h: figures }, inside: true });
      // Else beside it, level with it (moved along the stack only as far as the plot's edge
      // needs), in the gap after its stack, then before it.
      const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
      const level = b.horizontal
        ? clamp(r.x + r.w / 2 - w / 2, area.left, area.right - w)
        : clamp(r.y + r.h / 2 - h / 2, area.top, area.bottom - h);
      const besides: Rect[] = b.horizontal
        ? [
            { x: level, y: r.y + r.h + GAP, w, h },
            { x: level, y: r.y - GAP - h, w, h },
          ]
        : [
            { x: r.x + r.w + GAP, y: level, w, h },
            { x: r.x - GAP - w, y: level, w, h },
          ];
      for (const box of besides)
        if (
          box.x >= area.left - 1 &&
          box.x + box.w <= area.right + 1 &&
          box.y >= area.top - 1 &&
          box.y + box.h <= area.bottom + 1
        )
          out.push({ box, inside: false });
      return out;
    }
    case 'point': {
      const p = el as unknown as PointGeometry;
      const d = Math.max(p.options?.radius ?? 0, 2) + GAP;
      return [
        { box: box(p.x, p.y - d - h / 2), inside: false },
        { box: box(p.x, p.y + d + h / 2), inside: false },
        { box: { x: p.x + d, y: p.y - h / 2, w, h }, inside: false },
        { box: { x: p.x - d - w, y: p.y - h / 2, w, h }, inside: false },
        { box: box(p.x, p.y - d - h * 1.5), inside: false },
        { box: box(p.x, p.y + d + h * 1.5), inside: false },
      ];
    }
    case 'slice': {
      const a = el as unknown as ArcGeometry;
      const mid = (a.startAngle + a.endAngle) / 2;
      const cos = Math.cos(mid);
      const sin = Math.sin(mid);
      const ring = a.innerRadius > 0 ? (a.innerRadius + a.outerRadius) / 2 : a.outerRadius * 0.62;
      const inside = box(a.x + cos * ring, a.y + sin * ring);
      const out: Candidate[] = [];
      if (corners(inside).every(([x, y]) => inArc(a, x, y))) out.push({ box: inside, inside: true });
      // Outside the rim, on the slice's bisector, the box's near corner at the given radius.
      for (const extra of [GAP * 2, GAP * 2 + h, GAP * 2 + 2 * h, GAP * 2 + 3 * h]) {
        const rr = a.outerRadius + extra;
        const px = a.x + cos * rr;
        const py = a.y + sin * rr;
        out.push({
          box: { x: cos >= 0 ? px : px - w, y: sin >= 0 ? py : py - h, w, h },
          inside: false,
        });
      }
      return out;
    }
  }
}
