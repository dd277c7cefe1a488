import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT, formatDate, formatValue, parseFilter, specFromFilters } from '../../src/format.js';
import { parseTemplate } from '../../src/resolve/template.js';

const spec = (...filters: string[]) => {
  const s = specFromFilters(filters.map(parseFilter));
  if ('error' in s) throw new Error(s.error);
  return s;
};

describe('number formats shared by text, stats, tables and charts', () => {
  it.each([
    [6.16, 'USD trillion', [], 'en', 'US$6.16 trillion'],
    [48.3, '%', [], 'en', '48.3%'],
    [22, 'zones', [], 'en', '22 zones'],
    [1, 'years', [], 'en', '1 year'],
    [120000, 'sellers', ['number'], 'en', '120,000'],
    [2.7, 'CNY trillion', [], 'en', '2.7 trillion yuan'],
    [6.16, 'USD trillion', ['fixed(1)'], 'en', 'US$6.2 trillion'],
    [6.16, 'USD trillion', ['fixed: 3'], 'en', 'US$6.160 trillion'],
    [240000, 'companies', ['compact'], 'en', '240K companies'],
    [0.483, undefined, ['percent'], 'en', '48.3%'],
    [48.3, '%', ['percent'], 'en', '48.3%'],
    [6.16, 'USD trillion', [], 'zh-CN', '6.16万亿美元'],
    [720, 'USD billion', [], 'zh-CN', '7200亿美元'],
    [0.3, 'USD billion', [], 'zh-CN', '3亿美元'],
    [2.7, 'CNY trillion', [], 'zh-CN', '2.7万亿元'],
    [240000, undefined, ['compact'], 'zh-CN', '24万'],
    // Chinese conventions (issue 9): 万 and 亿, no thousands separators.
    [120000, undefined, ['number'], 'zh-CN', '12万'],
    [123456, undefined, ['number'], 'zh-CN', '123456'],
    [22, '个', [], 'zh-CN', '22个'],
    [6.16, 'USD trillion', ['raw'], 'en', '6.16'],
  ] as const)('%s %s %j in %s → %s', (value, unit, filters, lang, expected) => {
    expect(formatValue(value, unit, spec(...filters), lang)).toBe(expected);
  });

  it('shows text values as written', () => {
    expect(formatValue('4/5', undefined, DEFAULT_FORMAT, 'en')).toBe('4/5');
  });

  it('rejects unknown filters and bad arguments with a message', () => {
    expect(specFromFilters([parseFilter('fixd(1)')])).toMatchObject({ kind: 'unknown', filter: 'fixd' });
    expect(specFromFilters([parseFilter('fixed(x)')])).toMatchObject({ kind: 'argument' });
    expect(specFromFilters([parseFilter('number(2)')])).toMatchObject({
      kind: 'argument',
      error: 'the `number` filter takes no argument',
    });
  });

  it('writes dates by language', () => {
    expect(formatDate('2025-10-27', 'en')).toBe('27 Oct 2025');
    expect(formatDate('2025-10-27', 'en', true)).toBe('27 October 2025');
    expect(formatDate('2025-10-27', 'zh-CN')).toBe('2025年10月27日');
    expect(formatDate('October 2025', 'en')).toBe('October 2025');
  });
});

describe('{{ key | filter }} templates', () => {
  it('splits text into literals and placeholders with offsets for error positions', () => {
    const r = parseTemplate('Goods {{ trade.goods_2024 | fixed(1) }} in 2024');
    expect('parts' in r && r.parts).toEqual([
      'Goods ',
      {
        start: 6,
        end: 39,
        key: 'trade.goods_2024',
        keyOffset: 9,
        filters: [{ call: { name: 'fixed', arg: '1' }, offset: 28, length: 8 }],
      },
      ' in 2024',
    ]);
  });

  it.each([
    ['{{ unclosed', '`{{` is not closed with `}}`', 0],
    ['stray }} here', '`}}` without a matching `{{`', 6],
    ['empty {{ }}', 'empty placeholder: write a data key between `{{` and `}}`', 6],
    ['{{ a | }}', 'empty filter after `|`', 5],
  ])('reports %j', (text, error, offset) => {
    expect(parseTemplate(text)).toMatchObject({ error, offset });
  });
});
