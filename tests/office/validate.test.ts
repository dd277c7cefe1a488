import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { orderPresentation } from '../../src/pptx/schema-order.js';
import { tempProject } from '../helpers/project.js';
import { buildShipped, SHIPPED, SHIPPED_DECKS } from './decks.js';
import { validatePptx } from './validator.js';

/** A deck with every slide type, picture and native charts and Chinese text, built here. */
const FEATURES = {
  'decks/all.yaml': `title: 全部功能
lang: zh-CN
data: data/d.yaml
charts: native
sections:
  - title: 第一部分
    notes: 分节备注
    slides:
      - { type: bullets, title: 要点, bullets: ["货物贸易 {{ goods }}", 第二点], notes: 说明 }
      - { type: stats, title: 数字, stats: [{ value: goods, label: 货物贸易 }] }
      - { type: chart, title: 柱状, chart: { type: column, data: share, highlight: 乙 } }
      - { type: chart, title: 饼图, chart: { type: pie, data: share, render: image } }
      - { type: chart, title: 折线, chart: { type: line, data: years } }
      - { type: table, title: 表格, table: tab }
      - { type: quote, quote: 开放带来进步, by: 某人 }
`,
  'decks/data/d.yaml': `sources: { s: { title: 统计, publisher: 海关, date: 2025-01-13 } }
source: s
goods: { value: 6.16, unit: USD trillion }
share: { unit: "%", series: { 甲: 40, 乙: 35, 丙: 25 } }
years: { unit: "%", labels: ["2021", "2022", "2023"], datasets: [{ label: 增长, values: [1, 2, 3] }, { label: 其他, values: [2, 1, 4] }] }
tab: { columns: [地区, 数值], rows: [[东部, 1], [西部, 2]] }
`,
};

const decks: string[] = [];
const shippedReports = new Map<string, string[]>();

beforeAll(async () => {
  decks.push(...(await buildShipped(undefined, shippedReports)));
  const stress = tempProject({}, ['tests/fixtures/stress', 'templates', 'assets']);
  await buildDeck('tests/fixtures/stress/stress.yaml', { cwd: stress, outDir: join(stress, 'out'), cacheDir: false });
  decks.push(join(stress, 'out', 'stress.pptx'));
  const features = tempProject(FEATURES);
  const r = await buildDeck('decks/all.yaml', { cwd: features, cacheDir: false });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  decks.push(join(features, 'out', 'all.pptx'));
}, 120_000);

describe('the shipped decks', () => {
  // A shipped deck is an example: a warning there (a chart label left out, text shrunk) is one
  // every user who copies it would see, and teaches them to ignore warnings.
  it('build without errors or warnings', () => {
    expect([...shippedReports.keys()]).toEqual(SHIPPED);
    for (const [name, reported] of shippedReports) expect(reported, name).toEqual([]);
  });
});

describe("Microsoft's Open XML validator", () => {
  it('finds nothing in every shipped deck and every deck built here', async () => {
    expect(decks.map((d) => basename(d))).toEqual([...SHIPPED_DECKS.map((d) => d.deck), 'stress.pptx', 'all.pptx']);
    for (const deck of decks) {
      expect(await validatePptx(deck), basename(deck)).toEqual([]);
    }
  });

  it('reports a deck whose presentation part is out of order, so the test above can fail', async () => {
    const zip = await JSZip.loadAsync(readFileSync(decks[0]!));
    const xml = await zip.file('ppt/presentation.xml')!.async('string');
    const broken = xml.replace(
      /(<p:notesMasterIdLst>.*?<\/p:notesMasterIdLst>)(<p:sldIdLst>.*?<\/p:sldIdLst>)/,
      '$2$1',
    );
    expect(broken).not.toBe(xml);
    zip.file('ppt/presentation.xml', broken);
    const file = join(tempProject(), 'broken.pptx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const findings = await validatePptx(file);
    expect(findings.map((f) => [f.part, f.id])).toEqual([
      ['/ppt/presentation.xml', 'Sch_UnexpectedElementContentExpectingComplex'],
    ]);
  });
});

describe('orderPresentation', () => {
  it('moves p:notesMasterIdLst before p:sldIdLst and keeps everything else', () => {
    const xml =
      '<?xml version="1.0"?><p:presentation a="1"><p:sldMasterIdLst><p:sldMasterId id="1"/></p:sldMasterIdLst>' +
      '<p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst>' +
      '<p:sldSz cx="1" cy="2"/><p:notesSz cx="3" cy="4"/><p:defaultTextStyle><a:lvl1pPr/></p:defaultTextStyle></p:presentation>';
    expect(orderPresentation(xml)).toBe(
      '<?xml version="1.0"?><p:presentation a="1"><p:sldMasterIdLst><p:sldMasterId id="1"/></p:sldMasterIdLst>' +
        '<p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldIdLst><p:sldId id="256"/></p:sldIdLst>' +
        '<p:sldSz cx="1" cy="2"/><p:notesSz cx="3" cy="4"/><p:defaultTextStyle><a:lvl1pPr/></p:defaultTextStyle></p:presentation>',
    );
  });

  it('leaves XML it cannot split cleanly alone', () => {
    const xml = '<p:presentation>text<p:sldIdLst/></p:presentation>';
    expect(orderPresentation(xml)).toBe(xml);
  });
});
