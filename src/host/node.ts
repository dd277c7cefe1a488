import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_LIMITS } from '../limits.js';
import { decodeText } from './decode.js';
import { InputLog } from './record.js';
import { HostError, type FileStat, type Host, type HostErrorCode, type InputKind } from './types.js';

function hostError(e: unknown, path: string): HostError {
  if (e instanceof HostError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const known: HostErrorCode = code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' ? code : 'EIO';
  return new HostError(known, path, (e as Error).message);
}

/**
 * Reads a regular file of at most `maxBytes`. The file is opened without blocking (opening a
 * FIFO with no writer would otherwise wait forever) and checked on the open handle, so a file
 * swapped between a check and the read is still checked. Throws HostError.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw hostError(e, path);
  }
  try {
    const s = await handle.stat();
    if (s.isDirectory()) throw new HostError('EISDIR', path);
    if (!s.isFile()) throw new HostError('ENOTREG', path, `${path} is not a regular file`);
    if (s.size > maxBytes) throw new HostError('EFBIG', path, `${path} is too large`, s.size);
    // Read no more than the limit allows, even from a file that grows or (like /proc) reports size 0.
    let buffer = Buffer.alloc(Math.min(s.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new HostError('EFBIG', path, `${path} is too large`, filled);
      if (filled === buffer.length) {
        const bigger = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger);
        buffer = bigger;
      }
    }
    return buffer.subarray(0, filled);
  } catch (e) {
    throw hostError(e, path);
  } finally {
    await handle.close();
  }
}

export interface NodeHostOptions {
  /** Largest file served, in bytes (limits.maxInputBytes). */
  maxInputBytes?: number;
  /** Largest font file served (limits.maxFontBytes): CJK fonts are larger than any outline. */
  maxFontBytes?: number;
}

/** Inputs from the file system: the only input-side module that touches it. */
export class NodeHost implements Host {
  private readonly log = new InputLog();
  private readonly maxInput: number;
  private readonly maxFont: number;

  constructor(options: NodeHostOptions = {}) {
    this.maxInput = options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
    this.maxFont = options.maxFontBytes ?? DEFAULT_LIMITS.maxFontBytes;
  }

  get inputs() {
    return this.log.inputs;
  }

  /**
   * Only regular files are read, and only up to the size limit. The file is opened without
   * blocking (opening a FIFO with no writer would otherwise wait forever) and checked on the
   * open handle, so a file swapped between a check and the read is still checked.
   */
  async readBytes(path: string, kind: InputKind): Promise<Buffer> {
    const data = await readRegularFile(path, kind === 'font' ? this.maxFont : this.maxInput);
    this.log.record(path, data, kind);
    return data;
  }

  async readText(path: string, kind: InputKind): Promise<string> {
    return decodeText(await this.readBytes(path, kind), path);
  }

  async list(dir: string): Promise<string[]> {
    try {
      return (await readdir(dir)).sort();
    } catch (e) {
      throw hostError(e, dir);
    }
  }

  async realpath(path: string): Promise<string> {
    let head = path;
    const tail: string[] = [];
    for (;;) {
      try {
        return join(await realpath(head), ...tail);
      } catch {
        if (dirname(head) === head) return path;
        tail.unshift(basename(head));
        head = dirname(head);
      }
    }
  }

  async exists(path: string): Promise<boolean> {
    return (await this.stat(path)) !== undefined;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await stat(path);
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other', size: s.size };
    } catch {
      return undefined;
    }
  }
}
