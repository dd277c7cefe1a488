import { describe, expect, it } from 'vitest';
import { createMeasurer } from '../../src/layout/measure.js';
import { settleLastLine, SOFT_BREAK, wrapText } from '../../src/layout/linebreak.js';
import { BASE_THEME } from '../../src/resolve/theme.js';

const m = createMeasurer(BASE_THEME.fonts);
const at = (size: number) => (t: string) => m.width(t, size);
const lastLine = (text: string, width: number, size: number) => wrapText(text, width, at(size)).lines.at(-1)!;

describe('the last line of a paragraph', () => {
  it('takes the word before a lone Latin word along (no-break space), keeping the number of lines', () => {
    const words =
      'Faster global change rewards those who open up by choice and not under any pressure from outside'.split(' ');
    // The width at which the text wraps to two lines with one word on the second.
    const text = words.join(' ');
    const width = m.width(words.slice(0, -1).join(' '), 20) + 2;
    expect(lastLine(text, width, 20).split(' ')).toHaveLength(1);
    const settled = settleLastLine(text, width, at(20));
    expect(settled).toContain('\u00a0');
    const after = wrapText(settled, width, at(20));
    expect(after.lines).toHaveLength(2);
    expect(after.lines.at(-1)!.split(/[ \u00a0]/).length).toBeGreaterThanOrEqual(2);
  });

  it('balances a Chinese paragraph whose last line holds one or two characters, as soft breaks', () => {
    const text = '深化对接国际高标准经贸规则，以服务业为重点扩大试点开放';
    // Wide enough for all but the last two characters on the first line.
    const width = m.width(text.slice(0, -2), 20) + 1;
    expect([...lastLine(text, width, 20)].length).toBeLessThanOrEqual(2);
    const settled = settleLastLine(text, width, at(20));
    const lines = settled.split(SOFT_BREAK);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe(text);
    expect([...lines[1]!].length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(m.width(line, 20)).toBeLessThanOrEqual(width);
  });

  it('leaves one-line text and a long enough last line alone', () => {
    expect(settleLastLine('Short text', 500, at(20))).toBe('Short text');
    const text = '截至2024年，中欧班列累计开行超过10万列，通达欧洲多个国家和地区';
    const width = m.width(text.slice(0, 20), 20) + 1;
    expect(settleLastLine(text, width, at(20))).toBe(text);
  });
});
