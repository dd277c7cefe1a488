import type { Cell, DataTable } from '../model.js';

/**
 * Rows of a table that make one deck each (`each:`) or one slide each (`repeat:`): which column
 * a `row.name` means, and the id that names a row's deck file.
 */

/** The row being filled in: a deck's (`each:`) or a slide's (`repeat:`). */
export interface RowScope {
  table: DataTable;
  index: number;
  /** How messages name the row: its id for a deck, else its first cell. */
  label: string;
}

/** `GDP (CNY trillion)` → `gdp_cny_trillion`: how a column with spaces can be named after `row.`. */
export function columnSlug(column: string): string {
  return column
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** The column `name` stands for: written exactly, or as its slug (`gdp_cny_trillion`). */
export function findColumn(columns: readonly string[], name: string): number | undefined {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const slug = columnSlug(name);
  const bySlug = columns.findIndex((c) => columnSlug(c) === slug);
  return bySlug >= 0 ? bySlug : undefined;
}

/** The names `row.` accepts for a table's columns: the slug where the column itself is not a plain name. */
export function columnNames(columns: readonly string[]): string[] {
  return columns.map((c) => (/^[A-Za-z_][\w-]*$/.test(c) ? c : columnSlug(c) || c));
}

/**
 * A file-name-safe id: letters and digits of any script (Chinese names stay readable), lower
 * case, everything else one `-`; at most 60 characters. Stable: it depends only on the cell.
 */
export function rowId(cell: Cell): string {
  if (cell === null) return '';
  return String(cell)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The column that names the decks: the one chosen, else one called `id` or `key`, else the first. */
export function idColumn(table: DataTable, chosen: string | undefined): number | undefined {
  if (chosen !== undefined) return findColumn(table.columns, chosen);
  const named = table.columns.findIndex((c) => /^(id|key)$/i.test(c.trim()));
  return named >= 0 ? named : 0;
}

/** A row as people name it: its first cell, or its number. */
export function rowLabel(table: DataTable, index: number): string {
  const first = table.rows[index]?.[0];
  return first === null || first === undefined || first === '' ? `row ${index + 1}` : String(first);
}

/** `row.region`, `row["GDP (CNY trillion)"]`: a cell of the current row. */
export const isRowKey = (key: string) => key === 'row' || key.startsWith('row.');
