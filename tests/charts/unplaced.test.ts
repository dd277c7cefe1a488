import { join } from 'node:path';
import { Canvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { unplacedLabels, withUnplaced } from '../../src/charts/png-note.js';
import { seal } from '../../src/charts/verified-store.js';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { tempProject } from '../helpers/project.js';

/**
 * A label the chart.js plugin finds no free place for at draw time is noted in the picture,
 * so the build reports it whether the picture was drawn now or comes from the cache.
 */

// Eighteen economies on two points, nine on each: a point has six places for a name beside it,
// so not every name has a free place, whatever the axes' range.
const rows = Array.from(
  { length: 18 },
  (_, i) => `      - [${(5 + (i % 2) * 0.01).toFixed(2)}, ${30 + (i % 2) * 0.05}, Economy ${i + 1}]`,
);

const files = {
  'deck.yaml': [
    'title: Crowded',
    'lang: en',
    'data: data.yaml',
    'sections:',
    '  - title: Charts',
    '    slides:',
    '      - type: chart',
    '        title: Crowded scatter',
    '        chart: { type: scatter, data: crowd, label_by: Economy, render: image }',
  ].join('\n'),
  'data.yaml': [
    'sources: { made: { title: Invented, publisher: briefdeck, date: 2025-01-01 } }',
    'source: made',
    'crowd:',
    '    unit: "%"',
    '    columns: [Tariff, Share, Economy]',
    '    rows:',
    ...rows,
    // Far from the others: the axes span it, so the eighteen stay crowded on a few pixels.
    '      - [40, 90, Outlier]',
  ].join('\n'),
};

describe('labels the picture has no place for', () => {
  it('are reported when drawn, and again when the picture comes from the cache', async () => {
    const project = tempProject(files);
    const cacheDir = join(project, 'cache');
    const first = await buildDeck('deck.yaml', { cwd: project, cacheDir });
    const second = await buildDeck('deck.yaml', { cwd: project, cacheDir });
    expect(second.report.charts).toMatchObject({ rendered: 0, cached: 1 });
    for (const result of [first, second]) {
      const warning = result.diagnostics.find((d) => d.code === 'chart-labels-dropped');
      expect(warning?.message).toMatch(/Economy \d+ \(Economy \d+\)/);
      expect(warning?.message).toContain('the picture has no free place for it');
    }
  }, 60_000);

  it('are reported by check, which draws nothing, as build reports them', async () => {
    const project = tempProject(files);
    const cacheDir = join(project, 'cache');
    const dropped = (r: Parameters<typeof located>[0]) => located(r).filter((d) => d.code === 'chart-labels-dropped');
    // Without a picture anywhere: the check lays the chart out itself.
    const cold = await checkDeck('deck.yaml', { cwd: project, cacheDir });
    const built = await buildDeck('deck.yaml', { cwd: project, cacheDir });
    // With the built picture in the cache: the check reads what its drawing found.
    const warm = await checkDeck('deck.yaml', { cwd: project, cacheDir });
    const noCache = await checkDeck('deck.yaml', { cwd: project, cacheDir: false });
    expect(dropped(built)).toHaveLength(1);
    expect(dropped(built)[0]!.message).toContain('the picture has no free place for it');
    for (const checked of [cold, warm, noCache]) {
      expect(checked.bytes).toBeUndefined();
      expect(dropped(checked)).toEqual(dropped(built));
    }
  }, 60_000);

  it('travel in a chunk of the picture that the cache seal keeps', () => {
    const png = new Canvas(4, 4).toBuffer('image/png');
    const dropped = [
      { dataset: 'Share', category: 'Beta', text: '41', reason: 'the picture has no free place for it' },
    ];
    expect(unplacedLabels(png)).toEqual([]);
    expect(withUnplaced(png, [])).toBe(png);
    expect(unplacedLabels(seal(withUnplaced(png, dropped)))).toEqual(dropped);
  });
});
