import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/index.js';
import { openPptx, shapesOf, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/** The flagship deck, built from the repository's own files into a temporary out folder. */
let result: BuildResult;
let deck: OpenedDeck;
let out: string;
let cache: string;

beforeAll(async () => {
  const tmp = tempProject();
  out = join(tmp, 'out');
  cache = join(tmp, 'cache');
  result = await buildDeck('decks/opening-up.yaml', { cwd: REPO, outDir: out, cacheDir: cache });
  deck = await openPptx(join(out, 'opening-up.pptx'));
});

describe('flagship deck decks/opening-up.yaml', () => {
  it('builds without errors or warnings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has a title slide, six section dividers, twenty content slides and a Sources slide', () => {
    expect(deck.slides).toHaveLength(28);
    expect(result.slideCount).toBe(28);
    expect(deck.slides[0]!.title).toBe('Drawing a New Picture of Win-win Cooperation');
    expect(deck.slides.map((s) => s.title)).toEqual(
      expect.arrayContaining([
        'At a glance',
        'Taking the initiative in opening up',
        'Trade innovation',
        'Two-way investment',
        'High-quality Belt and Road',
        'Looking ahead',
      ]),
    );
    expect(deck.slides.at(-1)!.title).toBe('Sources');
  });

  it('carries speaker notes on every slide', () => {
    for (const slide of deck.slides) expect(slide.notes, `slide ${slide.index} "${slide.title}"`).not.toBe('');
    const stats = deck.slides.find((s) => s.title === 'Pilot zones as testing grounds for reform')!;
    expect(stats.notes).toContain('Since 2013 China has set up 22 pilot free trade zones');
  });

  it('shows the figures of the data file, formatted with their units', () => {
    // Layout ties a lone last word to the one before with a no-break space.
    const all = deck.slides
      .flatMap((s) => s.texts)
      .join('\n')
      .replace(/\u00a0/g, ' ');
    for (const figure of [
      // Stat cards: units beside their figures, set small (design review); a unit the label names is not repeated.
      '22\npilot free trade zones since 2013',
      '379\ninstitutional innovations rolled out',
      '80\nShanghai pilot measures',
      'US$\n6.16\n trillion\ngoods trade in 2024',
      '32.4%',
      '8\n years\nrunning as',
      '48.3%',
      '2.7 trillion yuan',
      'more than US$720 billion',
      'more than 240,000',
      '120,000',
    ]) {
      expect(all).toContain(figure);
    }
  });

  it('draws four charts of four kinds as pictures with alt text from the data', async () => {
    const chartSlides = deck.slides.filter((s) =>
      s.images.some((i) => /image-\d+-\d+\.png$/.test(i) && s.altTexts.length),
    );
    expect(chartSlides).toHaveLength(4);
    const alts = chartSlides.flatMap((s) => s.altTexts);
    expect(alts.join(' ')).toMatch(
      /Bar chart.*Comprehensive mutual visa exemption 29 countries; Unilateral visa-free entry 47 countries/,
    );
    expect(alts.join(' ')).toMatch(/Column chart/);
    expect(alts.join(' ')).toMatch(/Doughnut chart/);
    expect(alts.join(' ')).toMatch(/Column chart. 2021 US\$2\.7 trillion; 2024 US\$3\.1 trillion/);
    for (const slide of chartSlides) {
      const png = await deck.bytes(slide.images.find((i) => /image-/.test(i))!);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Rendered at twice screen density: wider than the box's 96-dpi size.
      expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
    }
    expect(result.report.charts.rendered + result.report.charts.cached).toBe(4);
  });

  it('cites the article at the foot of every slide that shows data, and lists it on the Sources slide', () => {
    const source = 'Source: Guangming Daily, 27 October 2025';
    // The slides whose text, chart or table takes a value from the data file.
    const expected = [
      'Key messages',
      'Pilot zones as testing grounds for reform',
      'Visa policy is opening the door wider',
      'Goods trade passes US$6 trillion',
      'Services and e-commerce have grown fast since 2020',
      'Shenzhen: a digital trade ecosystem',
      'Foreign investment: key facts',
      'Two-way investment with Belt and Road partners',
      'Belt and Road goods trade, 2021 to 2024',
      'Belt and Road: scale and reach',
    ];
    expect(deck.slides.filter((s) => s.texts.includes(source)).map((s) => s.title)).toEqual(expected);
    const noData = deck.slides.find((s) => s.title === 'Why two-way investment matters')!;
    expect(noData.texts).not.toContain(source);
    const sources = deck.slides.at(-1)!;
    expect(sources.texts.join(' ')).toContain(
      '1. Gu Yan and Liu Fanxi, “Drawing A New Picture Of Win-win Cooperation With High-level Openness”, Guangming Daily, 27 October 2025, p. 12',
    );
  });

  it('has one stats slide and two tables, the tables taking their figures from data keys', () => {
    expect(deck.slides.filter((s) => s.texts.join('\n').includes('22\npilot free trade zones'))).toHaveLength(1);
    const tables = deck.slides.filter((s) => s.xml.includes('<a:tbl>'));
    expect(tables).toHaveLength(2);
    expect(tables[0]!.texts).toEqual(
      expect.arrayContaining(['Measure', 'Figure', 'Period', 'more than US$720 billion', '29', 'cleared']),
    );
  });

  it('writes Calibri for Latin and Microsoft YaHei for East Asian text in every run and in the theme', async () => {
    for (const slide of deck.slides) {
      const latin = [...slide.xml.matchAll(/<a:latin typeface="([^"]+)"/g)].map((m) => m[1]);
      const ea = [...slide.xml.matchAll(/<a:ea typeface="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(latin)).toEqual(new Set(['Calibri']));
      expect(new Set(ea)).toEqual(new Set(['Microsoft YaHei']));
    }
    const theme = await deck.file('ppt/theme/theme1.xml');
    expect(theme).toContain('<a:majorFont><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/>');
    expect(theme).toContain('<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/>');
  });

  it('puts each title in the title placeholder at the position layout chose', () => {
    for (const slide of deck.slides.filter((s) => s.title)) {
      expect(shapesOf(slide.xml).find((s) => s.isTitle)!.name, `slide ${slide.index}`).toBe('Title');
    }
    // The quote slide's outline gives no title: its placeholder holds one for screen readers, above the slide.
    expect(deck.slides.filter((s) => !s.title).map((s) => s.index)).toEqual([]);
    expect(deck.slides[3]!.title).toBe('Quotation: Xi Jinping');
    const hidden = /<p:ph[^>]*type="title"[\s\S]*?<a:off x="\d+" y="(-?\d+)"\/><a:ext cx="\d+" cy="(\d+)"\/>/.exec(
      deck.slides[3]!.xml,
    )!;
    expect(Number(hidden[1]) + Number(hidden[2])).toBeLessThan(0);
    // Content titles start at 5 % of the slide height (27 pt = 342900 EMU), not at the master's box.
    const content = shapesOf(deck.slides[2]!.xml).find((s) => s.isTitle)!;
    expect(content.y).toBe(27 * 12700);
  });

  it('stores each logo variant and each chart image once', async () => {
    const media = deck.names.filter((n) => n.startsWith('ppt/media/'));
    const hashes = await Promise.all(media.map(async (m) => (await deck.bytes(m)).toString('base64')));
    expect(new Set(hashes).size).toBe(hashes.length);
    // Four charts, the emblem for white slides and its white twin for the navy title slide.
    expect(media.length).toBe(6);
  });

  it('gives the same bytes for the same inputs, from a warm cache too', async () => {
    const tmp = tempProject();
    const again = await buildDeck('decks/opening-up.yaml', { cwd: REPO, outDir: join(tmp, 'out'), cacheDir: cache });
    expect(again.report.charts).toEqual({ rendered: 0, cached: 4, native: 0 });
    expect(readFileSync(join(tmp, 'out', 'opening-up.pptx')).equals(readFileSync(join(out, 'opening-up.pptx')))).toBe(
      true,
    );
  });

  it('leaves no temporary files beside the deck', () => {
    expect(readdirSync(out)).toEqual(['opening-up.pptx']);
  });

  it('fixes the package timestamps to the outline date', async () => {
    const core = await deck.file('docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-10-27T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-10-27T00:00:00Z</dcterms:modified>');
  });
});
