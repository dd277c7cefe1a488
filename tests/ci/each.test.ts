import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/incremental/manifest.js';
import { checkDeck, compile, createSession, planDecks } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { buildJson, run, statuses } from './helpers.js';

const REGIONS = `# source: nbs
# unit: CNY trillion
region,gdp,growth
East,14.2,5.1
West,6.5,5.7
North,3.1,4.9
`;

const SOURCES = 'sources:\n  nbs: { title: Communiqué, publisher: NBS, date: 2025-02-28 }\n';

/** One brief per region: `{{ row.… }}` in the title, a stat's value, a label and a bullet. */
const BRIEF = `title: "{{ row.region }} in 2024"
date: 2025-03-10
data: [data/sources.yaml, data/regions.csv]
each: regions
sections:
  - title: Overview
    slides:
      - type: stats
        title: "{{ row.region }} at a glance"
        stats:
          - { value: row.gdp, label: GDP }
          - { value: row.growth, label: "real growth in {{ row.region }}", format: number }
      - type: bullets
        title: What to say
        bullets: ["{{ row.region }} produced {{ row.gdp | fixed(1) }}"]
`;

function project(files: Record<string, string> = {}): string {
  return tempProject({
    'briefdeck.yaml': '# project root\n',
    'decks/data/regions.csv': REGIONS,
    'decks/data/sources.yaml': SOURCES,
    'decks/brief.yaml': BRIEF,
    ...files,
  });
}

const pptxIn = (dir: string) =>
  readdirSync(join(dir, 'out'))
    .filter((f) => f.endsWith('.pptx'))
    .sort();

describe('each: one deck per row', () => {
  it("builds a deck per row, named by the row's id, with the row's values in text and in value keys", async () => {
    const dir = project();
    const first = await buildJson(['decks'], dir);
    expect(first.err).toBe('');
    expect(statuses(first.decks)).toEqual({
      'brief-east.pptx': 'built',
      'brief-west.pptx': 'built',
      'brief-north.pptx': 'built',
    });
    expect(pptxIn(dir)).toEqual(['brief-east.pptx', 'brief-north.pptx', 'brief-west.pptx']);
    const west = await openPptx(join(dir, 'out', 'brief-west.pptx'));
    expect(west.slides[0]!.title).toBe('West in 2024');
    const stats = west.slides.find((s) => s.title === 'West at a glance')!;
    // A stat card's unit is a run of its own beside the figure, at half its size.
    expect(stats.texts).toEqual(expect.arrayContaining(['6.5', '\u00a0trillion yuan', 'real growth in West', '5.7']));
    expect(stats.texts.join(' ')).toContain('Source: NBS, 28 February 2025');
    const bullets = west.slides.find((s) => s.title === 'What to say')!;
    expect(bullets.texts.join('')).toContain('West produced 6.5\u00a0trillion\u00a0yuan');
    const east = await openPptx(join(dir, 'out', 'brief-east.pptx'));
    expect(east.slides[0]!.title).toBe('East in 2024');
    const manifest = JSON.parse(readFileSync(join(dir, 'out', MANIFEST_FILE), 'utf8')) as {
      decks: Record<string, { row?: string; outline: string }>;
    };
    expect(manifest.decks['brief-north.pptx']).toMatchObject({ row: 'north', outline: '../decks/brief.yaml' });
  });

  it('skips every row deck when nothing changed, and rebuilds only the deck whose row changed', async () => {
    const dir = project();
    await buildJson(['decks'], dir);
    expect(Object.values(statuses((await buildJson(['decks'], dir)).decks))).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    writeFileSync(join(dir, 'decks/data/regions.csv'), REGIONS.replace('West,6.5', 'West,6.6'));
    const status = await run(['status', 'decks'], dir);
    expect(status.out).toContain('decks/brief.yaml [east]: up to date (out/brief-east.pptx)');
    expect(status.out).toContain('decks/brief.yaml [west]: stale\n  data changed: decks/data/regions.csv\n');
    const after = await buildJson(['decks'], dir);
    expect(statuses(after.decks)).toEqual({
      'brief-east.pptx': 'unchanged',
      'brief-west.pptx': 'built',
      'brief-north.pptx': 'unchanged',
    });
    const west = after.decks.find((d) => d.deck === 'brief-west.pptx')!;
    expect(west.changes!.values).toEqual([
      { name: 'regions[West, gdp]', key: 'regions', before: '6.5', after: '6.6', slides: [1, 3, 4] },
    ]);
  });

  it('rebuilds every row deck when a slide reads the whole table, not just its row', async () => {
    const withChart = BRIEF.replace(
      'sections:\n',
      'sections:\n  - title: All regions\n    slides:\n      - type: table\n        title: Every region\n        table: regions\n',
    );
    const dir = project({ 'decks/brief.yaml': withChart });
    await buildJson(['decks'], dir);
    writeFileSync(join(dir, 'decks/data/regions.csv'), REGIONS.replace('West,6.5', 'West,6.6'));
    expect(Object.values(statuses((await buildJson(['decks'], dir)).decks))).toEqual(['built', 'built', 'built']);
  });

  it('removes the deck of a row that left the table, with its manifest entry, and says so in the report', async () => {
    const dir = project();
    await buildJson(['decks'], dir);
    writeFileSync(join(dir, 'decks/data/regions.csv'), REGIONS.replace('North,3.1,4.9\n', ''));
    const r = await run(['build', 'decks', '--no-cache', '--report', 'report'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "removed out/brief-north.pptx: the row `north` is no longer in the outline's `each:` table\n",
    );
    expect(pptxIn(dir)).toEqual(['brief-east.pptx', 'brief-west.pptx']);
    const manifest = readFileSync(join(dir, 'out', MANIFEST_FILE), 'utf8');
    expect(manifest).not.toContain('brief-north');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      summary: { removed: number };
      removed: { deck: string }[];
    };
    expect(report.summary.removed).toBe(1);
    expect(report.removed.map((x) => x.deck)).toEqual(['out/brief-north.pptx']);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('- removed out/brief-north.pptx');
  });

  it('reports an unknown column at its line and column with the column meant, and names the row', async () => {
    const dir = project({ 'decks/brief.yaml': BRIEF.replace('{{ row.region }} produced', '{{ row.regon }} produced') });
    const session = await createSession({ cwd: dir });
    const plan = await planDecks('decks/brief.yaml', session);
    const r = await compile('decks/brief.yaml', session, { render: false, row: plan.decks[1]!.row! });
    await session.close();
    const errors = located(r).filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'unknown-data-key',
      file: 'decks/brief.yaml',
      line: 15,
      column: 27,
      suggestion: 'did you mean `region`?',
    });
    expect(errors[0]!.message).toBe('unknown column `regon` in the row of `regions` (in the deck for row `west`)');
    // And the CLI builds none of the decks: the error is shown once in full, and each other
    // row's deck says it has the same one rather than repeating the block.
    const built = await run(['build', 'decks', '--no-cache'], dir);
    expect(built.code).toBe(1);
    const full = built.err.match(
      /decks\/brief\.yaml:15:27: error: unknown column `regon` in the row of `regions` \(in the deck for row `(\w+)`\)/g,
    );
    expect(full).toHaveLength(1);
    const first = /for row `(\w+)`/.exec(full![0])![1]!;
    for (const row of ['east', 'west', 'north'].filter((r) => r !== first))
      expect(built.err).toContain(
        `decks/brief.yaml [${row}]: 1 error in decks/brief.yaml, the same as for row \`${first}\` above; no deck written`,
      );
  });

  it('refuses two rows with one id, naming both rows, and builds none of the decks', async () => {
    const dir = project({ 'decks/data/regions.csv': `${REGIONS}west,1.0,1.0\n` });
    const r = await run(['build', 'decks', '--no-cache', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const session = await createSession({ cwd: dir });
    const plan = await planDecks('decks/brief.yaml', session);
    await session.close();
    const [error] = located(plan.failed!);
    expect(error).toMatchObject({ code: 'duplicate-row-id', file: 'decks/data/regions.csv', line: 7, column: 1 });
    expect(error!.message).toBe(
      'the rows `West` (row 2) and `west` (row 4) of `regions` would both write the deck for the id `west`',
    );
    expect(error!.related?.[0]).toMatchObject({ file: 'decks/data/regions.csv', line: 5 });
    expect(existsSync(join(dir, 'out', 'brief-west.pptx'))).toBe(false);
  });

  it('takes ids from a chosen column, keeps Chinese names readable and makes them safe as file names', async () => {
    const table = `sources: { nbs: { title: T, publisher: NBS } }
source: nbs
regions:
  columns: [name, code, gdp]
  rows:
    - ["广东省", "GD / 44", 14.16]
    - ["Hong Kong SAR", "../HK", 2.8]
`;
    const outline = `title: "{{ row.name }}"
data: data/regions.yaml
each: { data: regions, id: name }
sections:
  - title: S
    slides:
      - type: stats
        title: "GDP of {{ row.name }} ({{ row.code }})"
        stats: [{ value: row.gdp, label: GDP }]
`;
    const dir = project({ 'decks/data/regions.yaml': table, 'decks/brief.yaml': outline });
    const r = await buildJson(['decks'], dir);
    expect(r.err).toBe('');
    expect(r.decks.map((d) => d.deck)).toEqual(['brief-广东省.pptx', 'brief-hong-kong-sar.pptx']);
    writeFileSync(join(dir, 'decks/brief.yaml'), outline.replace('id: name', 'id: code'));
    const byCode = await buildJson(['decks'], dir);
    expect(byCode.decks.map((d) => d.deck)).toEqual(['brief-gd-44.pptx', 'brief-hk.pptx']);
    expect(pptxIn(dir)).toEqual(['brief-gd-44.pptx', 'brief-hk.pptx']);
    writeFileSync(join(dir, 'decks/brief.yaml'), outline.replace('id: name', 'id: nam'));
    const session = await createSession({ cwd: dir });
    const plan = await planDecks('decks/brief.yaml', session);
    await session.close();
    expect(located(plan.failed!)[0]).toMatchObject({
      code: 'unknown-data-key',
      line: 3,
      suggestion: 'did you mean `name`?',
    });
  });

  it('fills {{ row.column }} into data keys: a chart of each region', async () => {
    const data = `sources: { nbs: { title: T, publisher: NBS } }
source: nbs
regions: { columns: [id, region], rows: [[east, East], [west, West]] }
monthly:
  east: { unit: "%", series: { Jan: 4.1, Feb: 4.3 } }
  west: { unit: "%", series: { Jan: 5.1, Feb: 5.6 } }
`;
    const outline = `title: "{{ row.region }}"
data: data/monthly.yaml
each: regions
sections:
  - title: S
    slides:
      - type: chart
        title: "Growth in {{ row.region }}"
        chart: { type: column, data: "monthly.{{ row.id }}", render: native }
`;
    const dir = project({ 'decks/data/monthly.yaml': data, 'decks/brief.yaml': outline });
    const r = await buildJson(['decks'], dir);
    expect(r.err).toBe('');
    const west = await openPptx(join(dir, 'out', 'brief-west.pptx'));
    const chart = await west.file(west.slides.find((s) => s.title === 'Growth in West')!.charts[0]!);
    expect(chart).toContain('<c:v>5.6</c:v>');
    expect(chart).not.toContain('<c:v>4.3</c:v>');
  });

  it('checks each row deck, and a library build without a row says how to build it', async () => {
    const dir = project();
    const checked = await run(['check', 'decks'], dir);
    expect(checked.code).toBe(0);
    expect(checked.out).toBe(
      'decks/brief.yaml [east]: ok, 5 slides\ndecks/brief.yaml [west]: ok, 5 slides\ndecks/brief.yaml [north]: ok, 5 slides\n',
    );
    const alone = await checkDeck('decks/brief.yaml', { cwd: dir });
    expect(located(alone)[0]).toMatchObject({ code: 'invalid-value', line: 4, column: 7 });
    expect(located(alone)[0]!.message).toContain('`each:` makes one deck per row of `regions`');
  });

  it('shards row decks as units: every row deck built exactly once across the shards', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `R${i},${i + 1},1.0`).join('\n');
    const dir = project({ 'decks/data/regions.csv': `# source: nbs\nregion,gdp,growth\n${rows}\n` });
    const built: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = await buildJson(['decks', '--shard', `${k}/3`], dir);
      expect(r.code).toBe(0);
      expect(r.decks.length).toBeGreaterThan(0);
      expect(r.decks.length).toBeLessThan(12);
      built.push(...r.decks.map((d) => d.deck));
    }
    expect(built.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `brief-r${i}.pptx`).sort());
  });
});
