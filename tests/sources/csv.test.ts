import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { diagnosticsToJson } from '../../src/diagnostics/format.js';
import { parseCsv } from '../../src/sources/data/csv.js';
import { locate } from '../../src/diagnostics/format.js';

describe('CSV tables', () => {
  it('read the header as columns, numbers as numbers (grouped or not), empty cells as null, and meta comments', () => {
    const text = '# source: customs\n# unit: USD billion\nYear,Exports,Note\n2023,"3,380.0",\n2024,3580,record\n';
    const d = new Diagnostics();
    const t = parseCsv('trade.csv', text, d)!;
    expect(d.items).toEqual([]);
    expect(t.columns).toEqual(['Year', 'Exports', 'Note']);
    expect(t.rows).toEqual([
      [2023, 3380, null],
      [2024, 3580, 'record'],
    ]);
    expect(t.meta).toEqual({ source: 'customs', unit: 'USD billion' });
    const texts = new Map([['trade.csv', text]]);
    // Each cell keeps where it was written, for errors about one value.
    expect(locate(t.cellAt[1]![2]!, texts)).toEqual({ file: 'trade.csv', line: 5, column: 11, length: 6 });
    expect(locate(t.metaAt.source!, texts)).toMatchObject({ line: 1, column: 11 });
  });

  it('report a short row at its line, and a header one name short once, at the header', () => {
    const d = new Diagnostics();
    parseCsv('a.csv', 'A,B,C\n1,2,3\n4,5\n', d);
    expect(diagnosticsToJson(d.items, new Map([['a.csv', 'A,B,C\n1,2,3\n4,5\n']]))).toEqual([
      expect.objectContaining({ code: 'csv-ragged', line: 3, column: 1 }),
    ]);
    const h = new Diagnostics();
    const text = 'A,B\n1,2,3\n4,5,6\n';
    parseCsv('h.csv', text, h);
    expect(diagnosticsToJson(h.items, new Map([['h.csv', text]]))).toEqual([
      expect.objectContaining({
        code: 'csv-ragged',
        line: 1,
        suggestion: 'add the missing column names to the header row',
      }),
    ]);
  });

  it('report an unclosed quote where it opens, not at the end of the file', () => {
    const text = 'A,B\n1,"open\n2,3\n';
    const d = new Diagnostics();
    expect(parseCsv('q.csv', text, d)).toBeUndefined();
    expect(diagnosticsToJson(d.items, new Map([['q.csv', text]]))).toEqual([
      expect.objectContaining({ code: 'csv-syntax', line: 2, column: 3 }),
    ]);
  });
});
