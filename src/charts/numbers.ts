import { formatValue, type FormatSpec } from '../format.js';
import type { ChartModel } from '../model.js';

/**
 * How a chart writes its numbers, shared by the picture and the native chart so that both
 * say the same: one precision per chart, a true minus sign, shares that add up.
 */

/** U+2212: a hyphen reads as a dash and is easy to miss before a number. */
export const MINUS = '\u2212';

/** A hyphen-minus before a digit (or a currency sign and a digit) becomes a true minus sign. */
export function trueMinus(text: string): string {
  return text.replace(/-(?=[\p{Sc}A-Z$]*\d)/gu, MINUS);
}

/** Decimals a value was written with (6 at most): 5.25 → 2, 40 → 0. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const s = String(Math.abs(value));
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
}

/** The chart's one precision for values: the `fixed(n)` filter, else the most the data uses (2 at most). */
export function chartDecimals(chart: Pick<ChartModel, 'datasets' | 'format'>): number {
  if (chart.format.decimals !== undefined) return chart.format.decimals;
  return Math.min(2, Math.max(0, ...chart.datasets.flatMap((d) => d.values.map(decimalsOf))));
}

/**
 * Decimals for percentage shares of these parts: the fewest (0 to 2) with which every
 * group's rounded shares add up to 100 and no non-zero part reads as 0; never fewer than
 * `atLeast` (the data's own precision when its values are already percentages).
 */
export function shareDecimals(groups: readonly (readonly number[])[], atLeast = 0): number {
  for (let d = Math.min(2, atLeast); d <= 2; d++) {
    const ok = groups.every((parts) => {
      const total = parts.reduce((a, v) => a + Math.abs(v), 0);
      if (!total) return true;
      const rounded = parts.map((v) => round((100 * Math.abs(v)) / total, d));
      const sum = round(
        rounded.reduce((a, v) => a + v, 0),
        d,
      );
      return Math.abs(sum - 100) < 1e-9 && parts.every((v, i) => v === 0 || rounded[i]! > 0);
    });
    if (ok) return d;
  }
  return 2;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f + Math.sign(value) * 1e-9) / f;
}

/** Values that are already percentages of one whole (a unit of % and a sum of about 100). */
export function arePercentagesOfWhole(values: readonly number[], unit: string | undefined): boolean {
  if (unit !== '%') return false;
  const sum = values.reduce((a, v) => a + v, 0);
  return Math.abs(sum - 100) <= 0.5;
}

/** A number as a chart writes it: the chart's precision and locale, a true minus, with or without the unit. */
export function chartNumber(
  value: number,
  unit: string | undefined,
  spec: FormatSpec,
  decimals: number,
  lang: string,
  withUnit: boolean,
): string {
  return trueMinus(formatValue(value, unit, { ...spec, decimals, withUnit }, lang));
}

/** A share as a chart writes it: "38.3%". */
export function shareText(share: number, decimals: number, lang: string): string {
  return trueMinus(
    formatValue(
      round(share, decimals),
      '%',
      { withUnit: true, compact: false, percent: false, raw: false, decimals },
      lang,
    ),
  );
}

/** Decimals for axis ticks `step` apart: enough to tell neighbours apart, no more. */
export function stepDecimals(step: number): number {
  return Math.min(6, decimalsOf(Number(step.toPrecision(6))));
}

/** A number as Excel writes it with `#,##0.00` (or `0.00` ungrouped): what a native chart's label shows. */
function excelWritten(value: number, decimals: number, grouped: boolean): string {
  return trueMinus(
    value.toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouped,
    }),
  );
}

/**
 * The text around the number in labels with a unit ("US$" and " billion" in "US$160 billion"; "0亿美元"
 * after 160 in "1600亿美元"), when one fixed text before and after a number Excel writes gives every
 * label exactly as the picture writes it. Undefined when no fixed text does (a scale word that
 * changes with the value: 7.2万亿 beside 7200亿), and the native label keeps the bare number.
 */
export function unitAffixes(
  values: readonly number[],
  unit: string | undefined,
  spec: FormatSpec,
  decimals: number,
  lang: string,
): { before: string; after: string; grouped: boolean } | undefined {
  if (!unit || unit === '%' || !values.length) return undefined;
  for (const grouped of [true, false]) {
    const written = (v: number) => excelWritten(v, decimals, grouped);
    const first = chartNumber(values[0]!, unit, spec, decimals, lang, true);
    const at = first.indexOf(written(values[0]!));
    if (at < 0) continue;
    const before = first.slice(0, at);
    const after = first.slice(at + written(values[0]!).length);
    if (!before && !after) return undefined;
    // Digits written after the number (a scale folded in: 160 → "1600亿") must not be grouped apart from it.
    if (grouped && /^\d/.test(after)) continue;
    if (values.every((v) => chartNumber(v, unit, spec, decimals, lang, true) === `${before}${written(v)}${after}`))
      return { before, after, grouped };
  }
  return undefined;
}
