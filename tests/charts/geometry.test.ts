import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chartStyleFor, type ChartStyle } from '../../src/charts/config.js';
import { planChart } from '../../src/charts/plan.js';
import { buildDeck } from '../../src/index.js';
import type { ChartModel } from '../../src/model.js';
import { tempProject } from '../helpers/project.js';
import { chartsAskedFor, drawChart, geometryProblems } from './geometry-helpers.js';
import { placedLabels } from '../../src/charts/labels.js';

/**
 * Nothing covers data: every picture chart of the gallery, and generated charts of every
 * type, drawn with chart.js; the label boxes the placement computed are checked against the
 * geometry chart.js computed for every bar, point, line and slice.
 */

const captured: { chart: ChartModel; style: ChartStyle }[] = [];

beforeAll(async () => {
  const project = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
  // The gallery's real models and styles, as the renderer is asked to draw them.
  captured.push(
    ...(await chartsAskedFor(() =>
      buildDeck('decks/chart-gallery.yaml', {
        cwd: project,
        cacheDir: false,
        workers: 0,
        outDir: join(project, 'o'),
      }),
    )),
  );
}, 60_000);

afterAll(() => vi.restoreAllMocks());

describe('label geometry of the gallery pictures', () => {
  it('captured every picture chart of the gallery', () => {
    expect(captured.length).toBe(16);
  });

  it('places every label clear of the values and of each other', () => {
    const problems = captured.flatMap(({ chart, style }) =>
      geometryProblems(chart, style).map(
        (p) => `${chart.title ?? chart.type} ${chart.datasets[0]?.label}: ${p.label} ${p.problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it("places each series' labels one way: all inside their bars or all beside them", () => {
    const mixed: string[] = [];
    for (const { chart, style } of captured) {
      // A target line can leave no one way (a label above it for a bar above it, inside below
      // it for the rest): those charts keep each label's own best place.
      if (chart.type === 'pie' || chart.type === 'doughnut' || chart.target) continue;
      const drawn = drawChart(chart, style);
      const boxes = placedLabels(drawn)!.boxes.filter((b) => b.kind === 'data');
      chart.datasets.forEach((d, i) => {
        const ways = new Set(boxes.filter((b) => b.dataset === i).map((b) => b.inside));
        if (ways.size > 1) mixed.push(`${chart.title ?? chart.type}: ${d.label}`);
      });
      drawn.destroy();
    }
    expect(mixed).toEqual([]);
  });

  it('labels the target at the plot edge and bars below it stay readable', () => {
    const target = captured.find((c) => c.chart.type === 'column' && c.chart.target)!;
    const drawn = drawChart(target.chart, target.style);
    const boxes = placedLabels(drawn)!.boxes;
    const label = boxes.find((b) => b.kind === 'target')!;
    expect(label.text).toBe('Target 5%');
    expect(label.x).toBeGreaterThan(drawn.chartArea.right);
    // 5.2 % is above the line: its label sits above its bar, never below the target.
    const q4 = boxes.find((b) => b.text === '5.2%')!;
    const y5 = drawn.scales.y!.getPixelForValue(5);
    expect(q4.y + q4.h).toBeLessThan(y5);
    drawn.destroy();
  });

  it('draws a scatter chart on the ranges the native chart writes, a little beyond its points', () => {
    const scatter = captured.find((c) => c.chart.type === 'scatter')!;
    const plan = planChart(scatter.chart, scatter.style);
    // The gallery's tariffs run 2.1-9.2 % and trade shares 22-48 %.
    expect(plan.scatter).toEqual({ x: { min: 0, max: 10, step: 2 }, y: { min: 20, max: 50, step: 10 } });
    const drawn = drawChart(scatter.chart, scatter.style);
    expect([drawn.scales.x!.min, drawn.scales.x!.max, drawn.scales.y!.min, drawn.scales.y!.max]).toEqual([
      0, 10, 20, 50,
    ]);
    drawn.destroy();
  });

  it('labels negative bars beneath them, with a true minus sign', () => {
    const balance = captured.find((c) => c.chart.datasets[0]!.values.some((v) => v < 0) && c.chart.type === 'column')!;
    const drawn = drawChart(balance.chart, balance.style);
    const boxes = placedLabels(drawn)!.boxes;
    const zero = drawn.scales.y!.getPixelForValue(0);
    const negative = boxes.filter((b) => b.text.startsWith('\u2212'));
    expect(negative.map((b) => b.text)).toEqual(['\u22124.1', '\u22122.6', '\u22127.4']);
    for (const b of negative) expect(b.y).toBeGreaterThan(zero);
    expect(boxes.some((b) => b.text.includes('-'))).toBe(false);
    // The zero line, where the bars start, is darker and heavier than the gridlines.
    const y = drawn.scales.y!;
    const grid = (k: number) =>
      (y.options.grid as unknown as { setContext(c: unknown): { color: string; lineWidth: number } }).setContext(
        y.getContext(k),
      );
    const zeroAt = y.ticks.findIndex((t) => t.value === 0);
    const other = zeroAt === 0 ? 1 : 0;
    expect([grid(zeroAt).color, grid(zeroAt).lineWidth]).toEqual([`#${balance.style.palette.muted}`, 1.5]);
    expect([grid(other).color, grid(other).lineWidth]).toEqual([`#${balance.style.palette.rule}`, 1]);
    drawn.destroy();
  });

  it('keys lines in a legend with a stroke and bars with a square', () => {
    const combos = captured.filter((c) => c.chart.type === 'combo');
    expect(combos.length).toBe(2);
    for (const { chart, style } of combos) {
      const drawn = drawChart(chart, style);
      const items = (drawn.legend as unknown as { legendItems: { text: string; pointStyle?: string }[] }).legendItems;
      expect(items.map((i) => [i.text, i.pointStyle])).toEqual(
        chart.datasets.map((d, i) => [d.label, chart.lineDatasets.includes(i) ? 'line' : 'rect']),
      );
      expect((drawn.options.plugins?.legend?.labels as { usePointStyle?: boolean }).usePointStyle).toBe(true);
      drawn.destroy();
    }
  });

  it('names scatter points inside the plot, clear of its border and the tick labels', () => {
    const scatter = captured.find((c) => c.chart.type === 'scatter')!;
    const drawn = drawChart(scatter.chart, scatter.style);
    const { boxes, unplaced } = placedLabels(drawn)!;
    const area = drawn.chartArea;
    expect(unplaced).toEqual([]);
    expect(boxes.map((b) => b.text)).toEqual(scatter.chart.pointLabels);
    for (const b of boxes) {
      expect(b.x, b.text).toBeGreaterThan(area.left + 2);
      expect(b.y, b.text).toBeGreaterThan(area.top + 2);
      expect(b.x + b.w, b.text).toBeLessThan(area.right - 2);
      expect(b.y + b.h, b.text).toBeLessThan(area.bottom - 2);
    }
    drawn.destroy();
  });
});

// ---- generated cases

/** A small deterministic generator, so a failure names a case that can be drawn again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const THEME = {
  palette: {
    background: 'FFFFFF',
    surface: 'F1F4F8',
    title: '14213D',
    text: '1F2933',
    muted: '5B6473',
    accent: '1F4E79',
    accentText: 'FFFFFF',
    rule: 'C9D1DC',
    inactive: 'B8C0CC',
    emphasis: 'B3282D',
    dividerBackground: '14213D',
    dividerText: 'FFFFFF',
    series: ['1F4E79', 'B3282D', '6C8EBF', 'D9A441', '3C8D93', '8E5572', '7F8C9A'],
  },
  fonts: { chart: 'Carlito, Noto Sans CJK SC', files: [] },
  sizes: { chart: 16, chartMin: 11 },
  charts: { density: 1 },
};

function model(over: Partial<ChartModel> & Pick<ChartModel, 'type' | 'labels' | 'datasets'>): ChartModel {
  return {
    horizontal: false,
    stacked: false,
    legend: over.datasets.length > 1 ? 'top' : 'none',
    dataLabels: 'value',
    format: { withUnit: true, compact: false, percent: false, raw: false },
    lineDatasets: [],
    alt: '',
    render: 'image',
    lang: 'en',
    ...over,
  };
}

function generated(): { name: string; chart: ChartModel; box: { w: number; h: number } }[] {
  const out: { name: string; chart: ChartModel; box: { w: number; h: number } }[] = [];
  const boxes = [
    { w: 864, h: 330 },
    { w: 500, h: 300 },
    { w: 420, h: 200 },
  ];
  for (let seed = 1; seed <= 12; seed++) {
    const r = random(seed);
    const box = boxes[seed % boxes.length]!;
    const n = 3 + Math.floor(r() * 8);
    const labels = Array.from({ length: n }, (_, i) => `Cat ${i + 1}`);
    const value = (lo: number, hi: number, dp: number) => Number((lo + r() * (hi - lo)).toFixed(dp));
    const dp = seed % 3;
    const one = labels.map(() => value(seed % 2 ? -40 : 1, 100, dp));
    out.push({
      name: `column ${seed}`,
      chart: model({
        type: 'column',
        labels,
        datasets: [{ label: 'A', values: one, unit: '%' }],
        ...(seed % 4 === 0 ? { target: { value: Math.max(...one) * 0.9 } } : {}),
      }),
      box,
    });
    out.push({
      name: `horizontal ${seed}`,
      chart: model({
        type: 'horizontal-bar',
        horizontal: true,
        labels,
        datasets: [{ label: 'A', values: one.map(Math.abs), unit: 'USD billion' }],
        ...(seed % 3 === 0 ? { target: { value: 50 } } : {}),
      }),
      box,
    });
    const parts = ['Goods', 'Services', 'Digital'].map((label, k) => ({
      label,
      values: labels.map(() => value(k === 2 ? 1 : 20, k === 2 ? 30 : 400, 0)),
    }));
    out.push({
      name: `stacked ${seed}`,
      chart: model({ type: 'stacked-bar', stacked: true, labels, datasets: parts }),
      box,
    });
    out.push({
      name: `percent ${seed}`,
      chart: model({ type: 'bar', stacked: 'percent', labels, datasets: parts, horizontal: seed % 2 === 0 }),
      box,
    });
    out.push({
      name: `pie ${seed}`,
      chart: model({
        type: seed % 2 ? 'pie' : 'doughnut',
        labels: labels.slice(0, Math.min(n, 7)),
        datasets: [{ label: 'Share', values: labels.slice(0, Math.min(n, 7)).map(() => value(0.5, 60, 1)) }],
        dataLabels: 'share',
        legend: 'auto',
      }),
      box,
    });
    out.push({
      name: `line ${seed}`,
      chart: model({
        type: 'line',
        labels,
        datasets: [{ label: 'Growth', values: one, unit: '%' }],
        ...(seed % 2 === 0 ? { target: { value: 20 } } : {}),
      }),
      box,
    });
    out.push({
      name: `lines ${seed}`,
      chart: model({
        type: 'line',
        labels,
        datasets: ['North', 'South', 'East', 'West'].slice(0, 2 + (seed % 3)).map((label) => ({
          label,
          values: labels.map(() => value(-5, 10, 1)),
          unit: '%',
        })),
        dataLabels: false,
        legend: 'none',
        directLabels: true,
        ...(seed % 2 === 0 ? { target: { value: 4 } } : {}),
      }),
      box,
    });
    out.push({
      name: `scatter ${seed}`,
      chart: model({
        type: 'scatter',
        labels: labels.map((_, i) => String(i * 1.5 + r())),
        datasets: [{ label: 'Share', values: labels.map(() => value(10, 60, 0)), unit: '%' }],
        pointLabels: labels.map((_, i) => `Economy ${i + 1}`),
        dataLabels: false,
      }),
      box,
    });
  }
  return out;
}

describe('label geometry of generated charts', () => {
  it.each(generated().map((g) => [g.name, g] as const))('%s: no label covers a value or a label', (_, g) => {
    const style = chartStyleFor(g.box, 960, THEME);
    expect(geometryProblems(g.chart, style)).toEqual([]);
  });

  it('labels a stack segment too small for its figures beside its stack, level with it', () => {
    const chart = model({
      type: 'stacked-bar',
      stacked: true,
      labels: ['Q1', 'Q2'],
      datasets: [
        { label: 'Big', values: [500, 520] },
        { label: 'Tiny', values: [4, 5] },
      ],
    });
    const style = chartStyleFor({ w: 864, h: 330 }, 960, THEME);
    expect(planChart(chart, style).dropped).toEqual([]);
    expect(geometryProblems(chart, style)).toEqual([]);
    const drawn = drawChart(chart, style);
    const tiny = placedLabels(drawn)!.boxes.filter((b) => b.dataset === 1);
    expect(tiny.map((b) => [b.text, b.inside])).toEqual([
      ['4', false],
      ['5', false],
    ]);
    for (const box of tiny) {
      const bar = drawn.getDatasetMeta(1).data[box.index!] as unknown as {
        x: number;
        y: number;
        base: number;
        width: number;
      };
      // Right of its own bar, nearer to it than to the next, and level with the segment.
      expect(box.x).toBeGreaterThanOrEqual(bar.x + bar.width / 2);
      expect(box.x - (bar.x + bar.width / 2)).toBeLessThan(10);
      expect(box.y).toBeLessThanOrEqual(bar.base);
      expect(box.y + box.h).toBeGreaterThanOrEqual(bar.y);
    }
    drawn.destroy();
  });

  it('reports what it leaves out, by rule: a segment too small for its label with no room beside its stack', () => {
    const labels = Array.from({ length: 10 }, (_, i) => `Q${i + 1}`);
    const chart = model({
      type: 'stacked-bar',
      stacked: true,
      labels,
      datasets: [
        { label: 'Big', values: labels.map(() => 500) },
        { label: 'Tiny', values: labels.map((_, i) => 4 + (i % 2)) },
      ],
    });
    const style = chartStyleFor({ w: 420, h: 200 }, 960, THEME);
    const plan = planChart(chart, style).dropped.filter((d) => d.dataset === 'Tiny');
    expect(plan.map((d) => `${d.category} ${d.text}`)).toEqual(labels.map((l, i) => `${l} ${4 + (i % 2)}`));
    expect(new Set(plan.map((d) => d.reason))).toEqual(
      new Set(['its segment is too small to hold a label, with no room beside it']),
    );
    expect(geometryProblems(chart, style)).toEqual([]);
  });
});
