import { createHash } from 'node:crypto';
import { decodeText } from './decode.js';
import type { FileStat, Host, InputKind, InputRecord } from './types.js';

/** The inputs a host served, each path once. Shared by the node and overlay hosts. */
export class InputLog {
  private readonly byPath = new Map<string, InputRecord>();

  record(path: string, data: string | Buffer, kind: InputKind): void {
    if (this.byPath.has(path)) return;
    this.byPath.set(path, { path, sha256: createHash('sha256').update(data).digest('hex'), kind });
  }

  get inputs(): InputRecord[] {
    return [...this.byPath.values()];
  }
}

/** A byte-order mark would shift every column by one. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A view of a host that logs what one compile reads, while the host beneath may serve many:
 * each deck's list of inputs is its own.
 */
export class RecordingHost implements Host {
  private readonly log = new InputLog();

  constructor(private readonly base: Host) {}

  get inputs() {
    return this.log.inputs;
  }

  async readBytes(path: string, kind: InputKind): Promise<Buffer> {
    const data = await this.base.readBytes(path, kind);
    this.log.record(path, data, kind);
    return data;
  }

  async readText(path: string, kind: InputKind): Promise<string> {
    return decodeText(await this.readBytes(path, kind), path);
  }

  list(dir: string): Promise<string[]> {
    return this.base.list(dir);
  }

  realpath(path: string): Promise<string> {
    return this.base.realpath(path);
  }

  exists(path: string): Promise<boolean> {
    return this.base.exists(path);
  }

  stat(path: string): Promise<FileStat | undefined> {
    return this.base.stat(path);
  }
}
