import { isChinese } from '../script.js';

/**
 * Categories that are dates, months, quarters or years: recognised from the data's labels,
 * written the way the deck's language writes them ("Jan 24", "2024年1月", "Q1 2024"), and
 * thinned to ticks that fall on calendar boundaries (every quarter, every January …).
 */

export type TimeUnit = 'day' | 'month' | 'quarter' | 'year';

export interface TimeAxis {
  unit: TimeUnit;
  /** Each category as a count of its unit (months since year 0, days since 1970, …): for thinning. */
  index: number[];
  /** The categories as the deck's language writes them. */
  labels: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS_SHOWN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_QUARTERS = ['一', '二', '三', '四'];

interface Parsed {
  unit: TimeUnit;
  year: number;
  /** month 1-12, quarter 1-4 */
  part: number;
  day: number;
}

function monthOfName(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 || !/^[a-z]+$/i.test(name) ? 0 : i + 1;
}

function parse(label: string): Parsed | undefined {
  const s = label.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s)))
    return { unit: 'day', year: +m[1]!, part: +m[2]!, day: +m[3]! };
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s))) return { unit: 'month', year: +m[1]!, part: +m[2]!, day: 1 };
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(s))) return { unit: 'month', year: +m[1]!, part: +m[2]!, day: 1 };
  if ((m = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(s)) && monthOfName(m[1]!))
    return { unit: 'month', year: +m[2]!, part: monthOfName(m[1]!), day: 1 };
  if ((m = /^(\d{4})\s*[-\s]?\s*Q([1-4])$/i.exec(s))) return { unit: 'quarter', year: +m[1]!, part: +m[2]!, day: 1 };
  if ((m = /^Q([1-4])\s*[-\s]?\s*(\d{4})$/i.exec(s))) return { unit: 'quarter', year: +m[2]!, part: +m[1]!, day: 1 };
  if ((m = /^(\d{4})$/.exec(s)) && +m[1]! >= 1800 && +m[1]! <= 2200)
    return { unit: 'year', year: +m[1]!, part: 1, day: 1 };
  return undefined;
}

const validPart = (p: Parsed) =>
  (p.unit !== 'month' && p.unit !== 'day') || (p.part >= 1 && p.part <= 12 && p.day >= 1 && p.day <= 31);

/** The time axis of these categories, or undefined when they are not all of one kind of date. */
export function timeAxisOf(labels: readonly string[], lang: string): TimeAxis | undefined {
  if (labels.length < 2) return undefined;
  const parsed = labels.map(parse);
  if (parsed.some((p) => !p || !validPart(p))) return undefined;
  const all = parsed as Parsed[];
  let unit = all[0]!.unit;
  if (all.some((p) => p.unit !== unit)) return undefined;
  // Dates all on the same day of the month are monthly figures dated by convention.
  if (unit === 'day' && all.every((p) => p.day === all[0]!.day) && new Set(all.map((p) => p.part)).size > 1)
    unit = 'month';
  const zh = isChinese(lang);
  const spansYears = new Set(all.map((p) => p.year)).size > 1;
  const index = all.map((p) =>
    unit === 'day'
      ? Math.round(Date.UTC(p.year, p.part - 1, p.day) / 86_400_000)
      : unit === 'month'
        ? p.year * 12 + p.part - 1
        : unit === 'quarter'
          ? p.year * 4 + p.part - 1
          : p.year,
  );
  const shown = all.map((p) => {
    switch (unit) {
      case 'year':
        return zh ? `${p.year}年` : String(p.year);
      case 'quarter':
        return zh ? `${p.year}年${ZH_QUARTERS[p.part - 1]}季度` : `Q${p.part} ${p.year}`;
      case 'month':
        return zh ? `${p.year}年${p.part}月` : `${MONTHS_SHOWN[p.part - 1]} ${String(p.year).slice(2)}`;
      case 'day':
        if (zh) return spansYears ? `${p.year}年${p.part}月${p.day}日` : `${p.part}月${p.day}日`;
        return `${p.day} ${MONTHS_SHOWN[p.part - 1]}${spansYears ? ` ${String(p.year).slice(2)}` : ''}`;
    }
  });
  return { unit, index, labels: shown };
}

/** Steps between ticks that fall on calendar boundaries, per unit. */
const STEPS: Record<TimeUnit, number[]> = {
  day: [1, 2, 7, 14, 28, 91, 182, 364],
  month: [1, 2, 3, 6, 12, 24, 60],
  quarter: [1, 2, 4, 8, 20],
  year: [1, 2, 5, 10, 20, 50],
};

/**
 * Which categories get a tick label: at most `room` of them, on calendar boundaries (every
 * 3rd month from January, every 2nd quarter from Q1, …), so the ticks are evenly spaced.
 */
export function ticksToShow(axis: Pick<TimeAxis, 'unit' | 'index'>, room: number): Set<number> {
  const n = axis.index.length;
  const first = axis.index[0]!;
  const last = axis.index[n - 1]!;
  const span = Math.abs(last - first) + 1;
  const steps = STEPS[axis.unit];
  const step = steps.find((s) => Math.ceil(span / s) <= Math.max(2, room)) ?? steps[steps.length - 1]!;
  const shown = new Set<number>();
  if (step === 1) {
    axis.index.forEach((_, i) => shown.add(i));
    return shown;
  }
  // Days: a step of 7 starts from the first day; longer ones from a month's first day.
  axis.index.forEach((k, i) => {
    const anchor = axis.unit === 'day' && step < 28 ? k - first : k;
    if (((anchor % step) + step) % step === 0) shown.add(i);
  });
  // Uneven or sparse data may hit no boundary: fall back to every step-th category.
  if (shown.size < 2) {
    shown.clear();
    for (let i = 0; i < n; i += Math.ceil(n / Math.max(2, room))) shown.add(i);
  }
  return shown;
}
