import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChartStyle } from '../../src/charts/config.js';
import { placedLabels } from '../../src/charts/labels.js';
import { buildDeck } from '../../src/index.js';
import type { ChartModel } from '../../src/model.js';
import { openPptx } from '../helpers/pptx.js';
import { narrowFlagshipProject } from '../helpers/flagship-on-templates.js';
import { chartsAskedFor, drawChart } from './geometry-helpers.js';

/**
 * Chart text as the reader sees it on the slide, in points: value labels at least 14 pt, tick
 * labels and legend at least 12 pt, in half-width pictures and on a 10-inch house template as
 * at full width, and the same floor in native charts. Measured on the charts chart.js draws for
 * the flagship (official theme and the pandoc reference template) and the gallery, and on the
 * pictures and native charts in the decks written.
 */

interface Built {
  name: string;
  dir: string;
  deck: string;
  charts: { chart: ChartModel; style: ChartStyle }[];
}
const built: Built[] = [];

beforeAll(async () => {
  const dir = narrowFlagshipProject();
  for (const [name, deck] of [
    ['official EN', 'decks/opening-up.yaml'],
    ['pandoc-reference EN', 'decks/narrow.yaml'],
    ['gallery', 'decks/chart-gallery.yaml'],
  ] as const) {
    const charts = await chartsAskedFor(() => buildDeck(deck, { cwd: dir, cacheDir: false, workers: 0 }));
    built.push({ name, dir, deck, charts });
  }
}, 240_000);

afterAll(() => vi.restoreAllMocks());

/** CSS px of a picture drawn at its box's size: 96 to the inch, 72 points. */
const PT_PER_PX = 72 / 96;

const round = (v: number) => Math.round(v * 10) / 10;

describe('chart text in points on the slide', () => {
  it('places each picture at the size it was drawn for (a CSS px is 0.75 pt on the slide)', async () => {
    for (const b of built.filter((x) => x.name !== 'gallery')) {
      const deck = await openPptx(join(b.dir, 'out', b.deck.replace(/^decks\//, '').replace('.yaml', '.pptx')));
      const pics = deck.slides.flatMap((s) =>
        [...s.xml.matchAll(/<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/g)].map((m) => Number(m[1]) / 12700),
      );
      // Every drawn chart's width, in points, is one of the slide's pictures' widths.
      for (const { style } of b.charts)
        expect(
          pics.some((w) => Math.abs(w - style.width * PT_PER_PX) < 1),
          `${b.name} ${style.width}`,
        ).toBe(true);
    }
  });

  it('sets value labels at 14 pt or more, ticks and legend at 12 pt or more', () => {
    const small: string[] = [];
    for (const b of built)
      for (const { chart, style } of b.charts) {
        const drawn = drawChart(chart, style);
        const what = `${b.name} ${chart.title ?? chart.datasets[0]?.label}`;
        for (const [id, scale] of Object.entries(drawn.scales)) {
          const size = (scale.options as { ticks: { font: { size: number } } }).ticks.font.size * PT_PER_PX;
          if (size < 12) small.push(`${what}: ${id} ticks ${round(size)} pt`);
        }
        const legend = drawn.options.plugins?.legend;
        const legendSize = (legend?.labels?.font as { size: number } | undefined)?.size ?? style.fontSize;
        if (legend?.display !== false && legendSize * PT_PER_PX < 12)
          small.push(`${what}: legend ${round(legendSize * PT_PER_PX)} pt`);
        // Value labels are drawn in the style's font size (labels.ts).
        const labels = placedLabels(drawn)?.boxes.filter((x) => x.kind === 'data') ?? [];
        if (labels.length && style.fontSize * PT_PER_PX < 13.9)
          small.push(`${what}: labels ${round(style.fontSize * PT_PER_PX)} pt`);
        drawn.destroy();
      }
    expect(small).toEqual([]);
  });

  it('sets native chart value labels at 14 pt or more, axes and legend at 12 pt or more', async () => {
    const b = built.find((x) => x.name === 'gallery')!;
    const deck = await openPptx(join(b.dir, 'out', 'chart-gallery.pptx'));
    const sizes = { labels: [] as number[], other: [] as number[] };
    for (const s of deck.slides)
      for (const part of s.charts) {
        const xml = await deck.file(part);
        for (const m of xml.matchAll(/<c:dLbls>[\s\S]*?<\/c:dLbls>/g))
          for (const sz of m[0].matchAll(/sz="(\d+)"/g)) sizes.labels.push(Number(sz[1]) / 100);
        for (const m of xml.matchAll(/<c:(?:catAx|valAx|legend)>[\s\S]*?<\/c:(?:catAx|valAx|legend)>/g))
          for (const sz of m[0].matchAll(/sz="(\d+)"/g)) sizes.other.push(Number(sz[1]) / 100);
      }
    expect(sizes.labels.length).toBeGreaterThan(0);
    expect(Math.min(...sizes.labels)).toBeGreaterThanOrEqual(14);
    expect(Math.min(...sizes.other)).toBeGreaterThanOrEqual(12);
  });

  it('draws every pie and doughnut ring across at least 55 % of its box, values in the legend where labels would squeeze it', () => {
    const rings: string[] = [];
    const inLegend: string[] = [];
    for (const b of built)
      for (const { chart, style } of b.charts) {
        if (chart.type !== 'pie' && chart.type !== 'doughnut') continue;
        const drawn = drawChart(chart, style);
        const arc = drawn.getDatasetMeta(0).data[0] as unknown as { outerRadius: number };
        const short = Math.min(style.width, style.height);
        const share = (2 * arc.outerRadius) / short;
        rings.push(`${b.name} ${chart.title ?? chart.datasets[0]!.label}: ${Math.round(share * 100)}%`);
        if (share < 0.55) rings.push('  too small');
        const items = (drawn.legend as unknown as { legendItems: { text: string }[] }).legendItems.map((i) => i.text);
        if (placedLabels(drawn)!.boxes.every((x) => x.kind !== 'data'))
          inLegend.push(`${b.name}: ${items.join(' | ')}`);
        drawn.destroy();
      }
    expect(
      rings.filter((r) => r.includes('too small')),
      rings.join('\n'),
    ).toEqual([]);
    // The flagship's doughnut in a half-width box: its values, qualifier kept, in the legend.
    expect(inLegend).toContain(
      'official EN: China into partner countries: US$160 billion | Partner countries into China: more than US$80 billion',
    );
  });
});
