import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../emit.js';

/** Where drawn charts are kept between builds, keyed by a hash of everything that decides their pixels. */
export interface ChartStore {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, png: Buffer): Promise<void>;
}

/**
 * Charts as `<key>.png` files in a folder, written atomically through emit.ts, so concurrent
 * builds sharing a cache never read a half-written file.
 */
export class DiskChartStore implements ChartStore {
  constructor(readonly dir: string) {}

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.dir, `${key}.png`));
    } catch {
      return undefined;
    }
  }

  async put(key: string, png: Buffer): Promise<void> {
    try {
      writeFileAtomic(join(this.dir, `${key}.png`), png);
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }
}
