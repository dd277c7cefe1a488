import { reportDroppedLabels } from './charts/dropped.js';
import { dirname, resolve } from 'node:path';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { RecordingHost } from './host/record.js';
import type { InputRecord } from './host/types.js';
import { layoutDeck } from './layout/index.js';
import type { TemplatePlan } from './pptx/on-template.js';
import { checkDeckLimits } from './limits.js';
import { createMeasurer } from './layout/measure.js';
import type { ChartStats, DataEntry, LaidOutDeck, LayoutStats, RenderedDeck, Theme } from './model.js';
import type { Origin } from './sources/origin.js';
import { zipSafe } from './options.js';
import { ResolveContext, rowScope } from './resolve/context.js';
import { forRow, planEach, type EachPlan } from './resolve/each.js';
import { didYouMean } from './diagnostics/hints.js';
import { resolveDeck } from './resolve/deck.js';
import { checkFreshness } from './resolve/freshness.js';
import { BASE_THEME, mergeThemes } from './resolve/theme.js';
import type { OutlineInput } from './schema/outline.js';
import type { Session } from './session.js';
import { displayPath } from './sources/paths.js';
import { emptyReport } from './report.js';
import { loadLogo, loadThemeChain, type ThemeLocations } from './sources/theme/index.js';
import { checkLayoutNames, layoutNamesOf } from './sources/theme/template.js';
import { snapshotRowName, type SnapshotRow } from './incremental/snapshot.js';
import { dataFingerprint } from './incremental/fingerprint.js';
import { baseName, readData, readOutline, rowDeckName, since, timed, type OutlineRead, type Stage } from './plan.js';

export interface BuildReport {
  slides: number;
  charts: ChartStats;
  /** Texts set smaller than the theme size, and slides continued onto further slides, to fit. */
  layout: { shrunk: number; split: number };
  dataKeysUsed: number;
  sourcesCited: number;
  /** Milliseconds per stage; 'charts' and 'pptx' overlap (the deck is written while its pictures are drawn). */
  timings: Record<string, number>;
  /** Milliseconds from the start of the compile to its end. */
  elapsed: number;
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

/**
 * Whether building the outline will likely draw a picture: a chart slide not set to `native`
 * (a theme could still make it native; then the hint only started a worker early).
 */
function mayDrawCharts(outline: OutlineInput): boolean {
  const pictures = (value: unknown, native: boolean): boolean => {
    if (Array.isArray(value)) return value.some((v) => pictures(v, native));
    if (!value || typeof value !== 'object') return false;
    const node = value as Record<string, unknown>;
    const render = (node.chart as Record<string, unknown> | undefined)?.render;
    if (node.type === 'chart') return render === undefined ? !native : render !== 'native';
    return Object.values(node).some((v) => pictures(v, native));
  };
  return pictures(outline.sections, outline.charts === 'native');
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
  render: boolean,
): Promise<FrontEnd> {
  const { options } = session;
  const { diagnostics } = stage;
  const none = { usedKeys: 0, cited: 0 };
  const read = await readOutline(outlinePath, session, host, stage, texts);
  if (!read) return none;
  const { outline, locate } = read;
  if (render && mayDrawCharts(outline)) session.prepareCharts();
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
  const ahead = render ? session.chartAhead.bind(session) : undefined;
  const laidOut = await timed(stage, 'layout', () =>
    layoutDeck(resolved, createMeasurer(theme.fonts), diagnostics, ahead),
  );
  return { deck: laidOut.deck, layout: laidOut.stats, outline, usedKeys, cited, data: entries, ...each };
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
  const started = performance.now();
  const outlinePath = resolve(session.options.cwd, entry);
  const host = new RecordingHost(session.host);
  const stage: Stage = { diagnostics: new Diagnostics(session.options.strict), timings: {} };
  const texts = new Map<string, string>();
  const extraInputs: InputRecord[] = [];
  const front = await frontEnd(outlinePath, session, host, stage, texts, extraInputs, options.row, options.render);
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
    const chartsStart = performance.now();
    const drawing = await session.drawCharts(front.deck);
    result.report.charts = drawing.stats;
    const finished = drawing.finished.then((outcome) => {
      stage.timings.charts = since(chartsStart);
      return outcome;
    });
    // The deck is written while its pictures are drawn: packaging waits only for the last one.
    const [bytes, { failures, unplaced }] = await Promise.all([
      packageDeck(drawing.deck, session.options.timestamp, front.outline, stage),
      finished,
    ]);
    for (const u of unplaced) reportDroppedLabels(u.chart, u.labels, u.at, diagnostics);
    for (const f of failures) {
      const title = f.chart.title ? ` "${f.chart.title}"` : '';
      diagnostics.error(
        'chart-render-failed',
        `the chart${title} on slide ${f.slide} could not be drawn: ${f.message}`,
        f.at,
      );
    }
    if (!failures.length) result.bytes = bytes;
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
  result.report.elapsed = since(started);
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
    return finishPackage(written.parts, {
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
