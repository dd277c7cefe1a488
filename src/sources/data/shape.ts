import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { Cell, DataEntry } from '../../model.js';
import type { Where } from './location.js';

/** How rows read from a workbook or a query become an entry. */
export const SHAPES = ['table', 'series', 'value'] as const;
export type Shape = (typeof SHAPES)[number];

/** Rows under a header, as read from a sheet, a range or a query result. */
export interface Grid {
  columns: string[];
  rows: Cell[][];
  /** A unit per column where the data itself says so (a percentage format: `%`). */
  units?: (string | undefined)[];
}

export interface EntryMeta {
  key: string;
  at: Where;
  unit?: string;
  source?: string | string[];
  asOf?: string;
  note?: string;
}

/** Reports one cell's problem where the cell is (a workbook cell) or at the entry (a query row). */
export type CellProblem = (row: number, column: number, message: string, hint?: string) => void;

/**
 * A grid as a table (as it is), a series (first column = labels, every other column a dataset of
 * numbers) or a value (exactly one cell). Reports every bad cell, not only the first.
 */
export function shapeEntry(
  grid: Grid,
  as: Shape,
  meta: EntryMeta,
  diagnostics: Diagnostics,
  problem: CellProblem,
  where: { rowAt: (r: number) => Where; cellAt: (r: number, c: number) => Where },
): DataEntry | undefined {
  const common = { key: meta.key, at: meta.at, ...defined({ source: meta.source, asOf: meta.asOf, note: meta.note }) };
  const numericUnits = grid.units?.filter((_, c) => c > 0 || as === 'value') ?? [];
  const sharedUnit =
    numericUnits.length && numericUnits.every((u) => u && u === numericUnits[0]) ? numericUnits[0] : undefined;
  const unit = meta.unit ?? sharedUnit;
  if (as === 'value') {
    if (grid.rows.length !== 1 || grid.columns.length !== 1) {
      diagnostics.error(
        'data-invalid',
        `\`${meta.key}\` is a single value, but the data has ${grid.rows.length} row${grid.rows.length === 1 ? '' : 's'} of ${grid.columns.length} column${grid.columns.length === 1 ? '' : 's'}`,
        meta.at,
        'select one cell (one row with one column), or read it `as: table` or `as: series`',
      );
      return undefined;
    }
    const cell = grid.rows[0]![0]!;
    if (cell === null) {
      problem(0, 0, 'the cell is empty');
      return undefined;
    }
    return { kind: 'value', value: cell, ...common, ...defined({ unit: meta.unit ?? grid.units?.[0] }) };
  }
  if (as === 'table') {
    return {
      kind: 'table',
      columns: grid.columns,
      rows: grid.rows,
      rowAt: grid.rows.map((_, r) => where.rowAt(r)),
      cellAt: grid.rows.map((row, r) => row.map((_, c) => where.cellAt(r, c))),
      ...common,
      ...defined({ unit }),
    };
  }
  if (grid.columns.length < 2) {
    diagnostics.error(
      'data-invalid',
      `\`${meta.key}\` is a series, which needs a column of labels and at least one column of numbers; the data has ${grid.columns.length} column`,
      meta.at,
    );
    return undefined;
  }
  let ok = true;
  const labels = grid.rows.map((row, r) => {
    const label = row[0];
    if (label === null || label === undefined || label === '') {
      problem(r, 0, 'a series label is empty');
      ok = false;
    }
    return String(label ?? '');
  });
  const datasets = grid.columns.slice(1).map((label, i) => {
    const c = i + 1;
    const values = grid.rows.map((row, r) => {
      const cell = row[c];
      if (typeof cell === 'number') return cell;
      ok = false;
      problem(
        r,
        c,
        cell === null || cell === undefined ? 'empty, but a series needs a number here' : `not a number ("${cell}")`,
        'a series holds numbers only; read it `as: table` to show text',
      );
      return NaN;
    });
    const u = grid.units?.[c];
    return { label, values, ...defined({ unit: u && u !== unit ? u : undefined }) };
  });
  if (!ok) return undefined;
  return { kind: 'series', labels, datasets, ...common, ...defined({ unit }) };
}

export function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** 12 significant digits: 0.1 + 0.2 computed by a spreadsheet reads 0.3. */
export function tidyNumber(n: number): number {
  return Number(n.toPrecision(12));
}
