import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DEFAULT_QUERY_TIMEOUT_MS, notAQuery, toCell, type QueryFailure, type QueryResult } from './query.js';

/**
 * SQLite through better-sqlite3, in a worker thread: SQLite has no statement time-out that the
 * library exposes, so a query that runs too long is stopped by ending its thread. The database is
 * opened read-only and the query runs inside a transaction that is rolled back.
 */

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

// Plain JavaScript evaluated in the worker: it works the same from src/ (tests) and dist/.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('query_only = ON');
  const stmt = db.prepare(workerData.query);
  if (!stmt.reader) throw Object.assign(new Error('the statement returns no rows; a data query is a SELECT'), { code: 'NOT_A_READER' });
  stmt.raw(true);
  db.exec('BEGIN');
  const columns = stmt.columns().map((c) => c.name);
  const rows = stmt.all();
  db.exec('ROLLBACK');
  parentPort.postMessage({ columns, rows });
} catch (e) {
  parentPort.postMessage({ error: e.message, code: e.code });
} finally {
  if (db) db.close();
}
`;

export async function runSqliteQuery(
  path: string,
  query: string,
  timeoutMs = DEFAULT_QUERY_TIMEOUT_MS,
): Promise<QueryResult | QueryFailure> {
  const refused = notAQuery(query);
  if (refused) return refused;
  const raw = await new Promise<{ columns?: string[]; rows?: unknown[][]; error?: string; code?: string }>(
    (resolve) => {
      const worker = new Worker(WORKER, { eval: true, workerData: { module: BETTER_SQLITE3, path, query } });
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve({ error: `the query ran longer than ${timeoutMs / 1000} s and was stopped`, code: 'TIMEOUT' });
      }, timeoutMs);
      worker.once('message', (m: { columns?: string[]; rows?: unknown[][]; error?: string; code?: string }) => {
        clearTimeout(timer);
        resolve(m);
        void worker.terminate();
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        resolve({ error: e.message });
      });
    },
  );
  if (raw.error !== undefined) return sqliteFailure(raw.error, raw.code, query);
  const rows: QueryResult['rows'] = [];
  for (const [r, row] of raw.rows!.entries()) {
    const cells = [];
    for (const [c, v] of row.entries()) {
      const cell = toCell(v);
      if (cell !== null && typeof cell === 'object')
        return { error: `row ${r + 1}, column \`${raw.columns![c]}\` ${cell.error}` };
      cells.push(cell);
    }
    rows.push(cells);
  }
  return { columns: raw.columns!, rows };
}

function sqliteFailure(message: string, code: string | undefined, query: string): QueryFailure {
  if (code === 'SQLITE_CANTOPEN' || /unable to open database|directory does not exist/i.test(message))
    return { error: 'cannot open the database file', hint: 'check the path; it is relative to the data file' };
  if (code === 'SQLITE_NOTADB') return { error: 'the file is not a SQLite database' };
  const column = /no such column: ([\w.]+)/.exec(message)?.[1];
  if (column) {
    const at = query.search(new RegExp(`\\b${column.replace(/[.]/g, '\\.')}\\b`));
    return { error: `no column \`${column}\` in the query's tables`, ...(at >= 0 ? { offset: at } : {}) };
  }
  const table = /no such table: ([\w.]+)/.exec(message)?.[1];
  if (table) {
    const at = query.search(new RegExp(`\\b${table.replace(/[.]/g, '\\.')}\\b`));
    return { error: `no table \`${table}\` in the database`, ...(at >= 0 ? { offset: at } : {}) };
  }
  if (/readonly|read-only|attempt to write/i.test(message))
    return { error: 'the query tries to change the database; data queries only read' };
  const near = /near "([^"]+)": syntax error/.exec(message)?.[1];
  if (near) {
    const at = query.indexOf(near);
    return { error: `SQL syntax error near \`${near}\``, ...(at >= 0 ? { offset: at } : {}) };
  }
  return { error: message };
}
