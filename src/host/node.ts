import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputLog, withoutBom } from './record.js';
import { HostError, type FileStat, type Host, type HostErrorCode, type InputKind } from './types.js';

function hostError(e: unknown, path: string): HostError {
  const code = (e as NodeJS.ErrnoException).code;
  const known: HostErrorCode = code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' ? code : 'EIO';
  return new HostError(known, path, (e as Error).message);
}

/** Inputs from the file system: the only input-side module that touches it. */
export class NodeHost implements Host {
  private readonly log = new InputLog();

  get inputs() {
    return this.log.inputs;
  }

  async readBytes(path: string, kind: InputKind): Promise<Buffer> {
    try {
      const data = await readFile(path);
      this.log.record(path, data, kind);
      return data;
    } catch (e) {
      throw hostError(e, path);
    }
  }

  async readText(path: string, kind: InputKind): Promise<string> {
    return withoutBom((await this.readBytes(path, kind)).toString('utf8'));
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
