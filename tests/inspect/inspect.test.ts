import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { main, type Io } from '../../src/cli/main.js';
import { formatInspection, inspectPptx, type InspectedChart, type InspectedDeck } from '../../src/inspect/index.js';
import { paragraphs } from '../../src/inspect/read.js';
import { parseXml } from '../../src/inspect/xml.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { buildShipped, SHIPPED } from '../office/decks.js';

const paths: string[] = [];
const inspected = new Map<string, InspectedDeck>();
const opened = new Map<string, OpenedDeck>();

beforeAll(async () => {
  paths.push(...(await buildShipped()));
  for (const [i, name] of SHIPPED.entries()) {
    inspected.set(name, await inspectPptx(readFileSync(paths[i]!)));
    opened.set(name, await openPptx(paths[i]!));
  }
}, 120_000);

function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd };
  return main(argv, io).then((code) => ({ code, out, err }));
}

describe('inspectPptx on the shipped decks', () => {
  it('reads every slide, its title and its notes as the XML has them', () => {
    for (const name of SHIPPED) {
      const deck = inspected.get(name)!;
      const raw = opened.get(name)!;
      expect(deck.slides.map((s) => s.number)).toEqual(raw.slides.map((s) => s.index));
      expect(deck.slides.map((s) => s.title ?? '')).toEqual(raw.slides.map((s) => s.title));
      expect(deck.slides.map((s) => s.notes.join('\n'))).toEqual(raw.slides.map((s) => s.notes));
    }
  });

  it('reads table cells row by row', () => {
    const slide = inspected.get('opening-up.yaml')!.slides.find((s) => s.title === 'Foreign investment: key facts')!;
    const table = slide.items.find((i) => i.kind === 'table')!;
    expect(table.kind === 'table' && table.rows[0]).toEqual(['Measure', 'Figure', 'Period']);
    expect(table.kind === 'table' && table.rows[1]).toEqual([
      'Actual use of foreign investment',
      'more than US$720 billion',
      '14th FYP period',
    ]);
  });

  it("reads native charts' type, categories and values, equal to the data file", () => {
    const data = YAML.parse(readFileSync(join(REPO, 'decks/data/chart-gallery.yaml'), 'utf8'));
    const charts = inspected
      .get('chart-gallery.yaml')!
      .slides.flatMap((s) => s.items)
      .filter((i): i is InspectedChart => i.kind === 'chart');
    expect(charts).toHaveLength(16);
    const visa = charts.find((c) => c.types[0] === 'bar (bar, clustered)')!;
    const series = (key: string) => data[Object.keys(data).find((k) => data[k]?.[key])!][key].series;
    expect(visa.series[0]!.categories).toEqual(Object.keys(series('visa')));
    expect(visa.series[0]!.values).toEqual(Object.values(series('visa')));
    const doughnut = charts.find((c) => c.types[0] === 'doughnut')!;
    expect(
      Object.fromEntries(doughnut.series[0]!.categories.map((c, i) => [c, doughnut.series[0]!.values[i]])),
    ).toEqual(series('regions_zh'));
    expect(charts.map((c) => c.types.join(' + '))).toEqual(
      // Line charts carry the c:grouping the schema requires (chart-xml.ts adds it); a target is a second line.
      expect.arrayContaining([
        'line (standard)',
        'line (standard) + line (standard)',
        'pie',
        'scatter',
        'area (stacked)',
        'bar (col, clustered) + line (standard)',
      ]),
    );
  });

  it('reads pictures with their alt text, in the language of the deck', () => {
    const zh = inspected.get('opening-up-zh.yaml')!;
    const pictures = zh.slides.flatMap((s) => s.items).filter((i) => i.kind === 'picture' && i.alt);
    expect(pictures.length).toBeGreaterThan(0);
    expect(pictures.map((p) => p.alt).join(' ')).toMatch(/全面互免签证/);
  });

  it('formats one line per fact, slide by slide', () => {
    const text = formatInspection(inspected.get('chart-gallery.yaml')!);
    expect(text).toContain('Slide 1: Chart gallery\n  title: Chart gallery\n');
    expect(text).toMatch(
      /\n {2}chart: bar \(bar, clustered\) — alt: Bar chart\.[^\n]*\n {4}Visa: Mutual visa exemption = 29; Unilateral visa-free entry = 47\n/,
    );
    expect(text.match(/^Slide \d+/gm)).toHaveLength(inspected.get('chart-gallery.yaml')!.slides.length);
  });
});

describe('briefdeck inspect', () => {
  it('prints a built deck, and JSON with --format json', async () => {
    const text = await run(['inspect', paths[SHIPPED.indexOf('opening-up.yaml')]!], REPO);
    expect(text.code).toBe(0);
    expect(text.out).toBe(formatInspection(inspected.get('opening-up.yaml')!));
    const json = await run(['inspect', '--format', 'json', paths[0]!], REPO);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(inspected.get(SHIPPED[0]!));
  });

  it('exits 2 for a missing file and 1 for a file that is not a .pptx, saying which', async () => {
    const dir = tempProject();
    const missing = await run(['inspect', 'nope.pptx'], dir);
    expect([missing.code, missing.err]).toEqual([2, 'briefdeck: cannot read nope.pptx: ENOENT\n']);
    writeFileSync(join(dir, 'fake.pptx'), 'not a zip');
    const fake = await run(['inspect', 'fake.pptx'], dir);
    expect(fake.code).toBe(1);
    expect(fake.err).toMatch(/^fake\.pptx: not a readable \.pptx: /);
  });
});

describe('a line break as inspect reads it', () => {
  const body = (inner: string) =>
    parseXml(
      `<p:txBody xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:p>${inner}</a:p></p:txBody>`,
      'test.xml',
    );
  it('is a space between words and nothing between Chinese characters', () => {
    expect(
      paragraphs(body('<a:r><a:t>Drawing a New Picture</a:t></a:r><a:br/><a:r><a:t>of Win-win</a:t></a:r>')),
    ).toEqual(['Drawing a New Picture of Win-win']);
    expect(
      paragraphs(body('<a:r><a:t>首次实施跨境服务贸易</a:t></a:r><a:br/><a:r><a:t>负面清单管理</a:t></a:r>')),
    ).toEqual(['首次实施跨境服务贸易负面清单管理']);
  });
});
