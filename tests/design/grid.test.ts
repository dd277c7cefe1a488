import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { footerRuleY, frameOf } from '../../src/layout/frame.js';
import { loadTheme } from '../theme/helpers.js';

/** The flagship decks as built: where each slide's body starts, and the quotation slide's grid (design review §3). */
const decks = new Map<string, OpenedDeck>();
const official = await loadTheme('official');
const EMU = 12700;

beforeAll(async () => {
  for (const name of ['opening-up', 'opening-up-zh']) {
    const out = join(tempProject(), 'out');
    await buildDeck(`decks/${name}.yaml`, { cwd: REPO, outDir: out, cacheDir: false });
    decks.set(name, await openPptx(join(out, `${name}.pptx`)));
  }
});

/** Every named shape or frame of a slide with its box in points. */
function boxes(xml: string): { name: string; x: number; y: number; w: number; h: number }[] {
  return [...xml.matchAll(/<p:(sp|graphicFrame|pic)>([\s\S]*?)<\/p:\1>/g)].flatMap((m) => {
    const name = /<p:cNvPr id="\d+" name="([^"]*)"/.exec(m[2]!)?.[1];
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(m[2]!);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(m[2]!);
    if (!name || !off || !ext) return [];
    return [{ name, x: +off[1]! / EMU, y: +off[2]! / EMU, w: +ext[1]! / EMU, h: +ext[2]! / EMU }];
  });
}

/** The top of a slide's body: bullets, table or stat cards (a chart slide keeps a closer start, see frame.ts). */
const BODY = /^(Body|Table|Stat card)$/;

describe.each(['opening-up', 'opening-up-zh'])('%s', (name) => {
  const slides = () =>
    decks
      .get(name)!
      .slides.filter((s) => !/name="Chart|drawingml\/2006\/chart/.test(s.xml))
      .map((s) => ({ index: s.index, shapes: boxes(s.xml) }))
      .filter((s) => s.shapes.some((b) => b.name === 'Title rule') && s.shapes.some((b) => BODY.test(b.name)));

  it('starts every body at one y, 30 pt or more under the title rule', () => {
    const tops = new Set<number>();
    expect(slides().length).toBeGreaterThan(2);
    for (const s of slides()) {
      const rule = s.shapes.find((b) => b.name === 'Title rule')!;
      const top = Math.min(...s.shapes.filter((b) => BODY.test(b.name)).map((b) => b.y));
      expect(top - (rule.y + rule.h), `slide ${s.index}`).toBeGreaterThanOrEqual(30);
      tops.add(Math.round(top));
    }
    // One-line titles everywhere in the flagships: one body top.
    expect([...tops]).toHaveLength(1);
  });

  it('lets stat cards and tables take most of the body: none ends in its upper 60 %', () => {
    const blocks = decks
      .get(name)!
      .slides.map((s) => boxes(s.xml))
      .filter((shapes) => shapes.some((b) => /^(Table|Stat 1 card)$/.test(b.name)));
    expect(blocks.length).toBeGreaterThan(1);
    // The footer rule is on the masters: where the official theme's frame puts it.
    const rule = footerRuleY(frameOf(official));
    for (const shapes of blocks) {
      const block = shapes.find((b) => /^(Table|Stat 1 card)$/.test(b.name))!;
      // A row of 220 pt cards or a table at its measured height left 40 % of the body blank.
      expect(block.h).toBeGreaterThanOrEqual(0.6 * (rule - block.y));
    }
  });

  it('sets the quotation on the grid: bar on the margin, attribution flush with the text', () => {
    const quote = decks.get(name)!.slides.find((s) => s.xml.includes('name="Quote"'))!;
    const shapes = boxes(quote.xml);
    const title = boxes(decks.get(name)!.slides[2]!.xml).find((b) => b.name === 'Title')!;
    const bar = shapes.find((b) => b.name === 'Quote rule')!;
    const text = shapes.find((b) => b.name === 'Quote')!;
    const by = shapes.find((b) => b.name === 'Attribution')!;
    expect(bar.x).toBeCloseTo(title.x, 1);
    // The opening mark hangs left of the text's edge (a hanging indent as wide as the mark):
    // the attribution is flush with the quotation's letters, not with its mark.
    const quoteXml = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*name="Quote"[\s\S]*?<\/p:sp>/.exec(quote.xml)![0];
    const [, marL, indent] = /<a:pPr[^>]* marL="(\d+)" indent="(-?\d+)"/.exec(quoteXml)!;
    expect(Number(indent)).toBe(-Number(marL));
    const size = Number(/ sz="(\d+)"/.exec(quoteXml.replace(/<a:rPr[^>]* sz="100"[^>]*>/g, ''))![1]) / 100;
    expect(Number(marL) / EMU).toBeGreaterThan(0.2 * size);
    expect(Number(marL) / EMU).toBeLessThan(0.6 * size);
    expect(by.x).toBeCloseTo(text.x + Number(marL) / EMU, 1);
    const attribution = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*name="Attribution"[\s\S]*?<\/p:sp>/.exec(quote.xml)![0];
    expect(attribution).not.toMatch(/algn="r"/);
  });

  it('hangs each citation of the Sources list: its second line starts under its text, not its number', () => {
    const sources = decks.get(name)!.slides.at(-1)!;
    const list = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*name="Sources"[\s\S]*?<\/p:sp>/.exec(sources.xml)![0];
    const paragraphs = [...list.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1]!);
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) {
      const texts = [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
      expect(texts).toMatch(/^\d+\. /);
      const [, marL, indent] = /<a:pPr[^>]* marL="(\d+)" indent="(-?\d+)"/.exec(p)!;
      const size = Number(/ sz="(\d+)"/.exec(p)![1]) / 100;
      // The number hangs in the margin: "1. " is about 0.8 em wide, never a bullet's 20 pt.
      expect(Number(indent)).toBe(-Number(marL));
      expect(Number(marL) / EMU).toBeGreaterThan(0.4 * size);
      expect(Number(marL) / EMU).toBeLessThan(1.2 * size);
      expect(p).toContain('<a:buNone/>');
    }
  });
});

describe('the typographic text rule on the English flagship', () => {
  it('curls apostrophes, dashes year ranges and glues figures to units on slides, not in notes or data', () => {
    const en = decks.get('opening-up')!;
    const slideText = en.slides.flatMap((s) => s.texts).join('\n');
    expect(slideText).toContain('2021\u20132024');
    expect(slideText).toMatch(/China\u2019s/);
    expect(slideText).not.toMatch(/\p{L}'\p{L}/u);
    expect(slideText).not.toMatch(/\b\d{4}-\d{4}\b/);
    // A bullet's figure keeps its unit on its line: "2.7 / trillion yuan" was split.
    expect(slideText).toContain('2.7\u00a0trillion\u00a0yuan');
    // Notes stay as written.
    expect(en.slides.map((s) => s.notes).join('\n')).not.toContain('\u2019');
  });
});

describe('the attribution of a quotation', () => {
  it('breaks where its parts meet, leaving no lone words on its last line', () => {
    const quote = decks.get('opening-up')!.slides.find((s) => s.xml.includes('name="Quote"'))!;
    const attribution = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*name="Attribution"[\s\S]*?<\/p:sp>/.exec(quote.xml)![0];
    const lines = attribution
      .split('<a:br/>')
      .map((part) => [...part.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''));
    expect(lines).toEqual([
      '— Xi Jinping, General Secretary of the CPC Central Committee',
      '(as cited by the authors)',
    ]);
  });
});
