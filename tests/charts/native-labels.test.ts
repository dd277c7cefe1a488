import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/charts/contrast.js';
import { attr, child, childrenNamed, elements, parseXml, walk, type XmlElement } from '../../src/pptx/xml-tree.js';
import { buildDeck } from '../../src/index.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/**
 * PowerPoint and LibreOffice place native labels themselves: layout decides, per point, the
 * ones that need more (clear of the target line, scatter point names, names at line ends),
 * and thins a time axis in the category cache. Read from the gallery's chart parts.
 */

let deck: OpenedDeck;
const charts = new Map<string, string>();

beforeAll(async () => {
  const project = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
  await buildDeck('decks/chart-gallery.yaml', { cwd: project, cacheDir: false });
  deck = await openPptx(join(project, 'out', 'chart-gallery.pptx'));
  for (const s of deck.slides)
    if (s.charts[0]) charts.set(s.title.replace(/ \(editable\)$/, ''), await deck.file(s.charts[0]));
}, 60_000);

const rootOf = (title: string) => {
  const xml = charts.get(title);
  expect(xml, title).toBeDefined();
  return parseXml(xml!).root;
};
const find = (e: XmlElement, name: string) => [...walk(e)].filter((x) => x.name === name);
const val = (e: XmlElement | undefined) => (e ? attr(e, 'val') : undefined);
const seriesOf = (root: XmlElement) => find(root, 'c:ser');
const cached = (ser: XmlElement, what: 'c:val' | 'c:yVal') =>
  find(child(ser, what)!, 'c:pt').map((p) => Number(find(p, 'c:v')[0]!.children.join('')));

/** Each point's label as the chart says it: its own c:dLbl, else the series default. */
function labelAt(ser: XmlElement, index: number) {
  const dLbls = child(ser, 'c:dLbls')!;
  const own = childrenNamed(dLbls, 'c:dLbl').find((l) => val(child(l, 'c:idx')) === String(index));
  const from = own ?? dLbls;
  return {
    own: !!own,
    deleted: val(child(from, 'c:delete')) === '1',
    position: val(child(from, 'c:dLblPos')) ?? val(child(dLbls, 'c:dLblPos')),
    showVal: val(child(from, 'c:showVal')) === '1',
    showSerName: val(child(from, 'c:showSerName')) === '1',
    text: find(from, 'a:t')
      .map((t) => t.children.join(''))
      .join(''),
    colour: val(find(child(from, 'c:txPr') ?? el0, 'a:srgbClr')[0]),
  };
}
const el0: XmlElement = { name: 'x', attrs: {}, children: [] } as unknown as XmlElement;

describe('native labels against the target line', () => {
  it('moves a column label that would touch the dashed target inside its bar, readable there', () => {
    const root = rootOf('Column chart with a target');
    const [bars] = seriesOf(root);
    const values = cached(bars!, 'c:val');
    const max = Number(val(find(root, 'c:max')[0]));
    const target = 5;
    values.forEach((v, i) => {
      const label = labelAt(bars!, i);
      expect(label.deleted, `point ${i}`).toBe(false);
      // Outside the bar's end, the label spans about a tenth of this axis above the value: the
      // target must not be in that span.
      if (label.position === 'outEnd') expect(target < v || target > v + max * 0.1, `${v} outside`).toBe(true);
      else {
        expect(['inEnd', 'inBase'], `${v}`).toContain(label.position);
        expect(contrastRatio(label.colour!, '1F4E79'), `${v} inside`).toBeGreaterThanOrEqual(4.5);
      }
    });
    // 4.7 and 4.9 sit just below the 5 % line: their outside labels would cross it.
    expect(labelAt(bars!, 0).position).not.toBe('outEnd');
    expect(labelAt(bars!, 1).position).not.toBe('outEnd');
    expect(labelAt(bars!, 3).position).toBe('outEnd');
  });

  it('names the target in a legend of its own entry when the chart has no legend', () => {
    for (const title of ['Column chart with a target', 'Line chart with a target']) {
      const root = rootOf(title);
      const legend = find(root, 'c:legend')[0];
      expect(legend, title).toBeDefined();
      const series = seriesOf(root);
      const deleted = childrenNamed(legend!, 'c:legendEntry')
        .filter((e) => val(child(e, 'c:delete')) === '1')
        .map((e) => val(child(e, 'c:idx')));
      const named = series.filter((s) => !deleted.includes(val(child(s, 'c:idx'))));
      expect(
        named.map((s) => find(child(s, 'c:tx')!, 'c:v')[0]!.children.join('')),
        title,
      ).toEqual(['Target 5%']);
    }
  });

  it('leaves out, and reports, a label with no place clear of the target', async () => {
    const project = tempProject({
      'deck.yaml': [
        'title: Target',
        'lang: en',
        'data: data.yaml',
        'sections:',
        '  - title: Charts',
        '    slides:',
        '      - type: chart',
        '        title: Short bar under the target',
        '        chart: { type: column, data: growth, target: { value: 0.5, label: Floor }, render: native }',
      ].join('\n'),
      'data.yaml': [
        'sources: { invented: { title: Invented, publisher: briefdeck, date: 2025-01-01 } }',
        'source: invented',
        'growth:',
        '  labels: [A, B, C]',
        '  datasets:',
        '    - { label: Growth, values: [0.3, 10, 8] }',
      ].join('\n'),
    });
    const result = await buildDeck('deck.yaml', { cwd: project, cacheDir: false });
    const warning = result.diagnostics.find((d) => d.code === 'chart-labels-dropped');
    expect(warning?.message).toContain('A (0.3): it would touch the target line');
    const built = await openPptx(join(project, 'out', 'deck.pptx'));
    const xml = await built.file(built.slides.find((s) => s.charts.length)!.charts[0]!);
    const [bars] = seriesOf(parseXml(xml).root);
    expect(labelAt(bars!, 0)).toMatchObject({ own: true, deleted: true });
    expect(labelAt(bars!, 1)).toMatchObject({ deleted: false, showVal: true });
  });
});

describe('native names', () => {
  it('names every scatter point from label_by, each on a side of its own', () => {
    const root = rootOf('Scatter chart: tariffs and trade share');
    const [ser] = seriesOf(root);
    const names = cached(ser!, 'c:yVal').map((_, i) => labelAt(ser!, i));
    expect(names.map((n) => n.text)).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta']);
    for (const n of names) expect(['t', 'b', 'l', 'r']).toContain(n.position);
    // The x axis range is written, so the names stay where layout placed them.
    expect(find(root, 'c:valAx').every((a) => find(a, 'c:min').length === 1 && find(a, 'c:max').length === 1)).toBe(
      true,
    );
  });

  it('names lines at their ends instead of a legend, as the picture does', () => {
    const root = rootOf('24 months: export and import growth');
    expect(find(root, 'c:legend')).toEqual([]);
    for (const ser of seriesOf(root)) {
      const n = cached(ser, 'c:val').length;
      expect(labelAt(ser, n - 1)).toMatchObject({ own: true, position: 'r', showSerName: true });
    }
  });
});

describe('native time axis', () => {
  it('thins 24 monthly labels in the category cache, which LibreOffice honours, and keeps every date in the workbook', async () => {
    const title = '24 months: export and import growth';
    const root = rootOf(title);
    expect(find(root, 'c:tickLblSkip')).toEqual([]);
    const [ser] = seriesOf(root);
    const cat = child(ser!, 'c:cat')!;
    expect(val(find(cat, 'c:ptCount')[0])).toBe('24');
    const shown = find(cat, 'c:pt').map((p) => find(p, 'c:v')[0]!.children.join(''));
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThanOrEqual(12);
    expect(shown[0]).toBe('Jan 23');
    const s = deck.slides.find((x) => x.title === `${title} (editable)`)!;
    const rels = await deck.file(s.charts[0]!.replace('charts/', 'charts/_rels/') + '.rels');
    const target = /Target="\.\.\/embeddings\/([^"]+)"/.exec(rels)![1]!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await deck.bytes(`ppt/embeddings/${target}`));
    const column = workbook.worksheets[0]!.getColumn(1).values.slice(2).map(String);
    expect(column).toHaveLength(24);
    expect(column.every((c) => c.trim().length > 0)).toBe(true);
    expect(elements(root).length).toBeGreaterThan(0);
  });
});
