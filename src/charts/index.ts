import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { DiskChartStore, type ChartStore } from '../host/chart-store.js';
import { moduleTreeHash, packageFileExists, packageVersion } from '../host/package-files.js';
import type { ChartModel, ChartStats, Element, LaidOutDeck, RenderedDeck, Origin, WritableElement } from '../model.js';
import type { ChartStyle } from './config.js';
import { PACKAGE_DIR } from '../options.js';
import { chartKey, picturePixels } from './key.js';
import type { DroppedLabel } from './plan.js';
import { unplacedLabels } from './png-note.js';
import { IN_FLIGHT } from './in-flight.js';
// Loaded only when a chart must be drawn: an unchanged rebuild, all from the store, needs neither.
import type { ChartWorkerPool } from './pool.js';
import type { ChartRenderer } from './render.js';

export type { ChartStore } from '../host/chart-store.js';

/**
 * Below this many charts to draw, 'auto' draws in the main thread, PNG encoding overlapping on
 * libuv's pool. Measured on 2 cores shared with other jobs (scripts/bench-workers.mjs: whole
 * processes, no cache; wall ms main thread / 2 workers, then CPU ms): 4 charts 9560 / 11866
 * (1120 / 1370), 10 charts 12240 / 19546 (1620 / 2360), 20 charts 28326 / 25979 (2940 / 3510),
 * 40 charts 39842 / 36530 (5230 / 5420). Workers cost more CPU and memory (peak RSS at 40 charts
 * 248 / 341 MB) at every size; they finish sooner only from about 20 charts.
 */
export const WORKER_THRESHOLD = 20;

/**
 * 'auto': with two cores or more, a worker thread started early (see ChartService.prepare) draws
 * while this thread writes the deck around the pictures, and packaging waits only for the last
 * one; from WORKER_THRESHOLD charts, up to four workers. Without one running, fewer charts are
 * drawn here: starting a worker only then (~150 ms) costs what the overlap saves. On one core,
 * this thread draws.
 */
function autoWorkers(toDraw: number, running: number): number {
  const cores = availableParallelism();
  if (cores < 2 || toDraw === 0) return 0;
  if (toDraw >= WORKER_THRESHOLD) return Math.min(cores, 4);
  return running > 0 ? 1 : 0;
}

/** The packages that draw: their versions are part of every cache key. */
const DRAWING_PACKAGES = [
  'chart.js',
  'chartjs-node-canvas',
  'canvas',
  'chartjs-plugin-datalabels',
  'chartjs-plugin-annotation',
];

export interface ChartServiceOptions {
  /**
   * Where drawn charts are kept between builds; none: every chart is drawn. Told the pixel size
   * each chart is drawn at, so that a store that checks its entries can refuse a wrong one.
   */
  store?: ChartStore & { get(key: string, expected?: { width: number; height: number }): Promise<Buffer | undefined> };
  /**
   * Worker threads to draw with. 0: draw in this thread, every chart started at once (PNG
   * encoding still overlaps on libuv's pool). 'auto': workers when there are enough charts
   * to repay starting them (see `npm run bench`).
   */
  workers?: number | 'auto';
  /** Called as each chart is handed to a worker thread: for tests that kill a worker mid-render. */
  onWorkerTask?: (worker: Worker, taskId: number) => void;
}

/** A chart that could not be drawn: the build reports it and writes no deck. */
export interface ChartFailure {
  chart: ChartModel;
  /** 1-based, as the deck shows it. */
  slide: number;
  /** Where the outline writes that slide. */
  at: Origin;
  message: string;
}

/** Labels a drawn picture left out (noted in the picture, so a cached one says it too). */
export interface UnplacedLabels {
  chart: ChartModel;
  at: Origin;
  labels: DroppedLabel[];
}

export interface RenderedCharts {
  deck: RenderedDeck;
  stats: ChartStats;
  failures: ChartFailure[];
  unplaced: UnplacedLabels[];
}

/** Charts being drawn: what `draw` hands back at once, so the deck can be written meanwhile. */
export interface DrawingCharts {
  /**
   * The deck with a picture for every picture chart, some still being drawn: their `image` is a
   * promise that always fulfils (with no bytes when drawing failed, which `finished` reports).
   */
  deck: RenderedDeck;
  stats: ChartStats;
  /** Fulfils when every picture is drawn: what could not be, and the labels the pictures leave out. */
  finished: Promise<{ failures: ChartFailure[]; unplaced: UnplacedLabels[] }>;
}

export { IN_FLIGHT } from './in-flight.js';

/** Runs `run` over items, at most `limit` at a time, in order of start. */
async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

type ChartElement = Extract<Element, { kind: 'chart' }>;

/** The key names font files by the content the build read, not their path, so caches travel between checkouts. */
const hashedFonts = (files: ChartStyle['fontFiles']) =>
  files.map((f) => ({ family: f.family, weight: f.weight, style: f.style, sha: f.sha256 }));

interface Job {
  chart: ChartModel;
  style: ChartStyle;
  png?: Buffer;
  error?: string;
  /** Fulfils with png (or no bytes, when error is set) once the picture is drawn. */
  drawn?: Promise<Buffer>;
}

/**
 * The drawing code whose hash keys the chart store: this folder when running from source, else
 * dist/charts — also from the bundled CLI, which is built from those very files, so the CLI and
 * the library share one store.
 */
const CHARTS_CODE = import.meta.url.endsWith('.ts')
  ? new URL('.', import.meta.url)
  : pathToFileURL(join(PACKAGE_DIR, 'dist', 'charts') + '/');

/**
 * The compiled worker module, in dist/ whether running from source (tests: vitest's global set-up
 * compiles it before any test runs, so workers never run older code), dist/ or the bundled CLI.
 */
function workerScript(): string | undefined {
  const path = join(PACKAGE_DIR, 'dist', 'charts', 'render-worker.js');
  return packageFileExists(path) ? path : undefined;
}

/**
 * Draws the charts of deck after deck with one renderer (and one worker pool, when workers
 * pay) kept warm between them: a session's batch pays chart.js's and the workers' start-up
 * once. Identical charts are drawn once per deck; charts in the store are not drawn at all.
 */
export class ChartService {
  private renderer?: ChartRenderer;
  private pool?: ChartWorkerPool;
  private poolLoading?: Promise<ChartWorkerPool | undefined>;
  /** Set by prepare when a worker waits and the store is empty: pictures may be drawn ahead. */
  private drawAhead?: { versions: Record<string, string> };
  /** Pictures handed to a worker while layout was still running, by key. */
  private readonly early = new Map<string, Promise<Buffer>>();
  /** How often close() was called: a prepare() that a close overtook starts nothing. */
  private closes = 0;
  private codeVersions?: Promise<Record<string, string>>;

  constructor(private readonly options: ChartServiceOptions = {}) {}

  /**
   * Everything besides a chart and its style that decides its pixels: the drawing packages'
   * versions and a hash of every module the drawing runs (src/charts and what it imports), so
   * an upgraded briefdeck never serves pictures drawn by an older one.
   */
  private versions(): Promise<Record<string, string>> {
    this.codeVersions ??= (async () => {
      const versions = await Promise.all(DRAWING_PACKAGES.map(async (n) => [n, await packageVersion(n)] as const));
      return { ...Object.fromEntries(versions), code: await moduleTreeHash(CHARTS_CODE) };
    })();
    return this.codeVersions;
  }

  private poolFor(toDraw: number): Promise<ChartWorkerPool | undefined> {
    const { workers = 'auto' } = this.options;
    return this.poolOf(workers === 'auto' ? autoWorkers(toDraw, this.threads) : toDraw && workers);
  }

  /** The worker pool, able to run `size` workers; none for 0. */
  private poolOf(size: number): Promise<ChartWorkerPool | undefined> {
    if (size <= 0) return Promise.resolve(undefined);
    this.poolLoading ??= (async () => {
      const script = workerScript();
      if (!script) return undefined;
      const { ChartWorkerPool } = await import('./pool.js');
      return (this.pool = new ChartWorkerPool(size, script, this.options.onWorkerTask));
    })();
    return this.poolLoading.then((pool) => {
      pool?.grow(size);
      return pool;
    });
  }

  /**
   * A hint that charts will be drawn soon: starts a worker thread now, which loads chart.js and
   * canvas on the other core while this thread reads the inputs and lays the deck out. Does
   * nothing where drawing would be in this thread (one core, or `workers: 0`), nor when the store
   * holds pictures already: then most pictures probably come from it (a rebuild after an edit),
   * and an idle worker would only take CPU time from this thread.
   */
  async prepare(): Promise<void> {
    const { workers = 'auto', store } = this.options;
    const size = workers === 'auto' ? (availableParallelism() >= 2 ? 1 : 0) : workers;
    const closes = this.closes;
    if (size <= 0 || (await store?.holdsAny?.()) || closes !== this.closes) return;
    const pool = await this.poolOf(size);
    // Closed meanwhile: close() stops this pool, or finds none, and no worker is started after it.
    if (!pool || closes !== this.closes) return;
    pool.warm();
    const versions = await this.versions();
    if (closes === this.closes) this.drawAhead = { versions };
  }

  /**
   * A picture layout has just placed: when a worker waits (see prepare), it starts drawing now,
   * while this thread goes on laying out. draw() takes the picture from here if the deck kept
   * the chart at that size; a picture of the probe pass the deck did not keep is dropped.
   */
  ahead(chart: ChartModel, style: ChartStyle): void {
    if (!this.drawAhead || !this.pool) return;
    const key = chartKey({ chart, style: { ...style, fontFiles: hashedFonts(style.fontFiles) }, ...this.drawAhead });
    if (this.early.has(key)) return;
    const png = this.pool.render(chart, style);
    // Awaited by draw() if the deck keeps this picture; otherwise its failure concerns nobody.
    png.catch(() => undefined);
    this.early.set(key, png);
  }

  /** Worker threads running now. */
  get threads(): number {
    return this.pool?.threads ?? 0;
  }

  /** Replaces every image-rendered chart of the deck with its picture. */
  async render(deck: LaidOutDeck): Promise<RenderedCharts> {
    const drawing = await this.draw(deck);
    const { failures, unplaced } = await drawing.finished;
    // A chart that could not be drawn (its picture has no bytes) is left out, as `failures` says.
    const slides = await Promise.all(
      drawing.deck.slides.map(async (slide) => ({
        ...slide,
        elements: (
          await Promise.all(
            slide.elements.map(async (e) => (e.kind === 'picture' ? { ...e, image: await e.image } : e)),
          )
        ).filter((e) => e.kind !== 'picture' || e.image.length > 0),
      })),
    );
    return { deck: { ...drawing.deck, slides }, stats: drawing.stats, failures, unplaced };
  }

  /**
   * Starts drawing every image-rendered chart of the deck and hands back the deck with their
   * pictures to come: the caller writes the deck meanwhile, and waits for `finished`.
   */
  async draw(deck: LaidOutDeck): Promise<DrawingCharts> {
    const store = this.options.store;
    const versions = await this.versions();
    const stats: ChartStats = { rendered: 0, cached: 0, native: 0 };

    // First find what must be drawn, so the choice of workers depends on real work.
    const jobs = new Map<string, Job>();
    const keyOf = new Map<ChartElement, string>();
    for (const slide of deck.slides) {
      for (const e of slide.elements) {
        if (e.kind === 'native-chart') stats.native++;
        if (e.kind !== 'chart') continue;
        const { style } = e;
        const key = chartKey({
          chart: e.chart,
          style: { ...style, fontFiles: hashedFonts(style.fontFiles) },
          versions,
        });
        keyOf.set(e, key);
        if (!jobs.has(key)) jobs.set(key, { chart: e.chart, style });
      }
    }
    if (store)
      await Promise.all(
        [...jobs].map(async ([key, job]) => (job.png = await store.get(key, picturePixels(job.style)))),
      );
    const toDraw = [...jobs].filter(([, j]) => !j.png);
    // What layout started drawing belongs to this deck; the next deck starts afresh.
    const early = new Map(this.early);
    this.early.clear();
    this.drawAhead = undefined;
    stats.cached = jobs.size - toDraw.length;
    stats.rendered = toDraw.length;

    const pool = await this.poolFor(toDraw.length);
    if (!pool && toDraw.length) this.renderer ??= new (await import('./render.js')).ChartRenderer();
    const renderer = this.renderer;
    // Each picture's promise, fulfilled as soon as that picture is drawn, whatever the others do
    // (and before it is stored: packaging need not wait for the cache).
    const fulfil = new Map<string, (png: Buffer) => void>();
    for (const [key, job] of jobs)
      job.drawn = job.png ? Promise.resolve(job.png) : new Promise((resolve) => fulfil.set(key, resolve));
    const draw = async ([key, job]: [string, Job]): Promise<void> => {
      try {
        job.png = await (early.get(key) ??
          (pool ? pool.render(job.chart, job.style) : renderer!.render(job.chart, job.style)));
      } catch (e) {
        job.error = e instanceof Error ? e.message : String(e);
      }
      fulfil.get(key)?.(job.png ?? Buffer.alloc(0));
      if (job.png) await store?.put(key, job.png);
    };
    // Workers bound their own work; in this thread a few charts at a time keep memory bounded.
    const drawing = eachLimited(toDraw, pool ? toDraw.length : IN_FLIGHT, draw);

    const slides = deck.slides.map((slide) => ({
      ...slide,
      elements: slide.elements.map((e): WritableElement => {
        if (e.kind !== 'chart') return e;
        const job = jobs.get(keyOf.get(e)!)!;
        return { kind: 'picture', name: e.name, box: e.box, image: job.drawn!, mime: 'png', alt: e.chart.alt };
      }),
    }));
    const finished = drawing.then(() => {
      const failures: ChartFailure[] = [];
      const unplaced: UnplacedLabels[] = [];
      deck.slides.forEach((slide, i) => {
        for (const e of slide.elements) {
          if (e.kind !== 'chart') continue;
          const job = jobs.get(keyOf.get(e)!)!;
          if (!job.png) {
            failures.push({ chart: e.chart, slide: i + 1, at: slide.at, message: job.error ?? 'not drawn' });
            continue;
          }
          const labels = unplacedLabels(job.png);
          if (labels.length) unplaced.push({ chart: e.chart, at: slide.at, labels });
        }
      });
      return { failures, unplaced };
    });
    return { deck: { ...deck, slides }, stats, finished };
  }

  /**
   * The labels each picture of the deck leaves out where the drawing finds no free place, as
   * `render` reports them, without making pictures: read from the picture in the store when it
   * is there, else found by laying the chart out and drawing it unencoded (`check`).
   */
  async unplaced(deck: LaidOutDeck): Promise<UnplacedLabels[]> {
    const charts = deck.slides.flatMap((slide) =>
      slide.elements.flatMap((e) => (e.kind === 'chart' ? [{ e, at: slide.at }] : [])),
    );
    if (!charts.length) return [];
    const store = this.options.store;
    const versions = store ? await this.versions() : undefined;
    const found = new Map<string, DroppedLabel[]>();
    const out: UnplacedLabels[] = [];
    for (const { e, at } of charts) {
      const key = versions
        ? chartKey({ chart: e.chart, style: { ...e.style, fontFiles: hashedFonts(e.style.fontFiles) }, versions })
        : undefined;
      let labels = key === undefined ? undefined : found.get(key);
      if (!labels) {
        const png = key === undefined ? undefined : await store!.get(key, picturePixels(e.style));
        if (png) labels = unplacedLabels(png);
        else {
          this.renderer ??= new (await import('./render.js')).ChartRenderer();
          labels = this.renderer.unplaced(e.chart, e.style);
        }
        if (key !== undefined) found.set(key, labels);
      }
      if (labels.length) out.push({ chart: e.chart, at, labels });
    }
    return out;
  }

  /** Stops the worker threads, if any were started. */
  async close(): Promise<void> {
    this.closes++;
    // A pool still loading (a prepare in flight) is waited for: no worker outlives its service.
    const pool = this.pool ?? (await this.poolLoading?.catch(() => undefined));
    this.pool = undefined;
    this.poolLoading = undefined;
    this.drawAhead = undefined;
    this.early.clear();
    await pool?.close();
  }
}

export interface RenderChartsOptions {
  cacheDir?: string;
  workers?: number | 'auto';
}

/** One deck's charts with a service of its own: for callers without a session. */
export async function renderCharts(deck: LaidOutDeck, options: RenderChartsOptions): Promise<RenderedCharts> {
  const service = new ChartService({
    ...(options.cacheDir ? { store: new DiskChartStore(options.cacheDir) } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  try {
    return await service.render(deck);
  } finally {
    await service.close();
  }
}
