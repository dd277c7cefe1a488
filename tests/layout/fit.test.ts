import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, checkDeck, type BuildResult } from '../../src/index.js';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { fitBlocks, FitLog, LINE_HEIGHT, measureBlocks, shrinkToFit, WIDTH_SAFETY } from '../../src/layout/fit.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { located } from '../helpers/diagnostics.js';
import { fakeMeasurer, HERE } from '../helpers/layout.js';
import { measureSlideText } from '../helpers/fit-check.js';
import { openPptx, shapesOf, textsOf, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

const measure = createMeasurer(BASE_THEME.fonts);
let result: BuildResult;
let deck: OpenedDeck;

beforeAll(async () => {
  const out = join(tempProject(), 'out');
  result = await buildDeck('tests/fixtures/stress/stress.yaml', { cwd: REPO, outDir: out, cacheDir: false });
  deck = await openPptx(join(out, 'stress.pptx'));
});

describe('layout of the stress outline (long titles, 20 bullets, 40 rows, Chinese and mixed text)', () => {
  it('builds, reporting each split as a warning with its position', () => {
    expect(result.ok).toBe(true);
    const splits = located(result).filter((d) => d.code === 'content-split');
    expect(splits.map((d) => [d.message, d.line])).toEqual([
      // 20 bullets at the 22 pt body size: shrinking them to the 18 pt floor would not be enough.
      ['bullets continued over 3 slides', 14],
      ['table continued over 4 slides, header repeated', 45],
    ]);
    expect(result.report.layout).toEqual({ shrunk: 0, split: 2 });
  });

  it('keeps every text box’s text inside its box, by the same measurement', () => {
    const boxes = deck.slides.flatMap((s) => measureSlideText(s.xml, s.index, measure));
    expect(boxes.length).toBeGreaterThan(30);
    const over = boxes.filter((b) => b.needed > b.available + 0.5);
    expect(over, JSON.stringify(over, null, 1)).toEqual([]);
  });

  it('continues the 20 bullets on a slide titled "(cont.)", every bullet kept once, in order', () => {
    const pages = deck.slides.filter((s) => s.title.startsWith('Twenty bullets'));
    expect(pages.map((s) => s.title)).toEqual(['Twenty bullets', 'Twenty bullets (cont.)', 'Twenty bullets (cont.)']);
    const bullets = pages.flatMap((s) => s.texts.filter((t) => t.startsWith('Bullet ')));
    expect(bullets.map((b) => Number(/Bullet (\d+)/.exec(b)![1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('continues the 40-row table on further slides, repeating its header row', () => {
    const pages = deck.slides.filter((s) => s.title.startsWith('Forty rows'));
    expect(pages.length).toBe(4);
    for (const page of pages)
      expect(textsOf(/<a:tbl>[\s\S]*<\/a:tbl>/.exec(page.xml)![0]).slice(0, 4)).toEqual([
        'Region',
        'Trade (USD bn)',
        'Growth (%)',
        'Note',
      ]);
    const regions = pages.flatMap((p) =>
      [...p.xml.matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)].slice(1).map((r) => /<a:t>([^<]*)<\/a:t>/.exec(r[1]!)![1]),
    );
    expect(regions).toHaveLength(40);
    expect(regions[0]).toBe('Guangdong');
    expect(regions[39]).toBe('Region 40');
  });

  it('keeps a table inside the body area of its slide', () => {
    for (const page of deck.slides.filter((s) => s.xml.includes('<a:tbl>'))) {
      const frame = /<p:graphicFrame>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(
        page.xml,
      )!;
      const rows = [...page.xml.matchAll(/<a:tr h="(\d+)">/g)].reduce((a, m) => a + Number(m[1]), 0);
      expect(Number(frame[2]) + rows).toBeLessThanOrEqual((540 - 62) * 12700);
    }
  });

  it('moves the body below a two-line title', () => {
    const slide = deck.slides.find((s) => s.title.startsWith('A slide title that is long'))!;
    const title = shapesOf(slide.xml).find((s) => s.isTitle)!;
    const body = shapesOf(slide.xml).find((s) => s.name === 'Body')!;
    const titleLines = measureSlideText(slide.xml, slide.index, measure).find((b) => b.name === 'Title')!.lines;
    expect(titleLines).toBe(2);
    expect(body.y).toBeGreaterThanOrEqual(title.y + title.h);
  });

  it('tags Chinese runs zh-CN and writes the East Asian face', () => {
    const slide = deck.slides.find((s) => s.title.startsWith('中文段落'))!;
    expect(slide.xml).toMatch(/<a:rPr lang="zh-CN"[^>]*>[\s\S]*?<a:ea typeface="Microsoft YaHei"/);
    const mixed = deck.slides.find((s) => s.title.startsWith('A slide title that is long'))!;
    expect(mixed.xml).toMatch(/<a:rPr lang="zh-CN"[^>]*>(?:(?!<\/a:r>)[\s\S])*Mixed text/);
    expect(mixed.xml).toMatch(/<a:rPr lang="en-US"[^>]*>(?:(?!<\/a:r>)[\s\S])*A first bullet/);
  });
});

describe('continuation slides', () => {
  it('fit under a "(cont.)" title that needs a line more than the first title', async () => {
    // One line at the title size (30 pt, 864 pt across less the 5 % margin); with " (cont.)" it needs two.
    const words =
      'Trade by region across every province and region of the country with forty rows of figures and more'.split(' ');
    const oneLine = (t: string) => measure.width(t, 30, true) <= 864 * 0.95;
    const title = words
      .map((_, i) => words.slice(0, i + 1).join(' '))
      .filter((t) => oneLine(t) && !oneLine(`${t} (cont.)`))
      .at(-1)!;
    expect(title).toBeDefined();
    const dir = tempProject(
      {
        'deck.yaml': `title: T\ndata: data/stress.yaml\nsections:\n  - title: S\n    slides:\n      - { type: table, title: "${title}", table: regions }\n`,
      },
      [],
    );
    cpSync(join(REPO, 'tests/fixtures/stress/data'), join(dir, 'data'), { recursive: true });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const pages = deck.slides.filter((s) => s.xml.includes('<a:tbl>'));
    expect(pages.length).toBeGreaterThan(1);
    const titleLines = pages.map(
      (p) => measureSlideText(p.xml, p.index, measure).find((b) => b.name === 'Title')!.lines,
    );
    expect(titleLines[0]).toBe(1);
    expect(titleLines[1]).toBe(2);
    for (const page of pages) {
      const frame = /<p:graphicFrame>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>/.exec(page.xml)!;
      const rows = [...page.xml.matchAll(/<a:tr h="(\d+)">/g)].reduce((a, m) => a + Number(m[1]), 0);
      expect(Number(frame[2]) + rows, `slide ${page.index}`).toBeLessThanOrEqual((540 - 62) * 12700);
    }
  });
});

describe('text that cannot fit', () => {
  it('is an error at its position: a word longer than the slide is wide', async () => {
    const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3);
    const dir = tempProject({
      'deck.yaml': `title: T\nsections:\n  - title: S\n    slides:\n      - type: bullets\n        title: Too long\n        bullets: ["${long}"]\n`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(false);
    expect(located(r).find((d) => d.code === 'text-does-not-fit')).toMatchObject({
      file: 'deck.yaml',
      line: 5,
      column: 9,
    });
  });

  it('is an error when a table is wider than the slide even at its smallest size', async () => {
    const word = 'Electroencephalography';
    const columns = Array.from({ length: 10 }, (_, i) => `C${i}`);
    const row = columns.map(() => word);
    const dir = tempProject({
      'deck.yaml': `title: T\nsections:\n  - title: S\n    slides:\n      - type: table\n        title: Wide\n        table: { columns: ${JSON.stringify(columns)}, rows: [${JSON.stringify(row)}] }\n`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(false);
    const d = located(r).find((x) => x.code === 'text-does-not-fit')!;
    expect(d.message).toMatch(/^the table needs \d+ pt across even at 11 pt, but the slide has 864 pt$/);
    expect(d).toMatchObject({ line: 5, column: 9 });
  });

  it('is an error when the footer text is too long for its place', async () => {
    const dir = tempProject({
      'deck.yaml': `title: T\nfooter: ${'A very long office name that goes on and on '.repeat(3)}\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q, title: T }\n`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(located(r).find((x) => x.code === 'text-does-not-fit')).toMatchObject({
      line: 2,
      column: 9,
      suggestion: 'shorten it',
    });
  });

  it('shrinks a little before it splits, and says so', async () => {
    const bullets = Array.from(
      { length: 6 },
      (_, i) =>
        `  - Bullet ${i + 1} that is long enough to wrap onto a second line at the theme's body size of twenty-two`,
    ).join('\n      ');
    const dir = tempProject({
      'deck.yaml': `title: T\nsections:\n  - title: S\n    slides:\n      - type: bullets\n        title: Seven long bullets\n        bullets:\n      ${bullets}\n`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    const shrink = r.diagnostics.find((d) => d.code === 'text-shrunk');
    expect(shrink?.message).toMatch(/^bullets set at \d+(\.5)? pt instead of 22 pt to fit$/);
    expect(r.diagnostics.some((d) => d.code === 'content-split')).toBe(false);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.slides).toHaveLength(3);
  });

  it('continues rather than shrink body text past the floor', async () => {
    const bullets = Array.from(
      { length: 7 },
      (_, i) =>
        `  - Bullet ${i + 1} that is long enough to wrap onto a second line at the theme's body size of twenty-two points`,
    ).join('\n      ');
    const dir = tempProject({
      'deck.yaml': `title: T\nsections:\n  - title: S\n    slides:\n      - type: bullets\n        title: Seven long bullets\n        bullets:\n      ${bullets}\n`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.some((d) => d.code === 'content-split')).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const sizes = deck.slides.flatMap((s) => [
      ...s.xml.matchAll(/<a:rPr [^>]*sz="(\d+)"[^>]*>(?:(?!<\/a:r>)[\s\S])*Bullet/g),
    ]);
    expect(sizes.length).toBe(7);
    for (const m of sizes) expect(Number(m[1])).toBeGreaterThanOrEqual(1800);
  });

  it('counts shrinks and splits in the report even when the outline ignores their warnings', async () => {
    const long = Array.from(
      { length: 7 },
      (_, i) => `Bullet ${i + 1} that is long enough to wrap onto a second line at the theme's body size of 22 points`,
    );
    const many = Array.from({ length: 30 }, (_, i) => `Point ${i + 1}`);
    const outline = (ignore: string) =>
      `title: T\n${ignore}sections:\n  - title: S\n    slides:\n` +
      `      - { type: bullets, title: Seven long bullets, bullets: ${JSON.stringify(long)} }\n` +
      `      - { type: bullets, title: Thirty bullets, bullets: ${JSON.stringify(many)} }\n`;
    const dir = tempProject({
      'shown.yaml': outline(''),
      'ignored.yaml': outline('ignore: [text-shrunk, content-split]\n'),
    });
    const shown = await checkDeck('shown.yaml', { cwd: dir });
    const ignored = await checkDeck('ignored.yaml', { cwd: dir });
    const codes = (r: BuildResult) => r.diagnostics.map((d) => d.code).filter((c) => c !== 'unused-data');
    expect(codes(shown).sort()).toEqual(['content-split', 'text-shrunk']);
    expect(codes(ignored)).toEqual([]);
    expect(shown.report.layout).toEqual({ shrunk: 1, split: 1 });
    expect(ignored.report.layout).toEqual(shown.report.layout);
  });
});

describe('shrinkToFit, the one shrink loop', () => {
  it('tries the size, then half a point smaller, and stops at the first that fits', () => {
    const tried: number[] = [];
    const r = shrinkToFit(20, 10, (size) => {
      tried.push(size);
      return { fits: size <= 18.5 };
    });
    expect(r).toEqual({ fits: true, size: 18.5 });
    expect(tried).toEqual([20, 19.5, 19, 18.5]);
  });

  it('returns the attempt at the minimum, not fitting, when nothing fits', () => {
    const tried: number[] = [];
    const r = shrinkToFit(12, 10, (size) => {
      tried.push(size);
      return { fits: false, at: size };
    });
    expect(r).toEqual({ fits: false, at: 10, size: 10 });
    expect(tried).toEqual([12, 11.5, 11, 10.5, 10]);
  });

  it('takes a minimum above the size as that size only', () => {
    const tried: number[] = [];
    shrinkToFit(9, 11, (size) => {
      tried.push(size);
      return { fits: false };
    });
    expect(tried).toEqual([9]);
  });
});

describe('fitting text blocks (fake measurer: half an em a character)', () => {
  const text = 'aaaa aaaa aaaa aaaa'; // 19 characters: 9.5 em on one line

  it('measures lines and height at one size', () => {
    // 100 pt wide: 97 pt usable; at 10 pt one line of 95 pt, at 12 pt it wraps.
    expect(measureBlocks([{ text, indent: 0 }], 100, 10, fakeMeasurer)).toMatchObject({
      lines: [[text]],
      height: 10 * LINE_HEIGHT,
      brokeWord: false,
    });
    expect(measureBlocks([{ text, indent: 0 }], 100, 12, fakeMeasurer).lines[0]).toHaveLength(2);
  });

  it('shrinks to the largest half-point size at which the text keeps to its lines', () => {
    const r = fitBlocks(
      { blocks: [{ text, indent: 0 }], width: 100, height: 100, size: 14, minSize: 8, maxLines: 1 },
      fakeMeasurer,
    );
    const largest = Math.floor(((100 * WIDTH_SAFETY) / 9.5) * 2) / 2;
    expect(r).toMatchObject({ fits: true, size: largest, lines: [[text]] });
    expect(largest).toBe(10);
  });

  it('does not fit when a word is wider than the box even at the minimum', () => {
    const r = fitBlocks(
      { blocks: [{ text: 'x'.repeat(40), indent: 0 }], width: 100, height: 1000, size: 12, minSize: 8 },
      fakeMeasurer,
    );
    expect(r).toMatchObject({ fits: false, size: 8, brokeWord: true });
  });

  it('counts an indent against the width and space before a later block against the height', () => {
    const blocks = [
      { text: 'aaaa', indent: 0 },
      { text: 'bbbb', indent: 60, spaceBefore: 0.5 },
    ];
    const m = measureBlocks(blocks, 100, 10, fakeMeasurer);
    expect(m.height).toBe(2 * 10 * LINE_HEIGHT + 0.5 * 10);
    // 40 pt of usable width left after the indent: 4 characters of 5 pt fit, 9 do not.
    expect(measureBlocks([{ text: 'b'.repeat(9), indent: 60 }], 100, 10, fakeMeasurer).brokeWord).toBe(true);
  });
});

describe('FitLog', () => {
  it('counts each shrink and split once, as it warns once, and nothing that kept its size or slide', () => {
    const diagnostics = new Diagnostics();
    const log = new FitLog(diagnostics);
    log.shrunk('slide title', 30, 26, HERE);
    log.shrunk('slide title', 30, 26, HERE);
    log.shrunk('caption', 14, 14, HERE);
    log.split('bullets continued over 2 slides', 2, HERE);
    log.split('table continued over 1 slides', 1, HERE);
    expect(log.stats).toEqual({ shrunk: 1, split: 1 });
    expect(diagnostics.items.map((d) => [d.code, d.message])).toEqual([
      ['text-shrunk', 'slide title set at 26 pt instead of 30 pt to fit'],
      ['content-split', 'bullets continued over 2 slides'],
    ]);
  });

  it('still counts when the warnings are ignored', () => {
    const diagnostics = new Diagnostics();
    diagnostics.ignore(['text-shrunk', 'content-split']);
    const log = new FitLog(diagnostics);
    log.shrunk('bullets', 22, 18, HERE);
    log.split('bullets continued over 3 slides', 3, HERE);
    expect(diagnostics.items).toEqual([]);
    expect(log.stats).toEqual({ shrunk: 1, split: 1 });
  });
});
