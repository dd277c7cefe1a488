import { createHash } from 'node:crypto';
import { request } from 'node:https';
import { DiskHttpCache } from '../../host/http-cache.js';
import type { Cell } from '../../model.js';
import type { Grid, Shape } from './shape.js';

/**
 * JSON over HTTPS, for projects that opt in. https only, a time-out, a size cap, and a cache that
 * revalidates with the ETag so that an unchanged document is not downloaded again.
 */

export interface HttpOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Extra certificate authorities (PEM), for a server with a private certificate. */
  ca?: string;
  /** Folder for the ETag cache; no cache when undefined. */
  cacheDir?: string;
}

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 };

export interface Fetched {
  value: unknown;
  /** sha256 of the body: the build input. */
  sha256: string;
  /** Served from the cache after a 304. */
  revalidated: boolean;
}

export interface FetchFailure {
  error: string;
  hint?: string;
}

export async function fetchJson(url: string, options: HttpOptions): Promise<Fetched | FetchFailure> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `\`${url}\` is not a web address` };
  }
  if (parsed.protocol !== 'https:')
    return { error: `only https:// addresses are fetched, not ${parsed.protocol}//`, hint: 'use the https address' };
  const cache = options.cacheDir ? new DiskHttpCache(options.cacheDir, options.maxBytes) : undefined;
  const cached = await cache?.get(url);
  const got = await new Promise<{ status: number; body?: string; etag?: string } | FetchFailure>((resolve) => {
    const req = request(
      parsed,
      {
        method: 'GET',
        headers: { accept: 'application/json', ...(cached ? { 'if-none-match': cached.etag } : {}) },
        ...(options.ca ? { ca: options.ca } : {}),
        timeout: options.timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status === 304 || status < 200 || status >= 300) {
          res.resume();
          resolve({ status });
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (declared > options.maxBytes) {
          req.destroy();
          resolve(tooLarge(options.maxBytes));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy();
            resolve(tooLarge(options.maxBytes));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const etag = res.headers.etag;
          resolve({ status, body: Buffer.concat(chunks).toString('utf8'), ...(etag ? { etag } : {}) });
        });
        res.on('error', (e) => resolve({ error: `the download failed (${e.message})` }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ error: `no complete answer within ${options.timeoutMs / 1000} s` });
    }, options.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => {
      req.destroy();
      resolve({ error: `no answer within ${options.timeoutMs / 1000} s` });
    });
    req.on('error', (e: Error & { code?: string }) =>
      resolve({
        error: `cannot fetch ${parsed.host} (${e.code ?? e.message})`,
        ...(/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(e.code ?? '')
          ? { hint: 'the server certificate is not trusted by this machine' }
          : {}),
      }),
    );
    req.end();
  });
  if ('error' in got) return got;
  let body: string;
  let revalidated = false;
  if (got.status === 304 && cached) {
    body = cached.body;
    revalidated = true;
  } else if (got.status >= 200 && got.status < 300 && got.body !== undefined) {
    body = got.body;
    if (got.etag) cache?.put(url, { etag: got.etag, body });
  } else {
    return {
      error: `the server answered ${got.status}`,
      ...(got.status >= 300 && got.status < 400 ? { hint: 'redirects are not followed: give the final address' } : {}),
    };
  }
  try {
    return {
      value: JSON.parse(body) as unknown,
      sha256: createHash('sha256').update(body).digest('hex'),
      revalidated,
    };
  } catch (e) {
    return { error: `the answer is not JSON (${(e as Error).message})` };
  }
}

function tooLarge(max: number): FetchFailure {
  return { error: `the answer is larger than ${Math.round(max / 1024)} KiB`, hint: 'point to a smaller document' };
}

/** RFC 6901: `/data/0/value`; `~1` is `/`, `~0` is `~`. */
export function atPointer(
  value: unknown,
  pointer: string,
): { value: unknown } | { error: string; expected?: string[] } {
  if (pointer === '' || pointer === '/') return { value };
  if (!pointer.startsWith('/')) return { error: `a JSON pointer starts with /, as in /data/monthly` };
  let here = value;
  let path = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(here)) {
      const i = Number(part);
      if (!/^\d+$/.test(part) || i >= here.length)
        return { error: `${path || '/'} is a list of ${here.length}; \`${part}\` is not a position in it` };
      here = here[i];
    } else if (here !== null && typeof here === 'object') {
      if (!(part in here))
        return { error: `${path || 'the document'} has no member \`${part}\``, expected: Object.keys(here) };
      here = (here as Record<string, unknown>)[part];
    } else return { error: `${path} is ${JSON.stringify(here)}, which has no member \`${part}\`` };
    path += `/${raw}`;
  }
  return { value: here };
}

function cellOf(v: unknown): Cell | undefined {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return v;
  return undefined;
}

/**
 * JSON as rows: a number or text is one cell; an object of numbers is label → value rows; a list of
 * objects is a table (keys as columns); a list of lists is a table under its first row.
 */
export function gridFromJson(value: unknown): { grid: Grid; shape: Shape } | { error: string } {
  const scalar = cellOf(value);
  if (scalar !== undefined && scalar !== null)
    return { grid: { columns: ['value'], rows: [[scalar]] }, shape: 'value' };
  if (Array.isArray(value)) {
    if (value.every((r) => Array.isArray(r))) {
      const [head, ...body] = value as unknown[][];
      if (!head) return { error: 'the list is empty' };
      const rows = body.map((r) => r.map(cellOf));
      if (rows.some((r) => r.some((c) => c === undefined) || r.length !== head.length))
        return { error: 'every row must hold as many numbers or texts as the first (header) row' };
      return { grid: { columns: head.map(String), rows: rows as Cell[][] }, shape: 'table' };
    }
    if (value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
      const columns = [...new Set(value.flatMap((r) => Object.keys(r as object)))];
      const rows = value.map((r) => columns.map((c) => cellOf((r as Record<string, unknown>)[c] ?? null)));
      if (rows.some((r) => r.some((c) => c === undefined)))
        return { error: 'a member of a row is itself a list or an object; point to flat rows' };
      return { grid: { columns, rows: rows as Cell[][] }, shape: 'table' };
    }
    return { error: 'a list must hold rows: all objects, or all lists' };
  }
  if (value !== null && typeof value === 'object') {
    const rows = Object.entries(value).map(([k, v]) => [k, cellOf(v)]);
    if (rows.some((r) => r[1] === undefined))
      return { error: 'an object becomes a series when every member is a number; point further in' };
    return { grid: { columns: ['label', 'value'], rows: rows as Cell[][] }, shape: 'series' };
  }
  return { error: 'the value is empty (null)' };
}
