import { basename, dirname, resolve } from 'node:path';
import { decodeText } from './decode.js';
import { InputLog } from './record.js';
import { HostError, type FileStat, type Host, type InputKind } from './types.js';

/** A host with nothing in it: the base of an overlay that must not touch the disk. */
export class EmptyHost implements Host {
  readonly inputs = [];
  readText(path: string): Promise<string> {
    return Promise.reject(new HostError('ENOENT', path));
  }
  readBytes(path: string): Promise<Buffer> {
    return Promise.reject(new HostError('ENOENT', path));
  }
  list(dir: string): Promise<string[]> {
    return Promise.reject(new HostError('ENOENT', dir));
  }
  realpath(path: string): Promise<string> {
    return Promise.resolve(path);
  }
  exists(): Promise<boolean> {
    return Promise.resolve(false);
  }
  stat(): Promise<FileStat | undefined> {
    return Promise.resolve(undefined);
  }
}

/**
 * Unsaved buffers served in place of files, over another host: a build of text that is being
 * edited (tests now; watch mode and the authoring page later). Paths are absolute.
 */
export class OverlayHost implements Host {
  private readonly files = new Map<string, Buffer>();
  private readonly log = new InputLog();

  constructor(private readonly base: Host = new EmptyHost()) {}

  /** Sets (or replaces) the content served for `path`. */
  set(path: string, content: string | Buffer): this {
    this.files.set(resolve(path), typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    return this;
  }

  delete(path: string): this {
    this.files.delete(resolve(path));
    return this;
  }

  get inputs() {
    const own = this.log.inputs;
    const paths = new Set(own.map((i) => i.path));
    return [...own, ...this.base.inputs.filter((i) => !paths.has(i.path))];
  }

  private isFolder(dir: string): boolean {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return [...this.files.keys()].some((p) => p.startsWith(prefix));
  }

  async readBytes(path: string, kind: InputKind): Promise<Buffer> {
    const own = this.files.get(resolve(path));
    if (!own) {
      if (this.isFolder(resolve(path))) throw new HostError('EISDIR', path);
      return this.base.readBytes(path, kind);
    }
    this.log.record(resolve(path), own, kind);
    return own;
  }

  async readText(path: string, kind: InputKind): Promise<string> {
    return decodeText(await this.readBytes(path, kind), path);
  }

  async list(dir: string): Promise<string[]> {
    const abs = resolve(dir);
    const own = [...this.files.keys()].filter((p) => dirname(p) === abs).map((p) => basename(p));
    const sub = [...this.files.keys()]
      .filter((p) => p.startsWith(`${abs}/`) && dirname(p) !== abs)
      .map((p) => p.slice(abs.length + 1).split('/')[0]!);
    let base: string[] = [];
    try {
      base = await this.base.list(dir);
    } catch (e) {
      if (!own.length && !sub.length) throw e;
    }
    return [...new Set([...base, ...own, ...sub])].sort();
  }

  realpath(path: string): Promise<string> {
    return this.files.has(resolve(path)) ? Promise.resolve(resolve(path)) : this.base.realpath(path);
  }

  async exists(path: string): Promise<boolean> {
    return (await this.stat(path)) !== undefined;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const own = this.files.get(resolve(path));
    if (own) return { kind: 'file', size: own.length };
    if (this.isFolder(resolve(path))) return { kind: 'dir', size: 0 };
    return this.base.stat(path);
  }
}
