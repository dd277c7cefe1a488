import { describe, expect, it } from 'vitest';
import { parseReference, parseSelectors } from '../../src/resolve/reference.js';
import { parseTemplate } from '../../src/resolve/template.js';

describe('reference syntax', () => {
  it('reads keys, labels with escapes, positions, whole columns and nested functions, with offsets', () => {
    expect(parseReference('trade.monthly[-1]')).toMatchObject({
      kind: 'key',
      key: 'trade.monthly',
      keyEnd: 13,
      selectors: [{ kind: 'index', value: -1, start: 14, end: 16 }],
    });
    expect(parseReference(`t["Say \\"hi\\"", 'b']`)).toMatchObject({
      selectors: [
        { kind: 'label', value: 'Say "hi"' },
        { kind: 'label', value: 'b' },
      ],
    });
    expect(parseReference('sum(t[*, "Figure"])')).toMatchObject({
      kind: 'call',
      fn: 'sum',
      args: [{ kind: 'key', key: 't', selectors: [{ kind: 'all' }, { kind: 'label', value: 'Figure' }] }],
    });
    expect(parseReference('growth(a[0], last(b))')).toMatchObject({
      kind: 'call',
      fn: 'growth',
      args: [
        { kind: 'key', key: 'a' },
        { kind: 'call', fn: 'last' },
      ],
    });
  });

  it('says what is wrong and where', () => {
    expect(parseReference('t[Jan]')).toEqual({
      error: 'a label in [ ] is quoted: write ["Jan"]; a bare number is a position (0 first, -1 last)',
      offset: 2,
      length: 3,
    });
    expect(parseReference('t["Jan"')).toMatchObject({ error: '`]` is missing at the end', offset: 7 });
    expect(parseReference('t["Jan]')).toMatchObject({ error: 'the label starting here is not closed with "' });
    expect(parseReference('change(a)')).toMatchObject({ error: '`change` takes two references, as in `change(a, b)`' });
    expect(parseReference('sum(a, b)')).toMatchObject({ error: '`sum` takes one series, as in `sum(trade.monthly)`' });
    expect(parseReference('t[1, 2, 3]')).toMatchObject({ error: 'expected `]`, found `,`', offset: 6 });
    expect(parseReference('t x')).toMatchObject({ error: 'unexpected `x` after the reference', offset: 2 });
    expect(parseSelectors('"2023", -1')).toMatchObject([
      { kind: 'label', value: '2023' },
      { kind: 'index', value: -1 },
    ]);
  });

  it('keeps a | inside a quoted label out of the filter chain', () => {
    const parsed = parseTemplate('x {{ t["a|b"] | number }} y');
    expect(parsed).toMatchObject({ parts: ['x ', { key: 't["a|b"]', filters: [{ call: { name: 'number' } }] }, ' y'] });
  });
});
