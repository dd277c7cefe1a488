import type { LaidOutDeck, ChartStats } from './model.js';
import { folderProblem, type FolderProblem } from './emit.js';
import { NodeHost } from './host/node.js';
import type { Host } from './host/types.js';
import { resolveLimits } from './limits.js';
import { resolveOptions, type BuildOptions, type Environment, type ResolvedBuildOptions } from './options.js';

/**
 * What stays warm across the decks of a batch: the input host, the resolved options, the chart
 * renderer, and parsed inputs by content hash (two decks that share a data file parse it once).
 */
export interface Session {
  readonly host: Host;
  readonly options: ResolvedBuildOptions;
  /** Why the chart cache folder was refused (then charts are drawn without one); builds report it. */
  readonly cacheProblem?: FolderProblem;
  /** A parse or check of an input, by a key that includes its content hash; kept only when clean. */
  memo<T>(key: string, compute: () => T | undefined, clean: () => boolean): T | undefined;
  renderCharts(deck: LaidOutDeck): Promise<{ deck: LaidOutDeck; stats: ChartStats }>;
  close(): Promise<void>;
}

export interface SessionInit {
  /** Where inputs come from; a NodeHost by default. */
  host?: Host;
  env?: Environment;
}

export async function createSession(options: BuildOptions = {}, init: SessionInit = {}): Promise<Session> {
  const limits = resolveLimits(options.limits);
  const host = init.host ?? new NodeHost({ maxInputBytes: limits.maxInputBytes, maxFontBytes: limits.maxFontBytes });
  let resolved = await resolveOptions(options, host, init.env);
  const cacheProblem =
    resolved.cacheDir === undefined
      ? undefined
      : folderProblem(resolved.cacheDir, 'chart cache folder', resolved.projectDir, resolved.allowOutsidePaths);
  if (cacheProblem) {
    const { cacheDir: _refused, ...rest } = resolved;
    resolved = Object.freeze(rest);
  }
  const parsed = new Map<string, unknown>();
  return {
    host,
    options: resolved,
    ...(cacheProblem ? { cacheProblem } : {}),
    memo<T>(key: string, compute: () => T | undefined, clean: () => boolean): T | undefined {
      if (parsed.has(key)) return parsed.get(key) as T;
      const value = compute();
      if (value !== undefined && clean()) parsed.set(key, value);
      return value;
    },
    async renderCharts(deck) {
      // Loaded on first use: `check` needs neither chart.js nor canvas (tens of ms of start-up).
      const { renderCharts } = await import('./charts/index.js');
      return renderCharts(deck, {
        ...(resolved.cacheDir ? { cacheDir: resolved.cacheDir } : {}),
        workers: resolved.workers,
      });
    },
    async close() {},
  };
}
