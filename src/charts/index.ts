import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChartStats, Element, LaidOutDeck } from '../model.js';
import { ChartCache } from './cache.js';
import type { ChartStyle } from './config.js';
import { ChartWorkerPool, workerScript } from './pool.js';
import { ChartRenderer, rendererVersions } from './render.js';

/**
 * The code that decides a chart's pixels: the model-to-config translation, the number
 * formats on its labels and the encoder settings. Hashing their source keeps an upgraded
 * briefdeck from serving pictures drawn by an older one.
 */
function codeFingerprint(): string {
  // Running from source (tests) the modules are .ts; compiled, .js.
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const files = [`./config.${ext}`, `./render.${ext}`, `../format.${ext}`];
  return ChartCache.key(files.map((f) => readFileSync(fileURLToPath(new URL(f, import.meta.url)), 'utf8')).join('\n'));
}

export interface RenderChartsOptions {
  cacheDir?: string;
  /**
   * Worker threads to draw with. 0: draw in this thread, every chart started at once (PNG
   * encoding still overlaps on libuv's pool). 'auto': workers when there are enough charts
   * to repay starting them (see `npm run bench`).
   */
  workers?: number | 'auto';
}

/**
 * Below this many charts to draw, 'auto' draws in the main thread: starting workers costs more.
 * Measured (npm run bench, 2 CPUs): 4 charts 117 ms in-thread vs 188 ms with 2 workers;
 * 10 charts 451 vs 415 ms; 40 charts 1842 vs 1321 ms.
 */
export const WORKER_THRESHOLD = 8;

type ChartElement = Extract<Element, { kind: 'chart' }>;

function poolSize(workers: RenderChartsOptions['workers'], toDraw: number): number {
  if (workers === 'auto') return toDraw >= WORKER_THRESHOLD ? Math.max(0, Math.min(availableParallelism(), 4)) : 0;
  return Math.min(workers ?? 0, toDraw);
}

/**
 * Replaces every image-rendered chart with its picture. Identical charts are drawn once;
 * charts in the cache are not drawn at all.
 */
export async function renderCharts(
  deck: LaidOutDeck,
  options: RenderChartsOptions,
): Promise<{ deck: LaidOutDeck; stats: ChartStats }> {
  const cache = new ChartCache(options.cacheDir);
  const versions = { ...rendererVersions(), code: codeFingerprint() };
  const stats: ChartStats = { rendered: 0, cached: 0, native: 0 };
  const fontHashes = new Map<string, string>();
  /** Font files by their content, not their path, so caches travel between checkouts. */
  const hashedFonts = (files: ChartStyle['fontFiles']) =>
    files.map((f) => {
      if (!fontHashes.has(f.path)) fontHashes.set(f.path, ChartCache.key(readFileSync(f.path).toString('base64')));
      return { family: f.family, weight: f.weight, style: f.style, sha: fontHashes.get(f.path)! };
    });

  // First find what must be drawn, so the choice of workers depends on real work.
  const jobs = new Map<string, { chart: ChartElement['chart']; style: ChartStyle; png?: Buffer }>();
  const keyOf = new Map<ChartElement, string>();
  for (const slide of deck.slides) {
    for (const e of slide.elements) {
      if (e.kind === 'native-chart') stats.native++;
      if (e.kind !== 'chart') continue;
      const { style } = e;
      const key = ChartCache.key({
        chart: e.chart,
        style: { ...style, fontFiles: hashedFonts(style.fontFiles) },
        versions,
      });
      keyOf.set(e, key);
      if (jobs.has(key)) continue;
      const cached = cache.get(key);
      jobs.set(key, { chart: e.chart, style, ...(cached ? { png: cached } : {}) });
    }
  }
  const toDraw = [...jobs.values()].filter((j) => !j.png);
  stats.cached = jobs.size - toDraw.length;
  stats.rendered = toDraw.length;

  const size = poolSize(options.workers, toDraw.length);
  const script = size > 0 ? workerScript() : undefined;
  const pool = script ? new ChartWorkerPool(size, script) : undefined;
  const renderer = pool ? undefined : new ChartRenderer();
  try {
    await Promise.all(
      [...jobs]
        .filter(([, j]) => !j.png)
        .map(async ([key, job]) => {
          job.png = await (pool ? pool.render(job.chart, job.style) : renderer!.render(job.chart, job.style));
          cache.put(key, job.png);
        }),
    );
  } finally {
    await pool?.close();
  }

  const slides = deck.slides.map((slide) => ({
    ...slide,
    elements: slide.elements.map((e): Element => {
      const key = e.kind === 'chart' ? keyOf.get(e) : undefined;
      if (e.kind !== 'chart' || !key) return e;
      return { kind: 'picture', name: e.name, box: e.box, image: jobs.get(key)!.png!, mime: 'png', alt: e.chart.alt };
    }),
  }));
  return { deck: { ...deck, slides }, stats };
}
