import { describe, expect, it } from 'vitest';
import { alignedRanges, niceRange } from '../../src/charts/axes.js';
import { chartStyleFor, unitTitle } from '../../src/charts/config.js';
import { chartDecimals, MINUS, shareDecimals, trueMinus } from '../../src/charts/numbers.js';
import { planChart } from '../../src/charts/plan.js';
import { ticksToShow, timeAxisOf } from '../../src/charts/time-axis.js';
import type { ChartModel } from '../../src/model.js';

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
    series: ['1F4E79', 'B3282D', '6C8EBF', 'D9A441'],
  },
  fonts: { chart: 'Carlito', files: [] },
  sizes: { chart: 16, chartMin: 11 },
  charts: { density: 1 },
};
const STYLE = chartStyleFor({ w: 864, h: 330 }, 960, THEME);

function model(over: Partial<ChartModel> & Pick<ChartModel, 'type' | 'labels' | 'datasets'>): ChartModel {
  return {
    horizontal: false,
    stacked: false,
    legend: 'none',
    dataLabels: 'value',
    format: { withUnit: true, compact: false, percent: false, raw: false },
    lineDatasets: [],
    alt: '',
    render: 'image',
    lang: 'en',
    ...over,
  };
}

const labelsOf = (chart: ChartModel) => {
  const plan = planChart(chart, STYLE);
  return plan.labels.map((l) => l.text);
};

describe('share labels', () => {
  it('say what the legend and text say when the data are already percentages of a whole', () => {
    const pie = model({
      type: 'pie',
      labels: ['Coal', 'Clean', 'Oil'],
      datasets: [{ label: 'Mix', values: [54.6, 38.3, 7.1], unit: '%' }],
      dataLabels: 'share',
    });
    expect(labelsOf(pie)).toEqual(['54.6%', '38.3%', '7.1%']);
  });

  it('use the fewest decimals with which every group adds up to 100', () => {
    expect(shareDecimals([[1, 1, 1]])).toBe(2); // thirds never add up: at most two decimals
    expect(shareDecimals([[160, 80]])).toBe(0); // 67 + 33
    expect(shareDecimals([[498, 117, 55]])).toBe(1); // 74 + 17 + 8 = 99; 74.3 + 17.5 + 8.2 = 100
    expect(shareDecimals([[2, 1]], 1)).toBe(1); // never fewer than asked
  });

  it('give a 100 % stack one precision, enough for every category to add up', () => {
    const stack = model({
      type: 'bar',
      stacked: 'percent',
      labels: ['Q1', 'Q4'],
      datasets: [
        { label: 'Goods', values: [410, 498] },
        { label: 'Services', values: [92, 117] },
        { label: 'Digital', values: [35, 55] },
      ],
    });
    const plan = planChart(stack, STYLE);
    expect(plan.decimals).toBe(1);
    const q4 = plan.labels.filter((l) => l.index === 1).map((l) => parseFloat(l.text));
    expect(q4.reduce((a, v) => a + v, 0)).toBeCloseTo(100, 6);
    expect(plan.labels.every((l) => /^\d+\.\d%$/.test(l.text))).toBe(true);
  });

  it('never show a non-zero slice as 0 %', () => {
    const pie = model({
      type: 'pie',
      labels: ['a', 'b'],
      datasets: [{ label: 'x', values: [999, 1] }],
      dataLabels: 'share',
    });
    expect(labelsOf(pie).map((t) => parseFloat(t))).not.toContain(0);
  });
});

describe('value labels', () => {
  it('use one precision per chart, from the data', () => {
    const chart = model({
      type: 'column',
      labels: ['2021', '2022', '2023'],
      datasets: [{ label: 'Trade', values: [6, 6.3, 5.95], unit: 'USD trillion' }],
    });
    expect(chartDecimals(chart)).toBe(2);
    expect(labelsOf(chart)).toEqual(['6.00', '6.30', '5.95']);
  });

  it('write the minus sign as U+2212, in labels and ticks', () => {
    const chart = model({
      type: 'column',
      labels: ['a', 'b'],
      datasets: [{ label: 'Balance', values: [12.4, -4.1], unit: 'USD billion' }],
    });
    const plan = planChart(chart, STYLE);
    expect(plan.labels.map((l) => l.text)).toEqual(['12.4', `${MINUS}4.1`]);
    expect(plan.tick(-5)).toBe(`${MINUS}5`);
    expect(trueMinus('-US$4 billion')).toBe(`${MINUS}US$4 billion`);
  });

  it('leave the unit to the axis title, keeping the % sign with its number', () => {
    const pct = model({ type: 'column', labels: ['a'], datasets: [{ label: 'g', values: [4.7], unit: '%' }] });
    expect(labelsOf(pct)).toEqual(['4.7%']);
    const usd = model({
      type: 'column',
      labels: ['a'],
      datasets: [{ label: 'g', values: [160], unit: 'USD billion' }],
    });
    expect(labelsOf(usd)).toEqual(['160']);
  });
});

describe('axis titles', () => {
  it('add the unit once, in the title’s own script only', () => {
    expect(unitTitle('Export growth', 'USD billion')).toBe('Export growth (US$ billion)');
    expect(unitTitle('Export growth (USD billion)', 'USD billion')).toBe('Export growth (USD billion)');
    expect(unitTitle(undefined, 'CNY trillion')).toBe('trillion yuan');
    expect(unitTitle(undefined, 'USD trillion', 'zh-CN')).toBe('万亿美元');
    // The axis holds the data's own numbers: 160 (billion) is 160 十亿美元, not 160 亿美元.
    expect(unitTitle(undefined, 'USD billion', 'zh-CN')).toBe('十亿美元');
    expect(unitTitle('出口额', 'USD billion', 'zh-CN')).toBe('出口额（十亿美元）');
    expect(unitTitle('Export growth (%)', '%')).toBe('Export growth (%)');
    expect(unitTitle(undefined, 'USD billion')).toBe('US$ billion');
    expect(unitTitle(undefined, 'countries')).toBe('countries');
    expect(unitTitle('国家数量', 'countries')).toBe('国家数量');
  });
});

describe('axes', () => {
  it('start bars at zero with nice steps', () => {
    expect(niceRange(5.9, 6.3, true)).toEqual({ min: 0, max: 7, step: 1 });
    expect(niceRange(0, 670, true)).toEqual({ min: 0, max: 700, step: 100 });
  });

  it('take a whole step over a fraction when it leaves at most a quarter of the axis empty', () => {
    // Belt and Road goods trade, 2.7 and 3.1 (US$ trillion): 0–4 by 1, not 0.0–3.5 by 0.5.
    expect(niceRange(2.7, 3.1, true)).toEqual({ min: 0, max: 4, step: 1 });
    expect(niceRange(0, 17, true)).toEqual({ min: 0, max: 20, step: 5 });
    // Below 2.5 a whole step would leave most of the axis empty: the fraction stays.
    expect(niceRange(0, 2.2, true)).toEqual({ min: 0, max: 2.5, step: 0.5 });
    expect(niceRange(0, 1.1, true)).toEqual({ min: 0, max: 1.2, step: 0.2 });
  });

  it('align the zeros of two axes on one gridline when both go below zero', () => {
    const [a, b] = alignedRanges([-1, 6.3], [-5, 21.4]);
    expect(a.min / a.step).toBe(b.min / b.step);
    expect(a.max / a.step).toBe(b.max / b.step);
    expect(a.min).toBeLessThanOrEqual(-1);
    expect(b.max).toBeGreaterThanOrEqual(21.4);
  });

  it('start a non-negative axis at zero when only the other goes below it, in round steps', () => {
    const [a, b] = alignedRanges([0, 6.3], [-5, 21.4]);
    expect(a).toEqual({ min: 0, max: 8, step: 2 });
    expect(b).toEqual({ min: -10, max: 30, step: 10 });
    // The same number of steps: the gridlines of both axes coincide.
    expect((a.max - a.min) / a.step).toBe((b.max - b.min) / b.step);
    for (const [x, y] of [
      [0, 3.2],
      [-0.4, 17],
      [0, 740],
      [-12, 48],
    ] as const) {
      const [r, t] = alignedRanges([x, y], [-3.3, 9.9]);
      if (x >= 0) expect(r.min).toBe(0);
      expect(r.min <= x && r.max >= y && t.min <= -3.3 && t.max >= 9.9).toBe(true);
      expect((r.max - r.min) / r.step).toBe((t.max - t.min) / t.step);
      for (const step of [r.step, t.step]) expect([1, 2, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)));
    }
  });

  it('share one axis in a combo chart whose series have one unit, and two when units differ', () => {
    const one = model({
      type: 'combo',
      labels: ['a', 'b'],
      datasets: [
        { label: 'Exports', values: [3.4, 3.6], unit: 'USD trillion' },
        { label: 'Imports', values: [2.7, 2.6], unit: 'USD trillion' },
      ],
      unit: 'USD trillion',
      lineDatasets: [1],
      dataLabels: false,
    });
    expect(planChart(one, STYLE).axis2).toBeUndefined();
    const two = model({
      ...one,
      datasets: [
        { label: 'Trade', values: [6, 6.3], unit: 'USD trillion' },
        { label: 'Growth', values: [21.4, -5], unit: '%' },
      ],
    });
    const plan = planChart(two, STYLE);
    expect(plan.axis2).toBeDefined();
    // The same number of steps on both axes; the positive trade axis from zero.
    expect((plan.axis!.max - plan.axis!.min) / plan.axis!.step).toBe(
      (plan.axis2!.max - plan.axis2!.min) / plan.axis2!.step,
    );
    expect(plan.axis!.min).toBe(0);
    expect(plan.axis2!.min).toBeLessThan(0);
  });
});

describe('time axes', () => {
  it('recognise months, quarters and dates and write them the deck language’s way', () => {
    expect(timeAxisOf(['2024-01', '2024-02'], 'en')?.labels).toEqual(['Jan 24', 'Feb 24']);
    expect(timeAxisOf(['2024-01', '2024-02'], 'zh')?.labels).toEqual(['2024年1月', '2024年2月']);
    expect(timeAxisOf(['2024Q1', '2024-Q2'], 'en')?.labels).toEqual(['Q1 2024', 'Q2 2024']);
    expect(timeAxisOf(['Q1 2024', 'Q2 2024'], 'zh')?.labels).toEqual(['2024年一季度', '2024年二季度']);
    expect(timeAxisOf(['2024-01-31', '2024-02-29'], 'en')?.unit).toBe('day');
    expect(timeAxisOf(['2024-01-01', '2024-02-01'], 'en')?.labels).toEqual(['Jan 24', 'Feb 24']);
    expect(timeAxisOf(['Jan 2024', 'February 2024'], 'en')?.labels).toEqual(['Jan 24', 'Feb 24']);
    expect(timeAxisOf(['North', '2024-01'], 'en')).toBeUndefined();
    expect(timeAxisOf(['2024-13', '2024-01'], 'en')).toBeUndefined();
  });

  it('thin 24 months to ticks on quarter or half-year boundaries', () => {
    const labels = Array.from(
      { length: 24 },
      (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const axis = timeAxisOf(labels, 'en')!;
    const shown = [...ticksToShow(axis, 8)].map((i) => axis.labels[i]);
    expect(shown).toEqual(['Jan 23', 'Apr 23', 'Jul 23', 'Oct 23', 'Jan 24', 'Apr 24', 'Jul 24', 'Oct 24']);
    expect([...ticksToShow(axis, 5)].map((i) => axis.labels[i])).toEqual(['Jan 23', 'Jul 23', 'Jan 24', 'Jul 24']);
  });

  it('turns markers off past a dozen points and names up to four lines at their ends', () => {
    const labels = Array.from({ length: 24 }, (_, i) => `m${i}`);
    const chart = model({
      type: 'line',
      labels,
      datasets: [
        { label: 'Exports', values: labels.map((_, i) => i) },
        { label: 'Imports', values: labels.map((_, i) => i / 2) },
      ],
      directLabels: true,
      dataLabels: false,
    });
    const plan = planChart(chart, STYLE);
    expect(plan.pointRadius).toBe(0);
    expect(plan.directLabels).toBe(true);
    expect(plan.edges.map((e) => e.text)).toEqual(['Exports', 'Imports']);
  });
});
