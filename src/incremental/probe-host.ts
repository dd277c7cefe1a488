import { createHash } from 'node:crypto';
import type { FileStat, Host, InputKind } from '../host/types.js';

/** What a compile learnt by looking rather than reading: that a file was there, or was not. */
export interface Probe {
  path: string;
  /** What was there, or for a folder listed, `list:` and a hash of its names. */
  found: FileStat['kind'] | 'absent' | `list:${string}`;
}

/**
 * A view of a host that also logs what a compile looked for: a theme searched in three folders
 * is found in the third, and a file added to the first must make the deck stale. Reads go
 * to the host beneath unchanged (they are in each compile's own input list). Decks of a batch
 * compile one after another, so `begin()` before each compile gives each deck its own log.
 */
export class ProbingHost implements Host {
  private probes = new Map<string, Probe>();

  constructor(private readonly base: Host) {}

  get inputs() {
    return this.base.inputs;
  }

  /** Forgets the probes so far: call before each compile. */
  begin(): void {
    this.probes = new Map();
  }

  get probed(): Probe[] {
    return [...this.probes.values()];
  }

  readBytes(path: string, kind: InputKind): Promise<Buffer> {
    return this.base.readBytes(path, kind);
  }

  readText(path: string, kind: InputKind): Promise<string> {
    return this.base.readText(path, kind);
  }

  realpath(path: string): Promise<string> {
    return this.base.realpath(path);
  }

  async list(dir: string): Promise<string[]> {
    const names = await this.base.list(dir);
    if (!this.probes.has(dir))
      this.probes.set(dir, { path: dir, found: `list:${createHash('sha256').update(names.join('\n')).digest('hex')}` });
    return names;
  }

  async exists(path: string): Promise<boolean> {
    return (await this.stat(path)) !== undefined;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const s = await this.base.stat(path);
    if (!this.probes.has(path)) this.probes.set(path, { path, found: s?.kind ?? 'absent' });
    return s;
  }
}

/** What a probe finds now, through the host: compared with what it found at the last build. */
export async function probeAgain(host: Host, probe: Probe): Promise<Probe['found']> {
  if (probe.found.startsWith('list:')) {
    try {
      return `list:${createHash('sha256')
        .update((await host.list(probe.path)).join('\n'))
        .digest('hex')}`;
    } catch {
      return 'absent';
    }
  }
  return (await host.stat(probe.path))?.kind ?? 'absent';
}
