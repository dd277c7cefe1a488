import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChartStyle } from '../../src/charts/config.js';
import { buildDeck } from '../../src/index.js';
import type { ChartModel } from '../../src/model.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { chartsAskedFor, drawChart } from './geometry-helpers.js';

/**
 * A picture and its editable twin must say the same thing: for every gallery chart, the value
 * axes chart.js draws (its computed scales) have the range and step the native chart part
 * writes (c:min, c:max, c:majorUnit).
 */

interface Scale {
  min: number;
  max: number;
  step: number;
}

const captured: { chart: ChartModel; style: ChartStyle }[] = [];
/** The editable charts' parts, in slide order: the gallery lists the same charts in the same order twice. */
const nativeXml: { title: string; xml: string }[] = [];

beforeAll(async () => {
  const project = tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
  // The gallery's real models and styles, as the renderer is asked to draw them.
  captured.push(
    ...(await chartsAskedFor(() =>
      buildDeck('decks/chart-gallery.yaml', { cwd: project, cacheDir: false, workers: 0 }),
    )),
  );
  const deck = await openPptx(join(project, 'out', 'chart-gallery.pptx'));
  for (const s of deck.slides) if (s.charts[0]) nativeXml.push({ title: s.title, xml: await deck.file(s.charts[0]) });
}, 120_000);

afterAll(() => vi.restoreAllMocks());

/** The value axes chart.js computed, in the order the native part writes them (x before y for scatter). */
function pictureScales(chart: ChartModel, style: ChartStyle): Scale[] {
  const drawn = drawChart(chart, style);
  try {
    const ids =
      chart.type === 'scatter' ? ['x', 'y'] : [chart.horizontal ? 'x' : 'y', ...(drawn.scales.y2 ? ['y2'] : [])];
    return ids.map((id) => {
      const s = drawn.scales[id]!;
      const ticks = s.ticks.map((t) => t.value);
      return { min: s.min, max: s.max, step: Number((ticks[1]! - ticks[0]!).toPrecision(12)) };
    });
  } finally {
    drawn.destroy();
  }
}

/** Each c:valAx's range and step as written, in document order. */
function nativeScales(xml: string): Scale[] {
  return [...xml.matchAll(/<c:valAx>([\s\S]*?)<\/c:valAx>/g)].map((m) => ({
    min: Number(/<c:min val="([^"]+)"/.exec(m[1]!)?.[1]),
    max: Number(/<c:max val="([^"]+)"/.exec(m[1]!)?.[1]),
    step: Number(/<c:majorUnit val="([^"]+)"/.exec(m[1]!)?.[1]),
  }));
}

describe('picture and native charts draw the same axes', () => {
  it('matches every gallery chart with value axes', () => {
    const mismatches: string[] = [];
    let compared = 0;
    expect(captured.length).toBe(nativeXml.length);
    captured.forEach(({ chart, style }, i) => {
      const { title, xml } = nativeXml[i]!;
      // The twin shows the same categories (a scatter's x values are numbers in its cache).
      expect(xml, title).toContain(`<c:v>${chart.labels[0]}</c:v>`);
      if (chart.type === 'pie' || chart.type === 'doughnut') return;
      let picture = pictureScales(chart, style);
      // A 100 % stack: the picture counts in per cent, the native chart in fractions.
      if (chart.stacked === 'percent')
        picture = picture.map((s) => ({ min: s.min / 100, max: s.max / 100, step: s.step / 100 }));
      const native = nativeScales(xml);
      compared++;
      if (JSON.stringify(native) !== JSON.stringify(picture))
        mismatches.push(`${title}: picture ${JSON.stringify(picture)} native ${JSON.stringify(native)}`);
    });
    expect(mismatches).toEqual([]);
    expect(compared).toBe(13);
  });
});

/** The picture's upright axis titles (drawn above the plot), and what chart.js would draw on their side. */
function pictureTitles(chart: ChartModel, style: ChartStyle) {
  const drawn = drawChart(chart, style);
  try {
    const sideways = ['y', 'y2'].filter(
      (id) => (drawn.scales[id]?.options as { title?: { display?: boolean } } | undefined)?.title?.display,
    );
    const box = (drawn as unknown as { boxes: { weight: number; bottom: number; _layers?: unknown }[] }).boxes.find(
      (b) => b.weight === 100 && b._layers,
    );
    return { sideways, box: box && { bottom: box.bottom, plotTop: drawn.chartArea.top } };
  } finally {
    drawn.destroy();
  }
}

/** Titles of the native chart's axes: their side, text, rotation and whether layout placed them. */
function nativeTitles(xml: string) {
  return [...xml.matchAll(/<c:(?:valAx|catAx)>([\s\S]*?)<\/c:(?:valAx|catAx)>/g)].flatMap((m) => {
    const title = /<c:title>([\s\S]*?)<\/c:title>/.exec(m[1]!)?.[1];
    if (!title || /<c:delete val="1"\/>/.test(m[1]!)) return [];
    return [
      {
        side: /<c:axPos val="(\w)"/.exec(m[1]!)![1]!,
        text: [...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
        rot: /<a:bodyPr[^>]*rot="(-?\d+)"/.exec(title)?.[1],
        placed: /<c:manualLayout>/.test(title),
        y: Number(/<c:y val="([^"]+)"/.exec(title)?.[1]),
      },
    ];
  });
}

describe('axis titles follow one rule in both renderers', () => {
  it('never turns a title on its side: upright axes are titled above the plot, horizontal ones below', () => {
    const problems: string[] = [];
    let titled = 0;
    captured.forEach(({ chart, style }, i) => {
      const { title, xml } = nativeXml[i]!;
      if (chart.type === 'pie' || chart.type === 'doughnut') return;
      const picture = pictureTitles(chart, style);
      if (picture.box) titled++;
      if (picture.sideways.length)
        problems.push(`${title}: the picture turns ${picture.sideways.join(', ')} on its side`);
      if (picture.box && picture.box.bottom > picture.box.plotTop)
        problems.push(`${title}: the picture's axis title reaches into the plot`);
      const plotY = Number(/<c:plotArea><c:layout><c:manualLayout>[\s\S]*?<c:y val="([^"]+)"/.exec(xml)?.[1]);
      for (const t of nativeTitles(xml)) {
        const upright = t.side === 'l' || t.side === 'r';
        if (upright && (t.rot !== '0' || !t.placed))
          problems.push(`${title}: the native ${t.side} axis title "${t.text}" is not set horizontally above the plot`);
        if (upright && !(t.y < plotY)) problems.push(`${title}: the native title "${t.text}" is not above the plot`);
        if (!upright && t.placed) problems.push(`${title}: the native bottom axis title "${t.text}" was moved`);
      }
      // The picture titles an upright axis exactly when the native chart does.
      const nativeUpright = nativeTitles(xml).some((t) => t.side === 'l' || t.side === 'r');
      if (nativeUpright !== !!picture.box) problems.push(`${title}: picture and native disagree on an upright title`);
    });
    expect(problems).toEqual([]);
    expect(titled).toBeGreaterThanOrEqual(6);
  });

  it("keeps a scatter's corner clear: the x labels start below the y axis's lowest label", () => {
    let scatters = 0;
    captured.forEach(({ chart, style }, i) => {
      if (chart.type !== 'scatter') return;
      scatters++;
      expect(nativeXml[i]!.xml).toMatch(
        /<c:valAx>(?:(?!<\/c:valAx>)[\s\S])*<c:axPos val="b"\/>[\s\S]*?formatCode="&quot;&#10;&quot;/,
      );
      const drawn = drawChart(chart, style);
      try {
        const x = drawn.scales.x!;
        const y = drawn.scales.y!;
        const xOptions = x.options as unknown as { ticks: { padding: number }; grid: { tickLength: number } };
        const yFont = (y.options as unknown as { ticks: { font: { size: number } } }).ticks.font.size;
        const lowestLabelFoot = y.getPixelForValue(y.min) + (yFont * 1.2) / 2;
        const xLabelsTop = x.top + xOptions.grid.tickLength + xOptions.ticks.padding;
        expect(xLabelsTop).toBeGreaterThan(lowestLabelFoot + 2);
      } finally {
        drawn.destroy();
      }
    });
    expect(scatters).toBe(1);
  });
});
