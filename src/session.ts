import type { ChartService, RenderedCharts } from './charts/index.js';
import type { LaidOutDeck } from './model.js';
import { NodeHost } from './host/node.js';
import type { Host } from './host/types.js';
import { resolveOptions, type BuildOptions, type Environment, type ResolvedBuildOptions } from './options.js';

/**
 * What stays warm across the decks of a batch: the input host, the resolved options, the chart
 * renderer, and parsed inputs by content hash (two decks that share a data file parse it once).
 */
export interface Session {
  readonly host: Host;
  readonly options: ResolvedBuildOptions;
  /** A parse or check of an input, by a key that includes its content hash; kept only when clean. */
  memo<T>(key: string, compute: () => T | undefined, clean: () => boolean): T | undefined;
  renderCharts(deck: LaidOutDeck): Promise<RenderedCharts>;
  close(): Promise<void>;
}

export interface SessionInit {
  /** Where inputs come from; a NodeHost by default. */
  host?: Host;
  env?: Environment;
  /** A chart service to draw with (tests inject one to watch its workers); else one made on first use. */
  charts?: ChartService;
}

export async function createSession(options: BuildOptions = {}, init: SessionInit = {}): Promise<Session> {
  const host = init.host ?? new NodeHost();
  const resolved = await resolveOptions(options, host, init.env);
  const parsed = new Map<string, unknown>();
  let charts: ChartService | undefined = init.charts;
  return {
    host,
    options: resolved,
    memo<T>(key: string, compute: () => T | undefined, clean: () => boolean): T | undefined {
      if (parsed.has(key)) return parsed.get(key) as T;
      const value = compute();
      if (value !== undefined && clean()) parsed.set(key, value);
      return value;
    },
    async renderCharts(deck) {
      if (!charts) {
        // Loaded on first use: `check` needs neither chart.js nor canvas (tens of ms of start-up).
        const [{ ChartService }, { DiskChartStore }] = await Promise.all([
          import('./charts/index.js'),
          import('./host/chart-store.js'),
        ]);
        const store = resolved.cacheDir ? new DiskChartStore(resolved.cacheDir) : undefined;
        charts = new ChartService({ ...(store ? { store } : {}), workers: resolved.workers });
      }
      return charts.render(deck);
    },
    async close() {
      await charts?.close();
      charts = undefined;
    },
  };
}
