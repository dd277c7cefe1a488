import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/layout/typography.js';

describe('the typographic text rule', () => {
  it('curls an apostrophe between letters only', () => {
    expect(typeset("China's 'open' door")).toBe("China\u2019s 'open' door");
    expect(typeset("industries' share")).toBe('industries\u2019 share');
    expect(typeset('2.7 trillion yuan')).toBe('2.7 trillion yuan');
  });
  it('sets ranges of years and quarters with an en dash, and leaves ISO dates alone', () => {
    expect(typeset('2021-2024 and Q1-Q3, H1-H2')).toBe('2021\u20132024 and Q1\u2013Q3, H1\u2013H2');
    expect(typeset('on 2025-10-27')).toBe('on 2025-10-27');
  });
  it('glues a number to its unit, and a magnitude word to the unit after it', () => {
    expect(typeset('reached 2.7 trillion yuan in 2024', { glue: true })).toBe(
      'reached 2.7\u00a0trillion\u00a0yuan in 2024',
    );
    expect(typeset('with 29 countries', { glue: true })).toBe('with 29\u00a0countries');
    expect(typeset('In 2024 China', { glue: true })).toBe('In 2024 China');
    // A figure that ends a phrase is not glued to the next one's first word.
    expect(typeset('peak 6, low 0', { glue: true })).toBe('peak 6, low 0');
    expect(typeset('up 5. then', { glue: true })).toBe('up 5. then');
  });
  it('closes typed spaces around Latin words and figures in Chinese text, not in English', () => {
    expect(typeset('积极推进加入 CPTPP 和 DEPA 进程')).toBe('积极推进加入CPTPP和DEPA进程');
    expect(typeset('深圳集聚 12 万家跨境电商卖家', { glue: true })).toBe('深圳集聚12万家跨境电商卖家');
    expect(typeset('2021 至 2024 年')).toBe('2021至2024年');
    expect(typeset('A report in the 光明日报 on trade')).toBe('A report in the 光明日报 on trade');
  });
});
