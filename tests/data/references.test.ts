import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { openPptx } from '../helpers/pptx.js';
import { located } from '../helpers/diagnostics.js';
import { tempProject } from '../helpers/project.js';

const DATA = `sources:
  nbs: { title: Statistical communiqué, publisher: National Bureau of Statistics, date: 2025-02-28 }
  customs: { title: Customs statistics, publisher: General Administration of Customs, date: 2025-01-13 }
structure:
  shares: { series: { Primary industry: 6.8, Secondary industry: 36.5, Tertiary industry: 56.7 }, unit: '%', source: nbs }
trade:
  monthly: { series: { Jan: 100, Feb: 110, Mar: 121 }, unit: USD billion, source: customs }
  flows:
    labels: ['2023', '2024']
    datasets: [{ label: Exports, values: [3.38, 3.58] }, { label: Imports, values: [2.56, 2.59] }]
    unit: USD trillion
    source: [customs, nbs]
invest:
  summary:
    columns: [Item, Figure, Note]
    rows: [[New firms, 59080, null], [Actual use, 826.2, billion yuan]]
    source: nbs
`;

function project(slides: string) {
  return tempProject({
    'deck.yaml': `title: Figures\ndata: data.yaml\nsections:\n  - title: S\n    slides:\n${slides}`,
    'data.yaml': DATA,
  });
}

describe('precise references', () => {
  it('names a point by label and by position, a table cell, and aggregates, in text, stats and target lines', async () => {
    const dir = project(`      - type: bullets
        title: Text
        bullets:
          - 'Tertiary {{ structure.shares["Tertiary industry"] }}, latest {{ trade.monthly[-1] }}, first {{ trade.monthly[0] }}'
          - 'Use {{ invest.summary["Actual use", "Figure"] }}; firms {{ invest.summary["New firms", "Figure"] | number }}'
          - 'Sum {{ trade.monthly | sum }}, max {{ max(trade.monthly) }}, min {{ trade.monthly | min }}, last {{ last(trade.monthly) }}'
          - 'Growth {{ trade.monthly | growth }}, change {{ trade.monthly | change("Jan", "Feb") }}, {{ growth(trade.flows["2023", "Exports"], trade.flows[-1, 0]) | fixed(1) }}'
          - 'Sum of a column {{ sum(invest.summary[*, "Figure"]) | number }}'
      - type: stats
        title: Stats
        stats:
          - { value: 'trade.monthly[-1]', label: March }
          - { value: 'growth(trade.monthly[0], trade.monthly[-1])', label: Growth, format: fixed(0) }
      - type: chart
        title: Chart
        chart: { type: bar, data: trade.monthly, target: { value: 'max(trade.monthly)', label: Peak } }
`);
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const text = deck.slides.find((s) => s.title === 'Text')!;
    expect(text.texts).toEqual(
      expect.arrayContaining([
        'Tertiary 56.7%, latest US$121\u00a0billion, first US$100\u00a0billion',
        'Use 826.2; firms 59,080',
        'Sum US$331\u00a0billion, max US$121\u00a0billion, min US$100\u00a0billion, last US$121\u00a0billion',
        'Growth 21%, change US$10\u00a0billion, 5.9%',
        'Sum of a column 59,906.2',
      ]),
    );
    // Every input of an aggregate is cited: flows cites both customs and nbs.
    expect(text.texts.find((t) => t.startsWith('Source'))).toBe(
      'Sources: National Bureau of Statistics, 28 February 2025; General Administration of Customs, 13 January 2025',
    );
    const stats = deck.slides.find((s) => s.title === 'Stats')!;
    // A stat card sets its unit in runs of their own beside the figure: read the card's text whole.
    expect(stats.texts.join('').replace(/\u00a0/g, ' ')).toContain('US$121 billion');
    expect(stats.texts).toContain('21%');
  });

  it('reports a wrong point, column, row or position at the exact place with the names listed', async () => {
    const dir = project(`      - type: bullets
        title: Text
        bullets:
          - 'A {{ structure.shares["Tertiary industri"] }}'
          - 'B {{ invest.summary["Actual use", "Figur"] }}'
          - 'C {{ trade.monthly[3] }} D {{ trade.flows[-1] }} E {{ trade.monthly[Jan] }}'
          - 'F {{ avg(trade.monthly) }} G {{ trade.monthly }}'
      - type: stats
        title: Stats
        stats:
          - { value: 'invest.summary["Actual us", "Figure"]', label: X }
          - { value: 'invest.summary["Actual use"]', label: Y }
`);
    const r = await checkDeck('deck.yaml', { cwd: dir });
    const errors = located(r).filter((d) => d.severity === 'error');
    const at = (code: string, needle: string) => errors.find((d) => d.code === code && d.message.includes(needle));
    const point = at('unknown-data-key', 'no point `Tertiary industri`')!;
    expect(point.message).toContain('`Primary industry`, `Secondary industry` and `Tertiary industry`');
    expect(point.suggestion).toBe('did you mean `Tertiary industry`?');
    // Line 9 of the outline, column of the opening quote of the label.
    expect([point.line, point.column]).toEqual([9, 36]);
    const column = at('unknown-data-key', 'no column `Figur`')!;
    expect(column.suggestion).toBe('did you mean `Figure`?');
    expect([column.line, column.column]).toEqual([10, 48]);
    expect(at('unknown-data-key', 'no position 3')!.column).toBe(33);
    expect(at('data-kind-mismatch', 'has 2 datasets')!.suggestion).toBe('as in `trade.flows[-1, "Exports"]`');
    expect(at('template-syntax', 'a label in [ ] is quoted')!.message).toContain('["Jan"]');
    expect(at('template-syntax', 'unknown function `avg`')!.column).toBe(19);
    expect(at('data-kind-mismatch', 'holds a series')).toBeDefined();
    const row = at('unknown-data-key', 'no row (by its first column, `Item`) `Actual us`')!;
    expect(row.suggestion).toBe('did you mean `Actual use`?');
    expect(errors.find((d) => d.message.includes('3 columns'))!.line).toBe(17);
    expect(errors).toHaveLength(9);
  });
});
