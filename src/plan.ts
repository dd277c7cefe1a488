import { createHash } from 'node:crypto';
import { basename, dirname, extname, resolve } from 'node:path';
import type { CompileResult } from './compile.js';
import { Diagnostics } from './diagnostics/diagnostic.js';
import { RecordingHost } from './host/record.js';
import type { InputRecord } from './host/types.js';
import type { DataSet } from './model.js';
import { emptyReport } from './report.js';
import type { Locator } from './schema/locator.js';
import type { OutlineInput } from './schema/outline.js';
import { validateOutline } from './schema/validate-outline.js';
import type { Session } from './session.js';
import type { DataFileRef } from './sources/data/index.js';
import { canonicalLanguageTag } from './sources/lang.js';
import { displayPath } from './sources/paths.js';
import { readInputText } from './sources/read.js';
import { fileOrigin } from './sources/origin.js';
import { parseYamlSource, toPlain, yamlLocator } from './sources/yaml.js';

/**
 * Reading an outline (load → parse → validate), its data, and which decks it makes: what a build
 * needs to plan before it compiles. Apart from compile.ts, so that planning an unchanged rebuild
 * loads neither layout, charts nor packaging.
 */

/** What the stages of one compile report: their diagnostics and how long each took. */
export interface Stage {
  diagnostics: Diagnostics;
  timings: Record<string, number>;
}

export const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

export async function timed<T>(stage: Stage, name: string, run: () => T | Promise<T>): Promise<T> {
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

export interface OutlineRead {
  outline: OutlineInput;
  locate: Locator;
  complete: boolean;
}

/** An outline's text that names a chart slide (a hint only: its charts may all be native). */
const CHART_SLIDE = /\btype\s*:\s*["']?chart\b/;

/**
 * load → parse → validate: the outline, or undefined after reporting why not. `willDraw`: the
 * deck is about to be built (its charts drawn), unless it turns out unchanged.
 */
export async function readOutline(
  outlinePath: string,
  session: Session,
  host: RecordingHost,
  stage: Stage,
  texts: Map<string, string>,
  willDraw = false,
): Promise<OutlineRead | undefined> {
  const { options } = session;
  const { diagnostics } = stage;
  const shown = displayPath(outlinePath, options.cwd);
  const text = await timed(stage, 'load', () =>
    readInputText(host, outlinePath, 'outline', shown, diagnostics, fileOrigin(shown)),
  );
  if (text === undefined) return undefined;
  // Before parsing: a worker thread loads chart.js on the other core meanwhile.
  if (willDraw && CHART_SLIDE.test(text)) session.prepareCharts();
  texts.set(shown, text);
  // Planning a build read this outline already: the same text in the same session is parsed
  // and checked once (when that found nothing to say, so that its warnings are said again).
  const before = diagnostics.items.length;
  const key = `outline|${outlinePath}|${createHash('sha256').update(text).digest('hex')}`;
  const validated = session.memo(
    key,
    () => {
      const parseStart = performance.now();
      const source = parseYamlSource(shown, outlinePath, text, diagnostics, options.limits);
      stage.timings.parse = since(parseStart);
      const plain = source && toPlain(source, diagnostics);
      if (!source || !plain) return undefined;
      const locate = yamlLocator(source);
      const validateStart = performance.now();
      const checked = validateOutline(plain.value ?? {}, locate, diagnostics);
      stage.timings.validate = since(validateStart);
      return checked && { ...checked, locate };
    },
    () => diagnostics.items.length === before,
  );
  if (!validated) return undefined;
  const { locate } = validated;
  // `zh-cn` passes the check (tags are case-insensitive) but is written as `zh-CN` everywhere after it.
  const lang = validated.outline.lang;
  const outline = lang ? { ...validated.outline, lang: canonicalLanguageTag(lang) } : validated.outline;
  if (outline.ignore) diagnostics.ignore(outline.ignore);
  return { outline, locate, complete: validated.complete };
}

/**
 * The data files an outline names, with its queries run and downloads fetched (recorded in
 * `extraInputs`). The data adapters load here: planning an outline without `each:` needs none.
 */
export async function readData(
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
  const { loadData } = await import('./sources/data/index.js');
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

export const baseName = (outlinePath: string) => basename(outlinePath, extname(outlinePath));

/** `regional-brief-east.pptx`: the deck of one row. */
export const rowDeckName = (outlinePath: string, row: string) => `${baseName(outlinePath)}-${row}.pptx`;

/**
 * Which decks an outline makes, reading only what that needs: the outline, and for `each:` its
 * data. With `linked`, the data is read (queries run, downloads fetched) in any case, so that a
 * caller can compare their results with the last build's. With `build`, the decks are planned
 * to be built: an outline with chart slides starts the chart worker now (see
 * ChartService.prepare), before a deck it plans may turn out unchanged. An outline that does not
 * even load plans as one deck: its compile reports why.
 */
export async function planDecks(
  entry: string,
  session: Session,
  want: { linked?: boolean; build?: boolean } = {},
): Promise<DeckPlan> {
  const outlinePath = resolve(session.options.cwd, entry);
  const plain: DeckPlan = { outlinePath, decks: [{ deckName: `${baseName(outlinePath)}.pptx` }] };
  const host = new RecordingHost(session.host);
  const stage: Stage = { diagnostics: new Diagnostics(session.options.strict), timings: {} };
  const texts = new Map<string, string>();
  const extraInputs: InputRecord[] = [];
  const read = await readOutline(outlinePath, session, host, stage, texts, want.build);
  if (!read || (read.outline.each === undefined && !want.linked)) return plain;
  const data = await readData(read, outlinePath, session, host, stage, texts, extraInputs);
  if (read.outline.each === undefined) return { ...plain, linked: extraInputs };
  const [{ ResolveContext }, { planEach }, { dataFingerprint }] = await Promise.all([
    import('./resolve/context.js'),
    import('./resolve/each.js'),
    import('./incremental/fingerprint.js'),
  ]);
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
