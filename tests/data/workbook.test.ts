import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/** A workbook as a statistics office would keep it: a monthly sheet, a table, a named total and formulas. */
async function writeTradeWorkbook(path: string, broken = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 0, 20));
  wb.modified = new Date(Date.UTC(2025, 1, 3));
  const monthly = wb.addWorksheet('Monthly');
  monthly.addRow(['Month', 'Exports', 'Imports', 'Share of world']);
  const months = [
    [Date.UTC(2024, 0, 1), 307.6, 232.1, 0.142],
    [Date.UTC(2024, 1, 1), 220.2, 181.5, 0.139],
    [Date.UTC(2024, 2, 1), 279.7, 221.2, 0.146],
  ] as const;
  for (const [t, ex, im, share] of months) monthly.addRow([new Date(t), ex, im, share]);
  for (let r = 2; r <= 4; r++) {
    monthly.getCell(`A${r}`).numFmt = 'mmm yyyy';
    monthly.getCell(`D${r}`).numFmt = '0.0%';
  }
  // A spacer row, then a total computed by a formula, saved with its result.
  monthly.getCell('A6').value = 'Total';
  monthly.getCell('B6').value = { formula: 'SUM(B2:B4)', result: 807.5 };
  if (broken) {
    monthly.getCell('C3').value = 'n/a';
    monthly.getCell('B6').value = { formula: 'B2/0', result: { error: '#DIV/0!' } };
  }
  const ports = wb.addWorksheet('Ports');
  ports.addTable({
    name: 'TopPorts',
    ref: 'B2',
    headerRow: true,
    columns: [{ name: 'Port' }, { name: 'Throughput' }],
    rows: [
      ['Shanghai', 51.5],
      ['Ningbo-Zhoushan', 39.3],
    ],
  });
  const summary = wb.addWorksheet('Summary');
  summary.getCell('A1').value = 'Trade surplus';
  summary.getCell('B1').value = { formula: 'Monthly!B6-SUM(Monthly!C2:C4)', result: 172.7 };
  summary.getCell('A2').value = 'Growth';
  summary.getCell('B2').value = 0.071;
  summary.getCell('B2').numFmt = '0.0%';
  wb.definedNames.add("'Summary'!$B$1", 'Surplus');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

const DATA = `sources:
  customs: { title: Monthly trade statistics, publisher: General Administration of Customs, date: 2025-02-07 }
source: customs
monthly: { workbook: trade.xlsx, sheet: Monthly, range: A1:C4, as: series, unit: USD billion }
share: { workbook: trade.xlsx, range: "Monthly!A1:D4", as: table }
ports: { workbook: trade.xlsx, table: TopPorts, as: series, unit: million TEU }
surplus: { workbook: trade.xlsx, name: Surplus, unit: USD billion }
growth: { workbook: trade.xlsx, cell: "Summary!B2" }
total: { workbook: trade.xlsx, cell: B6, sheet: Monthly, unit: USD billion }
`;

const OUTLINE = `title: Trade
data: data/trade.yaml
sections:
  - title: S
    slides:
      - type: chart
        title: Monthly trade
        chart: { type: bar, data: monthly }
        caption: 'Exports {{ monthly["2024-03", "Exports"] }}, total {{ total }}, surplus {{ surplus }}, growth {{ growth }}'
      - type: table
        title: Share
        table: { data: share }
      - type: stats
        title: Ports
        stats:
          - { value: 'ports["Shanghai"]', label: Shanghai }
`;

describe('Excel workbooks', () => {
  it('reads a range, a sheet range as a table, an Excel table, a named cell and single cells, as the workbook shows them', async () => {
    const dir = tempProject({ 'deck.yaml': OUTLINE, 'data/trade.yaml': DATA });
    await writeTradeWorkbook(join(dir, 'data', 'trade.xlsx'));
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const chart = deck.slides.find((s) => s.title === 'Monthly trade')!;
    // Dates in a month format become YYYY-MM labels (charts write them "Jan 24"); both datasets are drawn.
    expect(chart.altTexts[0]).toContain('Jan 24');
    expect(chart.altTexts[0]).toContain('Imports');
    expect(chart.texts).toContain(
      'Exports US$279.7 billion, total US$807.5 billion, surplus US$172.7 billion, growth 7.1%',
    );
    // Provenance: the declared source, and the workbook with its sheet and range, saved date.
    const sourceLine = chart.texts.find((t) => t.startsWith('Source'))!;
    expect(sourceLine).toContain('General Administration of Customs, 7 February 2025');
    expect(sourceLine).toBe('Sources: General Administration of Customs, 7 February 2025; trade.xlsx, 3 February 2025');
    const table = deck.slides.find((s) => s.title === 'Share')!;
    // A percentage format carries over: 0.142 is 14.2 (%).
    expect(table.texts).toEqual(expect.arrayContaining(['Share of world', '14.2', '2024-02']));
    // A stat card sets its unit in a run of its own beside the figure.
    expect(deck.slides.find((s) => s.title === 'Ports')!.texts.join('')).toContain('51.5\u00a0million TEU');
    const sources = deck.slides.find((s) => s.title === 'Sources')!;
    expect(sources.texts).toEqual(
      expect.arrayContaining([
        '2. trade.xlsx, Sheet "Monthly"!A1:C4, 3 February 2025',
        '4. trade.xlsx, name "Surplus" (Sheet "Summary"!B1), 3 February 2025',
      ]),
    );
    expect(r.inputs.map((i) => i.path.split('/').pop())).toContain('trade.xlsx');
  });

  it('reports a bad cell at its sheet and cell, a missing sheet with the sheets there are, and a formula error', async () => {
    const dir = tempProject({
      'deck.yaml': OUTLINE,
      'data/trade.yaml': DATA.replace('table: TopPorts', 'table: TopPort').replace(
        'cell: "Summary!B2"',
        'cell: "Sumary!B2"',
      ),
    });
    await writeTradeWorkbook(join(dir, 'data', 'trade.xlsx'), true);
    const r = await checkDeck('deck.yaml', { cwd: dir });
    const shown = formatDiagnostics(r.diagnostics, { color: false, sources: r.texts });
    expect(shown).toContain('data/trade.xlsx: Sheet "Monthly"!C3: error: not a number ("n/a")');
    expect(shown).toContain('data/trade.xlsx: Sheet "Monthly"!B6: error: holds the error #DIV/0!');
    const errors = located(r).filter((d) => d.severity === 'error');
    const table = errors.find((d) => d.message.includes('no Excel table'))!;
    expect([table.file, table.line]).toEqual(['data/trade.yaml', 6]);
    expect(table.suggestion).toBe('one of: "TopPorts"');
    const sheet = errors.find((d) => d.message.includes('no sheet "Sumary"'))!;
    expect(sheet.suggestion).toBe('one of: "Monthly", "Ports", "Summary"');
    // The bad entries are not reported again where the outline uses them.
    expect(errors.filter((d) => d.code === 'unknown-data-key')).toEqual([]);
  });

  it('reads a whole workbook named in the outline: every sheet, table and named range', async () => {
    const dir = tempProject({
      'deck.yaml': `title: T
data: { trade: trade.xlsx }
sections:
  - title: S
    slides:
      - { type: table, title: Ports, table: { data: trade.TopPorts } }
      - { type: stats, title: Surplus, stats: [{ value: trade.Surplus, label: Surplus }] }
      - { type: table, title: Summary, table: { data: trade.Ports } }
`,
    });
    await writeTradeWorkbook(join(dir, 'trade.xlsx'));
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.slides.find((s) => s.title === 'Ports')!.texts).toEqual(
      expect.arrayContaining(['Port', 'Throughput', 'Ningbo-Zhoushan', '39.3']),
    );
    expect(deck.slides.find((s) => s.title === 'Surplus')!.texts).toContain('172.7');
    // Unused sheets are reported as unused data, as any entry would be.
    expect(
      located(r)
        .filter((d) => d.code === 'unused-data')
        .map((d) => d.message),
    ).toEqual(expect.arrayContaining(['data value `trade.Monthly` is not used by any slide']));
  });
});
