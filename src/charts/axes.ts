/**
 * Value axis ranges decided before drawing, so that both renderers draw the same axis and
 * the label placement knows the scale: nice round steps, bars from zero, and the zeros of a
 * combo chart's two axes on one gridline.
 */

export interface AxisRange {
  min: number;
  max: number;
  step: number;
}

const NICE = [1, 2, 2.5, 5, 10];
/** Steps for two axes read against one set of gridlines: labels 0, 2, 4 rather than 0, 2.5, 5, 7.5. */
const ROUND = [1, 2, 5, 10];

/** The smallest 1, 2, 2.5 or 5 × 10^k (or of the given multiples) that is at least `raw`. */
export function niceStep(raw: number, multiples: readonly number[] = NICE): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = multiples.find((n) => n * power >= raw * (1 - 1e-9))! * power;
  return Number(step.toPrecision(12));
}

const clean = (v: number) => Number(v.toPrecision(12));

/** A range over [lo, hi] in about `intervals` nice steps; from zero when `fromZero`. */
export function niceRange(lo: number, hi: number, fromZero: boolean, intervals = 5): AxisRange {
  if (fromZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (hi === lo) {
    hi = lo === 0 ? 1 : lo + Math.abs(lo);
    if (!fromZero) lo = lo - Math.abs(lo) * 0.1;
  }
  // The step count (from `intervals` to 7) that wastes least of the axis on empty space.
  const ranges: AxisRange[] = [];
  for (let k = intervals; k <= Math.max(intervals, 7); k++) {
    const step = niceStep((hi - lo) / k);
    const range = {
      min: clean(Math.floor(lo / step + 1e-9) * step),
      max: clean(Math.ceil(hi / step - 1e-9) * step),
      step,
    };
    if ((range.max - range.min) / step > 8) continue;
    ranges.push(range);
  }
  const tightest = (rs: AxisRange[]) => rs.reduce((best, r) => (r.max - r.min < best.max - best.min - 1e-9 ? r : best));
  const best = tightest(ranges);
  // A step with a fraction puts one on every label ("0.0, 0.5 … 3.5" for 2.7 and 3.1; "0, 2.5, 5,
  // 7.5"): a step of fewer decimals reads cleaner, when it leaves at most a quarter of its axis empty.
  const cleaner = ranges.filter(
    (r) => fractionDigits(r.step) < fractionDigits(best.step) && (hi - lo) / (r.max - r.min) >= 0.75 - 1e-9,
  );
  return cleaner.length ? tightest(cleaner) : best;
}

/** Digits after the point a number is written with: 0.5 → 1, 2.5 → 1, 5 → 0, 0.25 → 2. */
function fractionDigits(n: number): number {
  const s = String(n);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

/**
 * Two ranges with the same number of 1-2-5 steps, so that the gridlines of both axes coincide.
 * When both or neither go below zero, they have as many steps below and above zero: the zero
 * lines coincide too. When only one does, the other starts at zero (a volume axis never reads
 * −2.5) and the negative one starts at a step below its lowest value.
 */
export function alignedRanges(a: [number, number], b: [number, number]): [AxisRange, AxisRange] {
  const spans = [a, b].map(([lo, hi]) => [Math.min(lo, 0), Math.max(hi, 0)] as const);
  const wasteOf = (ranges: AxisRange[]) =>
    spans.reduce((w, [lo, hi], i) => w + 1 - (hi - lo) / (ranges[i]!.max - ranges[i]!.min), 0);
  let best: { waste: number; ranges: [AxisRange, AxisRange] } | undefined;
  if (spans[0]![0] < 0 !== spans[1]![0] < 0) {
    for (let n = 4; n <= 6; n++) {
      const ranges = spans.map(([lo, hi]) => {
        const step = niceStep((hi - lo) / n, ROUND);
        const min = clean(Math.floor(lo / step + 1e-9) * step);
        const max = clean(min + n * step);
        return max >= hi - 1e-9 ? { min, max, step } : undefined;
      });
      if (ranges.some((r) => !r)) continue;
      const waste = wasteOf(ranges as AxisRange[]);
      if (!best || waste < best.waste - 1e-9) best = { waste, ranges: ranges as [AxisRange, AxisRange] };
    }
    if (best) return best.ranges;
  }
  for (let n = 4; n <= 6; n++) {
    for (let below = 0; below <= n; below++) {
      const above = n - below;
      const ranges = spans.map(([lo, hi]) => {
        if ((lo < 0 && below === 0) || (hi > 0 && above === 0)) return undefined;
        const step = niceStep(Math.max(below ? -lo / below : 0, above ? hi / above : 0) || 1, ROUND);
        return { min: clean(-below * step), max: clean(above * step), step };
      });
      if (ranges.some((r) => !r)) continue;
      const [ra, rb] = ranges as [AxisRange, AxisRange];
      const waste = wasteOf([ra, rb]);
      if (!best || waste < best.waste - 1e-9) best = { waste, ranges: [ra, rb] };
    }
  }
  return best!.ranges;
}

/**
 * A scatter chart's two axes: a little room beyond the outermost points, so no marker sits on
 * an axis line and no name beside a point meets the tick labels. Both renderers draw these.
 */
export function scatterRanges(xs: readonly number[], ys: readonly number[]): { x: AxisRange; y: AxisRange } {
  const range = (v: readonly number[]) => {
    const lo = v.reduce((a, b) => Math.min(a, b), Infinity);
    const hi = v.reduce((a, b) => Math.max(a, b), -Infinity);
    const pad = (hi - lo) * 0.06;
    return niceRange(lo - pad, hi + pad, false);
  };
  return { x: range(xs), y: range(ys) };
}
