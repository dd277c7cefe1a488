import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBatch } from '../../src/cli/batch.js';
import { NodeHost } from '../../src/host/node.js';
import { tempProject } from '../helpers/project.js';
import { buildJson, run, statuses } from './helpers.js';

/**
 * Decks whose figures come from a database query or a download: the manifest records a hash of
 * each result, and the next build runs the query (or asks the address) again and compares.
 */

const OUTLINE = `title: Regions
data: data/regions.yaml
sections:
  - title: S
    slides:
      - type: chart
        title: GDP by region
        chart: { type: horizontal-bar, data: gdp }
`;

const DATA = `sources: { nbs: { title: Regional accounts, publisher: NBS } }
source: nbs
gdp:
  sqlite: stats.db
  query: SELECT region, gdp FROM gdp ORDER BY gdp DESC
  as: series
  unit: CNY trillion
`;

function database(path: string, rows: [string, number][]): void {
  const db = new Database(path);
  db.exec('DROP TABLE IF EXISTS gdp; CREATE TABLE gdp (region TEXT NOT NULL, gdp REAL NOT NULL)');
  const insert = db.prepare('INSERT INTO gdp VALUES (?, ?)');
  for (const row of rows) insert.run(...row);
  db.close();
}

describe('decks built from database queries', () => {
  it('skip when the query returns what it returned last time, and rebuild, saying why, when it does not', async () => {
    const dir = tempProject({
      'briefdeck.yaml': '# root\n',
      'decks/regions.yaml': OUTLINE,
      'decks/data/regions.yaml': DATA,
    });
    const db = join(dir, 'decks/data/stats.db');
    database(db, [
      ['Guangdong', 14.16],
      ['Jiangsu', 13.7],
    ]);
    expect(statuses((await buildJson(['decks'], dir)).decks)).toEqual({ 'regions.pptx': 'built' });
    // The database file is rewritten with the same rows: the result, not the file, counts.
    database(db, [
      ['Guangdong', 14.16],
      ['Jiangsu', 13.7],
    ]);
    expect(statuses((await buildJson(['decks'], dir)).decks)).toEqual({ 'regions.pptx': 'unchanged' });
    expect((await run(['status', 'decks'], dir)).out).toContain('decks/regions.yaml: up to date (out/regions.pptx)');

    database(db, [
      ['Guangdong', 14.16],
      ['Jiangsu', 13.8],
    ]);
    const status = await run(['status', 'decks'], dir);
    expect(status.out).toMatch(
      /decks\/regions\.yaml: stale\n {2}the result of a database query changed: sqlite:decks\/data\/stats\.db#[0-9a-f]+\n/,
    );
    const rebuilt = await buildJson(['decks'], dir);
    expect(rebuilt.decks[0]).toMatchObject({ status: 'built' });
    expect(rebuilt.decks[0]!.reasons[0]).toMatch(/^the result of a database query changed: /);
    expect(rebuilt.decks[0]!.changes!.values).toEqual([
      { name: 'gdp[Jiangsu]', key: 'gdp', before: '13.7', after: '13.8', slides: [3] },
    ]);
    expect(statuses((await buildJson(['decks'], dir)).decks)).toEqual({ 'regions.pptx': 'unchanged' });
  });

  it('rebuilds when the query can no longer run, and the build reports why', async () => {
    const dir = tempProject({ 'briefdeck.yaml': '', 'decks/regions.yaml': OUTLINE, 'decks/data/regions.yaml': DATA });
    database(join(dir, 'decks/data/stats.db'), [['Guangdong', 14.16]]);
    await buildJson(['decks'], dir);
    const db = new Database(join(dir, 'decks/data/stats.db'));
    db.exec('ALTER TABLE gdp RENAME COLUMN gdp TO value');
    db.close();
    const status = await run(['status', 'decks'], dir);
    expect(status.out).toContain(
      'the result of a database query is no longer read, or failed: sqlite:decks/data/stats.db#',
    );
    const r = await buildJson(['decks'], dir);
    expect(r.code).toBe(1);
    expect(r.decks[0]!.status).toBe('failed');
  });
});

describe('decks built from downloads', () => {
  let server: Server;
  let base = '';
  let ca = '';
  let document = { monthly: { Jan: 307.6, Feb: 220.2 } };

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      days: 1,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    ca = pems.cert;
    server = createServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('skip when the document is unchanged and rebuild when it changed', async () => {
    const dir = tempProject({
      'briefdeck.yaml': '',
      'decks/trade.yaml': OUTLINE.replace('data/regions.yaml', 'data/trade.yaml').replace('data: gdp', 'data: monthly'),
      'decks/data/trade.yaml': `sources: { customs: { title: Monthly trade, publisher: Customs } }
source: customs
monthly: { url: "${base}/trade.json", pointer: /monthly, as: series, unit: USD billion }
`,
    });
    const build = () =>
      buildBatch({
        outlines: [join(dir, 'decks/trade.yaml')],
        options: { cwd: dir, cacheDir: false, allowNetwork: true, networkCa: ca },
        cwd: dir,
        force: false,
        host: new NodeHost(),
      });
    expect((await build()).decks.map((d) => d.outcome.status)).toEqual(['built']);
    expect((await build()).decks.map((d) => d.outcome.status)).toEqual(['unchanged']);
    document = { monthly: { Jan: 307.6, Feb: 221.0 } };
    const changed = (await build()).decks[0]!.outcome;
    expect(changed.status).toBe('built');
    expect(changed.reasons).toEqual([`a download changed: ${base}/trade.json`]);
    expect(changed.changes!.values.map((v) => `${v.name}: ${v.before} → ${v.after}`)).toEqual([
      'monthly[Feb]: 220.2 → 221',
    ]);
  });
});
