import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/hints.js';
import type { DataTable } from '../model.js';
import type { EachInput } from '../schema/outline.js';
import type { ResolveContext } from './context.js';
import { columnNames, idColumn, rowId, rowLabel } from './row.js';

/** The decks an `each:` outline makes: one per row of its table, each named by the row's id. */
export interface EachPlan {
  table: DataTable;
  /** Per row, in the table's order: the id its deck file is named by. */
  ids: string[];
  /** The column the ids come from. */
  column: string;
}

/**
 * Reads `each:`: the table, the id of every row, and whether two rows would write one deck.
 * Reports what is wrong (at the outline's `each:`, or at the rows themselves) and returns undefined.
 */
export function planEach(each: EachInput, ctx: ResolveContext): EachPlan | undefined {
  const key = typeof each === 'string' ? each : each.data;
  const keyAt = ctx.at(typeof each === 'string' ? ['each'] : ['each', 'data']);
  const entry = ctx.lookup(key, ['table'], keyAt, [], '`each:`');
  if (!entry || entry.kind !== 'table') return undefined;
  // Naming the table here is not reading its other rows: only slides that do count (dataFingerprint).
  ctx.directKeys.delete(entry.key);
  if (!entry.rows.length) {
    ctx.diagnostics.error('invalid-value', `\`${entry.key}\` has no rows, so there is no deck to build`, keyAt, {
      related: [{ at: entry.at, message: `\`${entry.key}\` is defined here` }],
    });
    return undefined;
  }
  const chosen = typeof each === 'string' ? undefined : each.id;
  const c = idColumn(entry, chosen);
  if (c === undefined) {
    ctx.diagnostics.error(
      'unknown-data-key',
      `unknown column \`${chosen}\` in \`${entry.key}\`; its columns are ${entry.columns.map((n) => `\`${n}\``).join(', ')}`,
      ctx.at(['each', 'id']),
      didYouMean(chosen!, [...entry.columns, ...columnNames(entry.columns)]),
    );
    return undefined;
  }
  const column = entry.columns[c]!;
  const ids = entry.rows.map((row) => rowId(row[c] ?? null));
  const firstWith = new Map<string, number>();
  let ok = true;
  ids.forEach((id, r) => {
    const rowAt = entry.rowAt[r] ?? entry.at;
    if (!id) {
      ctx.diagnostics.error(
        'invalid-value',
        `the row \`${rowLabel(entry, r)}\` of \`${entry.key}\` has no id: its \`${column}\` cell has no letters or digits`,
        entry.cellAt[r]?.[c] ?? rowAt,
        'every row needs an id to name its deck file: fill in the cell, or choose the id column with `each: { data: …, id: column }`',
      );
      ok = false;
      return;
    }
    const first = firstWith.get(id);
    if (first === undefined) {
      firstWith.set(id, r);
      return;
    }
    ctx.diagnostics.error(
      'duplicate-row-id',
      `the rows \`${rowLabel(entry, first)}\` (row ${first + 1}) and \`${rowLabel(entry, r)}\` (row ${r + 1}) of \`${entry.key}\` would both write the deck for the id \`${id}\``,
      rowAt,
      {
        hint: `ids come from the column \`${column}\`: make its cells differ, or choose another column with \`each: { data: ${entry.key}, id: column }\``,
        related: [{ at: entry.rowAt[first] ?? entry.at, message: `row ${first + 1} has the id \`${id}\` too` }],
      },
    );
    ok = false;
  });
  return ok ? { table: entry, ids, column } : undefined;
}

/**
 * A diagnostic from the deck of one row, saying which row: there is one deck per row, and
 * the same outline line can be wrong for one row only.
 */
export function forRow(d: Diagnostic, plan: EachPlan, index: number): Diagnostic {
  const rowAt = plan.table.rowAt[index] ?? plan.table.at;
  const id = plan.ids[index]!;
  return {
    ...d,
    row: id,
    related: [
      ...(d.related ?? []),
      { at: rowAt, message: `the row \`${rowLabel(plan.table, index)}\` of \`${plan.table.key}\`` },
    ],
  };
}
