import { reportDroppedLabels } from './charts/dropped.js';
import { basename, dirname, extname, resolve } from 'node:path';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { RecordingHost } from './host/record.js';
import type { InputRecord } from './host/types.js';
import { layoutDeck } from './layout/index.js';
import type { TemplatePlan } from './pptx/on-template.js';
import { checkDeckLimits } from './limits.js';
import { createMeasurer } from './layout/measure.js';
import type { ChartStats, DataEntry, LaidOutDeck, LayoutStats, RenderedDeck, Theme } from './model.js';
import { fileOrigin, type Origin } from './sources/origin.js';
import { zipSafe } from './options.js';
import { ResolveContext } from './resolve/context.js';
import { resolveDeck } from './resolve/deck.js';
import { checkFreshness } from './resolve/freshness.js';
import { BASE_THEME, mergeThemes } from './resolve/theme.js';
import type { Locator } from './schema/locator.js';
import type { OutlineInput } from './schema/outline.js';
import { validateOutline } from './schema/validate-outline.js';
import type { Session } from './session.js';
import { loadData, type DataFileRef } from './sources/data/index.js';
import { displayPath } from './sources/paths.js';
import { canonicalLanguageTag } from './sources/lang.js';
import { readInputText } from './sources/read.js';
import { loadLogo, loadThemeChain, type ThemeLocations } from './sources/theme/index.js';
import { checkLayoutNames, layoutNamesOf } from './sources/theme/template.js';
import { parseYamlSource, toPlain, yamlLocator } from './sources/yaml.js';

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

export interface CompileResult {
  ok: boolean;
  /** The outline as users see it (relative to the working folder). */
  outline: string;
  /** The deck's file name: the outline's name with .pptx. */
  deckName: string;
  /** The finished package (when asked to render, and nothing failed). */
  bytes?: Buffer;
  slideCount: number;
  diagnostics: Diagnostic[];
  /** Texts of the files read, by the name diagnostics use: lines and columns are computed from them. */
  texts: Map<string, string>;
  /** Every input read, with its hash: what an incremental build compares. */
  inputs: InputRecord[];
  /** The data entries the outline could use (when its data loaded): what a report of changes compares. */
  data?: DataEntry[];
  /** Where each slide of the deck was written in the outline, in deck order (when laid out). */
  slideOrigins?: Origin[];
  report: BuildReport;
}

export interface CompileOptions {
  /** false: stop before drawing charts and packaging (check). */
  render: boolean;
  /** Audit the finished package for accessibility; each miss is an error at its slide's position. */
  a11y?: boolean;
}

interface Stage {
  diagnostics: Diagnostics;
  timings: Record<string, number>;
}

const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

async function timed<T>(stage: Stage, name: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    stage.timings[name] = since(start);
  }
}

function dataRefs(outline: OutlineInput, locate: Locator): DataFileRef[] {
  const data = outline.data;
  if (data === undefined) return [];
  if (typeof data === 'string') return [{ given: data, at: locate.at(['data']) }];
  if (Array.isArray(data)) return data.map((given, i) => ({ given, at: locate.at(['data', i]) }));
  return Object.entries(data).map(([namespace, given]) => ({ given, namespace, at: locate.at(['data', namespace]) }));
}

function packageTimestamp(given: Date | undefined, outline: OutlineInput | undefined): Date {
  const date = outline?.date === undefined ? '' : String(outline.date);
  return (
    given ??
    (/^\d{4}-\d{2}-\d{2}$/.test(date) ? zipSafe(new Date(`${date}T00:00:00Z`)) : undefined) ??
    new Date('2000-01-01T00:00:00Z')
  );
}

interface FrontEnd {
  deck?: LaidOutDeck;
  data?: DataEntry[];
  /** Shrinks and splits, as layout counted them. */
  layout?: LayoutStats;
  outline?: OutlineInput;
  usedKeys: number;
  cited: number;
}

/** load → validate → data, theme → resolve → lay out. Stops before layout when anything failed. */
async function frontEnd(
  outlinePath: string,
  session: Session,
  host: RecordingHost,
  stage: Stage,
  texts: Map<string, string>,
  extraInputs: InputRecord[],
): Promise<FrontEnd> {
  const { options } = session;
  const { diagnostics } = stage;
  const shown = displayPath(outlinePath, options.cwd);
  const none = { usedKeys: 0, cited: 0 };
  const text = await timed(stage, 'load', () =>
    readInputText(host, outlinePath, 'outline', shown, diagnostics, fileOrigin(shown)),
  );
  if (text === undefined) return none;
  texts.set(shown, text);
  const source = await timed(stage, 'parse', () =>
    parseYamlSource(shown, outlinePath, text, diagnostics, options.limits),
  );
  if (!source) return none;
  const plain = toPlain(source, diagnostics);
  if (!plain) return none;
  const locate = yamlLocator(source);
  const validated = await timed(stage, 'validate', () => validateOutline(plain.value ?? {}, locate, diagnostics));
  if (!validated) return none;
  // `zh-cn` passes the check (tags are case-insensitive) but is written as `zh-CN` everywhere after it.
  const lang = validated.outline.lang;
  const outline = lang ? { ...validated.outline, lang: canonicalLanguageTag(lang) } : validated.outline;
  if (outline.ignore) diagnostics.ignore(outline.ignore);

  const outlineDir = dirname(outlinePath);
  const allowOutside = options.allowOutsidePaths;
  const data = await timed(stage, 'data', () =>
    loadData(dataRefs(outline, locate), {
      host,
      diagnostics,
      outlineDir,
      projectDir: options.projectDir,
      cwd: options.cwd,
      allowOutside,
      texts,
      limits: options.limits,
      memo: (key, compute, clean) => session.memo(key, compute, clean),
      links: {
        connectionString: options.connectionString,
        // Citations of queries and downloads carry this day; SOURCE_DATE_EPOCH pins it.
        now: options.timestamp ?? new Date(),
        allowOutside,
        cwd: options.cwd,
        ...(options.dataTimeoutMs ? { queryTimeoutMs: options.dataTimeoutMs } : {}),
        network: {
          allow: options.allowNetwork,
          ...(options.networkCa ? { ca: options.networkCa } : {}),
          ...(options.dataTimeoutMs ? { timeoutMs: options.dataTimeoutMs } : {}),
          ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
        },
        recordInput: (input) => {
          if (!extraInputs.some((i) => i.path === input.path)) extraInputs.push(input);
        },
        once: new Map(),
      },
    }),
  );
  const theme: Theme | undefined = await timed(stage, 'theme', async () => {
    const loc: ThemeLocations = {
      host,
      diagnostics,
      texts,
      projectDir: options.projectDir,
      outlineDir,
      packageDir: options.packageDir,
      cwd: options.cwd,
      allowOutside,
      limits: options.limits,
    };
    // `--theme` beats the outline's theme for one run; a path in it is relative to where the command runs.
    const override = options.themeOverride;
    const chain = await loadThemeChain(
      override ?? outline.theme ?? options.theme,
      override ? options.cwd : outlineDir,
      !override && outline.theme ? locate.at(['theme']) : undefined,
      loc,
    );
    if (!chain) return undefined;
    const merged = mergeThemes(chain);
    checkLayoutNames(merged.theme, layoutNamesOf(chain), diagnostics);
    const logo = merged.logo && (await loadLogo(merged.logo, loc));
    const logoDark = merged.logoDark && (await loadLogo(merged.logoDark, loc));
    return { ...merged.theme, ...(logo ? { logo } : {}), ...(logoDark ? { logoDark } : {}) };
  });
  const resolveCtx = new ResolveContext(locate, data, diagnostics, outline.lang ?? 'en');
  // Resolve even when the theme failed, so that data-key errors are reported in the same run.
  const resolved = await timed(stage, 'resolve', () => resolveDeck(outline, data, theme ?? BASE_THEME, resolveCtx));
  checkDeckLimits(resolved, options.limits, diagnostics);
  if (outline.max_age !== undefined) {
    checkFreshness(
      { value: outline.max_age, at: locate.at(['max_age']) },
      { value: outline.date, at: locate.at(['date']) },
      resolveCtx.usedKeys,
      data.entries,
      diagnostics,
    );
  }
  const usedKeys = resolveCtx.usedKeys.size;
  const cited = resolved.sourceLines.size;
  const entries = [...data.entries.values()];
  if (diagnostics.hasInputErrors() || !theme || !validated.complete) return { outline, usedKeys, cited, data: entries };
  const laidOut = await timed(stage, 'layout', () => layoutDeck(resolved, createMeasurer(theme.fonts), diagnostics));
  return { deck: laidOut.deck, layout: laidOut.stats, outline, usedKeys, cited, data: entries };
}

/**
 * Compiles one outline into deck bytes: no writing, no environment, no arguments. Input errors
 * come back as diagnostics; only a bug in briefdeck throws.
 */
export async function compile(
  entry: string,
  session: Session,
  options: CompileOptions = { render: true },
): Promise<CompileResult> {
  const outlinePath = resolve(session.options.cwd, entry);
  const host = new RecordingHost(session.host);
  const stage: Stage = { diagnostics: new Diagnostics(session.options.strict), timings: {} };
  const texts = new Map<string, string>();
  const extraInputs: InputRecord[] = [];
  const front = await frontEnd(outlinePath, session, host, stage, texts, extraInputs);
  const slides = front.deck?.slides.length ?? 0;
  const result: CompileResult = {
    ok: false,
    outline: displayPath(outlinePath, session.options.cwd),
    deckName: `${basename(outlinePath, extname(outlinePath))}.pptx`,
    slideCount: slides,
    diagnostics: [],
    texts,
    inputs: [],
    report: {
      slides,
      charts: { rendered: 0, cached: 0, native: 0 },
      layout: { shrunk: 0, split: 0 },
      dataKeysUsed: front.usedKeys,
      sourcesCited: front.cited,
      timings: stage.timings,
    },
  };
  const { diagnostics } = stage;
  if (front.deck && !diagnostics.hasErrors() && options.render) {
    const { deck, stats, failures, unplaced } = await timed(stage, 'charts', () => session.renderCharts(front.deck!));
    result.report.charts = stats;
    for (const u of unplaced) reportDroppedLabels(u.chart, u.labels, u.at, diagnostics);
    for (const f of failures) {
      const title = f.chart.title ? ` "${f.chart.title}"` : '';
      diagnostics.error(
        'chart-render-failed',
        `the chart${title} on slide ${f.slide} could not be drawn: ${f.message}`,
        f.at,
      );
    }
    if (!failures.length) result.bytes = await packageDeck(deck, session.options.timestamp, front.outline, stage);
    if (options.a11y && result.bytes) {
      const { auditDeck } = await import('./a11y/index.js');
      await timed(stage, 'a11y', () => auditDeck(result.bytes!, front.deck!, diagnostics));
    }
  }
  result.diagnostics = diagnostics.sorted();
  // Counted by layout itself: true even when the outline ignores the warnings.
  if (front.layout) result.report.layout = { ...front.layout };
  // Query results and downloads are inputs too: a changed result is a changed deck.
  result.inputs = [...host.inputs, ...extraInputs];
  if (front.data) result.data = front.data;
  if (front.deck) result.slideOrigins = front.deck.slides.map((s) => s.at);
  result.ok = !diagnostics.hasErrors();
  if (!result.ok) delete result.bytes;
  return result;
}

async function packageDeck(
  deck: RenderedDeck,
  timestamp: Date | undefined,
  outline: OutlineInput | undefined,
  stage: Stage,
): Promise<Buffer> {
  // Loaded only to build: `check` needs no pptxgenjs.
  const [{ writePptx }, { finishPackage }] = await Promise.all([
    import('./pptx/write.js'),
    import('./pptx/package.js'),
  ]);
  return timed(stage, 'pptx', async () => {
    const written = await writePptx(deck);
    return finishPackage(written.bytes, {
      fonts: deck.style.fonts,
      typefaces: written.typefaces,
      timestamp: packageTimestamp(timestamp, outline),
      placeholders: written.placeholders,
      house: deck.style.house,
      layouts: written.layouts,
      properties: written.properties,
      lang: deck.meta.lang,
      charts: written.charts,
      ...(deck.style.template ? { template: templatePlan(deck) } : {}),
    });
  });
}

/** What packaging needs to put the slides on the house template: each slide's layout and footers. */
function templatePlan(deck: RenderedDeck): TemplatePlan {
  const t = deck.style.template!;
  return {
    bytes: t.bytes,
    layouts: deck.slides.map((s) => s.templateLayout?.part ?? ''),
    darkLayouts: deck.slides.map((s) => s.templateLayout?.dark ?? false),
    // Title and section slides carry no footer, as PowerPoint's "Don't show on title slide" has it.
    footers: deck.slides.map((s) =>
      s.master === 'content'
        ? {
            ...(t.footer ? { footer: t.footer } : {}),
            ...(t.footerSize ? { size: t.footerSize } : {}),
            ...(t.date ? { date: t.date } : {}),
            slideNumber: t.slideNumbers,
          }
        : undefined,
    ),
    lang: deck.meta.lang,
  };
}
