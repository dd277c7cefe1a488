import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT, formatValue, labelColon } from '../../src/format.js';

const zh = (v: number, unit?: string) => formatValue(v, unit, DEFAULT_FORMAT, 'zh-CN');

describe('numbers in a Chinese deck', () => {
  it('use 万 and 亿 where the figure is exact in them, with no thousands separators', () => {
    expect(zh(120000)).toBe('12万');
    expect(zh(100000)).toBe('10万');
    expect(zh(240000)).toBe('24万');
    expect(zh(250_000_000)).toBe('2.5亿');
    expect(zh(-30000)).toBe('-3万');
  });

  it('write other figures as plain digits, ungrouped', () => {
    expect(zh(123456)).toBe('123456');
    expect(zh(7200)).toBe('7200');
    expect(zh(29)).toBe('29');
  });

  it('put no separators beside a scale word of a currency, and go up to 万亿 past 9999亿', () => {
    expect(zh(240, 'USD billion')).toBe('2400亿美元');
    expect(zh(720, 'USD billion')).toBe('7200亿美元');
    expect(zh(1200, 'USD billion')).toBe('1.2万亿美元');
    expect(zh(6.16, 'USD trillion')).toBe('6.16万亿美元');
  });

  it('leave English decks as they were', () => {
    expect(formatValue(120000, undefined, DEFAULT_FORMAT, 'en')).toBe('120,000');
    expect(formatValue(120000, undefined, { ...DEFAULT_FORMAT, raw: true }, 'zh-CN')).toBe('120000');
  });

  it('join a label to its value with a full-width colon in Chinese', () => {
    expect(labelColon('我国对共建国家投资', 'zh-CN')).toBe('：');
    expect(labelColon('China into partners', 'en')).toBe(': ');
  });
});
