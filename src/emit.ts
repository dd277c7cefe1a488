import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from './sources/paths.js';

/**
 * Everything a build writes goes through here: the only output-side user of the file system.
 */

/** What is wrong with a folder a build would write into, in words for the user. */
export interface FolderProblem {
  message: string;
  hint?: string;
}

/** Pseudo file systems: writing there is never meant, and Node's recursive mkdir loops forever in /proc. */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/** The path with symbolic links resolved as far as it exists (a missing tail keeps its names). */
export function realpathAsFarAsExists(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...tail);
    } catch {
      if (dirname(head) === head) return resolve(path);
      tail.unshift(basename(head));
      head = dirname(head);
    }
  }
}

/**
 * Creates a folder one level at a time: a level that cannot be made is an error at once, where
 * `mkdirSync(…, { recursive: true })` retries for ever under /proc.
 */
function makeFolder(path: string): void {
  const missing: string[] = [];
  let head = resolve(path);
  for (let guard = 0; guard < 4096; guard++) {
    try {
      statSync(head);
      break;
    } catch {
      missing.unshift(head);
      if (dirname(head) === head) break;
      head = dirname(head);
    }
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/**
 * What rules a folder out before anything is created in it: a system folder, or a folder that
 * lies in the project but resolves outside it (a symbolic link), unless allowed: such a link
 * would let a build overwrite, and a failed build delete, a file elsewhere. A folder named
 * outside the project on purpose (`--out /srv/decks`) is the operator's choice and kept.
 */
export function folderProblem(
  path: string,
  what: string,
  projectDir: string,
  allowOutside: boolean,
  shownAs = path,
): FolderProblem | undefined {
  const abs = resolve(path);
  const real = realpathAsFarAsExists(abs);
  const pseudo = PSEUDO_ROOTS.find((root) => isInside(root, real));
  if (pseudo)
    return { message: `the ${what} ${shownAs} is under ${pseudo}, a system folder`, hint: 'choose a folder on disk' };
  if (!allowOutside && isInside(resolve(projectDir), abs) && !isInside(realpathAsFarAsExists(projectDir), real)) {
    return {
      message: `the ${what} ${shownAs} is a link to ${real}, outside the project folder`,
      hint: 'replace the link with a folder, or build with --allow-outside-paths',
    };
  }
  return undefined;
}

/** Checks (folderProblem) and creates a folder the build will write into. */
export function prepareFolder(
  path: string,
  what: string,
  projectDir: string,
  allowOutside: boolean,
  shownAs = path,
): FolderProblem | undefined {
  const problem = folderProblem(path, what, projectDir, allowOutside, shownAs);
  if (problem) return problem;
  const abs = resolve(path);
  try {
    makeFolder(abs);
    if (!statSync(abs).isDirectory()) return { message: `the ${what} ${shownAs} is not a folder` };
    accessSync(abs, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const denied = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
    return {
      message: `the ${what} ${shownAs} cannot be ${denied ? 'written to' : 'created'} (${code})`,
      hint: 'choose a folder you can write to',
    };
  }
  return undefined;
}

/** `.deck.pptx.1234.lx0k9q.tmp`: the temporary name writeFileAtomic gives, with the writer's pid. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that builds killed mid-write left behind in `dir`. Only files with
 * briefdeck's temporary name whose writer is no longer running: a concurrent build's are kept.
 */
export function removeAbandonedTemps(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path);
      removed.push(name);
    } catch {
      // Gone already (another build cleaned it), or not ours to remove.
    }
  }
  return removed;
}

const swept = new Set<string>();

/**
 * Writes a file so that readers see the old file or the new one, never a partial one:
 * a temporary file in the same folder, flushed, then renamed over the target. Temporary files
 * that killed writers left in the folder are removed first. `durable: false` skips the flush to
 * disk (a few milliseconds of waiting a file) for what is checked when read back, such as chart
 * cache entries: after a power cut such a file may be empty or cut short, never half old, half new.
 */
export function writeFileAtomic(path: string, data: Buffer, { durable = true }: { durable?: boolean } = {}): void {
  const dir = dirname(path);
  makeFolder(dir);
  // Once per folder per process: a shared chart cache holds thousands of entries.
  if (!swept.has(dir)) {
    swept.add(dir);
    removeAbandonedTemps(dir);
  }
  // Unique per write, so two writers of one target (two builds sharing a cache) never share a temp file.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // wx: never through an existing file or link of the same name.
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes a deck an earlier build wrote, so that a failed build is not taken for it. True when removed. */
export function removeStale(path: string): boolean {
  try {
    // A link is removed as a link: what it points at is not the build's to delete.
    if (!lstatSync(path).isFile() && !lstatSync(path).isSymbolicLink()) return false;
    rmSync(path);
    return true;
  } catch {
    // Absent, or not removable: leaving it is no worse than before the build.
    return false;
  }
}
