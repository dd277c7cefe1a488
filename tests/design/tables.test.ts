import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { located } from '../helpers/diagnostics.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { wrapText } from '../../src/layout/linebreak.js';
import { CELL_PAD_X } from '../../src/layout/slides/table.js';
import { BASE_THEME } from '../../src/resolve/theme.js';

const DATA = `sources: { s: { title: Yearbook } }
regions:
  source: s
  columns: [region, goods, growth_pct]
  rows:
    - [East, 4120.5, 5.1]
    - [All regions, 5330.9, null]
    - [West, 1210.4, 7.2]
`;

const deckWith = (table: string) =>
  `title: T\ndata: d.yaml\nsections:\n  - title: S\n    slides:\n      - type: table\n        title: Regions\n        table: ${table}\n`;

/** Each row's cells as written: text, bold, and whether a rule is drawn above and below. */
async function rowsOf(table: string) {
  const dir = tempProject({ 'deck.yaml': deckWith(table), 'd.yaml': DATA });
  const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
  const xml = deck.slides.find((s) => s.title === 'Regions')!.xml;
  return [...xml.matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)].map((tr) =>
    [...tr[1]!.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((tc) => {
      const line = (side: string) =>
        new RegExp(`<a:${side}[^>]*>(?:(?!</a:${side}>)[\\s\\S])*?<a:solidFill>`).test(tc[1]!);
      return {
        text: [...tc[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''),
        bold: / b="1"/.test(tc[1]!),
        above: line('lnT'),
        below: line('lnB'),
      };
    }),
  );
}

describe('table headers and total rows', () => {
  it('names columns with headers: (a map or a list) and sets the named total row last, bold over a rule', async () => {
    const rows = await rowsOf(
      '{ data: regions, headers: { goods: 货物（亿美元）, growth_pct: 增长（%） }, total: All regions }',
    );
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Region', '货物（亿美元）', '增长（%）'],
      ['East', '4,120.5', '5.1'],
      ['West', '1,210.4', '7.2'],
      ['All regions', '5,330.9', ''],
    ]);
    const [header, east, west, total] = rows;
    for (const c of header!) expect(c.bold).toBe(true);
    for (const c of [...east!, ...west!]) expect(c.bold).toBe(false);
    // An empty cell has no run to be bold; every cell of the row has the rule above it.
    for (const c of total!) expect(c).toMatchObject({ bold: c.text !== '', above: true, below: true });
    expect(total!.filter((c) => c.bold)).toHaveLength(2);
    for (const c of west!) expect(c.below).toBe(true);

    const listed = await rowsOf('{ data: regions, columns: [region, goods], headers: [地区, 货物] }');
    expect(listed[0]!.map((c) => c.text)).toEqual(['地区', '货物']);
    // Without total:, no row is set apart.
    for (const r of listed.slice(1)) for (const c of r) expect(c.bold).toBe(false);
  });

  it('takes the last row as the total with total: true, in written tables too', async () => {
    const rows = await rowsOf('{ columns: [Item, Value], rows: [[A, 1], [B, 2], [Total, 3]], total: true }');
    expect(rows.at(-1)!.map((c) => [c.text, c.bold])).toEqual([
      ['Total', true],
      ['3', true],
    ]);
    expect(rows[1]!.every((c) => !c.bold)).toBe(true);
  });

  it('writes every figure of a column with one precision', async () => {
    const rows = await rowsOf('{ columns: [Item, Value, Count], rows: [[A, 1210, 3], [B, 4120.5, 12], [C, 0.25, 7]] }');
    expect(rows.slice(1).map((r) => r.slice(1).map((c) => c.text))).toEqual([
      ['1,210.00', '3'],
      ['4,120.50', '12'],
      ['0.25', '7'],
    ]);
  });

  it('reports an unknown total row, a wrong number of headers and an unknown column, at their place', async () => {
    const dir = tempProject({
      'deck.yaml': `title: T\ndata: d.yaml\nsections:\n  - title: S\n    slides:\n      - { type: table, title: A, table: { data: regions, total: Everywhere } }\n      - { type: table, title: B, table: { data: regions, headers: [One] } }\n      - { type: table, title: C, table: { data: regions, headers: { good: Goods } } }\n`,
      'd.yaml': DATA,
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r).map((d) => [d.message, d.line])).toEqual([
      ['the table has no row `Everywhere` to set as its total', 6],
      ['the table shows 3 columns but `headers` names 1', 7],
      ['`headers` names a column `good` the table does not show', 8],
    ]);
    expect(located(r)[0]!.suggestion).toContain('`All regions`');
  });
});

describe("the flagship's agenda table in each shipped theme", () => {
  const EMU = 12700;
  const measure = createMeasurer(BASE_THEME.fonts);

  it.each(['official', 'minimal'])(
    '%s: rows of one line count share one height, and no cell ends on a one-word line',
    async (theme) => {
      const dir = tempProject({ 'briefdeck.yaml': '' }, ['decks']);
      const r = await buildDeck('decks/opening-up.yaml', { cwd: dir, cacheDir: false, themeOverride: theme });
      expect(r.diagnostics).toEqual([]);
      const deck = await openPptx(join(dir, 'out', 'opening-up.pptx'));
      const xml = deck.slides.find((s) => s.title === 'The agenda for the 15th Five-Year Plan period')!.xml;
      const widths = [...xml.matchAll(/<a:gridCol w="(\d+)"/g)].map((m) => Number(m[1]) / EMU);
      const rows = [...xml.matchAll(/<a:tr h="(\d+)">([\s\S]*?)<\/a:tr>/g)].map((tr) => ({
        h: Number(tr[1]),
        cells: [...tr[2]!.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((tc) => ({
          text: [...tc[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''),
          size: Number(/ sz="(\d+)"/.exec(tc[1]!)?.[1] ?? 0) / 100,
        })),
      }));
      // Rows reserved for two lines that a renderer set on one looked uneven (review: 62 px against 36 px).
      expect(new Set(rows.slice(1).map((row) => row.h)).size).toBe(1);
      // The last line of every wrapped cell has two words or more, at the full width a renderer may use.
      for (const row of rows.slice(1))
        row.cells.forEach((cell, i) => {
          const lines = wrapText(cell.text, widths[i]! - 2 * CELL_PAD_X, (t) => measure.width(t, cell.size)).lines;
          if (lines.length > 1) expect(lines.at(-1)!.trim(), cell.text).toMatch(/\s/);
        });
    },
    60_000,
  );
});
