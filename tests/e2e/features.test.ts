import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

const SOURCES = `sources: { customs: { title: Customs statistics, publisher: General Administration of Customs, date: 2025-01-13 } }\nsource: customs\n`;

describe('data in several files and formats', () => {
  it('reads YAML, JSON and CSV, a list of files and a map of namespaces, and charts a CSV table', async () => {
    const dir = tempProject({
      'decks/brief.yaml': `title: Trade
data: { trade: data/trade.yaml, ports: data/ports.csv, extra: data/extra.json }
sections:
  - title: Trade through ports
    slides:
      - type: chart
        title: Port throughput
        chart: { type: horizontal-bar, data: ports, columns: [Port, Throughput], sort: desc, highlight: Ningbo-Zhoushan }
        caption: "Goods trade {{ trade.goods_2024 }}; {{ extra.partners }} partners"
      - type: table
        title: Ports
        table: { data: ports, columns: [Port, Throughput] }
`,
      'decks/data/trade.yaml': `${SOURCES}goods_2024: { value: 6.16, unit: USD trillion }\n`,
      'decks/data/ports.csv':
        '# source: customs\n# unit: million TEU\nPort,Throughput,Province\nShanghai,51.5,Shanghai\nNingbo-Zhoushan,39.3,Zhejiang\nShenzhen,"33,400",Guangdong\n',
      'decks/data/extra.json': '{ "partners": { "value": 150, "source": "customs" } }\n',
    });
    const r = await buildDeck('decks/brief.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'brief.pptx'));
    const chart = deck.slides.find((s) => s.title === 'Port throughput')!;
    // Sorted descending; "33,400" read as a number from the quoted CSV cell.
    expect(chart.altTexts[0]).toBe(
      'Bar chart. Shenzhen 33,400 million TEU; Shanghai 51.5 million TEU; Ningbo-Zhoushan 39.3 million TEU.',
    );
    expect(chart.texts).toContain('Goods trade US$6.16 trillion; 150 partners');
    expect(chart.texts).toContain('Source: General Administration of Customs, 13 January 2025');
    const table = deck.slides.find((s) => s.title === 'Ports')!;
    // One precision per column: 33,400 stands among 51.5 and 39.3 as 33,400.0.
    expect(table.texts).toEqual(expect.arrayContaining(['Port', 'Throughput', 'Shanghai', '51.5', '33,400.0']));
    expect(table.texts).not.toContain('Province');
  });
});

describe('data keys from file names', () => {
  it('names a CSV by its file name whatever the case of its extension, and refuses a name that starts with a digit', async () => {
    const dir = tempProject({
      'deck.yaml':
        'title: T\ndata: [s.yaml, Trade.CSV, 2024.csv]\nsections:\n  - title: S\n    slides:\n      - { type: table, title: X, table: Trade }\n',
      's.yaml': 'sources: { s: { title: S } }\n',
      'Trade.CSV': '# source: s\nYear,V\n2021,1\n',
      '2024.csv': 'Year,V\n2021,1\n',
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r).map((d) => [d.code, d.line, d.column])).toEqual([['invalid-value', 2, 27]]);
    expect(located(r)[0]!.suggestion).toBe('give it a name: data: { trade_2024: 2024.csv }');
  });
});

describe('sources and notes', () => {
  it('cites a figure used only in the notes on the Sources slide, not at the foot of its slide', async () => {
    const dir = tempProject({
      'deck.yaml':
        'title: T\ndata: d.yaml\nsections:\n  - title: S\n    slides:\n      - type: bullets\n        title: Context\n        bullets: [No figures here]\n        notes: "Trade was {{ trade }} last year."\n',
      'd.yaml':
        'sources: { s: { title: Yearbook, publisher: Statistics Office } }\ntrade: { value: 6.16, unit: USD trillion, source: s }\n',
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const context = deck.slides.find((x) => x.title === 'Context')!;
    expect(context.notes).toBe('Trade was US$6.16 trillion last year.');
    expect(context.texts.some((t) => t.startsWith('Source'))).toBe(false);
    expect(deck.slides.at(-1)!.texts.join(' ')).toContain('Statistics Office');
  });
});

describe('tables', () => {
  it('write years as years and other numbers grouped, from CSV and from the outline', async () => {
    const dir = tempProject({
      'deck.yaml': `title: T
data: [sources.yaml, years.csv]
sections:
  - title: S
    slides:
      - { type: table, title: From CSV, table: years }
      - type: table
        title: Inline
        table: { columns: [Year, Trains], rows: [[2021, 15183], [2024, 19000]] }
`,
      'sources.yaml': 'sources: { s: { title: Statistics } }\n',
      'years.csv': '# source: s\nYear,Trade\n2021,"27,000"\n2024,31000\n',
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.slides.find((s) => s.title === 'From CSV')!.texts).toEqual(
      expect.arrayContaining(['2021', '27,000', '2024', '31,000']),
    );
    expect(deck.slides.find((s) => s.title === 'Inline')!.texts).toEqual(
      expect.arrayContaining(['2021', '15,183', '2024', '19,000']),
    );
  });
});

describe('themes', () => {
  it('extends the shipped theme from the project’s templates/ and applies colours, footer and marking', async () => {
    const dir = tempProject({
      'templates/house.yaml': `extends: official\npalette: { accent: "#006B3F", divider_background: "#003322" }\nfooter: { text: Ministry of Commerce, classification: RESTRICTED, date: false }\nsizes: { body: 20 }\n`,
      'deck.yaml': `title: House style\ntheme: house\nsections:\n  - title: One\n    slides:\n      - type: bullets\n        title: Points\n        bullets: [First, Second]\n`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const masters = await Promise.all(
      deck.names.filter((n) => /slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => deck.file(n)),
    );
    const all = masters.join('\n');
    expect(all).toContain('RESTRICTED');
    expect(all).toContain('Ministry of Commerce');
    expect(all).toContain('<a:srgbClr val="003322"/>');
    expect(deck.slides[2]!.xml).toContain('<a:srgbClr val="006B3F"/>'); // the title rule in the accent colour
    expect(deck.slides[2]!.xml).toMatch(/sz="2000"[^>]*>[\s\S]*?<a:t>First<\/a:t>/);
  });

  it('removes an inherited logo with logo: none, and colours the marking with palette.emphasis', async () => {
    const dir = tempProject({
      'templates/plain.yaml':
        'extends: official\nlogo: none\npalette: { emphasis: "#FF8800", series: ["#111111", "#222222"] }\n',
      'deck.yaml':
        'title: T\ntheme: plain\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q, title: T }\n',
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.names.filter((n) => n.startsWith('ppt/media/'))).toEqual([]);
    const layouts = (
      await Promise.all(deck.names.filter((n) => /slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => deck.file(n)))
    ).join('');
    expect(layouts).toMatch(/<a:srgbClr val="FF8800"\/>[\s\S]*?<a:t>INTERNAL<\/a:t>/);
  });

  it('finds templates/ one folder up from an outline in decks/, run from anywhere', async () => {
    const dir = tempProject({
      'templates/house.yaml': 'extends: official\nfooter: { text: House office }\n',
      'decks/deck.yaml':
        'title: T\ntheme: house\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q, title: T }\n',
    });
    const r = await checkDeck(join(dir, 'decks', 'deck.yaml'), { cwd: tmpdir(), allowOutsidePaths: true });
    expect(r.diagnostics.filter((d) => d.code === 'unknown-theme')).toEqual([]);
  });

  it('reports a theme path that leaves the project', async () => {
    const dir = tempProject({
      'deck.yaml': `title: T\ntheme: ../../etc/theme.yaml\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q }\n`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(located(r).map((d) => [d.code, d.line, d.column])).toContainEqual(['path-outside-project', 2, 8]);
  });
});

describe('the chart cache', () => {
  it('defaults to the user cache folder in a project without node_modules', async () => {
    const dir = tempProject({
      'deck.yaml':
        'title: T\ndata: d.yaml\nsections:\n  - title: S\n    slides:\n      - { type: chart, title: C, chart: { type: bar, data: s } }\n',
      'd.yaml': 'sources: { x: { title: X } }\nsource: x\ns: { series: { a: 1, b: 2 } }\n',
    });
    const cacheHome = tempProject();
    const saved = { xdg: process.env.XDG_CACHE_HOME, bd: process.env.BRIEFDECK_CACHE_DIR };
    process.env.XDG_CACHE_HOME = cacheHome;
    delete process.env.BRIEFDECK_CACHE_DIR;
    try {
      await buildDeck('deck.yaml', { cwd: dir });
    } finally {
      if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved.xdg;
      if (saved.bd !== undefined) process.env.BRIEFDECK_CACHE_DIR = saved.bd;
    }
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(readdirSync(join(cacheHome, 'briefdeck')).filter((f) => f.endsWith('.png'))).toHaveLength(1);
  });
});

describe('writing the deck', () => {
  it('reports an output folder that cannot be written, and leaves no temporary file', async () => {
    const dir = tempProject({
      'deck.yaml': `title: T\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q, title: T }\n`,
    });
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, outDir: 'blocker/out' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'write-failed' });
    expect(r.diagnostics[0]!.message).toMatch(/^cannot write blocker\/out\/deck\.pptx/);
    expect(existsSync(join(dir, 'blocker', 'out'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
