import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { testPostgres, type TestPostgres } from '../helpers/postgres.js';
import { tempProject } from '../helpers/project.js';

let server: TestPostgres;
let databaseUrl = '';

beforeAll(async () => {
  server = testPostgres();
  if (!server.url) {
    console.warn(`PostgreSQL tests skipped: ${server.skipReason}`);
    return;
  }
  // A database of its own, so that a rerun against the same server starts clean.
  const name = `briefdeck_test_${process.pid}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  const db = new pg.Client(databaseUrl);
  await db.connect();
  await db.query(`CREATE TABLE fdi (year int NOT NULL, actual_use numeric(10,1) NOT NULL, new_firms bigint NOT NULL)`);
  await db.query(`INSERT INTO fdi VALUES (2022, 1891.3, 38497), (2023, 1632.5, 53766), (2024, 826.2, 59080)`);
  await db.end();
}, 120_000);

afterAll(() => server?.stop());

const DATA = `sources:
  mofcom: { title: Foreign investment statistics, publisher: Ministry of Commerce, date: 2025-01-17 }
source: mofcom
fdi:
  postgres: STATS_DATABASE_URL
  query: SELECT year::text AS "Year", actual_use AS "Actual use" FROM fdi ORDER BY year
  as: series
  unit: CNY billion
firms: { postgres: STATS_DATABASE_URL, query: "SELECT new_firms FROM fdi WHERE year = 2024" }
`;

describe('PostgreSQL queries', () => {
  it('reads a series and a value in a read-only transaction, citing the database without its credentials', async (t) => {
    if (!server.url) return t.skip(server.skipReason);
    process.env.STATS_DATABASE_URL = databaseUrl;
    const dir = tempProject({
      'deck.yaml': `title: FDI
data: data.yaml
sections:
  - title: S
    slides:
      - type: chart
        title: Actual use of foreign investment
        chart: { type: line, data: fdi }
        caption: '{{ firms | number }} new firms in 2024; actual use {{ fdi | change("2023", "2024") }}'
`,
      'data.yaml': DATA,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, timestamp: new Date(Date.UTC(2026, 10, 30)) });
    expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const slide = deck.slides.find((s) => s.title === 'Actual use of foreign investment')!;
    expect(slide.altTexts[0]).toContain('2024 826.2 billion yuan');
    expect(slide.texts).toContain('59,080 new firms in 2024; actual use -806.3 billion yuan');
    const line = slide.texts.find((t) => t.startsWith('Source'))!;
    expect(line).toMatch(
      /^Sources: Ministry of Commerce, 17 January 2025; PostgreSQL "briefdeck_test_\d+" on 127\.0\.0\.1, retrieved 30 November 2026$/,
    );
    expect(line).not.toContain('postgres@');
    expect(r.inputs.filter((i) => i.kind === 'query').map((i) => i.path)).toEqual([
      expect.stringMatching(/^postgres:STATS_DATABASE_URL#/),
      expect.stringMatching(/^postgres:STATS_DATABASE_URL#/),
    ]);
  });

  it('reports a missing column at its place in the query, a write, an unset variable and a refused connection', async (t) => {
    if (!server.url) return t.skip(server.skipReason);
    process.env.STATS_DATABASE_URL = databaseUrl;
    process.env.CLOSED_DATABASE_URL = 'postgres://reader@127.0.0.1:1/none';
    delete process.env.UNSET_DATABASE_URL;
    const dir = tempProject({
      'deck.yaml': `title: T\ndata: data.yaml\nsections:\n  - title: S\n    slides:\n      - { type: stats, title: X, stats: [{ value: a, label: A }] }\n`,
      'data.yaml': `a: { postgres: STATS_DATABASE_URL, query: "SELECT yaer FROM fdi" }
b: { postgres: STATS_DATABASE_URL, query: "SELECT nextval('x'); CREATE TABLE t (i int)" }
c: { postgres: UNSET_DATABASE_URL, query: "SELECT 1" }
d: { postgres: CLOSED_DATABASE_URL, query: "SELECT 1" }
e: { postgres: "postgres://user:secret@db/stats", query: "SELECT 1" }
f: { postgres: STATS_DATABASE_URL, query: "WITH x AS (SELECT 1) SELECT pg_sleep(5)" }
`,
    });
    const r = await checkDeck('deck.yaml', { cwd: dir, dataTimeoutMs: 1000 });
    const errors = located(r).filter((d) => d.severity === 'error');
    const by = (needle: string) => errors.find((e) => e.message.includes(needle));
    expect(by('column "yaer" does not exist')).toMatchObject({ file: 'data.yaml', line: 1, column: 51 });
    expect(by('cannot insert multiple commands')).toMatchObject({ line: 2 });
    expect(by('UNSET_DATABASE_URL is not set')).toMatchObject({ line: 3 });
    expect(by('cannot connect to the database (ECONNREFUSED)')).toMatchObject({ line: 4 });
    expect(by('name the environment variable')).toMatchObject({ line: 5 });
    expect(errors.find((e) => e.line === 6)?.suggestion).toBe('the query ran longer than 1 s and was stopped');
    // Nothing was created.
    const db = new pg.Client(databaseUrl);
    await db.connect();
    const tables = await db.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'`);
    await db.end();
    expect(tables.rows[0].n).toBe(0);
  });
});
