import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

const REGIONS: [string, number, number][] = [
  ['Guangdong', 2023, 13.57],
  ['Guangdong', 2024, 14.16],
  ['Jiangsu', 2023, 12.82],
  ['Jiangsu', 2024, 13.7],
  ['Shandong', 2023, 9.21],
  ['Shandong', 2024, 9.86],
];

function writeDatabase(path: string): void {
  const db = new Database(path);
  db.exec('CREATE TABLE gdp (region TEXT NOT NULL, year INTEGER NOT NULL, gdp REAL NOT NULL)');
  const insert = db.prepare('INSERT INTO gdp VALUES (?, ?, ?)');
  for (const row of REGIONS) insert.run(...row);
  db.close();
}

const DATA = `sources:
  nbs: { title: Regional accounts, publisher: National Bureau of Statistics, date: 2025-03-01 }
source: nbs
by_region:
  sqlite: stats.db
  query: SELECT region, gdp FROM gdp WHERE year = 2024 ORDER BY gdp DESC
  as: series
  unit: CNY trillion
total: { sqlite: stats.db, query: "SELECT round(sum(gdp), 2) FROM gdp WHERE year = 2024", unit: CNY trillion }
detail: { sqlite: stats.db, query: "SELECT region AS Region, year AS Year, gdp AS GDP FROM gdp ORDER BY region, year" }
`;

const OUTLINE = `title: Regions
data: data.yaml
sections:
  - title: S
    slides:
      - type: chart
        title: GDP by region
        chart: { type: horizontal-bar, data: by_region }
        caption: 'Three provinces: {{ total }}; Jiangsu {{ by_region["Jiangsu"] }}'
      - type: table
        title: Detail
        table: { data: detail }
`;

describe('SQLite queries', () => {
  it('reads a query as a series, a value and a table, cites the database and records the result as an input', async () => {
    const dir = tempProject({ 'deck.yaml': OUTLINE, 'data.yaml': DATA });
    writeDatabase(join(dir, 'stats.db'));
    const timestamp = new Date(Date.UTC(2026, 10, 30));
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, timestamp });
    expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const chart = deck.slides.find((s) => s.title === 'GDP by region')!;
    expect(chart.altTexts[0]).toBe(
      'Bar chart. Guangdong 14.16 trillion yuan; Jiangsu 13.7 trillion yuan; Shandong 9.86 trillion yuan.',
    );
    expect(chart.texts).toContain('Three provinces: 37.72 trillion yuan; Jiangsu 13.7 trillion yuan');
    expect(chart.texts).toContain(
      'Sources: National Bureau of Statistics, 1 March 2025; stats.db, retrieved 30 November 2026',
    );
    const table = deck.slides.find((s) => s.title === 'Detail')!;
    expect(table.texts).toEqual(expect.arrayContaining(['Region', 'Year', 'GDP', 'Shandong', '2023', '9.21']));
    const sources = deck.slides.find((s) => s.title === 'Sources')!;
    expect(sources.texts).toContain(
      '2. stats.db, SELECT region, gdp FROM gdp WHERE year = 2024 ORDER BY gdp DESC, retrieved 30 November 2026',
    );
    const queries = r.inputs.filter((i) => i.kind === 'query');
    expect(queries).toHaveLength(3);

    // A changed row is a changed input; the same rows hash the same.
    const db = new Database(join(dir, 'stats.db'));
    db.prepare("UPDATE gdp SET gdp = 14.2 WHERE region = 'Guangdong' AND year = 2024").run();
    db.close();
    const again = await checkDeck('deck.yaml', { cwd: dir, timestamp });
    const hashes = (x: typeof r) => x.inputs.filter((i) => i.kind === 'query').map((i) => i.sha256);
    // by_region and total read the changed row; so does detail: all three differ, and none is empty.
    expect(hashes(again)).toHaveLength(3);
    hashes(again).forEach((h, i) => expect(h).not.toBe(hashes(r)[i]));
  });

  it('reports a missing column inside the query, a write, two statements, a missing file and a slow query', async () => {
    const dir = tempProject({
      'deck.yaml': `title: T\ndata: data.yaml\nsections:\n  - title: S\n    slides:\n      - { type: stats, title: X, stats: [{ value: a, label: A }] }\n`,
      'data.yaml': `a: { sqlite: stats.db, query: "SELECT regoin, gdp FROM gdp" }
b: { sqlite: stats.db, query: "DELETE FROM gdp" }
c: { sqlite: stats.db, query: "SELECT 1; DELETE FROM gdp" }
d: { sqlite: missing.db, query: "SELECT 1" }
e: { sqlite: stats.db, query: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n" }
f: { sqlite: ../outside.db, query: "SELECT 1" }
`,
    });
    writeDatabase(join(dir, 'stats.db'));
    const r = await checkDeck('deck.yaml', { cwd: dir, dataTimeoutMs: 500 });
    const errors = located(r).filter((d) => d.severity === 'error');
    const by = (needle: string) => errors.find((e) => e.message.includes(needle));
    // The misspelt column is pointed at inside the query text.
    expect(by('no column `regoin`')).toMatchObject({ file: 'data.yaml', line: 1, column: 39 });
    expect(by('starts with SELECT or WITH, not `DELETE`')).toMatchObject({ line: 2 });
    expect(by('more than one statement')).toMatchObject({ line: 3 });
    expect(by('cannot open the database file')).toMatchObject({ line: 4 });
    expect(by('ran longer than 0.5 s')).toMatchObject({ line: 5 });
    expect(by('outside the project folder')).toMatchObject({ line: 6 });
    // Nothing was deleted.
    const db = new Database(join(dir, 'stats.db'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM gdp').get() as { n: number }).n).toBe(REGIONS.length);
    db.close();
    // The failed entries are not reported a second time where the outline uses them.
    expect(errors.filter((d) => d.code === 'unknown-data-key')).toEqual([]);
  });
});
