import { join } from 'node:path';
import type { Host } from '../host/types.js';

/**
 * Folders a search for outlines does not enter: installed packages, build output, data, and
 * hidden folders (.git, .cache). Data files are not outlines, and out/ may hold copies.
 */
export const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'data']);

const isSkipped = (name: string) => SKIPPED_FOLDERS.has(name) || name.startsWith('.');

/** An outline is a YAML file with top-level `sections:`; data files and themes in the same folder are not. */
export async function looksLikeOutline(path: string, host: Host): Promise<boolean> {
  try {
    return /^sections\s*:/m.test(await host.readText(path, 'outline'));
  } catch {
    return false;
  }
}

/** The outlines in a folder and its subfolders, in path order. */
export async function findOutlines(dir: string, host: Host): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const name of await host.list(folder)) {
      const path = join(folder, name);
      const stat = await host.stat(path);
      if (stat?.kind === 'dir') {
        if (!isSkipped(name)) await walk(path);
      } else if (stat?.kind === 'file' && /\.ya?ml$/i.test(name) && (await looksLikeOutline(path, host))) {
        found.push(path);
      }
    }
  };
  await walk(dir);
  return found;
}
