import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/index.js';
import { openPptx, type OpenedDeck, type OpenedSlide } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/** The chart gallery: every chart type as a chart.js picture and as a native chart. */
let project: string;
let result: BuildResult;
let deck: OpenedDeck;

beforeAll(async () => {
  project = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
  result = await buildDeck('decks/chart-gallery.yaml', { cwd: project, cacheDir: join(project, 'cache') });
  deck = await openPptx(join(project, 'out', 'chart-gallery.pptx'));
});

/** The picture's slide has the title; the editable chart's slide says so after it (titles are unique). */
const slide = (title: string, native: boolean): OpenedSlide => {
  const matches = deck.slides.filter((s) => s.title === (native ? `${title} (editable)` : title));
  expect(matches, title).toHaveLength(1);
  return matches[0]!;
};

async function picture(s: OpenedSlide): Promise<PNG> {
  const media = s.images.filter((i) => !i.includes('image-1002'));
  expect(media).toHaveLength(1);
  return PNG.sync.read(await deck.bytes(media[0]!));
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Share of pixels in a region (fractions of width/height) that are not the white background. */
function inked(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.floor(png.height * y0); y < png.height * y1; y += 2) {
    for (let x = Math.floor(png.width * x0); x < png.width * x1; x += 2) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! < 245 || png.data[i + 1]! < 245 || png.data[i + 2]! < 245) ink++;
      all++;
    }
  }
  return ink / all;
}

/** Pixels (sampled) of exactly this colour. */
function count(png: PNG, hex: string): number {
  const [r, g, b] = rgb(hex);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 16)
    if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

const NAVY = '1F4E79';
/** The theme's warning red: never a data colour (it reads as loss); the second series is blue-grey. */
const RED = 'B3282D';
const SECOND = '4A78A8';
const THIRD = 'B07D1A';
/** The theme's emphasis colour: target lines. */
const TARGET = 'D12E35';
const MUTED = '848E9B';

describe('chart gallery', () => {
  it('builds every type in both renderings without a warning', () => {
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([]);
    expect(result.report.charts).toEqual({ rendered: 16, cached: 0, native: 16 });
    expect(deck.slides).toHaveLength(36);
  });

  it.each([
    ['Column chart: growth in services trade', [NAVY, MUTED]],
    ['Horizontal bar chart: visa policy', [NAVY]],
    ['Stacked bar chart: trade by quarter', [NAVY, SECOND, THIRD]],
    ['100% stacked bars: shares by quarter', [NAVY, SECOND, THIRD]],
    ['Line chart with a target', [NAVY, TARGET]],
    ['Area chart: trade by quarter', [NAVY]],
    ['Pie chart: two-way investment', [NAVY, SECOND]],
    ['Doughnut chart: regional shares (Chinese labels)', [NAVY, SECOND, THIRD, '3C8D93']],
    ['Combo chart: volume and growth', [NAVY, SECOND]],
    ['Scatter chart: tariffs and trade share', [NAVY]],
  ])('%s: a crisp picture with drawing in its plot area in the theme colours', async (title, colours) => {
    const s = slide(title, false);
    const png = await picture(s);
    // Twice the 96-dpi size of its box: the box is 864 pt wide (1152 px at 96 dpi).
    expect(png.width).toBe(2304);
    expect(inked(png, 0.15, 0.15, 0.85, 0.85)).toBeGreaterThan(0.01);
    for (const c of colours) expect(count(png, c), `${title}: colour ${c}`).toBeGreaterThan(20);
    expect(count(png, RED), `${title}: red data`).toBe(0);
    expect(s.altTexts[0]).toMatch(/chart/i);
  });

  it('draws only the highlighted column in the accent colour', async () => {
    const png = await picture(slide('Column chart: growth in services trade', false));
    // Bars of 38 and 40 muted, the bar of 67 in the accent colour: their areas are in that ratio.
    const muted = count(png, MUTED);
    const accent = count(png, NAVY);
    expect(muted / accent).toBeGreaterThan(1.05);
    expect(muted / accent).toBeLessThan(1.3);
  });

  it('writes alt text from the data', () => {
    expect(slide('Horizontal bar chart: visa policy', false).altTexts[0]).toBe(
      'Bar chart. Mutual visa exemption 29 countries; Unilateral visa-free entry 47 countries.',
    );
    expect(slide('Line chart with a target', false).altTexts[0]).toBe(
      'Line chart. 12 points from Jan to Dec; highest Dec 7%, lowest Feb 2.4%.',
    );
  });

  it.each([
    [
      'Column chart: growth in services trade',
      'c:barChart',
      [['Knowledge-intensive services', 'Digitally delivered services', 'Cross-border e-commerce'], [[38, 40, 67]]],
    ],
    [
      'Horizontal bar chart: visa policy',
      'c:barChart',
      [['Mutual visa exemption', 'Unilateral visa-free entry'], [[29, 47]]],
    ],
    [
      'Stacked bar chart: trade by quarter',
      'c:barChart',
      [
        ['Q1', 'Q2', 'Q3', 'Q4'],
        [
          [410, 445, 472, 498],
          [92, 101, 108, 117],
          [35, 41, 47, 55],
        ],
      ],
    ],
    [
      'Line chart with a target',
      'c:lineChart',
      [
        ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
        [[3.1, 2.4, 4, 5.2, 4.8, 5.9, 6.1, 5.5, 4.9, 5.8, 6.4, 7]],
      ],
    ],
    [
      'Area chart: trade by quarter',
      'c:areaChart',
      [
        ['Q1', 'Q2', 'Q3', 'Q4'],
        [
          [410, 445, 472, 498],
          [92, 101, 108, 117],
          [35, 41, 47, 55],
        ],
      ],
    ],
    [
      'Pie chart: two-way investment',
      'c:pieChart',
      [['China into partner countries', 'Partner countries into China'], [[160, 80]]],
    ],
    [
      'Doughnut chart: regional shares (Chinese labels)',
      'c:doughnutChart',
      [['东部地区', '中部地区', '西部地区', '东北地区'], [[58, 21, 16, 5]]],
    ],
  ] as const)(
    '%s: an editable chart whose type, categories and values are the data',
    async (title, element, [labels, values]) => {
      const s = slide(title, true);
      expect(s.charts).toHaveLength(1);
      const xml = await deck.file(s.charts[0]!);
      expect(xml).toContain(`<${element}>`);
      // The target line is a series of its own (tested in native.test.ts): the data's series are the others.
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)]
        .map((m) => m[1]!)
        .filter((ser) => !/<c:tx>[\s\S]*?<c:v>Target/.test(ser));
      expect(series).toHaveLength(values.length);
      series.forEach((ser, i) => {
        const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)![1]!;
        const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)![1]!;
        expect([...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual(labels);
        expect([...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(values[i]);
      });
    },
  );

  it('stacks native bars as the picture does and lists horizontal bars from the top', async () => {
    expect(await deck.file(slide('Stacked bar chart: trade by quarter', true).charts[0]!)).toContain(
      '<c:grouping val="stacked"/>',
    );
    expect(await deck.file(slide('100% stacked bars: shares by quarter', true).charts[0]!)).toContain(
      '<c:grouping val="percentStacked"/>',
    );
    const horizontal = await deck.file(slide('Horizontal bar chart: visa policy', true).charts[0]!);
    expect(horizontal).toContain('<c:barDir val="bar"/>');
    expect(horizontal).toContain('<c:orientation val="maxMin"/>');
    expect(/<c:valAx>[\s\S]*<c:crosses val="max"\/>[\s\S]*<\/c:valAx>/.test(horizontal)).toBe(true);
  });

  it('puts the combo line on a second axis in the native chart', async () => {
    const xml = await deck.file(slide('Combo chart: volume and growth', true).charts[0]!);
    expect(xml).toContain('<c:barChart>');
    expect(xml).toContain('<c:lineChart>');
    expect((xml.match(/<c:valAx>/g) ?? []).length).toBe(2);
  });

  it('renders nothing on a second build, and only the changed chart after a data change', async () => {
    const again = await buildDeck('decks/chart-gallery.yaml', { cwd: project, cacheDir: join(project, 'cache') });
    expect(again.report.charts).toEqual({ rendered: 0, cached: 16, native: 16 });
    const first = readFileSync(join(project, 'out', 'chart-gallery.pptx'));

    const copy = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
    cpSync(join(project, 'cache'), join(copy, 'cache'), { recursive: true });
    const dataFile = join(copy, 'decks/data/chart-gallery.yaml');
    writeFileSync(
      dataFile,
      readFileSync(dataFile, 'utf8').replace('Mutual visa exemption: 29', 'Mutual visa exemption: 30'),
    );
    const changed = await buildDeck('decks/chart-gallery.yaml', { cwd: copy, cacheDir: join(copy, 'cache') });
    expect(changed.report.charts).toEqual({ rendered: 1, cached: 15, native: 16 });
    expect(readFileSync(join(copy, 'out', 'chart-gallery.pptx')).equals(first)).toBe(false);
  });

  it('gives identical bytes for identical inputs, native charts included, after other builds in the same process', async () => {
    // pins two fixes: embedded workbooks carried clock times, and pptxgenjs numbers charts per process
    const other = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
    await buildDeck('decks/chart-gallery.yaml', { cwd: other, cacheDir: false });
    expect(
      readFileSync(join(other, 'out', 'chart-gallery.pptx')).equals(
        readFileSync(join(project, 'out', 'chart-gallery.pptx')),
      ),
    ).toBe(true);
  });

  it('draws the same pictures in worker threads as in the main thread', async () => {
    const a = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
    const b = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
    const inThread = await buildDeck('decks/chart-gallery.yaml', { cwd: a, cacheDir: false, workers: 0 });
    const inWorkers = await buildDeck('decks/chart-gallery.yaml', { cwd: b, cacheDir: false, workers: 2 });
    expect(inThread.report.charts.rendered).toBe(16);
    expect(inWorkers.report.charts.rendered).toBe(16);
    expect(
      readFileSync(join(b, 'out', 'chart-gallery.pptx')).equals(readFileSync(join(a, 'out', 'chart-gallery.pptx'))),
    ).toBe(true);
  });

  it('shares one cache safely between builds running at the same time', async () => {
    const shared = join(tempProject(), 'cache');
    const dirs = [0, 1, 2].map(() => tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']));
    const results = await Promise.all(
      dirs.map((cwd) => buildDeck('decks/chart-gallery.yaml', { cwd, cacheDir: shared })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const bytes = dirs.map((d) => readFileSync(join(d, 'out', 'chart-gallery.pptx')));
    expect(bytes[1]!.equals(bytes[0]!) && bytes[2]!.equals(bytes[0]!)).toBe(true);
    const files = readdirSync(shared);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(16);
  });

  it('uses the repository gallery outline unchanged', () => {
    expect(readFileSync(join(project, 'decks/chart-gallery.yaml'), 'utf8')).toBe(
      readFileSync(join(REPO, 'decks/chart-gallery.yaml'), 'utf8'),
    );
  });
});
