import type { QueryArrayConfig } from 'pg';
import { DEFAULT_QUERY_TIMEOUT_MS, notAQuery, toCell, type QueryFailure, type QueryResult } from './query.js';

/**
 * PostgreSQL through node-postgres. The connection string comes from an environment variable that
 * the outline names (never a password in the outline). The query runs in a READ ONLY transaction
 * with a statement time-out, and is rolled back.
 */

// Numbers the driver returns as text to keep precision (bigint, numeric) are read as numbers: a
// briefing figure is shown to a few significant digits, and charts need numbers.
const NUMERIC_OIDS = new Set([20, 21, 23, 700, 701, 1700]);

export async function runPostgresQuery(
  connectionString: string,
  query: string,
  timeoutMs = DEFAULT_QUERY_TIMEOUT_MS,
): Promise<QueryResult | QueryFailure> {
  const refused = notAQuery(query);
  if (refused) return refused;
  // Loaded only for a query: most decks read no database, and start-up should not pay for it.
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs + 1000,
    statement_timeout: timeoutMs,
    application_name: 'briefdeck',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        NUMERIC_OIDS.has(oid)
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A server that drops the connection must not crash the build.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    const err = e as { code?: string; message: string };
    return {
      error: `cannot connect to the database (${err.code ?? err.message})`,
      hint: 'check that the server is running and that the connection string is right',
    };
  }
  try {
    await client.query('BEGIN READ ONLY');
    // The extended protocol takes exactly one statement: `SELECT 1; COMMIT; DROP …` cannot leave the transaction.
    // (queryMode is in node-postgres 8.x but not in its type definitions.)
    const config = { text: query, rowMode: 'array', queryMode: 'extended' } as QueryArrayConfig;
    const result = await client.query(config);
    await client.query('ROLLBACK');
    const columns = result.fields.map((f) => f.name);
    const rows: QueryResult['rows'] = [];
    for (const [r, row] of (result.rows as unknown[][]).entries()) {
      const cells = [];
      for (const [c, v] of row.entries()) {
        const cell = toCell(v);
        if (cell !== null && typeof cell === 'object')
          return { error: `row ${r + 1}, column \`${columns[c]}\` ${cell.error}` };
        cells.push(cell);
      }
      rows.push(cells);
    }
    return { columns, rows };
  } catch (e) {
    const err = e as { code?: string; message: string; position?: string };
    const offset = err.position ? Number(err.position) - 1 : undefined;
    const hint =
      err.code === '57014'
        ? `the query ran longer than ${timeoutMs / 1000} s and was stopped`
        : err.code === '25006'
          ? 'data queries only read'
          : undefined;
    return { error: err.message, ...(offset !== undefined ? { offset } : {}), ...(hint ? { hint } : {}) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
