import { describe, expect, it } from 'vitest';
import { createMeasurer } from '../../src/layout/measure.js';
import { chineseWordBoundaries, settleLastLine, SOFT_BREAK, wrapText } from '../../src/layout/linebreak.js';
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

  it('ties a lone word that a renderer would leave when it fills the 5 % the fit keeps free', () => {
    const text = 'China into partner countries: US$160 billion';
    const full = m.width('China into partner countries: US$160', 20) + 4;
    const safe = full * 0.95;
    // At the fit's width the last line has two words; at the full width, one.
    expect(lastLine(text, safe, 20).split(' ')).toHaveLength(2);
    expect(lastLine(text, full, 20).split(' ')).toHaveLength(1);
    const settled = settleLastLine(text, safe, at(20));
    expect(settled).toBe('China into partner countries: US$160\u00a0billion');
    expect(wrapText(settled, full, at(20)).lines).toEqual(['China into partner countries:', 'US$160\u00a0billion']);
  });

  it("breaks before a hyphenated word that a line would end inside, at the fit's width or the renderer's", () => {
    const text = 'A negative list now governs cross-border services trade';
    // The first line has room for "cross-" but not for "cross-border".
    const width = m.width('A negative list now governs cross-', 20) + 2;
    expect(wrapText(text, width, at(20)).lines[0]).toBe('A negative list now governs cross-');
    const settled = settleLastLine(text, width, at(20));
    expect(settled.split(SOFT_BREAK)).toEqual(['A negative list now governs', 'cross-border services trade']);
    // A renderer with 5 % more room than the fit: the same split is prevented.
    expect(settleLastLine(text, width * 0.95, at(20))).toContain(`governs${SOFT_BREAK}cross-border`);
    // A compound that fits on its line, or that starts the paragraph, is left to wrap as it will.
    expect(settleLastLine(text, m.width('A negative list now governs cross-border', 20) + 30, at(20))).not.toContain(
      SOFT_BREAK,
    );
    const first = 'Cross-border e-commerce reached 2.7 trillion yuan';
    expect(settleLastLine(first, m.width('Cross-', 20) + 1, at(20))).not.toContain(SOFT_BREAK);
  });

  it('leaves one-line text and a long enough last line alone', () => {
    expect(settleLastLine('Short text', 500, at(20))).toBe('Short text');
    const text = '截至2024年，中欧班列累计开行超过10万列，通达欧洲多个国家和地区';
    const width = m.width(text.slice(0, 20), 20) + 1;
    expect(settleLastLine(text, width, at(20))).toBe(text);
  });
});

describe('balanced Chinese lines break between words', () => {
  const text = '以服务业为重点扩大试点开放';
  const size = 20;
  /** The lines of the narrowest character-by-character wrap that keeps the number of lines. */
  const narrowestByCharacter = (width: number) => {
    const n = wrapText(text, width, at(size)).lines.length;
    let lo = width * 0.5;
    let hi = width;
    for (let i = 0; i < 14; i++) {
      const mid = (lo + hi) / 2;
      if (wrapText(text, mid, at(size)).lines.length === n) hi = mid;
      else lo = mid;
    }
    return wrapText(text, hi, at(size)).lines;
  };
  // Widths at which the last line holds one or two characters: the ones that get balanced.
  const full = m.width(text, size);
  const widths = Array.from({ length: 60 }, (_, i) => full * (0.3 + i * 0.01)).filter(
    (w) => [...lastLine(text, w, size)].length <= 2,
  );

  it('never parts 试点 or another word, where breaking by character would', () => {
    expect(widths.length).toBeGreaterThan(2);
    // Without words, some of these widths would put a soft break inside a word.
    const splitsAWord = (lines: string[]) =>
      lines.slice(0, -1).some((l, i) => /试$/.test(l) && /^点/.test(lines[i + 1]!));
    expect(widths.some((w) => splitsAWord(narrowestByCharacter(w)))).toBe(true);
    const words = chineseWordBoundaries(text);
    const settled = widths.map((w) => settleLastLine(text, w, at(size)));
    expect(settled.filter((t) => t.includes(SOFT_BREAK)).length).toBeGreaterThan(2);
    for (const [k, w] of widths.entries()) {
      const lines = settled[k]!.split(SOFT_BREAK);
      expect(lines.join('')).toBe(text);
      let offset = 0;
      for (const line of lines.slice(0, -1)) {
        offset += line.length;
        expect(words.has(offset), `break after "${line}"`).toBe(true);
      }
      if (lines.length > 1) for (const line of lines) expect(m.width(line, size)).toBeLessThanOrEqual(w);
    }
  });

  it('keeps briefing words that ICU splits (试点, 对接, 跨境电商) whole, and follows ICU elsewhere', () => {
    const bounds = chineseWordBoundaries('扩大试点开放，对接跨境电商规则');
    expect(bounds.has(3)).toBe(false); // 试|点
    expect(bounds.has(8)).toBe(false); // 对|接
    expect([10, 11, 12].some((i) => bounds.has(i))).toBe(false); // 跨境电商
    expect(bounds.has(9)).toBe(true); // 对接|跨境电商
    expect(bounds.has(2)).toBe(true); // 扩大|试点
    expect(bounds.has(4)).toBe(true); // 试点|开放
    // 规则 comes from the dictionary, not from the list.
    expect(bounds.has(14)).toBe(false);
    expect(bounds.has(13)).toBe(true);
  });
});
