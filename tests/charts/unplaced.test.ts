import { join } from 'node:path';
import { Canvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { unplacedLabels, withUnplaced } from '../../src/charts/png-note.js';
import { seal } from '../../src/charts/verified-store.js';
import { buildDeck } from '../../src/index.js';
import { tempProject } from '../helpers/project.js';

/**
 * A label the chart.js plugin finds no free place for at draw time is noted in the picture,
 * so the build reports it whether the picture was drawn now or comes from the cache.
 */

// Eighteen economies crowded on a few pixels: not every name has a free place beside its point.
const rows = Array.from(
  { length: 18 },
  (_, i) => `      - [${(5 + (i % 3) * 0.01).toFixed(2)}, ${30 + (i % 6) * 0.05}, Economy ${i + 1}]`,
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
