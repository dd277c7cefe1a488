import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Host } from '../host/types.js';

/** Whether `child` is `parent` or below it; both absolute. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Paths in outlines and themes are data: they may not lead out of the project (nor out of
 * briefdeck's own `alsoAllowed` folders) unless allowed. Symbolic links are followed first,
 * so a link inside the project cannot reach outside it.
 */
export async function resolveInside(
  host: Host,
  projectDir: string,
  baseDir: string,
  given: string,
  allowOutside: boolean,
  alsoAllowed: readonly string[] = [],
): Promise<{ path: string; outside: boolean }> {
  const path = resolve(baseDir, given);
  if (allowOutside) return { path, outside: false };
  const target = await host.realpath(path);
  const roots = await Promise.all([projectDir, ...alsoAllowed].map((dir) => host.realpath(dir)));
  return { path, outside: !roots.some((root) => isInside(root, target)) };
}

/** The path to show a user: relative to the working folder when that is shorter. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
