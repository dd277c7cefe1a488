import type { ChartService, DrawingCharts, UnplacedLabels } from './charts/index.js';
import { folderProblem, type FolderProblem } from './emit.js';
import type { ChartStyle } from './charts/config.js';
import type { ChartModel, LaidOutDeck } from './model.js';
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
  /** Starts drawing the deck's pictures; the deck comes back at once with the pictures to come. */
  drawCharts(deck: LaidOutDeck): Promise<DrawingCharts>;
  /** A hint that pictures will be drawn soon: lets a worker thread load chart.js meanwhile. */
  prepareCharts(): void;
  /** A picture layout has placed: drawn ahead when a worker waits (see ChartService.ahead). */
  chartAhead(chart: ChartModel, style: ChartStyle): void;
  /** The labels the deck's pictures leave out, as drawCharts reports them, without drawing pictures (check). */
  unplacedLabels(deck: LaidOutDeck): Promise<UnplacedLabels[]>;
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
  let charts: ChartService | undefined = init.charts;
  const chartService = async (): Promise<ChartService> => {
    if (!charts) {
      // Loaded on first use: a deck without pictures needs neither chart.js nor canvas (tens of ms of start-up).
      const [{ ChartService }, { DiskChartStore }, { VerifiedChartStore }] = await Promise.all([
        import('./charts/index.js'),
        import('./host/chart-store.js'),
        import('./charts/verified-store.js'),
      ]);
      // A shared cache is written by others: entries are used only if they verify.
      const store = resolved.cacheDir ? new VerifiedChartStore(new DiskChartStore(resolved.cacheDir)) : undefined;
      charts = new ChartService({ ...(store ? { store } : {}), workers: resolved.workers });
    }
    return charts;
  };
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
    async drawCharts(deck) {
      return (await chartService()).draw(deck);
    },
    chartAhead(chart, style) {
      charts?.ahead(chart, style);
    },
    prepareCharts() {
      // Only a hint: should starting a worker fail, drawing finds out again and reports it.
      chartService()
        .then((service) => service.prepare())
        .catch(() => undefined);
    },
    async unplacedLabels(deck) {
      // No picture chart, no chart.js: a check of a deck without pictures loads nothing to draw with.
      if (!deck.slides.some((s) => s.elements.some((e) => e.kind === 'chart'))) return [];
      return (await chartService()).unplaced(deck);
    },
    async close() {
      await charts?.close();
      charts = undefined;
    },
  };
}
