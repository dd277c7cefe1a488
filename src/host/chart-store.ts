import { opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../emit.js';
import { readRegularFile } from './node.js';

/** Where drawn charts are kept between builds, keyed by a hash of everything that decides their pixels. */
export interface ChartStore {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, png: Buffer): Promise<void>;
  /** Whether the store holds any picture at all: a hint, read before a build knows its charts. */
  holdsAny?(): Promise<boolean>;
}

/**
 * Charts as `<key>.png` files in a folder, written atomically through emit.ts, so concurrent
 * builds sharing a cache never read a half-written file. Not flushed to disk one by one: an
 * entry a power cut left short fails the seal check (charts/verified-store.ts) and is drawn again.
 */
export class DiskChartStore implements ChartStore {
  constructor(readonly dir: string) {}

  async get(key: string): Promise<Buffer | undefined> {
    try {
      // Only a regular file, of a size a chart can have: a FIFO planted in a shared cache must not hang the build.
      return await readRegularFile(join(this.dir, `${key}.png`), 64 * 1024 * 1024);
    } catch {
      return undefined;
    }
  }

  async holdsAny(): Promise<boolean> {
    try {
      const dir = await opendir(this.dir);
      try {
        for await (const entry of dir) if (entry.name.endsWith('.png')) return true;
      } finally {
        await dir.close().catch(() => undefined);
      }
    } catch {
      // No folder yet: nothing in it.
    }
    return false;
  }

  async put(key: string, png: Buffer): Promise<void> {
    try {
      writeFileAtomic(join(this.dir, `${key}.png`), png, { durable: false });
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }
}
