import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where drawn charts are kept between builds, keyed by a hash of everything that decides their pixels. */
export interface ChartStore {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, png: Buffer): Promise<void>;
}

/**
 * Charts as `<key>.png` files in a folder. Writes go to a unique temporary name and are
 * renamed into place, so concurrent builds sharing a cache never read a half-written file.
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
    const tmp = join(this.dir, `.${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, png);
      await rename(tmp, join(this.dir, `${key}.png`));
    } catch {
      // A cache that cannot be written only costs time on the next build.
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}
