import { describe, expect, it } from 'vitest';
import { RowRepeats } from '../../src/cli/repeats.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const at = { file: 'decks/data/regional.yaml', start: 120, end: 129 };
const unused = (row?: string): Diagnostic => ({
  severity: 'warning',
  code: 'unused-data',
  message: 'data value `national.quarterly` is not used by any slide',
  at,
  ...(row === undefined ? {} : { row }),
  related: row === undefined ? [] : [{ at, message: `the row \`${row}\`` }],
});

describe('problems shared by the decks of one outline’s rows', () => {
  it('shows a problem once for the first row, and counts it for the others', () => {
    const repeats = new RowRepeats();
    const first = repeats.split('decks/briefs.yaml', [unused('east')]);
    expect(first).toEqual({ fresh: [unused('east')], repeated: 0, rows: [] });
    const second = repeats.split('decks/briefs.yaml', [unused('west')]);
    expect(second).toEqual({ fresh: [], repeated: 1, rows: ['east'] });
  });

  it('still shows what only one row has, problems of decks without rows, and those of another outline', () => {
    const repeats = new RowRepeats();
    repeats.split('decks/briefs.yaml', [unused('east')]);
    const own: Diagnostic = { ...unused('west'), message: 'data value `row.note` is empty' };
    const west = repeats.split('decks/briefs.yaml', [unused('west'), own]);
    expect(west.fresh).toEqual([own]);
    expect(west.repeated).toBe(1);
    expect(repeats.split('decks/briefs.yaml', [unused()]).fresh).toHaveLength(1);
    expect(repeats.split('decks/other.yaml', [unused('east')]).fresh).toHaveLength(1);
  });
});
