import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChartStyle } from '../../src/charts/config.js';
import { planChart } from '../../src/charts/plan.js';
import { ChartRenderer } from '../../src/charts/render.js';
import { buildDeck } from '../../src/index.js';
import type { ChartModel } from '../../src/model.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/**
 * A qualified value ("more than 80", "nearly 40 %") is a bound or an approximation: its share
 * of a total is unknown. The shipped decks' charts, built for real, say the qualifier on the
 * value label in both renderers and in the alt text, never in a legend or a category name, and
 * show no share of a series that holds one.
 */

const captured: { chart: ChartModel; style: ChartStyle }[] = [];
const DECKS = ['decks/opening-up.yaml', 'decks/opening-up-zh.yaml', 'decks/chart-gallery.yaml'];
let project: string;

beforeAll(async () => {
  const spy = vi.spyOn(ChartRenderer.prototype, 'render');
  spy.mockImplementation(async function (this: ChartRenderer, chart, style) {
    captured.push({ chart, style });
    return Buffer.alloc(0);
  });
  project = tempProject(
    {},
    [...DECKS, 'decks/data', 'decks/assets'].filter((f) => !f.endsWith('assets')),
  );
  for (const deck of DECKS) {
    const r = await buildDeck(deck, { cwd: project, cacheDir: false, workers: 0 });
    expect(located(r).filter((d) => d.code === 'qualified-share' || d.severity === 'error')).toEqual([]);
  }
  spy.mockRestore();
}, 120_000);

afterAll(() => vi.restoreAllMocks());

const picture = (title: string, category: string) => {
  const found = captured.filter(({ chart }) => chart.labels.includes(category));
  expect(found.length, title).toBeGreaterThan(0);
  return found;
};

const labelsOf = ({ chart, style }: { chart: ChartModel; style: ChartStyle }) =>
  planChart(chart, style).labels.map((l) => l.text);

describe('qualified values in the shipped decks', () => {
  it('labels the lower bound with its qualifier and no shares (EN doughnut, gallery pie)', () => {
    for (const c of picture('two-way investment', 'Partner countries into China')) {
      // On the slices, or in the legend where labels around the ring would squeeze it.
      const plan = planChart(c.chart, c.style);
      if (plan.valuesInLegend)
        expect(plan.legendEntries).toEqual([
          'China into partner countries: US$160 billion',
          'Partner countries into China: more than US$80 billion',
        ]);
      else expect(labelsOf(c)).toEqual(['US$160 billion', 'more than US$80 billion']);
      expect(c.chart.dataLabels).toBe('value');
      expect(c.chart.alt).toContain('Partner countries into China more than US$80 billion');
    }
  });

  it('says "nearly" on the label, not in the category name (EN column)', () => {
    for (const c of picture('services growth', 'Digitally delivered services')) {
      expect(labelsOf(c)).toEqual(['38%', 'nearly 40%', '67%']);
      expect(c.chart.labels.join(' ')).not.toMatch(/nearly|more than/);
    }
  });

  it('writes the qualifier in Chinese on Chinese charts', () => {
    const zh = planChart(
      picture('zh doughnut', '共建国家对华投资')[0]!.chart,
      picture('zh doughnut', '共建国家对华投资')[0]!.style,
    );
    expect(
      zh.valuesInLegend ? zh.legendEntries!.map((e) => e.replace(/^.*：/, '')) : zh.labels.map((l) => l.text),
    ).toEqual(['1600亿美元', '超过800亿美元']);
    const column = picture('zh column', '数字化交付服务')[0]!;
    expect(labelsOf(column)).toEqual(['38%', '近40%', '67%']);
    expect(column.chart.alt).toContain('数字化交付服务 近40%');
  });

  it('gives the native chart the qualifier in the point label format, and no percentages', async () => {
    const deck = await openPptx(join(project, 'out', 'chart-gallery.pptx'));
    const slide = deck.slides.find((s) => s.title === 'Pie chart: two-way investment (editable)')!;
    const xml = await deck.file(slide.charts[0]!);
    const formats = [...xml.matchAll(/<c:dLbl><c:idx val="(\d)"\/>[\s\S]*?formatCode="([^"]*)"/g)].map((m) => [
      m[1],
      m[2]!.replace(/&quot;/g, '"'),
    ]);
    // The unit as the picture writes it: a pie has no axis to say it.
    expect(formats).toContainEqual(['1', '"more than US$"#,##0" billion";"more than US$−"#,##0" billion"']);
    expect(xml.replace(/&quot;/g, '"')).toContain('formatCode=""US$"#,##0" billion";"US$−"#,##0" billion""');
    expect(xml).not.toContain('<c:showPercent val="1"/>');
    // The legend names the categories as the data does: no qualifier there.
    expect(xml).toContain('<c:v>Partner countries into China</c:v>');
    const column = deck.slides.find((s) => s.title === 'Column chart: growth in services trade (editable)')!;
    const columnXml = (await deck.file(column.charts[0]!)).replace(/&quot;/g, '"');
    expect(columnXml).toContain('formatCode=""nearly "#,##0"%"');
  });
});

const DATA = `sources: { a: { title: Article, publisher: Daily, date: 2025-10-27 } }
source: a
split:
  unit: USD billion
  series: { Out: 160, In: { value: 80, note: exceeded } }
`;

const deck = (chart: string) => `title: Q
data: data.yaml
sections:
  - title: S
    slides:
      - type: chart
        title: Split
        chart: ${chart}
`;

describe('shares of a qualified series', () => {
  it('warns at the chart and labels values when a pie would show shares', async () => {
    const dir = tempProject({ 'deck.yaml': deck('{ type: pie, data: split, render: native }'), 'data.yaml': DATA });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    const warning = located(r).find((d) => d.code === 'qualified-share');
    expect(warning).toMatchObject({ file: 'deck.yaml', line: 8, severity: 'warning' });
    expect(warning!.message).toContain('In: more than 80');
    const out = await openPptx(join(dir, 'out', 'deck.pptx'));
    const xml = await out.file(out.slides.find((s) => s.charts.length)!.charts[0]!);
    expect(xml).not.toContain('<c:showPercent val="1"/>');
    expect(xml.replace(/&quot;/g, '"')).toContain('"more than US$"#,##0" billion"');
  });

  it('writes a Chinese pie label unit as the picture does (1600亿美元 from 160 USD billion)', async () => {
    const dir = tempProject({
      'deck.yaml': `lang: zh-CN\n${deck('{ type: pie, data: split, render: native, labels: value }')}`,
      'data.yaml': DATA,
    });
    await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    const out = await openPptx(join(dir, 'out', 'deck.pptx'));
    const xml = (await out.file(out.slides.find((s) => s.charts.length)!.charts[0]!)).replace(/&quot;/g, '"');
    // 160 written as "160", then "0亿美元": the picture's 1600亿美元; the qualifier before it.
    expect(xml).toContain('formatCode="0"0亿美元";"−"0"0亿美元""');
    expect(xml).toContain('formatCode=""超过"0"0亿美元";"超过−"0"0亿美元""');
  });

  it('stacks values, not shares, in a 100 % stack of a qualified series', async () => {
    const dir = tempProject({
      'deck.yaml': deck('{ type: bar, data: split, stacked: percent, labels: value }'),
      'data.yaml': DATA,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(located(r).filter((d) => d.code === 'qualified-share')).toHaveLength(1);
  });

  it('reports a note that is no qualifier where it is written', async () => {
    const bad = DATA.replace('note: exceeded', 'note: roughly speaking');
    const dir = tempProject({ 'deck.yaml': deck('{ type: pie, data: split }'), 'data.yaml': bad });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    const error = located(r).find((d) => d.code === 'data-invalid');
    expect(error).toMatchObject({ file: 'data.yaml', line: 5, severity: 'error' });
    expect(error!.message).toContain('roughly speaking');
  });
});
