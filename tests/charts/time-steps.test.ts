import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { tempProject } from '../helpers/project.js';

/**
 * A line joins its points at equal steps: periods with a gap between them would draw years of
 * change as steep as one. The build says so at the chart's data key, and says nothing when
 * the periods are evenly spaced (a 2021-to-2024 pair is one step of three years).
 */

const deck = (type: string) =>
  `title: T\ndata: d.yaml\nsections:\n  - title: S\n    slides:\n      - type: chart\n        title: Trade\n        chart: { type: ${type}, data: trade }\n`;

async function warningsFor(series: string, type = 'line') {
  const dir = tempProject({
    'deck.yaml': deck(type),
    'd.yaml': `sources: { s: { title: Yearbook } }\ntrade: { source: s, unit: USD trillion, series: ${series} }\n`,
  });
  const r = await checkDeck('deck.yaml', { cwd: dir, cacheDir: false });
  return located(r).filter((d) => d.code === 'uneven-time-steps');
}

describe('periods with gaps on a line chart', () => {
  it('warns at the data key, naming the odd step and the usual one', async () => {
    const found = await warningsFor('{ "2019": 2.1, "2020": 2.3, "2024": 3.1 }');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'deck.yaml', line: 8 });
    expect(found[0]!.message).toContain('2020 to 2024 is 4 years');
    expect(found[0]!.message).toContain('2019 to 2020 is 1');
    expect(found[0]!.suggestion).toContain('type: column');
  });

  it('warns for area charts and for months with a missing month', async () => {
    expect(await warningsFor('{ "2019": 2.1, "2020": 2.3, "2024": 3.1 }', 'area')).toHaveLength(1);
    expect(await warningsFor('{ "2024-01": 1, "2024-02": 2, "2024-04": 3 }')).toHaveLength(1);
  });

  it('says nothing of evenly spaced periods, of two points, or of columns', async () => {
    expect(await warningsFor('{ "2021": 2.7, "2024": 3.1 }')).toEqual([]);
    expect(await warningsFor('{ "Q1 2024": 1, "Q2 2024": 2, "Q3 2024": 3 }')).toEqual([]);
    expect(await warningsFor('{ "2019": 2.1, "2020": 2.3, "2024": 3.1 }', 'column')).toEqual([]);
  });
});
