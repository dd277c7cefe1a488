import { createHash } from 'node:crypto';
import type { DataEntry, DataSet } from '../model.js';

/**
 * A hash of what a deck's data says, not of the files it is written in: lets the deck of one
 * row of an `each:` table be skipped when another row changes. With `row`, the table counts
 * only by its columns, unit, source and that row (for a deck that reads the table only through
 * `row.…`); without, the whole table counts. Positions (`at`) are left out: moving a line
 * changes no deck.
 */
export function dataFingerprint(data: DataSet, row?: { key: string; index: number }): string {
  const entries = [...data.entries.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) =>
      row && e.key === row.key && e.kind === 'table' ? { ...content(e), rows: [e.rows[row.index]] } : content(e),
    );
  const sources = [...data.sources.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ at: _at, ...rest }) => rest);
  return createHash('sha256').update(JSON.stringify({ entries, sources })).digest('hex');
}

function content(e: DataEntry): Record<string, unknown> {
  const { at: _at, ...rest } = e;
  if (rest.kind !== 'table') return rest;
  const { rowAt: _rows, cellAt: _cells, ...table } = rest;
  return table;
}
