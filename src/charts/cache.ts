import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rendered charts on disk, keyed by a hash of everything that decides their pixels.
 * Writes go to a unique temporary name and are renamed into place, so concurrent builds
 * sharing a cache never read a half-written file.
 */
export class ChartCache {
  constructor(private readonly dir: string | undefined) {}

  static key(parts: unknown): string {
    return createHash('sha256').update(stableJson(parts)).digest('hex').slice(0, 40);
  }

  get(key: string): Buffer | undefined {
    if (!this.dir) return undefined;
    try {
      return readFileSync(join(this.dir, `${key}.png`));
    } catch {
      return undefined;
    }
  }

  put(key: string, png: Buffer): void {
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = join(this.dir, `.${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      writeFileSync(tmp, png);
      renameSync(tmp, join(this.dir, `${key}.png`));
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }
}

/** JSON with sorted keys, so equal values hash equally whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
