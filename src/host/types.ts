/**
 * Every input a build reads goes through a Host, which records what it served: the list of
 * inputs (with their hashes) is what incremental builds and watch mode compare.
 */
export type InputKind = 'outline' | 'data' | 'theme' | 'asset' | 'font' | 'template' | 'query' | 'http';

export interface InputRecord {
  path: string;
  sha256: string;
  kind: InputKind;
}

export interface FileStat {
  kind: 'file' | 'dir' | 'other';
  size: number;
}

export interface Host {
  readText(path: string, kind: InputKind): Promise<string>;
  readBytes(path: string, kind: InputKind): Promise<Buffer>;
  /** Names in a folder, sorted. */
  list(dir: string): Promise<string[]>;
  /** The path with symbolic links resolved as far as it exists (a missing tail keeps its names). */
  realpath(path: string): Promise<string>;
  exists(path: string): Promise<boolean>;
  stat(path: string): Promise<FileStat | undefined>;
  /** Everything served so far, once per path, in the order first read. */
  readonly inputs: readonly InputRecord[];
}

/**
 * ENOTREG: a FIFO, device or socket (reading one could block or never end); EFBIG: over the
 * input size limit; EENCODING: text that is not UTF-8 (`detail` names what it looks like).
 */
export type HostErrorCode = 'ENOENT' | 'EISDIR' | 'EACCES' | 'ENOTREG' | 'EFBIG' | 'EENCODING' | 'EIO';

/** A read that failed for a reason the user can act on; the loaders turn it into a diagnostic. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly path: string,
    message?: string,
    /** EFBIG: the file's size in bytes; EENCODING: the encoding it appears to be in. */
    readonly detail?: string | number,
  ) {
    super(message ?? `${code}: ${path}`);
  }
}

export function isHostError(e: unknown): e is HostError {
  return e instanceof HostError;
}
