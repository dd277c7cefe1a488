import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/** The outline of the issue that specified the format, as a user would copy it, with its data and the shipped theme. */
const OUTLINE = `title: Drawing a New Picture of Win-win Cooperation      # required
subtitle: Expanding high-level opening up, 2026–2030     # optional
author: Policy Research Office                           # optional
date: 2025-10-27                                         # optional
lang: en                   # optional; zh-CN etc.: proofing language on text runs, number formats, line breaking
theme: official            # by name: the project's templates/, then the themes shipped with briefdeck; or a path
data: data/opening-up.yaml # one file, a list of files, or a map {namespace: file}; .yaml .yml .json .csv; relative to the outline
sections:
  - title: Taking the initiative in opening up
    slides:
      - type: stats
        title: Institutional opening since 2013
        stats:
          - { value: ftz.count, label: pilot free trade zones }     # a data key, shown formatted with its unit
          - { value: ftz.innovations, label: innovations replicated nationwide }
      - type: bullets
        title: Priorities for 2026–2030
        bullets:
          - Open services further, starting with telecom and medical pilots
          - text: Replicate pilot measures faster
            bullets: ["{{ ftz.shanghai_measures }} Shanghai pilot measures in place within a year"]
        notes: Speaker notes; {{ ftz.count }} work here too.
      - type: chart
        title: Trade grew fastest where it went digital
        chart: { type: bar, data: trade.growth_vs_2020 }   # a key holding a series or a table
        caption: "Goods trade reached {{ trade.goods_2024 }} in 2024"
      - type: table
        title: ...
        table: invest.summary            # a key holding a table
      - type: quote
        quote: ...
        by: ...
`;

const DATA = `sources:
  gmw: { title: Drawing A New Picture Of Win-win Cooperation With High-level Openness, publisher: Guangming Daily, date: 2025-10-27, page: 12 }
source: gmw
ftz:
  count: { value: 22, unit: zones }
  innovations: 379
  shanghai_measures: 80
trade:
  goods_2024: { value: 6.16, unit: USD trillion }
  growth_vs_2020:
    unit: "%"
    series: { Knowledge-intensive services: 38, Digitally delivered services: 40, Cross-border e-commerce: 67 }
invest:
  summary:
    columns: [Measure, US$ billion]
    rows:
      - [Two-way Belt and Road investment, 240]
      - [Into partner countries, 160]
      - [From partner countries, 80]
`;

describe('an outline written to the sketch of the format', () => {
  it('builds unchanged with its own data and the shipped theme', async () => {
    const dir = tempProject({ 'decks/brief.yaml': OUTLINE, 'decks/data/opening-up.yaml': DATA });
    const result = await buildDeck('decks/brief.yaml', { cwd: dir, cacheDir: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.output).toBe('out/brief.pptx');
    const deck = await openPptx(join(dir, 'out', 'brief.pptx'));
    // title, one section divider, five slides, sources
    expect(deck.slides.map((s) => s.title)).toEqual([
      'Drawing a New Picture of Win-win Cooperation',
      'Taking the initiative in opening up',
      'Institutional opening since 2013',
      'Priorities for 2026–2030',
      'Trade grew fastest where it went digital',
      '...',
      // The quote slide gets a title for screen readers from its attribution (here "...").
      'Quotation: ...',
      'Sources',
    ]);
    // "22 zones" over "pilot free trade zones": the unit the label names is not repeated.
    expect(deck.slides[2]!.texts).toEqual(expect.arrayContaining(['22', '379', 'pilot free trade zones']));
    expect(deck.slides[3]!.texts).toEqual(
      expect.arrayContaining(['Replicate pilot measures faster', '80 Shanghai pilot measures in place within a year']),
    );
    expect(deck.slides[3]!.notes).toBe('Speaker notes; 22 zones work here too.');
    expect(deck.slides[4]!.texts).toContain('Goods trade reached US$6.16 trillion in 2024');
    expect(deck.slides[4]!.images).toHaveLength(1); // the chart; the logo belongs to the master
    expect(deck.slides[5]!.texts).toEqual(
      expect.arrayContaining(['Measure', 'US$ billion', 'Two-way Belt and Road investment', '240']),
    );
    expect(deck.slides[7]!.texts.join(' ')).toContain('Guangming Daily, 27 October 2025, p. 12');
  });
});
