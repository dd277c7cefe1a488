import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { layoutDeck } from './layout/index.js';
import { createMeasurer } from './layout/measure.js';
import { loadData, type DataFileRef } from './load/data.js';
import { readText } from './load/files.js';
import { displayPath } from './load/paths.js';
import { loadThemeChain } from './load/theme.js';
import { parseYamlSource, spanAt, toPlain, type YamlSource } from './load/yaml-source.js';
import type { ChartService } from './charts/index.js';
import type { ChartStats, DataSet, LaidOutDeck, Theme } from './model.js';
import { writeFileAtomic } from './pptx/atomic.js';
import { ResolveContext } from './resolve/context.js';
import { resolveDeck } from './resolve/deck.js';
import { BASE_THEME, mergeThemes } from './resolve/theme.js';
import type { OutlineInput } from './schema/outline.js';
import { validateOutline } from './schema/validate-outline.js';

/** briefdeck's own folder (holding templates/), whether running from src/ or dist/. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  /** Folder for the .pptx; default `<projectDir>/out`. */
  outDir?: string;
  /** Paths named by outlines and themes must stay inside this folder; default the working folder. */
  projectDir?: string;
  cwd?: string;
  /** Warnings count as errors. */
  strict?: boolean;
  allowOutsidePaths?: boolean;
  /** Chart cache folder; false for none. Default BRIEFDECK_CACHE_DIR or node_modules/.cache/briefdeck. */
  cacheDir?: string | false;
  /** The time written into the package. Default SOURCE_DATE_EPOCH, else the outline's date, else 2000-01-01. */
  timestamp?: Date;
  /** Worker threads for chart drawing: a number, or 'auto' (the default): use them when enough charts need drawing. */
  workers?: number | 'auto';
  /** A chart service kept warm across builds (a batch's); without one, each build starts and closes its own. */
  charts?: ChartService;
}

export interface BuildReport {
  slides: number;
  charts: ChartStats;
  /** Texts set smaller than the theme size, and slides continued onto further slides, to fit. */
  layout: { shrunk: number; split: number };
  dataKeysUsed: number;
  sourcesCited: number;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export interface BuildResult {
  ok: boolean;
  outline: string;
  /** The .pptx written (build only, when ok). */
  output?: string;
  /** A deck of an earlier build removed because this one failed. */
  removedStale?: string;
  slideCount: number;
  diagnostics: Diagnostic[];
  /** Texts of the files read, by the path shown in diagnostics: for code frames. */
  sources: Map<string, string>;
  report: BuildReport;
}

interface Context {
  cwd: string;
  projectDir: string;
  diagnostics: Diagnostics;
  sources: Map<string, string>;
  timings: Record<string, number>;
}

const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

function timed<T>(ctx: Context, stage: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    ctx.timings[stage] = since(start);
  }
}

async function timedAsync<T>(ctx: Context, stage: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    ctx.timings[stage] = since(start);
  }
}

function dataRefs(outline: OutlineInput, source: YamlSource): DataFileRef[] {
  const data = outline.data;
  if (data === undefined) return [];
  if (typeof data === 'string') return [{ given: data, at: spanAt(source, ['data']) }];
  if (Array.isArray(data)) return data.map((given, i) => ({ given, at: spanAt(source, ['data', i]) }));
  return Object.entries(data).map(([namespace, given]) => ({
    given,
    namespace,
    at: spanAt(source, ['data', namespace]),
  }));
}

/** Zip entries cannot record times before 1980; later than 2099 they wrap. */
function zipSafe(date: Date): Date | undefined {
  const t = date.getTime();
  return Number.isFinite(t) && t >= Date.UTC(1980, 0, 1) && t < Date.UTC(2100, 0, 1) ? date : undefined;
}

function packageTimestamp(options: BuildOptions, outline: OutlineInput | undefined): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = outline?.date === undefined ? '' : String(outline.date);
  return (
    (options.timestamp && zipSafe(options.timestamp)) ??
    (epoch && /^\d+$/.test(epoch) ? zipSafe(new Date(Number(epoch) * 1000)) : undefined) ??
    (/^\d{4}-\d{2}-\d{2}$/.test(date) ? zipSafe(new Date(`${date}T00:00:00Z`)) : undefined) ??
    new Date('2000-01-01T00:00:00Z')
  );
}

/** load → validate → data, theme → resolve → lay out. Stops before layout when anything failed. */
function frontEnd(
  outlinePath: string,
  ctx: Context,
  options: BuildOptions,
): { deck?: LaidOutDeck; outline?: OutlineInput; usedKeys: number; cited: number } {
  const shown = displayPath(outlinePath, ctx.cwd);
  const { diagnostics } = ctx;
  const text = timed(ctx, 'load', () => readText(outlinePath, shown, diagnostics));
  if (text === undefined) return { usedKeys: 0, cited: 0 };
  ctx.sources.set(shown, text);
  const source = timed(ctx, 'parse', () => parseYamlSource(shown, outlinePath, text, diagnostics));
  if (!source) return { usedKeys: 0, cited: 0 };
  const plain = toPlain(source, diagnostics);
  if (!plain) return { usedKeys: 0, cited: 0 };
  const validated = timed(ctx, 'validate', () => validateOutline(plain.value ?? {}, source, diagnostics));
  if (!validated) return { usedKeys: 0, cited: 0 };
  const { outline } = validated;
  if (outline.ignore) diagnostics.ignore(outline.ignore);

  const outlineDir = dirname(outlinePath);
  const allowOutside = options.allowOutsidePaths ?? false;
  const data: DataSet = timed(ctx, 'data', () =>
    loadData(
      dataRefs(outline, source),
      { outlineDir, projectDir: ctx.projectDir, cwd: ctx.cwd, allowOutside },
      diagnostics,
      ctx.sources,
    ),
  );
  const theme: Theme | undefined = timed(ctx, 'theme', () => {
    const chain = loadThemeChain(
      outline.theme ?? 'official',
      outlineDir,
      outline.theme ? spanAt(source, ['theme']) : undefined,
      { projectDir: ctx.projectDir, outlineDir, packageDir: PACKAGE_DIR, cwd: ctx.cwd, allowOutside },
      diagnostics,
      ctx.sources,
    );
    return chain && mergeThemes(chain.inputs, chain.logo);
  });
  const lang = outline.lang ?? 'en';
  const resolveCtx = new ResolveContext(source, data, diagnostics, lang);
  // Resolve even when the theme failed, so that data-key errors are reported in the same run.
  const resolved = timed(ctx, 'resolve', () => resolveDeck(outline, data, theme ?? BASE_THEME, resolveCtx));
  const usedKeys = resolveCtx.usedKeys.size;
  const cited = resolved.sourceLines.size;
  if (diagnostics.hasInputErrors() || !theme || !validated.complete) return { outline, usedKeys, cited };
  const deck = timed(ctx, 'layout', () => layoutDeck(resolved, createMeasurer(theme.fonts), diagnostics));
  return { deck, outline, usedKeys, cited };
}

/** $BRIEFDECK_CACHE_DIR; else the project's node_modules/.cache when it has one; else the user's cache folder. */
function defaultCacheDir(projectDir: string): string {
  if (process.env.BRIEFDECK_CACHE_DIR) return process.env.BRIEFDECK_CACHE_DIR;
  if (existsSync(join(projectDir, 'node_modules'))) return join(projectDir, 'node_modules', '.cache', 'briefdeck');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'briefdeck');
}

export function outputPathFor(outlinePath: string, options: BuildOptions): string {
  const cwd = resolve(options.cwd ?? process.cwd());
  const projectDir = resolve(cwd, options.projectDir ?? '.');
  const outDir = resolve(cwd, options.outDir ?? join(projectDir, 'out'));
  return join(outDir, `${basename(outlinePath, extname(outlinePath))}.pptx`);
}

/** Runs every stage of one outline; `write` false stops short of rendering and writing (check). */
export async function runPipeline(outlineArg: string, options: BuildOptions, write: boolean): Promise<BuildResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const outlinePath = resolve(cwd, outlineArg);
  const ctx: Context = {
    cwd,
    projectDir: resolve(cwd, options.projectDir ?? cwd),
    diagnostics: new Diagnostics(options.strict ?? false),
    sources: new Map(),
    timings: {},
  };
  const front = frontEnd(outlinePath, ctx, options);
  const result: BuildResult = {
    ok: false,
    outline: displayPath(outlinePath, cwd),
    slideCount: front.deck?.slides.length ?? 0,
    diagnostics: [],
    sources: ctx.sources,
    report: {
      slides: front.deck?.slides.length ?? 0,
      charts: { rendered: 0, cached: 0, native: 0 },
      layout: { shrunk: 0, split: 0 },
      dataKeysUsed: front.usedKeys,
      sourcesCited: front.cited,
      timings: ctx.timings,
    },
  };
  const finish = () => {
    result.diagnostics = ctx.diagnostics.sorted();
    result.report.layout = {
      shrunk: ctx.diagnostics.items.filter((d) => d.code === 'text-shrunk').length,
      split: ctx.diagnostics.items.filter((d) => d.code === 'content-split').length,
    };
    result.ok = !ctx.diagnostics.hasErrors();
    return result;
  };
  const output = outputPathFor(outlinePath, options);
  if (!front.deck || ctx.diagnostics.hasErrors()) {
    if (write) removeStale(output, result, cwd);
    return finish();
  }
  if (!write) return finish();

  // Loaded only to build: `check` needs neither chart.js nor pptxgenjs (about 30 ms of its start-up).
  const [{ ChartService }, { DiskChartStore }, { writePptx }, { finishPackage }] = await Promise.all([
    import('./charts/index.js'),
    import('./host/chart-store.js'),
    import('./pptx/write.js'),
    import('./pptx/package.js'),
  ]);
  const cacheDir =
    options.cacheDir === false ? undefined : resolve(cwd, options.cacheDir ?? defaultCacheDir(ctx.projectDir));
  const charts =
    options.charts ??
    new ChartService({
      ...(cacheDir ? { store: new DiskChartStore(cacheDir) } : {}),
      workers: options.workers ?? 'auto',
    });
  const { deck, stats, failures } = await timedAsync(ctx, 'charts', async () => {
    try {
      return await charts.render(front.deck!);
    } finally {
      if (!options.charts) await charts.close();
    }
  });
  for (const f of failures) {
    const title = f.chart.title ? ` "${f.chart.title}"` : '';
    ctx.diagnostics.error(
      'chart-render-failed',
      `the chart${title} on slide ${f.slide} could not be drawn: ${f.message}`,
      f.at,
    );
  }
  if (failures.length) {
    removeStale(output, result, cwd);
    return finish();
  }
  result.report.charts = stats;
  const bytes = await timedAsync(ctx, 'pptx', async () => {
    const written = await writePptx(deck);
    return finishPackage(written.bytes, {
      fonts: deck.theme.fonts,
      timestamp: packageTimestamp(options, front.outline),
      titleBoxes: written.titleBoxes,
    });
  });
  try {
    writeFileAtomic(output, bytes);
    result.output = displayPath(output, cwd);
  } catch (e) {
    ctx.diagnostics.error('write-failed', `cannot write ${displayPath(output, cwd)}: ${(e as Error).message}`);
  }
  return finish();
}

function removeStale(output: string, result: BuildResult, cwd: string): void {
  if (!existsSync(output)) return;
  try {
    rmSync(output);
    result.removedStale = displayPath(output, cwd);
  } catch {
    // Leaving it is no worse than before the build.
  }
}
