import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomic } from '../emit.js';
import { readRegularFile } from './node.js';

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
  /** `maxBytes`: the largest entry read back, the download cap; a cache folder may be shared, so bigger is foreign. */
  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
  ) {}

  private path(url: string): string {
    return join(this.dir, 'http', `${createHash('sha256').update(url).digest('hex')}.json`);
  }

  async get(url: string): Promise<CachedDocument | undefined> {
    try {
      // Only a regular file, no bigger than a download may be: a FIFO planted here must not hang the build.
      const bytes = await readRegularFile(this.path(url), this.maxBytes * 2 + 1024);
      const record = JSON.parse(bytes.toString('utf8')) as CachedDocument;
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
