import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { houseDate, pickText } from '../../src/resolve/house-text.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { loadTheme, masterTexts } from './helpers.js';

const OUTLINE = (lang: string, theme: string) => `title: 开放
date: 2025-10-27
lang: ${lang}
theme: ${theme}
data: data.yaml
sections:
  - title: 一
    slides:
      - type: bullets
        title: 出口
        bullets: ["出口达到{{ exports }}", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条", "第十一条", "第十二条"]
`;
const DATA = `sources: { s: { title: T, publisher: P } }
source: s
exports: { value: 3.5, unit: 万亿美元 }
`;

function project(lang: string, theme?: string): string {
  return tempProject({
    'briefdeck.yaml': '# project\n',
    'deck.yaml': OUTLINE(lang, theme ? 'templates/house.yaml' : 'official'),
    'data.yaml': DATA,
    ...(theme ? { 'templates/house.yaml': theme } : {}),
  });
}

describe('house text in the deck language', () => {
  it('picks the exact tag, then the same language, then the text without a language', () => {
    const text = { en: 'Office', 'zh-CN': '办公室' };
    expect(pickText(text, 'zh-CN', true)).toBe('办公室');
    expect(pickText(text, 'zh-TW', true)).toBe('办公室');
    expect(pickText(text, 'fr', true)).toBe('Office');
    expect(pickText(text, 'fr', false)).toBeUndefined();
    expect(pickText({ '*': 'Office' }, 'zh', false)).toBe('Office');
  });

  it('writes dates in the theme pattern for the language', async () => {
    const theme = { ...(await loadTheme('official')), dateFormat: { en: 'MMMM D, YYYY', zh: 'YYYY年MM月DD日' } };
    expect(houseDate(theme, '2025-10-07', 'en')).toBe('October 7, 2025');
    expect(houseDate(theme, '2025-10-07', 'zh-CN')).toBe('2025年10月07日');
    expect(houseDate(theme, '2025-10-07', 'fr')).toBeUndefined();
  });

  it('a Chinese deck in the official theme carries its Chinese footer and marking, no English', async () => {
    const dir = project('zh-CN');
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error' || d.code === 'foreign-house-text')).toEqual([]);
    // Runs are split where shared punctuation takes the East Asian face: compare the joined text.
    const texts = (await masterTexts(await openPptx(join(dir, 'out', 'deck.pptx')))).join('|');
    expect(texts).toContain('政策研究室  ·  2025年10月27日');
    expect(texts).toContain('内部');
    expect(texts).not.toMatch(/Policy Research Office|INTERNAL/);
  });

  it('check warns at the theme value when a Chinese deck would show English-only house text', async () => {
    const dir = project(
      'zh-CN',
      `extends: official
footer:
  text: Policy Research Office
  classification: { en: INTERNAL, zh-CN: 内部 }
words:
  sources: { en: References }
`,
    );
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(
      located(r)
        .filter((d) => d.code === 'foreign-house-text')
        .map((d) => `${d.file}:${d.line}:${d.column}`),
    ).toEqual(['templates/house.yaml:3:9']);
    // An English deck in the same theme is not warned about.
    const en = project('en', 'extends: official\nfooter: { text: Policy Research Office }\n');
    expect(located(await checkDeck('deck.yaml', { cwd: en })).filter((d) => d.code === 'foreign-house-text')).toEqual(
      [],
    );
  });

  it("replaces briefdeck's words and the date format with the theme's, per language", async () => {
    const dir = project(
      'zh-CN',
      `extends: official
words:
  sources: { en: References, zh-CN: 参考资料 }
  source: { zh-CN: 来源 }
  continued: { zh-CN: （接上页） }
date_format: { zh-CN: YYYY.MM.DD }
`,
    );
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.slides.at(-1)!.title).toBe('参考资料');
    expect(deck.slides.map((s) => s.title)).toContain('出口（接上页）');
    expect(deck.slides.find((s) => s.title === '出口')!.texts.join('')).toContain('来源：P');
    expect((await masterTexts(deck)).join('|')).toContain('政策研究室  ·  2025.10.27');
  });
});
