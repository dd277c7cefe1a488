import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Everything a build writes goes through here: the only output-side user of the file system.
 */

/**
 * Writes a file so that readers see the old file or the new one, never a partial one:
 * a temporary file in the same folder, flushed, then renamed over the target.
 */
export function writeFileAtomic(path: string, data: Buffer): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  // Unique per write, so two writers of one target (two builds sharing a cache) never share a temp file.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flush: true });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes a deck an earlier build wrote, so that a failed build is not taken for it. True when removed. */
export function removeStale(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch {
    // Absent, or not removable: leaving it is no worse than before the build.
    return false;
  }
}
