import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnostic, locate } from '../../src/diagnostics/format.js';
import { lineColumn, lineStarts, rangeOrigin } from '../../src/sources/origin.js';

const TEXT = 'title: T\ndata: d.yaml\nsections:\n  - x\n';

describe('origins', () => {
  it('keep offsets; lines and columns are worked out from the text only when printed', () => {
    const starts = lineStarts(TEXT);
    expect(lineColumn(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(starts, TEXT.indexOf('d.yaml'))).toEqual({ line: 2, column: 7 });
    expect(lineColumn(starts, TEXT.indexOf('- x'))).toEqual({ line: 4, column: 3 });
    const at = rangeOrigin('deck.yaml', TEXT.indexOf('d.yaml'), TEXT.indexOf('d.yaml') + 6);
    expect(at).toEqual({ kind: 'range', file: 'deck.yaml', start: 15, end: 21 });
    expect(locate(at, new Map([['deck.yaml', TEXT]]))).toEqual({ file: 'deck.yaml', line: 2, column: 7, length: 6 });
    // Without the text there is no line to name: the file alone.
    expect(locate(at, new Map())).toEqual({ file: 'deck.yaml' });
  });

  it('render related places and expected values as data, in text and JSON alike', () => {
    const d = new Diagnostics();
    const texts = new Map([['deck.yaml', TEXT]]);
    d.error('duplicate-data-key', 'data key `x` is defined twice', rangeOrigin('deck.yaml', 36, 37), {
      related: [{ at: rangeOrigin('deck.yaml', 0, 5), message: 'also defined here' }],
      expected: ['y'],
    });
    const text = formatDiagnostic(d.items[0]!, { color: false, sources: texts });
    expect(text).toContain('deck.yaml:4:5: error: data key `x` is defined twice [duplicate-data-key]');
    expect(text).toContain('note: also defined here: deck.yaml:1:1');
    expect(text).toContain('hint: did you mean `y`?');
    expect(diagnosticsToJson(d.items, texts)[0]).toMatchObject({
      file: 'deck.yaml',
      line: 4,
      column: 5,
      expected: ['y'],
      suggestion: 'did you mean `y`?',
      related: [{ file: 'deck.yaml', line: 1, column: 1, message: 'also defined here' }],
    });
  });

  it('name a database row or workbook cell by URI and pointer', () => {
    const at = { kind: 'uri' as const, uri: 'trade.xlsx', pointer: 'Sheet "Monthly"!C14' };
    expect(locate(at, new Map())).toEqual({ file: 'trade.xlsx', pointer: 'Sheet "Monthly"!C14' });
    const d = new Diagnostics();
    d.error('data-invalid', 'not a number', at);
    expect(formatDiagnostic(d.items[0]!, { color: false, sources: new Map() })).toMatch(
      /^trade\.xlsx: Sheet "Monthly"!C14: error: not a number/,
    );
  });
});
