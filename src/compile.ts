import { reportDroppedLabels } from './charts/dropped.js';
import { basename, dirname, extname, resolve } from 'node:path';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { RecordingHost } from './host/record.js';
import type { InputRecord } from './host/types.js';
import { layoutDeck } from './layout/index.js';
import type { TemplatePlan } from './pptx/on-template.js';
import { checkDeckLimits } from './limits.js';
import { createMeasurer } from './layout/measure.js';
import type { ChartStats, DataEntry, DataSet, LaidOutDeck, LayoutStats, RenderedDeck, Theme } from './model.js';
import { fileOrigin, type Origin } from './sources/origin.js';
import { zipSafe } from './options.js';
import { ResolveContext, rowScope } from './resolve/context.js';
import { forRow, planEach, type EachPlan } from './resolve/each.js';
import { didYouMean } from './diagnostics/hints.js';
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
import { emptyReport } from './report.js';
import { readInputText } from './sources/read.js';
import { loadLogo, loadThemeChain, type ThemeLocations } from './sources/theme/index.js';
import { checkLayoutNames, layoutNamesOf } from './sources/theme/template.js';
import { parseYamlSource, toPlain, yamlLocator } from './sources/yaml.js';
import { snapshotRowName, type SnapshotRow } from './incremental/snapshot.js';
import { dataFingerprint } from './incremental/fingerprint.js';

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
  /** The deck's file name: the outline's name with .pptx (`<outline>-<row id>.pptx` for a row of `each:`). */
  deckName: string;
  /** The row of an `each:` outline this deck is for, by its id. */
  row?: string;
  /** That row as a report of changes names it: the table's key and the row's name. */
  eachRow?: SnapshotRow;
  /** What that deck's data says, for skipping it when only other rows changed. */
  rowData?: RowData;
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
  /** For an outline with `each:`: the id of the row to build the deck of (see planDecks). */
  row?: string;
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
  /** The deck's row, for a deck of an `each:` outline. */
  each?: { plan: EachPlan; index: number };
  /** For a deck per row: what its data says (see dataFingerprint). */
  rowData?: RowData;
}

/**
 * What the data of a deck per row says: `scoped` when the deck reads its `each:` table only
 * through `row.…` (then other rows do not count).
 */
export interface RowData {
  scoped: boolean;
  sha256: string;
}

interface OutlineRead {
  outline: OutlineInput;
  locate: Locator;
  complete: boolean;
}

/** load → parse → validate: the outline, or undefined after reporting why not. */
async function readOutline(
  outlinePath: string,
  session: Session,
  host: RecordingHost,
  stage: Stage,
  texts: Map<string, string>,
): Promise<OutlineRead | undefined> {
  const { options } = session;
  const { diagnostics } = stage;
  const shown = displayPath(outlinePath, options.cwd);
  const text = await timed(stage, 'load', () =>
    readInputText(host, outlinePath, 'outline', shown, diagnostics, fileOrigin(shown)),
  );
  if (text === undefined) return undefined;
  texts.set(shown, text);
  const source = await timed(stage, 'parse', () =>
    parseYamlSource(shown, outlinePath, text, diagnostics, options.limits),
  );
  if (!source) return undefined;
  const plain = toPlain(source, diagnostics);
  if (!plain) return undefined;
  const locate = yamlLocator(source);
  const validated = await timed(stage, 'validate', () => validateOutline(plain.value ?? {}, locate, diagnostics));
  if (!validated) return undefined;
  // `zh-cn` passes the check (tags are case-insensitive) but is written as `zh-CN` everywhere after it.
  const lang = validated.outline.lang;
  const outline = lang ? { ...validated.outline, lang: canonicalLanguageTag(lang) } : validated.outline;
  if (outline.ignore) diagnostics.ignore(outline.ignore);
  return { outline, locate, complete: validated.complete };
}

/** The data files an outline names, with its queries run and downloads fetched (recorded in `extraInputs`). */
function readData(
  read: OutlineRead,
  outlinePath: string,
  session: Session,
  host: RecordingHost,
  stage: Stage,
  texts: Map<string, string>,
  extraInputs: InputRecord[],
): Promise<DataSet> {
  const { options } = session;
  const allowOutside = options.allowOutsidePaths;
  return timed(stage, 'data', () =>
    loadData(dataRefs(read.outline, read.locate), {
      host,
      diagnostics: stage.diagnostics,
      outlineDir: dirname(outlinePath),
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
}

/**
 * The row a deck of an `each:` outline is built for. Without `row` (or with one the table no
 * longer has) it is an error; an outline without `each:` given a row is one too.
 */
function chooseRow(
  read: OutlineRead,
  row: string | undefined,
  ctx: ResolveContext,
): { plan: EachPlan; index: number } | 'none' | undefined {
  const { outline, locate } = read;
  if (outline.each === undefined) {
    if (row === undefined) return 'none';
    ctx.diagnostics.error('invalid-value', `this outline has no \`each:\`, so it has no deck for a row \`${row}\``);
    return undefined;
  }
  const plan = planEach(outline.each, ctx);
  if (!plan) return undefined;
  if (row === undefined) {
    ctx.diagnostics.error(
      'invalid-value',
      `\`each:\` makes one deck per row of \`${plan.table.key}\`: build the outline with \`briefdeck build\`, or compile one row`,
      locate.at(['each']),
    );
    return undefined;
  }
  const index = plan.ids.indexOf(row);
  if (index < 0) {
    ctx.diagnostics.error(
      'invalid-value',
      `\`${plan.table.key}\` has no row with the id \`${row}\``,
      locate.at(['each']),
      didYouMean(row, plan.ids),
    );
    return undefined;
  }
  ctx.row = rowScope(plan.table, index, row);
  return { plan, index };
}

/** load → validate → data, theme → resolve → lay out. Stops before layout when anything failed. */
async function frontEnd(
  outlinePath: string,
  session: Session,
  host: RecordingHost,
  stage: Stage,
  texts: Map<string, string>,
  extraInputs: InputRecord[],
  row: string | undefined,
): Promise<FrontEnd> {
  const { options } = session;
  const { diagnostics } = stage;
  const none = { usedKeys: 0, cited: 0 };
  const read = await readOutline(outlinePath, session, host, stage, texts);
  if (!read) return none;
  const { outline, locate } = read;
  const outlineDir = dirname(outlinePath);
  const allowOutside = options.allowOutsidePaths;
  const data = await readData(read, outlinePath, session, host, stage, texts, extraInputs);
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
  const resolveCtx = new ResolveContext(locate, data, diagnostics, outline.lang ?? 'en', options.limits);
  const chosen = chooseRow(read, row, resolveCtx);
  const entries = [...data.entries.values()];
  // Without its row, every `row.…` would be one more error about the same mistake.
  if (!chosen) return { outline, usedKeys: 0, cited: 0, data: entries };
  const each: { each?: FrontEnd['each']; rowData?: RowData } = chosen === 'none' ? {} : { each: chosen };
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
  if (chosen !== 'none') {
    const key = chosen.plan.table.key;
    const scoped = !resolveCtx.directKeys.has(key);
    Object.assign(each, {
      rowData: { scoped, sha256: dataFingerprint(data, scoped ? { key, index: chosen.index } : undefined) },
    });
  }
  if (diagnostics.hasInputErrors() || !theme || !read.complete)
    return { outline, usedKeys, cited, data: entries, ...each };
  const laidOut = await timed(stage, 'layout', () => layoutDeck(resolved, createMeasurer(theme.fonts), diagnostics));
  return { deck: laidOut.deck, layout: laidOut.stats, outline, usedKeys, cited, data: entries, ...each };
}

/** The decks one outline makes: itself, or one per row of its `each:` table. */
export interface DeckPlan {
  /** The outline, absolute. */
  outlinePath: string;
  decks: { deckName: string; row?: string }[];
  /** Planning found errors (in `each:`, or the data it needs): the outline's result, with no deck. */
  failed?: CompileResult;
  /** Query results and downloads read while planning (with `linked`, or for an `each:` outline). */
  linked?: InputRecord[];
  /** For an `each:` outline: what the data of a row's deck says now (see RowData). */
  rowData?: (row: string, scoped: boolean) => string | undefined;
}

const baseName = (outlinePath: string) => basename(outlinePath, extname(outlinePath));

/** `regional-brief-east.pptx`: the deck of one row. */
export const rowDeckName = (outlinePath: string, row: string) => `${baseName(outlinePath)}-${row}.pptx`;

/**
 * Which decks an outline makes, reading only what that needs: the outline, and for `each:` its
 * data. With `linked`, the data is read (queries run, downloads fetched) in any case, so that a
 * caller can compare their results with the last build's. An outline that does not even load
 * plans as one deck: its compile reports why.
 */
export async function planDecks(entry: string, session: Session, want: { linked?: boolean } = {}): Promise<DeckPlan> {
  const outlinePath = resolve(session.options.cwd, entry);
  const plain: DeckPlan = { outlinePath, decks: [{ deckName: `${baseName(outlinePath)}.pptx` }] };
  const host = new RecordingHost(session.host);
  const stage: Stage = { diagnostics: new Diagnostics(session.options.strict), timings: {} };
  const texts = new Map<string, string>();
  const extraInputs: InputRecord[] = [];
  const read = await readOutline(outlinePath, session, host, stage, texts);
  if (!read || (read.outline.each === undefined && !want.linked)) return plain;
  const data = await readData(read, outlinePath, session, host, stage, texts, extraInputs);
  if (read.outline.each === undefined) return { ...plain, linked: extraInputs };
  const ctx = new ResolveContext(
    read.locate,
    data,
    stage.diagnostics,
    read.outline.lang ?? 'en',
    session.options.limits,
  );
  const plan = planEach(read.outline.each, ctx);
  if (plan) {
    const key = plan.table.key;
    return {
      outlinePath,
      decks: plan.ids.map((row) => ({ deckName: rowDeckName(outlinePath, row), row })),
      linked: extraInputs,
      rowData: (row, scoped) => {
        const index = plan.ids.indexOf(row);
        return index < 0 ? undefined : dataFingerprint(data, scoped ? { key, index } : undefined);
      },
    };
  }
  const failed: CompileResult = {
    ok: false,
    outline: displayPath(outlinePath, session.options.cwd),
    deckName: plain.decks[0]!.deckName,
    slideCount: 0,
    diagnostics: stage.diagnostics.sorted(),
    texts,
    inputs: [...host.inputs, ...extraInputs],
    report: emptyReport(stage.timings),
  };
  return { ...plain, failed, linked: extraInputs };
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
  const front = await frontEnd(outlinePath, session, host, stage, texts, extraInputs, options.row);
  const slides = front.deck?.slides.length ?? 0;
  const result: CompileResult = {
    ok: false,
    outline: displayPath(outlinePath, session.options.cwd),
    deckName: options.row === undefined ? `${baseName(outlinePath)}.pptx` : rowDeckName(outlinePath, options.row),
    ...(options.row === undefined ? {} : { row: options.row }),
    slideCount: slides,
    diagnostics: [],
    texts,
    inputs: [],
    report: { ...emptyReport(stage.timings), slides, dataKeysUsed: front.usedKeys, sourcesCited: front.cited },
  };
  const { diagnostics } = stage;
  if (front.deck && !diagnostics.hasErrors() && !options.render) {
    // A check draws nothing, yet says what the build would: the labels the pictures leave out.
    const unplaced = await timed(stage, 'charts', () => session.unplacedLabels(front.deck!));
    for (const u of unplaced) reportDroppedLabels(u.chart, u.labels, u.at, diagnostics);
  }
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
  const each = front.each;
  if (each) {
    result.diagnostics = result.diagnostics.map((d) => forRow(d, each.plan, each.index));
    result.eachRow = { key: each.plan.table.key, rowName: snapshotRowName(each.plan.table, each.index) };
    if (front.rowData) result.rowData = front.rowData;
  }
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
            font: deck.style.fonts,
            ...(s.templateLayout?.marks?.length ? { marks: s.templateLayout.marks } : {}),
          }
        : undefined,
    ),
    lang: deck.meta.lang,
  };
}
