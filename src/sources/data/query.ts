import { createHash } from 'node:crypto';
import type { Cell } from '../../model.js';
import type { Grid } from './shape.js';

/** What a database returned, before it is shaped into an entry. */
export interface QueryResult {
  columns: string[];
  rows: Cell[][];
}

/** A failed query: `offset` is a 0-based character offset into the query text when the database gave one. */
export interface QueryFailure {
  error: string;
  hint?: string;
  offset?: number;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/** A cell as briefdeck holds it: numbers, text, dates as YYYY-MM-DD; anything else is refused. */
export function toCell(value: unknown): Cell | { error: string } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: 'is not a finite number' };
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Buffer.isBuffer(value)) return { error: 'is binary data' };
  return { error: `is ${typeof value === 'object' ? 'a structured value' : typeof value}` };
}

/** The hash recorded as the query's build input: a changed result is a changed input. */
export function resultHash(result: QueryResult): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

export function queryId(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, 12);
}

export function asGrid(result: QueryResult): Grid {
  return { columns: result.columns, rows: result.rows };
}

/** SQL that is not a single read: refused before any database sees it, for a clear message. */
export function notAQuery(query: string): QueryFailure | undefined {
  const body = query.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim();
  if (!body) return { error: 'the query is empty' };
  if (!/^(select|with|values)\b/i.test(body))
    return {
      error: `a data query reads only: it starts with SELECT or WITH, not \`${body.split(/\s+/)[0]}\``,
      offset: query.indexOf(body.split(/\s+/)[0]!),
    };
  return undefined;
}
