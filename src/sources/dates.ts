import { MONTHS_LONG } from '../format.js';
/**
 * Dates in outlines and sources are ISO 8601 (2025-10-27, or 2025-10, or 2025): the one form
 * that reads the same to every reader and sorts. Others (27/10/2025: which is the month?) and
 * impossible ones (2025-02-30, which would roll over to March) are problems, with the ISO form
 * when it can be told.
 */
export function dateProblem(value: string | number): { message: string; suggestion?: string } | undefined {
  const text = String(value).trim();
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1000 && value <= 9999
      ? undefined
      : { message: `${text} is not a date; write it as YYYY-MM-DD, e.g. 2025-10-27` };
  }
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    if (m !== undefined && (Number(m) < 1 || Number(m) > 12)) return { message: `${text} has no month ${m}` };
    if (d !== undefined) {
      const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
      if (Number(d) < 1 || Number(d) > days)
        return { message: `${text} is not a date: ${monthName(Number(m))} ${y} has ${days} days` };
    }
    return undefined;
  }
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const suggestion = dmy ? unambiguous(Number(dmy[3]), Number(dmy[1]), Number(dmy[2])) : undefined;
  return {
    message: `${text} is not written as YYYY-MM-DD${dmy && !suggestion ? ' (day and month cannot be told apart)' : ''}`,
    ...(suggestion ? { suggestion } : {}),
  };
}

const monthName = (m: number) => MONTHS_LONG[m - 1] ?? `month ${m}`;
const pad = (n: number) => String(n).padStart(2, '0');

/** 27/10/2025 can only be 27 October; 03/04/2025 could be either. */
function unambiguous(y: number, a: number, b: number): string | undefined {
  const asDayMonth = a > 12 && b <= 12;
  const asMonthDay = b > 12 && a <= 12;
  if (asDayMonth === asMonthDay) return undefined;
  const [d, m] = asDayMonth ? [a, b] : [b, a];
  const candidate = `${y}-${pad(m)}-${pad(d)}`;
  return dateProblem(candidate) ? undefined : candidate;
}
