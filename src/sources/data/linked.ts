import { basename, dirname } from 'node:path';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { DataEntry, SourceRecord } from '../../model.js';
import type { InputRecord } from '../../host/types.js';
import type { DataFileContent } from '../../schema/validate-data.js';
import { displayPath, resolveInside } from '../paths.js';
import type { AdapterContext, DataFileInput } from './adapter.js';
import { atPointer, DEFAULT_HTTP, fetchJson, gridFromJson, type HttpOptions } from './http.js';
import type { Where } from './location.js';
import { runPostgresQuery } from './postgres.js';
import { asGrid, DEFAULT_QUERY_TIMEOUT_MS, queryId, resultHash, type QueryFailure, type QueryResult } from './query.js';
import type { LinkSpec } from '../../schema/links.js';
import { defined, shapeEntry, type EntryMeta, type Grid, type Shape } from './shape.js';
import { runSqliteQuery } from './sqlite.js';
import { loadWorkbook, readWorkbookEntry, savedDate, workbookSource } from './xlsx.js';

/**
 * Entries of a YAML data file that name where their figures live instead of holding them:
 *
 *   monthly: { workbook: trade.xlsx, sheet: Monthly, as: series, source: customs }
 *   by_region: { sqlite: regional.db, query: "SELECT region, gdp FROM gdp", as: series }
 *   total: { postgres: STATS_DATABASE_URL, query: "SELECT sum(gdp) FROM gdp", as: value }
 *   feed: { url: "https://…/trade.json", pointer: /data/monthly, as: series }
 *
 * Each is read when the deck is built; its provenance (file and sheet or range, database and query,
 * address) is cited beside the entry's own source.
 */

/** What the build lets linked entries do. */
export interface LinkOptions {
  connectionString: (variable: string) => string | undefined;
  now: Date;
  allowOutside: boolean;
  cwd: string;
  queryTimeoutMs?: number;
  network: { allow: boolean } & Partial<HttpOptions>;
  /** A query result or a download, recorded as a build input by its hash. */
  recordInput(input: InputRecord): void;
  /** One build asks each address and runs each query once, however many entries name it. */
  once?: Map<string, Promise<unknown>>;
}

/**
 * Reads the link entries of a checked data file and returns the file's content with them added
 * (the checked content itself may be shared across builds, so it is not changed).
 */
export async function withLinks(
  content: DataFileContent,
  file: DataFileInput,
  ctx: AdapterContext,
): Promise<DataFileContent> {
  if (!content.links?.length) return content;
  const out: DataFileContent = {
    ...content,
    entries: [...content.entries],
    sources: [...content.sources],
    invalidKeys: [...content.invalidKeys],
  };
  const options = ctx.links;
  const baseDir = dirname(file.path);
  for (const link of content.links) {
    if (!options) {
      ctx.diagnostics.error('invalid-value', 'linked data is not read in this build', link.at);
      out.invalidKeys.push(link.key);
      continue;
    }
    const linkCtx: LinkContext = {
      diagnostics: ctx.diagnostics,
      async resolvePath(given, at) {
        const { path, outside } = await resolveInside(ctx.host, ctx.projectDir, baseDir, given, options.allowOutside);
        if (outside) {
          ctx.diagnostics.error(
            'path-outside-project',
            `${given} is outside the project folder`,
            at,
            'move the file into the project, or build with --allow-outside-paths',
          );
          return undefined;
        }
        return { path, shown: displayPath(path, options.cwd) };
      },
      readBytes: (path) => ctx.host.readBytes(path, 'data'),
      recordInput: options.recordInput,
      connectionString: options.connectionString,
      now: options.now,
      once: <T>(key: string, compute: () => Promise<T>): Promise<T> => {
        const shared = options.once;
        if (!shared) return compute();
        if (!shared.has(key)) shared.set(key, compute());
        return shared.get(key) as Promise<T>;
      },
      network: options.network,
      ...defined({ queryTimeoutMs: options.queryTimeoutMs }),
    };
    const own = link.spec.source;
    const meta: EntryMeta = {
      key: link.key,
      at: link.at,
      ...defined({ source: own === undefined ? link.defaultSource : undefined }),
    };
    const fieldAt: FieldAt = (field, offset, length) =>
      offset === undefined
        ? link.locate.at([...link.path, field])
        : link.locate.inString([...link.path, field], offset, length ?? 1);
    const read = await readLinked(link.spec, meta, fieldAt, linkCtx);
    if (!read) {
      out.invalidKeys.push(link.key);
      continue;
    }
    out.entries.push(read.entry);
    if (!out.sources.some((s) => s.id === read.provenance.id)) out.sources.push(read.provenance);
  }
  return out;
}

/** What reading linked entries needs from the build. */
export interface LinkContext {
  diagnostics: Diagnostics;
  /** A path written in the data file, resolved and checked to stay in the project; undefined after reporting. */
  resolvePath(given: string, at: Where): Promise<{ path: string; shown: string } | undefined>;
  readBytes(path: string): Promise<Buffer>;
  recordInput(input: InputRecord): void;
  connectionString: (variable: string) => string | undefined;
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** The retrieval time written into the citation of a query or download. */
  now: Date;
  queryTimeoutMs?: number;
  /** Network data is off unless the project allows it. */
  network: { allow: boolean } & Partial<HttpOptions>;
}

export interface LinkedEntry {
  entry: DataEntry;
  provenance: SourceRecord;
}

/** Where in the entry's YAML a field (or a character of it) is. */
export type FieldAt = (field: string, offset?: number, length?: number) => Where;

/** Reads one linked entry; reports at the entry (or inside its query) and returns undefined on failure. */
export async function readLinked(
  spec: LinkSpec,
  entryMeta: EntryMeta,
  fieldAt: FieldAt,
  ctx: LinkContext,
): Promise<LinkedEntry | undefined> {
  const metaOf = (): EntryMeta => ({
    ...entryMeta,
    ...defined({ unit: spec.unit ?? entryMeta.unit, note: spec.note ?? entryMeta.note }),
    ...defined({ asOf: spec.as_of === undefined ? entryMeta.asOf : String(spec.as_of) }),
  });
  const day = ctx.now.toISOString().slice(0, 10);
  const withProvenance = (entry: DataEntry, provenance: SourceRecord): LinkedEntry => {
    const own = spec.source ?? entryMeta.source;
    const cited = [...(own === undefined ? [] : typeof own === 'string' ? [own] : own), provenance.id];
    return { entry: { ...entry, source: cited }, provenance };
  };

  if ('workbook' in spec) {
    const file = await ctx.resolvePath(spec.workbook, fieldAt('workbook'));
    if (!file) return undefined;
    const chosen = (['sheet', 'table', 'name', 'range', 'cell'] as const).filter((k) => spec[k] !== undefined);
    const sheetWithCells = chosen.length === 2 && chosen[0] === 'sheet' && ['range', 'cell'].includes(chosen[1]!);
    if (chosen.length !== 1 && !sheetWithCells) {
      ctx.diagnostics.error(
        chosen.length ? 'invalid-value' : 'missing-field',
        chosen.length
          ? `name one part of the workbook, not ${chosen.map((c) => `\`${c}\``).join(' and ')}`
          : 'a workbook entry names what to read: `sheet:`, `table:`, `name:`, `range:` or `cell:`',
        entryMeta.at,
      );
      return undefined;
    }
    let bytes: Buffer;
    try {
      bytes = await ctx.readBytes(file.path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      ctx.diagnostics.error(
        code === 'ENOENT' ? 'file-not-found' : 'file-unreadable',
        code === 'ENOENT' ? `file not found: ${file.shown}` : `cannot read ${file.shown} (${code ?? 'error'})`,
        fieldAt('workbook'),
      );
      return undefined;
    }
    const workbook = await loadWorkbook(bytes);
    if ('error' in workbook) {
      ctx.diagnostics.error('unsupported-file-type', `${file.shown} ${workbook.error}`, fieldAt('workbook'));
      return undefined;
    }
    const selection = defined({
      sheet: spec.sheet,
      table: spec.table,
      name: spec.name,
      range: spec.range,
      cell: spec.cell,
    });
    const read = readWorkbookEntry(workbook, file.shown, selection, spec.as, metaOf(), ctx.diagnostics);
    if (!read) return undefined;
    return withProvenance(read.entry, workbookSource(file.shown, read.label, savedDate(workbook), entryMeta.at));
  }

  if ('sqlite' in spec || 'postgres' in spec) {
    const timeout = ctx.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    let result: QueryResult | QueryFailure;
    let database: string;
    let title: string;
    if ('sqlite' in spec) {
      const file = await ctx.resolvePath(spec.sqlite, fieldAt('sqlite'));
      if (!file) return undefined;
      database = `sqlite:${file.shown}`;
      title = basename(file.shown);
      result = await ctx.once(`sqlite|${file.path}|${spec.query}`, () =>
        runSqliteQuery(file.path, spec.query, timeout),
      );
    } else {
      const connection = ctx.connectionString(spec.postgres);
      if (!connection) {
        ctx.diagnostics.error(
          'invalid-value',
          `the environment variable ${spec.postgres} is not set; it should hold the database's connection string`,
          fieldAt('postgres'),
          `set it before building, e.g. ${spec.postgres}=postgres://reader@dbhost/stats (keep the password in ~/.pgpass or PGPASSWORD)`,
        );
        return undefined;
      }
      database = `postgres:${spec.postgres}`;
      title = postgresTitle(connection);
      result = await ctx.once(`postgres|${spec.postgres}|${spec.query}`, () =>
        runPostgresQuery(connection, spec.query, timeout),
      );
    }
    if ('error' in result) {
      const where = 'sqlite' in spec ? basename(spec.sqlite) : `the database in ${spec.postgres}`;
      ctx.diagnostics.error(
        'data-invalid',
        `${where}: ${result.error}`,
        result.offset !== undefined ? fieldAt('query', result.offset, 1) : fieldAt('query'),
        result.hint,
      );
      return undefined;
    }
    ctx.recordInput({ path: `${database}#${queryId(spec.query)}`, sha256: resultHash(result), kind: 'query' });
    const entry = shapeGrid(
      asGrid(result),
      spec.as ?? defaultShape(result),
      metaOf(),
      ctx,
      (r, c) => `row ${r + 1}, column \`${result.columns[c]}\``,
    );
    if (!entry) return undefined;
    const provenance: SourceRecord = {
      id: `${database}#${queryId(spec.query)}`,
      title,
      location: spec.query.replace(/\s+/g, ' ').trim(),
      retrieved: day,
      at: entryMeta.at,
    };
    return withProvenance(entry, provenance);
  }

  // HTTP JSON
  if (!ctx.network.allow) {
    ctx.diagnostics.error(
      'invalid-value',
      'this project does not fetch data from the network',
      fieldAt('url'),
      'build with --allow-network (or the allowNetwork option) to read it',
    );
    return undefined;
  }
  const fetched = await ctx.once(`http|${spec.url}`, () =>
    fetchJson(spec.url, { ...DEFAULT_HTTP, ...definedHttp(ctx.network) }),
  );
  if ('error' in fetched) {
    ctx.diagnostics.error('data-invalid', `${spec.url}: ${fetched.error}`, fieldAt('url'), fetched.hint);
    return undefined;
  }
  ctx.recordInput({ path: spec.url, sha256: fetched.sha256, kind: 'http' });
  const part = atPointer(fetched.value, spec.pointer ?? '');
  if ('error' in part) {
    ctx.diagnostics.error(
      'data-invalid',
      `${spec.url}: ${part.error}`,
      fieldAt('pointer'),
      part.expected?.length ? `members: ${part.expected.slice(0, 12).join(', ')}` : undefined,
    );
    return undefined;
  }
  const grid = gridFromJson(part.value);
  if ('error' in grid) {
    ctx.diagnostics.error(
      'data-invalid',
      `${spec.url}${spec.pointer ?? ''}: ${grid.error}`,
      fieldAt(spec.pointer ? 'pointer' : 'url'),
    );
    return undefined;
  }
  const entry = shapeGrid(
    grid.grid,
    spec.as ?? grid.shape,
    metaOf(),
    ctx,
    (r, c) => `row ${r + 1}, \`${grid.grid.columns[c]}\``,
  );
  if (!entry) return undefined;
  const host = new URL(spec.url).host;
  const provenance: SourceRecord = {
    id: `${spec.url}#${spec.pointer ?? ''}`,
    title: host,
    url: spec.url,
    ...defined({ location: spec.pointer }),
    retrieved: day,
    at: entryMeta.at,
  };
  return withProvenance(entry, provenance);
}

function definedHttp(n: LinkContext['network']): Partial<HttpOptions> {
  return defined({
    timeoutMs: n.timeoutMs,
    maxBytes: n.maxBytes,
    ca: n.ca,
    cacheDir: n.cacheDir,
  }) as Partial<HttpOptions>;
}

/** One cell: a value; one column of numbers beside labels: a series; otherwise a table. */
function defaultShape(result: QueryResult): Shape {
  if (result.rows.length === 1 && result.columns.length === 1) return 'value';
  return 'table';
}

function shapeGrid(
  grid: Grid,
  as: Shape,
  meta: EntryMeta,
  ctx: LinkContext,
  cellName: (r: number, c: number) => string,
): DataEntry | undefined {
  return shapeEntry(
    grid,
    as,
    meta,
    ctx.diagnostics,
    (r, c, message, hint) => ctx.diagnostics.error('data-invalid', `${cellName(r, c)}: ${message}`, meta.at, hint),
    { rowAt: () => meta.at, cellAt: () => meta.at },
  );
}

/** `PostgreSQL "stats" on db.example` without the user or password of the connection string. */
function postgresTitle(connection: string): string {
  try {
    const url = new URL(connection);
    const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
    return `PostgreSQL${db ? ` "${db}"` : ''}${url.hostname ? ` on ${url.hostname}` : ''}`;
  } catch {
    return 'PostgreSQL';
  }
}
