import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import type { DataEntry } from '../model.js';

/**
 * Freshness: an outline's `max_age` against each figure's `as_of`, counted back from the deck's
 * `date` (not today: the same inputs must give the same result on any day). A figure dated by a
 * year or month counts from the end of that period: `as_of: 2024` is fresh until 2024-12-31 plus
 * the age allowed.
 */

const DAY = 86_400_000;

/** The last day a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYYQn covers; undefined if none of these. */
export function periodEnd(asOf: string): Date | undefined {
  const text = asOf.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]!, 0));
  m = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(text);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! * 3, 0));
  m = /^(\d{4})$/.exec(text);
  if (m) return new Date(Date.UTC(+m[1]!, 11, 31));
  return undefined;
}

/** The date a `max_age` before `date`: months and years by the calendar. */
function oldestAllowed(date: Date, maxAge: string): Date {
  const n = Number(maxAge.slice(0, -1));
  const unit = maxAge.slice(-1);
  const d = new Date(date);
  if (unit === 'd') return new Date(date.getTime() - n * DAY);
  if (unit === 'w') return new Date(date.getTime() - n * 7 * DAY);
  if (unit === 'm') d.setUTCMonth(d.getUTCMonth() - n);
  else d.setUTCFullYear(d.getUTCFullYear() - n);
  return d;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Warns (an error with --strict) about each figure the deck shows that is older than `max_age` allows. */
export function checkFreshness(
  maxAge: { value: string; at: Origin },
  deckDate: { value: string | number | undefined; at: Origin },
  used: ReadonlySet<string>,
  entries: ReadonlyMap<string, DataEntry>,
  diagnostics: Diagnostics,
): void {
  const date = deckDate.value === undefined ? undefined : periodEnd(String(deckDate.value));
  if (!date) {
    diagnostics.warn(
      'stale-data',
      'max_age needs the deck `date` (YYYY-MM-DD) to count the age of figures from',
      maxAge.at,
      'add `date: 2025-10-27` (the day the deck is for) to the outline',
    );
    return;
  }
  const limit = oldestAllowed(date, maxAge.value);
  for (const key of [...used].sort()) {
    const entry = entries.get(key);
    if (!entry?.asOf) continue;
    const end = periodEnd(entry.asOf);
    if (!end) {
      diagnostics.warn(
        'stale-data',
        `\`${key}\` has as_of \`${entry.asOf}\`, which is not a date, so its age is unknown`,
        entry.at,
        'write as_of as 2024, 2024-09, 2024-Q3 or 2024-09-30',
      );
    } else if (end < limit) {
      const days = Math.round((date.getTime() - end.getTime()) / DAY);
      diagnostics.warn(
        'stale-data',
        `\`${key}\` is as of ${entry.asOf}, ${days} days before the deck date ${day(date)}; max_age is ${maxAge.value}`,
        entry.at,
        {
          hint: `update the figure and its as_of, or allow an older one with a larger max_age`,
          related: [{ at: maxAge.at, message: 'max_age is set here' }],
        },
      );
    }
  }
}
