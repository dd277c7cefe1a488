import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../emit.js';

/** A document fetched over HTTPS with its ETag, kept to revalidate it next time. */
export interface CachedDocument {
  etag: string;
  body: string;
}

/**
 * Fetched documents as `http/<sha256 of the address>.json` in the cache folder, written atomically
 * through emit.ts, like the chart cache beside it.
 */
export class DiskHttpCache {
  constructor(readonly dir: string) {}

  private path(url: string): string {
    return join(this.dir, 'http', `${createHash('sha256').update(url).digest('hex')}.json`);
  }

  async get(url: string): Promise<CachedDocument | undefined> {
    try {
      const record = JSON.parse(await readFile(this.path(url), 'utf8')) as CachedDocument;
      return typeof record.etag === 'string' && typeof record.body === 'string' ? record : undefined;
    } catch {
      return undefined;
    }
  }

  put(url: string, record: CachedDocument): void {
    try {
      writeFileAtomic(this.path(url), Buffer.from(JSON.stringify(record)));
    } catch {
      // A cache that cannot be written only costs a download next time.
    }
  }
}
