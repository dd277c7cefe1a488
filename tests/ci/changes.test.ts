import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/project.js';
import { buildJson, run } from './helpers.js';

const OUTLINE = `title: Trade
data: { trade: data/trade.yaml }
sections:
  - title: Figures
    slides:
      - type: bullets
        title: Goods
        bullets: ["Goods trade reached {{ trade.goods_2024 }}"]
      - type: chart
        title: Growth
        chart: { type: column, data: trade.growth }
      - type: table
        title: Regions
        table: trade.regions
      - type: bullets
        title: Again
        bullets: ["Once more: {{ trade.goods_2024 }}"]
`;
const DATA = `sources: { s: { title: T, publisher: P } }
source: s
goods_2024: { value: 6.16, unit: USD trillion }
growth:
  series: { "2023": 4.2, "2024": 5.0 }
regions:
  columns: [Region, Share]
  rows:
    - [East, 40]
    - [West, 22]
`;

describe('what changed since the last build', () => {
  it('names each changed value, series point and table cell with the slides it is on', async () => {
    const dir = tempProject({ 'briefdeck.yaml': '', 'decks/trade.yaml': OUTLINE, 'decks/data/trade.yaml': DATA });
    expect((await buildJson(['decks'], dir)).code).toBe(0);
    writeFileSync(
      join(dir, 'decks/data/trade.yaml'),
      DATA.replace('6.16', '6.21').replace('"2024": 5.0', '"2024": 5.2').replace('[West, 22]', '[West, 23]'),
    );
    const r = await run(['build', 'decks', '--no-cache'], dir);
    expect(r.code).toBe(0);
    // Slides: 1 title, 2 section, 3-6 the four slides, 7 sources.
    expect(r.out).toContain('  trade.goods_2024: 6.16 → 6.21 (slides 3, 6)\n');
    expect(r.out).toContain('  trade.growth[2024]: 5 → 5.2 (slide 4)\n');
    expect(r.out).toContain('  trade.regions[West, Share]: 22 → 23 (slide 5)\n');
    expect(r.out).not.toContain('2023');
  });

  it('lists slides added and removed, and writes the report as JSON and Markdown', async () => {
    const dir = tempProject({ 'briefdeck.yaml': '', 'decks/trade.yaml': OUTLINE, 'decks/data/trade.yaml': DATA });
    await buildJson(['decks'], dir);
    writeFileSync(join(dir, 'decks/trade.yaml'), OUTLINE.replace('        title: Again\n', '        title: Outlook\n'));
    const r = await run(['build', 'decks', '--no-cache', '--report', 'report.json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      summary: { built: number; unchanged: number; failed: number; removed: number };
      decks: { deck: string; reasons: string[]; changes: { slidesAdded: unknown[]; slidesRemoved: unknown[] } }[];
    };
    expect(report.summary).toEqual({ built: 1, unchanged: 0, failed: 0, removed: 0 });
    expect(report.decks[0]!.reasons).toEqual(['outline changed: decks/trade.yaml']);
    expect(report.decks[0]!.changes.slidesAdded).toEqual([{ slide: 6, label: 'Outlook' }]);
    expect(report.decks[0]!.changes.slidesRemoved).toEqual([{ slide: 6, label: 'Again' }]);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('## briefdeck: 1 built, 0 unchanged, 0 failed\n');
    expect(md).toContain('### trade.pptx (decks/trade.yaml): 7 slides\n');
    expect(md).toContain('- slide 6 added: Outlook\n');
    expect(md).toContain('- slide 6 removed (was): Again\n');

    const again = await run(['build', 'decks', '--no-cache', '--report', 'report.json'], dir);
    expect(again.out).toBe(
      'unchanged trade.pptx (decks/trade.yaml): inputs as at the last build\n1 deck: 0 built, 1 unchanged, 0 failed\n',
    );
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(
      '## briefdeck: 0 built, 1 unchanged, 0 failed\n\nUnchanged: trade.pptx\n',
    );
  });
});
