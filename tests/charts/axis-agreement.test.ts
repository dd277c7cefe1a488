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
    expect(compared).toBe(12);
  });
});
