import type { DataEntry } from '../model.js';
import type { Origin } from '../sources/origin.js';

/**
 * What a report of changes compares between two builds of a deck: every figure the outline
 * could show (each value, series point and table cell, as text), the slides each data key is
 * used on, and a label for each slide (to say which slides were added or removed).
 */
export interface DeckSnapshot {
  /** `key` for a value; `key[label]` or `key[dataset, label]` for a point; `key[row, column]` for a cell. */
  values: Record<string, string>;
  /** Data key → slide numbers (1-based, in the deck) whose part of the outline names it. */
  uses: Record<string, number[]>;
  slides: string[];
}

export interface ValueChange {
  /** The figure, as in `values`. */
  name: string;
  key: string;
  before?: string;
  after?: string;
  slides: number[];
}

export interface DeckChanges {
  values: ValueChange[];
  slidesAdded: { slide: number; label: string }[];
  slidesRemoved: { slide: number; label: string }[];
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function flatten(entries: readonly DataEntry[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const e of entries) {
    if (e.kind === 'value') values[e.key] = String(e.value);
    else if (e.kind === 'series') {
      for (const d of e.datasets) {
        e.labels.forEach((label, i) => {
          const name = e.datasets.length > 1 ? `${e.key}[${d.label}, ${label}]` : `${e.key}[${label}]`;
          values[name] = cellText(d.values[i]);
        });
      }
    } else {
      // A row is named by its first cell (a region, a year) when that is text, else by its number.
      e.rows.forEach((row, r) => {
        const first = row[0];
        const rowName = snapshotRowName(e, r);
        e.columns.forEach((column, c) => {
          if (c === 0 && rowName === first) return;
          values[`${e.key}[${rowName}, ${column}]`] = cellText(row[c]);
        });
      });
    }
  }
  return values;
}

/** A table row as `values` names it: by its first cell (a region, a year) when that is text, else by its number. */
export function snapshotRowName(table: { rows: readonly (readonly unknown[])[] }, r: number): string {
  const first = table.rows[r]?.[0];
  return typeof first === 'string' && first ? first : `row ${r + 1}`;
}

/**
 * Data keys as an outline names them: in `{{ key | filter }}`, and as the value of `data:`, `value:`,
 * `table:`, `repeat:` or `each:`.
 */
const KEY_USE =
  /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)|\b(?:data|value|table|repeat|each)\s*:\s*["']?([A-Za-z_][\w-]*(?:\.[\w-]+)*)/g;

/** The row a deck of an `each:` outline is for: its table's key, and the row as `values` names it. */
export interface SnapshotRow {
  key: string;
  rowName: string;
}

/** A slide's label: its `title:` if its part of the outline has one, else that part's first line. */
function slideLabel(text: string): string {
  const title = /(?:^|\n)\s*(?:-\s*)?title\s*:\s*(.+)/.exec(text)?.[1] ?? text.split('\n')[0] ?? '';
  return title.trim().replace(/^["']|["']$/g, '');
}

/**
 * What a report of changes compares. A deck of one row (`each:`) compares only its own row of
 * the table, and counts the slides that name `row.…` as uses of the table.
 */
export function snapshotOf(
  data: readonly DataEntry[] | undefined,
  slideOrigins: readonly Origin[] | undefined,
  outlineText: string | undefined,
  row?: SnapshotRow,
): DeckSnapshot {
  const keys = new Set((data ?? []).map((e) => e.key));
  const uses: Record<string, number[]> = {};
  const slides: string[] = [];
  (slideOrigins ?? []).forEach((at, i) => {
    const text = at.kind === 'range' && outlineText !== undefined ? outlineText.slice(at.start, at.end) : '';
    slides.push(slideLabel(text));
    for (const m of text.matchAll(KEY_USE)) {
      const named = m[1] ?? m[2]!;
      const key = row && (named === 'row' || named.startsWith('row.')) ? row.key : named;
      if (!keys.has(key)) continue;
      const list = (uses[key] ??= []);
      if (!list.includes(i + 1)) list.push(i + 1);
    }
  });
  const values = flatten(data ?? []);
  if (row) {
    const own = `${row.key}[${row.rowName}, `;
    for (const name of Object.keys(values))
      if (name.startsWith(`${row.key}[`) && !name.startsWith(own)) delete values[name];
  }
  return { values, uses, slides };
}

/** The key a figure's name belongs to: `trade.goods[2024]` → `trade.goods`. */
const keyOf = (name: string) => name.replace(/\[.*$/, '');

/** Figures that changed, appeared or went since the previous build, and slides added or removed. */
export function diffSnapshots(before: DeckSnapshot | undefined, after: DeckSnapshot): DeckChanges {
  const changes: DeckChanges = { values: [], slidesAdded: [], slidesRemoved: [] };
  if (!before) return changes;
  const names = [...new Set([...Object.keys(before.values), ...Object.keys(after.values)])];
  for (const name of names) {
    const a = before.values[name];
    const b = after.values[name];
    if (a === b) continue;
    const key = keyOf(name);
    const slides = after.uses[key] ?? before.uses[key] ?? [];
    changes.values.push({
      name,
      key,
      ...(a !== undefined ? { before: a } : {}),
      ...(b !== undefined ? { after: b } : {}),
      slides,
    });
  }
  const remaining = [...before.slides];
  after.slides.forEach((label, i) => {
    const at = remaining.indexOf(label);
    if (at >= 0) remaining[at] = '\u0000';
    else changes.slidesAdded.push({ slide: i + 1, label });
  });
  const added = [...after.slides];
  before.slides.forEach((label, i) => {
    const at = added.indexOf(label);
    if (at >= 0) added[at] = '\u0000';
    else changes.slidesRemoved.push({ slide: i + 1, label });
  });
  return changes;
}

/** `trade.goods_2024: 6.16 → 6.21 (slides 3, 11)` */
export function describeChange(c: ValueChange): string {
  const where = c.slides.length
    ? `${c.slides.length === 1 ? 'slide' : 'slides'} ${c.slides.join(', ')}`
    : 'on no slide';
  const what =
    c.before === undefined
      ? `new: ${c.after}`
      : c.after === undefined
        ? `removed (was ${c.before})`
        : `${c.before} → ${c.after}`;
  return `${c.name}: ${what} (${where})`;
}
