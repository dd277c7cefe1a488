import { hasEastAsian, isChinese } from './script.js';

/**
 * Number formatting shared by slide text, stats, tables and chart axes, so that a figure
 * reads the same wherever it appears. Pure and locale-aware.
 */

export interface FormatSpec {
  /** Show the unit (default) or the bare number. */
  withUnit: boolean;
  decimals?: number;
  compact: boolean;
  /** Treat the value as a fraction and show it as a percentage. */
  percent: boolean;
  /** Show the value exactly as written in the data file. */
  raw: boolean;
}

export const FILTERS = ['number', 'percent', 'compact', 'fixed', 'currency', 'raw'] as const;
export type FilterName = (typeof FILTERS)[number];

export interface FilterCall {
  name: string;
  arg?: string;
}

export const DEFAULT_FORMAT: FormatSpec = { withUnit: true, compact: false, percent: false, raw: false };

/** Folds a filter chain into one spec; returns an error message for a bad filter or argument. */
export function specFromFilters(
  filters: readonly FilterCall[],
): FormatSpec | { error: string; filter: string; kind: 'unknown' | 'argument' } {
  const spec: FormatSpec = { ...DEFAULT_FORMAT };
  for (const f of filters) {
    switch (f.name) {
      case 'number':
        spec.withUnit = false;
        break;
      case 'percent':
        spec.percent = true;
        break;
      case 'compact':
        spec.compact = true;
        break;
      case 'currency':
        spec.withUnit = true;
        break;
      case 'raw':
        spec.raw = true;
        break;
      case 'fixed': {
        const n = f.arg === undefined ? NaN : Number(f.arg);
        if (!Number.isInteger(n) || n < 0 || n > 6) {
          return {
            error: `\`fixed\` needs a number of decimals from 0 to 6, as in \`fixed(1)\`${f.arg === undefined ? '' : `, not \`${f.arg}\``}`,
            filter: f.name,
            kind: 'argument',
          };
        }
        spec.decimals = n;
        break;
      }
      default:
        return { error: `unknown filter \`${f.name}\``, filter: f.name, kind: 'unknown' };
    }
    if (f.name !== 'fixed' && f.arg !== undefined) {
      return { error: `the \`${f.name}\` filter takes no argument`, filter: f.name, kind: 'argument' };
    }
  }
  return spec;
}

/** Parses "fixed(1)", "fixed: 1" or "number". */
export function parseFilter(text: string): FilterCall {
  const m = /^\s*([A-Za-z_][\w-]*)\s*(?:\(\s*([^)]*?)\s*\)|:\s*(.+?))?\s*$/.exec(text);
  if (!m) return { name: text.trim() };
  const arg = m[2] ?? m[3];
  return arg === undefined || arg === '' ? { name: m[1]! } : { name: m[1]!, arg };
}

const CURRENCY_PREFIX: Record<string, string> = { USD: 'US$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };
const CURRENCY_SUFFIX: Record<string, { en: string; zh: string }> = {
  CNY: { en: 'yuan', zh: '元' },
  RMB: { en: 'yuan', zh: '元' },
};
const ZH_SCALE: Record<string, string> = { trillion: '万亿', billion: '亿', million: '百万', thousand: '千' };
const ZH_SCALE_FACTOR: Record<string, number> = { trillion: 1, billion: 10, million: 1, thousand: 1 };
const ZH_CURRENCY: Record<string, string> = {
  USD: '美元',
  EUR: '欧元',
  GBP: '英镑',
  JPY: '日元',
  HKD: '港元',
  CNY: '元',
  RMB: '元',
};

/** Formats a bare number: grouping, decimals and compact notation by locale. */
export function formatNumber(
  value: number,
  spec: Pick<FormatSpec, 'decimals' | 'compact'>,
  lang: string,
  grouping = true,
): string {
  if (isChinese(lang)) {
    const zh = grouping ? chineseScaled(value, spec) : undefined;
    if (zh !== undefined) return zh;
    grouping = false;
  }
  const options: Intl.NumberFormatOptions =
    spec.decimals !== undefined
      ? { minimumFractionDigits: spec.decimals, maximumFractionDigits: spec.decimals }
      : { maximumFractionDigits: Math.abs(value) >= 100 ? 1 : 2 };
  if (spec.compact) {
    options.notation = 'compact';
    if (spec.decimals === undefined) options.maximumFractionDigits = 1;
  }
  // 0 decimals for integers regardless of magnitude; keep what the data file wrote otherwise.
  if (spec.decimals === undefined && !spec.compact) options.maximumFractionDigits = Math.max(decimalsOf(value), 0);
  if (!grouping) options.useGrouping = false;
  return numberFormat(lang, options).format(value);
}

/**
 * Building an Intl.NumberFormat costs far more than using one, and a chart's axis and labels
 * ask for the same few formats hundreds of times. The options objects above always list their
 * keys in the same order, so their JSON names them.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang, options)));
  return format;
}

/**
 * A number as Chinese writes it: 12万, 1.5亿, never 120,000. Only when the 万 or 亿 form is
 * exact to two decimals; otherwise the caller writes the digits, ungrouped (123456), as Chinese
 * official text does. A scale word already groups the digits, so no separators go beside it.
 */
export function chineseScaled(value: number, spec: Pick<FormatSpec, 'decimals' | 'compact'>): string | undefined {
  if (spec.decimals !== undefined || spec.compact || !Number.isFinite(value)) return undefined;
  const abs = Math.abs(value);
  if (abs < 1e4) return undefined;
  const [factor, word] = abs >= 1e12 ? [1e12, '万亿'] : abs >= 1e8 ? [1e8, '亿'] : [1e4, '万'];
  const scaled = Number((value / factor).toPrecision(12));
  if (Math.round(scaled * 100) !== Number((scaled * 100).toPrecision(12))) return undefined;
  return `${scaled}${word}`;
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const s = String(value);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
}

/** A value with its unit, e.g. "US$6.16 trillion", "48.3%", "22 zones", "6.16万亿美元". */
export function formatValue(value: number | string, unit: string | undefined, spec: FormatSpec, lang: string): string {
  if (typeof value === 'string' || spec.raw) return String(value);
  if (spec.percent) {
    const shown = unit === '%' ? value : value * 100;
    return `${formatNumber(shown, spec, lang)}%`;
  }
  const number = formatNumber(value, spec, lang);
  if (!spec.withUnit || !unit) return number;
  return attachUnit(number, value, unit, spec, lang);
}

function attachUnit(number: string, value: number, unit: string, spec: FormatSpec, lang: string): string {
  if (unit === '%' || unit === '‰' || unit === '°') return `${number}${unit}`;
  const [code, ...rest] = unit.split(/\s+/);
  const scale = rest.join(' ');
  if (isChinese(lang) && code && ZH_CURRENCY[code]) {
    let zhScale = ZH_SCALE[scale] ?? scale;
    let factor = ZH_SCALE_FACTOR[scale] ?? 1;
    // 7.2万亿美元, not 72000亿美元.
    if (zhScale === '亿' && Math.abs(value * factor) >= 1e4) [zhScale, factor] = ['万亿', factor / 1e4];
    // 7200亿, not 7,200亿: a Chinese scale word already groups the digits.
    const n = formatNumber(Number((value * factor).toPrecision(12)), spec, lang, !zhScale || zhScale === scale);
    return `${n}${zhScale}${ZH_CURRENCY[code]}`;
  }
  if (code && CURRENCY_PREFIX[code]) return `${CURRENCY_PREFIX[code]}${number}${scale ? ` ${scale}` : ''}`;
  if (code && CURRENCY_SUFFIX[code]) return `${number}${scale ? ` ${scale}` : ''} ${CURRENCY_SUFFIX[code].en}`;
  if (hasEastAsian(unit[0] ?? '')) return `${number}${unit}`;
  return `${number} ${singular(unit, value)}`;
}

/** What a raw number of a unit is called: for an axis title (no figure beside it). */
const ZH_SCALE_NAME: Record<string, string> = { trillion: '万亿', billion: '十亿', million: '百万', thousand: '千' };

/**
 * A data file's unit as a reader is shown it without a figure, as on a value axis: "US$ trillion"
 * for USD trillion (the text beside the chart says "US$2.7 trillion", never "USD"), "trillion
 * yuan" for CNY trillion, "万亿美元" or "十亿美元" in Chinese (the axis holds the data's own
 * numbers, so a billion is 十亿, not the 亿 of a rescaled label). Other units are shown as written.
 */
export function unitName(unit: string, lang: string): string {
  const [code, ...rest] = unit.split(/\s+/);
  const scale = rest.join(' ');
  if (!code) return unit;
  if (isChinese(lang) && ZH_CURRENCY[code] && (!scale || ZH_SCALE_NAME[scale]))
    return `${scale ? ZH_SCALE_NAME[scale] : ''}${ZH_CURRENCY[code]}`;
  if (CURRENCY_PREFIX[code]) return scale ? `${CURRENCY_PREFIX[code]} ${scale}` : CURRENCY_PREFIX[code];
  if (CURRENCY_SUFFIX[code]) return scale ? `${scale} ${CURRENCY_SUFFIX[code].en}` : CURRENCY_SUFFIX[code].en;
  return unit;
}

/** "1 years" reads wrong; the plural is what data files usually hold. */
function singular(unit: string, value: number): string {
  if (value !== 1) return unit;
  if (/ies$/.test(unit)) return unit.replace(/ies$/, 'y');
  if (/s$/.test(unit) && !/ss$/.test(unit)) return unit.slice(0, -1);
  return unit;
}

/** The colon between a label and its value: full width after Chinese text or in a Chinese deck ("投资：1600亿美元"). */
export function labelColon(label: string, lang: string): string {
  return isChinese(lang) || hasEastAsian(label) ? '：' : ': ';
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The parts of a YYYY-MM-DD day, or undefined for any other text (or a month that does not exist). */
export function calendarDay(date: string): { year: string; month: number; day: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: m[1]!, month, day: m[3]! } : undefined;
}

/** "2025-10-27" → "27 Oct 2025" (en) or "2025年10月27日" (zh); other text unchanged. */
export function formatDate(date: string, lang: string, long = false): string {
  const day = calendarDay(date);
  if (!day) return date;
  const { year, month } = day;
  if (isChinese(lang)) return `${year}年${month}月${Number(day.day)}日`;
  return `${Number(day.day)} ${(long ? MONTHS_LONG : MONTHS_SHORT)[month - 1]} ${year}`;
}
