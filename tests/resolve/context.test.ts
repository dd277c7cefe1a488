import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { diagnosticsToJson } from '../../src/diagnostics/format.js';
import type { DataEntry, DataSet } from '../../src/model.js';
import { ResolveContext } from '../../src/resolve/context.js';
import { parseYamlSource, yamlLocator } from '../../src/sources/yaml.js';
import { rangeOrigin } from '../../src/sources/origin.js';

/** Resolution on its own: an outline text, a data set built in the test, no files. */
const OUTLINE = `title: T
sections:
  - title: S
    slides:
      - type: bullets
        bullets:
          - "Goods {{ trade.goods_2024 }} and {{ trade.good_2024 }}"
          - "{{ trade.by_year }} as text"
          - "{{ trade.goods_2024 | fixd(1) }}"
`;

function setup() {
  const diagnostics = new Diagnostics();
  const source = parseYamlSource('deck.yaml', '/p/deck.yaml', OUTLINE, diagnostics)!;
  const at = rangeOrigin('data.yaml', 0, 1);
  const entries: DataEntry[] = [
    { kind: 'value', key: 'trade.goods_2024', value: 6.16, unit: 'USD trillion', source: 'gm', at },
    {
      kind: 'series',
      key: 'trade.by_year',
      labels: ['2021', '2024'],
      datasets: [{ label: 'x', values: [2.7, 3.1] }],
      at,
    },
  ];
  const data: DataSet = {
    entries: new Map(entries.map((e) => [e.key, e])),
    sources: new Map(),
    invalidKeys: new Set(),
    failedFiles: 0,
    fileCount: 1,
  };
  const ctx = new ResolveContext(yamlLocator(source), data, diagnostics, 'en');
  const texts = new Map([
    ['deck.yaml', OUTLINE],
    ['data.yaml', 'x'],
  ]);
  return { ctx, diagnostics, texts };
}

const bullet = (i: number) => ['sections', 0, 'slides', 0, 'bullets', i] as const;

describe('resolving {{ keys }} in text', () => {
  it('formats known keys, cites their source, and reports an unknown one at its column with the key meant', () => {
    const { ctx, diagnostics, texts } = setup();
    const sources: string[] = [];
    const out = ctx.text('Goods {{ trade.goods_2024 }} and {{ trade.good_2024 }}', bullet(0), sources);
    expect(out).toBe('Goods US$6.16 trillion and {{ trade.good_2024 }}');
    expect(sources).toEqual(['gm']);
    expect(diagnosticsToJson(diagnostics.items, texts)).toEqual([
      expect.objectContaining({ code: 'unknown-data-key', line: 7, column: 50, expected: ['trade.goods_2024'] }),
    ]);
    expect([...ctx.usedKeys]).toEqual(['trade.goods_2024']);
  });

  it('says where a key of the wrong kind is defined, as a related place rather than in the message', () => {
    const { ctx, diagnostics, texts } = setup();
    ctx.text('{{ trade.by_year }} as text', bullet(1), []);
    const [d] = diagnosticsToJson(diagnostics.items, texts);
    expect(d).toMatchObject({
      code: 'data-kind-mismatch',
      message: 'text needs a single value, but `trade.by_year` holds a series',
    });
    expect(d!.related).toEqual([{ file: 'data.yaml', line: 1, column: 1, message: '`trade.by_year` is defined here' }]);
  });

  it('reports an unknown filter at the filter, with the nearest name', () => {
    const { ctx, diagnostics, texts } = setup();
    ctx.text('{{ trade.goods_2024 | fixd(1) }}', bullet(2), []);
    expect(diagnosticsToJson(diagnostics.items, texts)).toEqual([
      expect.objectContaining({ code: 'unknown-filter', line: 9, column: 36, suggestion: 'did you mean `fixed`?' }),
    ]);
  });
});
