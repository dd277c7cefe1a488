import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Paths in outlines and themes are data: they may not lead out of the project unless allowed. */
export function resolveInside(
  projectDir: string,
  baseDir: string,
  given: string,
  allowOutside: boolean,
): { path: string; outside: boolean } {
  const path = resolve(baseDir, given);
  const rel = relative(projectDir, path);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return { path, outside: outside && !allowOutside };
}

/** The path to show a user: relative to the working folder when that is shorter. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
