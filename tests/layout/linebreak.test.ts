import { describe, it, expect } from 'vitest';
import { segments, wrapText, type MeasureFn } from '../../src/layout/linebreak.js';

const CJK_CHAR = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Monospace-ish fake: CJK = 2, space = 0.5, everything else = 1. */
const mono: MeasureFn = (text) => {
  let w = 0;
  for (const ch of text) w += ch === ' ' ? 0.5 : CJK_CHAR.test(ch) ? 2 : 1;
  return w;
};

/** Proportional fake with a kerning pair, so summing segment widths would be wrong. */
const PROPORTIONAL: Record<string, number> = { i: 0.3, l: 0.3, t: 0.4, m: 0.9, w: 0.9, ' ': 0.3 };
const proportional: MeasureFn = (text) => {
  let w = 0;
  const chars = [...text];
  chars.forEach((ch, i) => {
    w += PROPORTIONAL[ch] ?? (CJK_CHAR.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.75 : 0.55);
    if (ch === 'A' && chars[i + 1] === 'V') w -= 0.2;
  });
  return Math.round(w * 1000) / 1000;
};

function counting(measure: MeasureFn): { fn: MeasureFn; calls: () => number } {
  let n = 0;
  return {
    fn: (t) => {
      n++;
      return measure(t);
    },
    calls: () => n,
  };
}

const CLOSING = '，。、；：？！）」』】》〉”’…‥・ー々〕％';
const OPENING = '（「『【《〈“‘〔';

describe('segments', () => {
  it('keeps trailing spaces on the word they follow', () => {
    expect(segments('Hello big  world')).toEqual(['Hello ', 'big  ', 'world']);
  });

  it('breaks after hyphens and en dashes but not slashes', () => {
    expect(segments('state-of-the-art and/or 2019–2024')).toEqual([
      'state-',
      'of-',
      'the-',
      'art ',
      'and/or ',
      '2019–',
      '2024',
    ]);
  });

  it('never splits numbers, percentages, currencies or leading minus signs', () => {
    expect(segments('6.16 48.3% US$720 -5 2020-2024')).toEqual(['6.16 ', '48.3% ', 'US$720 ', '-5 ', '2020-2024']);
  });

  it('splits CJK between characters but attaches closing punctuation', () => {
    expect(segments('中文，测试。')).toEqual(['中', '文，', '测', '试。']);
  });

  it('attaches opening punctuation to the following character', () => {
    expect(segments('看「报告」吧')).toEqual(['看', '「报', '告」', '吧']);
    expect(segments('（注）')).toEqual(['（注）']);
  });

  it('breaks at CJK/Latin boundaries but keeps a number with its CJK unit', () => {
    expect(segments('中国GDP增长')).toEqual(['中', '国', 'GDP', '增', '长']);
    expect(segments('2024年22个')).toEqual(['2024年', '22个']);
  });

  it('keeps small kana and the prolonged sound mark with the preceding kana', () => {
    expect(segments('チョコレート')).toEqual(['チョ', 'コ', 'レー', 'ト']);
  });

  it('returns no segments for empty text', () => {
    expect(segments('')).toEqual([]);
  });
});

describe('wrapText', () => {
  it('returns a single empty line for empty text', () => {
    expect(wrapText('', 10, mono)).toEqual({ lines: [''], widths: [0], brokeWord: false, widestWord: 0 });
  });

  it('wraps Latin text at spaces and trims trailing spaces', () => {
    // "the quick" = 3 + 0.5 + 5 = 8.5; adding " brown" would be 14.
    const r = wrapText('the quick brown fox jumps', 10, mono);
    expect(r.lines).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(r.widths).toEqual([8.5, 8.5, 5]);
    expect(r.brokeWord).toBe(false);
    expect(r.widestWord).toBe(5);
  });

  it('fits a line whose width equals maxWidth exactly', () => {
    expect(wrapText('ab cd', 4.5, mono).lines).toEqual(['ab cd']);
  });

  it('breaks after hyphens', () => {
    const r = wrapText('state-of-the-art', 9, mono);
    expect(r.lines).toEqual(['state-of-', 'the-art']);
    expect(r.brokeWord).toBe(false);
  });

  it('cuts a word wider than maxWidth by characters and reports it', () => {
    const r = wrapText('a supercalifragilistic word', 6, mono);
    expect(r.brokeWord).toBe(true);
    expect(r.widestWord).toBe(20);
    expect(r.lines).toEqual(['a', 'superc', 'alifra', 'gilist', 'ic', 'word']);
    for (const w of r.widths) expect(w).toBeLessThanOrEqual(6);
    expect(r.lines.join('')).toBe('asupercalifragilisticword');
  });

  it('lets the remainder of a cut word share a line with the next word', () => {
    expect(wrapText('abcdefgh ij', 6, mono).lines).toEqual(['abcdef', 'gh ij']);
  });

  it('puts at least one character per line even if it does not fit', () => {
    const r = wrapText('中文', 1, mono);
    expect(r.lines).toEqual(['中', '文']);
    expect(r.brokeWord).toBe(false);
  });

  it('wraps a Chinese paragraph between characters within maxWidth', () => {
    const text = '国内生产总值增长速度保持在合理区间就业形势总体稳定';
    const r = wrapText(text, 10, mono);
    expect(r.lines).toEqual(['国内生产总', '值增长速度', '保持在合理', '区间就业形', '势总体稳定']);
    for (const w of r.widths) expect(w).toBeLessThanOrEqual(10);
    expect(r.brokeWord).toBe(false);
    expect(r.widestWord).toBe(2);
  });

  it('never starts a line with closing punctuation (kinsoku)', () => {
    // Naively, 8 characters fill width 16 and "，" would start line 2.
    const r = wrapText('我们的目标是增长，然后稳定。', 16, mono);
    expect(r.lines).toEqual(['我们的目标是增', '长，然后稳定。']);
    const para = '今天我们讨论增长，通胀、就业；以及（重要）的「结构改革」问题。然后呢？好的！';
    for (let max = 4; max <= 40; max++) {
      const lines = wrapText(para, max, mono).lines;
      expect(lines.join('')).toBe(para);
      for (const line of lines.slice(1)) expect(CLOSING).not.toContain(line[0]);
    }
  });

  it('never ends a line with opening punctuation (kinsoku)', () => {
    // Naively "我们今天讨论《" fills width 14.
    const r = wrapText('我们今天讨论《报告》内容', 14, mono);
    expect(r.lines).toEqual(['我们今天讨论', '《报告》内容']);
    const para = '他说「今天」是（重要）的日子，《人民日报》报道了“改革”与【发展】。';
    for (let max = 4; max <= 40; max++) {
      const lines = wrapText(para, max, mono).lines;
      expect(lines.join('')).toBe(para);
      for (const line of lines) expect(OPENING).not.toContain(line.at(-1));
    }
  });

  it('wraps mixed Chinese and English text', () => {
    const r = wrapText('中国GDP增长超过预期，market reaction was strong', 12, mono);
    expect(r.lines).toEqual(['中国GDP增长', '超过预期，', 'market', 'reaction was', 'strong']);
    for (const w of r.widths) expect(w).toBeLessThanOrEqual(12);
    expect(r.brokeWord).toBe(false);
  });

  it('never splits numbers such as 6.16, 48.3% or US$720', () => {
    const para = '增长率为48.3%，去年为6.16%，投资额US$720亿。';
    // The widest unit is "US$720亿。" (6 + 2 + 2): number, CJK unit and closing stop stay together.
    expect(wrapText(para, 100, mono).widestWord).toBe(10);
    for (let max = 10; max <= 40; max++) {
      const r = wrapText(para, max, mono);
      expect(r.brokeWord).toBe(false);
      for (const w of r.widths) expect(w).toBeLessThanOrEqual(max);
      const joined = r.lines.join('\u0000');
      for (const token of ['48.3%', '6.16%', 'US$720']) expect(joined).toContain(token);
    }
  });

  it('honours explicit newlines and keeps empty lines', () => {
    const r = wrapText('first line\n\nthird\r\nfourth\n', 100, mono);
    expect(r.lines).toEqual(['first line', '', 'third', 'fourth', '']);
    expect(r.widths).toEqual([9.5, 0, 5, 6, 0]);
  });

  it('measures whole lines so kerning is honoured with a proportional font', () => {
    const r = wrapText('AVAVAV will wrap within limits', 4, proportional);
    for (let i = 0; i < r.lines.length; i++) {
      const line = r.lines[i] ?? '';
      expect(r.widths[i]).toBe(proportional(line));
      expect(r.widths[i]).toBeLessThanOrEqual(4);
    }
    // Kerned: 6 * 0.75 - 3 * 0.2 = 3.9, which fits although the unkerned sum (4.5) would not.
    expect(r.lines[0]).toBe('AVAVAV');
    expect(r.lines.join(' ')).toBe('AVAVAV will wrap within limits');
    expect(r.brokeWord).toBe(false);
  });

  it('keeps measure calls linear in the number of segments', () => {
    const words = Array.from({ length: 2000 }, (_, i) => ['alpha', 'beta', 'gamma', 'delta'][i % 4] + String(i));
    const text = words.join(' ');
    const m = counting(proportional);
    const r = wrapText(text, 40, m.fn);
    expect(r.lines.join(' ')).toBe(text);
    for (const w of r.widths) expect(w).toBeLessThanOrEqual(40);
    expect(m.calls()).toBeLessThanOrEqual(2 * words.length);
  });
});

describe('wrapText on Latin text, estimating before measuring', () => {
  /** Kerning at the joins a Latin line breaks at (after a space or a hyphen), as fonts have it. */
  const kerned: MeasureFn = (text) => {
    let w = proportional(text);
    for (const m of text.matchAll(/[ -][TVWY]/g)) w -= m[0].startsWith('-') ? 0.15 : 0.08;
    return Math.round(w * 1000) / 1000;
  };

  /** Every line candidate measured whole: the breaks and widths wrapText must give. */
  function wholeLines(text: string, maxWidth: number, measure: MeasureFn): { lines: string[]; widths: number[] } {
    const lines: string[] = [];
    const widths: number[] = [];
    let line = '';
    for (const seg of segments(text)) {
      if (line !== '' && measure((line + seg).trimEnd()) > maxWidth) {
        lines.push(line.trimEnd());
        widths.push(measure(line.trimEnd()));
        line = '';
      }
      line += seg;
    }
    lines.push(line.trimEnd());
    widths.push(measure(line.trimEnd()));
    return { lines, widths };
  }

  it('breaks where measuring every candidate whole breaks, with the same widths', () => {
    const words = ['Trade', 'Value', 'well-Tuned', 'AVenue', 'Year', 'on-Year', 'Wide', 'to', 'VAT', 'mill', 'it'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 3 + Math.floor(next() * 30) }, () => words[Math.floor(next() * words.length)])
        .join(' ')
        .replace(/ -/g, '-');
      const maxWidth = 6 + next() * 20;
      const r = wrapText(text, maxWidth, kerned);
      expect({ lines: r.lines, widths: r.widths }, `${text} in ${maxWidth}`).toEqual(
        wholeLines(text, maxWidth, kerned),
      );
    }
  });

  it('measures a line of many words about once, not once for each word it grows by', () => {
    const text = Array.from({ length: 200 }, (_, i) => ['alpha', 'beta', 'gamma', 'delta'][i % 4] + String(i)).join(
      ' ',
    );
    const longer: string[] = [];
    const r = wrapText(text, 30, (t) => {
      if (t.includes(' ') && t.trim() !== '') longer.push(t);
      return proportional(t);
    });
    expect(r.lines.length).toBeGreaterThan(10);
    // Whole-candidate measuring measured one text with a space for each word joined to a line.
    expect(longer.length).toBeLessThanOrEqual(3 * r.lines.length);
    expect(longer.length).toBeLessThan((200 - r.lines.length) / 2);
  });
});
