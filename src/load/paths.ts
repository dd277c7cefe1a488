import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Whether `child` is `parent` or below it; both absolute. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The path with symbolic links resolved, as far as it exists (a missing file keeps its name). */
function real(path: string): string {
  let head = path;
  const tail: string[] = [];
  while (!existsSync(head) && dirname(head) !== head) {
    tail.unshift(basename(head));
    head = dirname(head);
  }
  try {
    return join(realpathSync.native(head), ...tail);
  } catch {
    return path;
  }
}

/**
 * Paths in outlines and themes are data: they may not lead out of the project (nor out of
 * briefdeck's own `alsoAllowed` folders) unless allowed. Symbolic links are followed first,
 * so a link inside the project cannot reach outside it.
 */
export function resolveInside(
  projectDir: string,
  baseDir: string,
  given: string,
  allowOutside: boolean,
  alsoAllowed: readonly string[] = [],
): { path: string; outside: boolean } {
  const path = resolve(baseDir, given);
  if (allowOutside) return { path, outside: false };
  const target = real(path);
  const inside = [projectDir, ...alsoAllowed].some((dir) => isInside(real(dir), target));
  return { path, outside: !inside };
}

/** The path to show a user: relative to the working folder when that is shorter. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
