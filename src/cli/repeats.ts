import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Problems that the decks of one outline's rows (`each:`) share, shown once. An outline line or a
 * data file that is wrong for every row would otherwise print the same block for each of 200
 * provinces, burying the one problem that is particular to a row.
 */
export class RowRepeats {
  private readonly shownFor = new Map<string, string>();

  /** A deck's problems not shown yet, and the rows whose decks showed the others. */
  split(
    outline: string,
    diagnostics: readonly Diagnostic[],
  ): { fresh: Diagnostic[]; repeated: number; rows: string[] } {
    const fresh: Diagnostic[] = [];
    const rows = new Set<string>();
    for (const d of diagnostics) {
      if (d.row === undefined) {
        fresh.push(d);
        continue;
      }
      const key = fingerprint(outline, d);
      const row = this.shownFor.get(key);
      if (row === undefined) {
        this.shownFor.set(key, d.row);
        fresh.push(d);
      } else rows.add(row);
    }
    return { fresh, repeated: diagnostics.length - fresh.length, rows: [...rows] };
  }
}

/** What a problem says and where, without the row it was found in. */
function fingerprint(outline: string, d: Diagnostic): string {
  return JSON.stringify([outline, d.severity, d.code, d.message, d.at ?? null, d.hint ?? null, d.expected ?? null]);
}
