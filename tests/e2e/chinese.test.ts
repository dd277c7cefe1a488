import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/index.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { measureSlideText } from '../helpers/fit-check.js';
import { openPptx, paragraphsOf, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/** The Chinese briefing: same data file as the English one, zh-CN text, formats and line breaking. */
let result: BuildResult;
let deck: OpenedDeck;

beforeAll(async () => {
  const out = join(tempProject(), 'out');
  result = await buildDeck('decks/opening-up-zh.yaml', { cwd: REPO, outDir: out, cacheDir: false });
  deck = await openPptx(join(out, 'opening-up-zh.pptx'));
});

describe('Chinese deck decks/opening-up-zh.yaml', () => {
  it('builds clean from the shared data file', () => {
    expect(result.diagnostics).toEqual([]);
    expect(deck.slides.map((s) => s.title)).toEqual(
      expect.arrayContaining(['以高水平开放绘就合作共赢新画卷', '资料来源']),
    );
  });

  it('formats figures the Chinese way', () => {
    const all = deck.slides.flatMap((s) => s.texts).join('\n');
    for (const figure of [
      // A stat card's unit stays beside its figure, set small (design review); 万 and 亿 instead of digit groups.
      '6.16\n万亿美元\n2024年货物贸易',
      '22\n个\n自由贸易试验区',
      '8\n年\n连续位居世界第一',
      '32.4%',
      '超过7200亿美元',
      '2.7万亿元',
      '超过24万家',
    ]) {
      expect(all).toContain(figure);
    }
    // Paragraph text, runs joined: compressed punctuation (：《, 》2) is a run of its own.
    const lines = deck.slides.flatMap((s) => paragraphsOf(s.xml));
    expect(lines).toContain('资料来源：《光明日报》2025年10月27日');
  });

  it('tags every run with CJK text zh-CN and writes the East Asian face', () => {
    for (const slide of deck.slides) {
      for (const run of slide.xml.matchAll(/<a:r><a:rPr([^>]*)>([\s\S]*?)<a:t>([^<]*)<\/a:t><\/a:r>/g)) {
        if (/[\u4e00-\u9fff]/.test(run[3]!)) expect(run[1]).toContain('lang="zh-CN"');
        // A line-start opening “ is set half-width in the Latin face, both slots.
        const face =
          /^[“‘]$/.test(run[3]!) && run[2]!.includes('<a:latin typeface="Calibri"') ? 'Calibri' : 'Microsoft YaHei';
        expect(run[2]).toContain(`<a:ea typeface="${face}"`);
      }
    }
  });

  it('shows chart categories in Chinese, in the alt text too', () => {
    const chart = deck.slides.find((s) => s.title === '免签政策持续释放红利')!;
    expect(chart.altTexts[0]).toBe('条形图（国家数量）。全面互免签证 29；单方面免签入境 47。');
  });

  it('fits every text box, wrapping Chinese between characters', () => {
    const measure = createMeasurer(BASE_THEME.fonts);
    const boxes = deck.slides.flatMap((s) => measureSlideText(s.xml, s.index, measure));
    expect(boxes.filter((b) => b.needed > b.available + 0.5)).toEqual([]);
    // The three bullets beside the visa chart wrap in their narrow box: more lines than bullets.
    const visa = deck.slides.find((s) => s.title === '免签政策持续释放红利')!;
    expect(boxes.find((b) => b.slide === visa.index && b.name === 'Body')!.lines).toBeGreaterThan(3);
  });
});
