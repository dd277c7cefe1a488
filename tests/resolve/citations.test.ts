import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx, paragraphsOf, type OpenedDeck } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/**
 * Sources read as one language and one date style: the deck's language picks a source's
 * per-language title and publisher, dates are written as the footer writes the deck date, and
 * a Chinese deck citing an English title punctuates that line in English.
 */

const data = (title: string) => `sources:
  paper:
    title: ${title}
    author: Gu Yan and Liu Fanxi
    publisher: { en: Guangming Daily, zh-CN: 光明日报 }
    date: 2025-10-27
    page: 12
source: paper
trade: { value: 6.16, unit: USD trillion }
`;

const outline = (lang: string, theme = 'official') => `title: Citations
lang: ${lang}
date: 2025-10-27
theme: ${theme}
data: data.yaml
sections:
  - title: Part
    slides:
      - type: bullets
        title: Trade
        bullets: ["Goods trade: {{ trade }}"]
`;

async function build(files: Record<string, string>): Promise<OpenedDeck> {
  const dir = tempProject(files);
  const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, workers: 0 });
  expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
  return openPptx(join(dir, 'out', 'deck.pptx'));
}

const ENGLISH_TITLE = '"Drawing A New Picture"';
const sourcesEntry = (deck: OpenedDeck) => deck.slides.at(-1)!.texts.join('');
/** The slide's paragraphs, runs joined: a compressed mark (：《) is a run of its own. */
const footOf = (deck: OpenedDeck) => paragraphsOf(deck.slides.find((s) => s.title === 'Trade')!.xml).join('|');

describe('citations in the deck language', () => {
  it('writes source dates as the footer writes the deck date (English)', async () => {
    const deck = await build({ 'data.yaml': data(ENGLISH_TITLE), 'deck.yaml': outline('en') });
    expect(footOf(deck)).toContain('Source: Guangming Daily, 27 October 2025');
    expect(sourcesEntry(deck)).toContain(
      'Gu Yan and Liu Fanxi, “Drawing A New Picture”, Guangming Daily, 27 October 2025, p. 12',
    );
    expect(deck.slides[0]!.texts.join('|')).toContain('27 October 2025');
  });

  it("follows the theme's date pattern when it gives one", async () => {
    const deck = await build({
      'data.yaml': data(ENGLISH_TITLE),
      'deck.yaml': outline('en', 'house'),
      'templates/house.yaml': 'extends: official\ndate_format: { en: "MMMM D, YYYY" }\n',
    });
    expect(footOf(deck)).toContain('Source: Guangming Daily, October 27, 2025');
  });

  it("uses the Chinese publisher at the foot, and cites an English title's work wholly in English", async () => {
    const deck = await build({ 'data.yaml': data(ENGLISH_TITLE), 'deck.yaml': outline('zh-CN') });
    // A newspaper at the foot is named in book-title marks, as Chinese reports cite one.
    expect(footOf(deck)).toContain('资料来源：《光明日报》2025年10月27日');
    const entry = sourcesEntry(deck);
    expect(entry).toContain('Gu Yan and Liu Fanxi, “Drawing A New Picture”, Guangming Daily, 27 October 2025, p. 12');
    expect(entry.slice(entry.indexOf('1. '))).not.toMatch(/[《》，\u4e00-\u9fff]/);
    // Quotation marks between Latin text stay in the English title's run (Latin face), not full-width.
    expect(deck.slides.at(-1)!.texts).toContainEqual(
      expect.stringContaining('“Drawing A New Picture”, Guangming Daily'),
    );
  });

  it('names an organisation at the foot of a Chinese slide without book-title marks', async () => {
    const bureau = data(ENGLISH_TITLE).replace(
      'publisher: { en: Guangming Daily, zh-CN: 光明日报 }',
      'publisher: { en: National Bureau of Statistics, zh-CN: 国家统计局 }',
    );
    const deck = await build({ 'data.yaml': bureau, 'deck.yaml': outline('zh-CN') });
    expect(footOf(deck)).toContain('资料来源：国家统计局，2025年10月27日');
  });

  it('writes a line wholly in Chinese when the source gives a Chinese title', async () => {
    const deck = await build({
      'data.yaml': data('{ en: Drawing A New Picture, zh-CN: 绘就新画卷 }'),
      'deck.yaml': outline('zh-CN'),
    });
    expect(sourcesEntry(deck)).toContain('《绘就新画卷》，光明日报，2025年10月27日，第12版');
    const english = await build({
      'data.yaml': data('{ en: Drawing A New Picture, zh-CN: 绘就新画卷 }'),
      'deck.yaml': outline('en'),
    });
    expect(sourcesEntry(english)).toContain('“Drawing A New Picture”, Guangming Daily, 27 October 2025, p. 12');
  });
});
