import type { CompileResult } from '../compile.js';
import type { DeckPlan } from '../plan.js';
import { emptyReport } from '../report.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host, InputRecord } from '../host/types.js';
import {
  deckRecord,
  fromManifestPath,
  readManifest,
  writeManifest,
  type Manifest,
  type ManifestDeck,
} from '../incremental/manifest.js';
import { ProbingHost } from '../incremental/probe-host.js';
import type { DeckOutcome, RemovedDeck } from '../incremental/report.js';
import { diffSnapshots, snapshotOf } from '../incremental/snapshot.js';
import { deckPathOf, staleReasons, withLookedAtFiles } from '../incremental/stale.js';
import type { BuildResult } from '../index.js';
import type { BuildOptions } from '../options.js';
import type { Project } from '../project.js';
import { prepareFolder, removeStale } from '../emit.js';
import { createSession, type Session } from '../session.js';
import { displayPath } from '../sources/paths.js';
import { VERSION } from '../version.js';
import { inShard, type Shard } from './shard.js';
import { groupByProject, withProject } from './projects.js';

/** A deck of a batch: built (or failed) with its result, or skipped as unchanged. */
export interface BatchDeck {
  outcome: DeckOutcome;
  result?: BuildResult;
  /** Every file the deck was built from or looked for: what `watch` watches. */
  watch: string[];
}

/** Problems in a project's briefdeck.yaml: its decks are not built. */
export interface ProjectProblem {
  project: Project;
}

export interface BatchResult {
  decks: BatchDeck[];
  projectProblems: ProjectProblem[];
  /** Decks left to other shards. */
  otherShards: number;
  /** Decks of earlier builds removed because their outline no longer makes them (a row gone from `each:`). */
  removed: RemovedDeck[];
}

export interface BatchRequest {
  outlines: string[];
  options: BuildOptions;
  cwd: string;
  project?: string;
  force: boolean;
  shard?: Shard | ((project: Project) => Shard | string | undefined);
  host: Host;
  /** Told as each deck starts and ends: for progress lines, and output that does not wait for the batch. */
  progress?: { start(outline: string, index: number, total: number): void; done(deck: BatchDeck): void };
}

/** One deck to build: an outline, or one row of an outline with `each:`. */
interface Unit {
  outline: string;
  deckName: string;
  row?: string;
  plan: DeckPlan;
  /** Why this deck cannot be built at all (its name is taken by another deck). */
  clash?: CompileResult;
}

function outcomeOf(result: CompileResult, status: DeckOutcome['status'], reasons: string[]): DeckOutcome {
  return {
    outline: result.outline,
    deck: result.deckName,
    ...(result.row === undefined ? {} : { row: result.row }),
    status,
    reasons,
    slides: result.slideCount,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** A result with one error and no deck: for a deck that cannot even be attempted. */
function failedResult(outline: string, deckName: string, diagnostic: Diagnostic, cwd: string): CompileResult {
  return {
    ok: false,
    outline: displayPath(outline, cwd),
    deckName,
    slideCount: 0,
    diagnostics: [diagnostic],
    texts: new Map(),
    inputs: [],
    report: emptyReport(),
  };
}

/**
 * The query results and downloads a deck reads, as they are now: read once per outline (an
 * `each:` outline read them while planning), only when a manifest entry has some to compare.
 */
function linkedNow(unit: Unit, session: Session): () => Promise<InputRecord[] | undefined> {
  let now: Promise<InputRecord[] | undefined> | undefined;
  return () =>
    (now ??= unit.plan.linked
      ? Promise.resolve(unit.plan.linked)
      : import('../plan.js')
          .then(({ planDecks }) => planDecks(unit.outline, session, { linked: true }))
          .then((p) => p.linked));
}

/** For a deck per row: what its data says now, from the data its plan read. */
function rowDataOf(unit: Unit): { rowData?: (scoped: boolean) => string | undefined } {
  const { row } = unit;
  const now = unit.plan.rowData;
  return row === undefined || !now ? {} : { rowData: (scoped) => now(row, scoped) };
}

/** The decks of a project's outlines (one per row for `each:`), and which of them this shard builds. */
async function unitsOf(
  outlines: readonly string[],
  session: Session,
  projectDir: string,
  shard: Shard | undefined,
): Promise<{ mine: Unit[]; others: number; plans: DeckPlan[] }> {
  const plans: DeckPlan[] = [];
  const units: Unit[] = [];
  const owner = new Map<string, string>();
  // Planning reads only the outline (and an `each:` outline's data): it loads no layout, charts or packaging.
  const { planDecks } = await import('../plan.js');
  for (const outline of outlines) {
    const plan = await planDecks(outline, session, { build: true });
    plans.push(plan);
    for (const deck of plan.failed ? plan.decks.slice(0, 1) : plan.decks) {
      const unit: Unit = {
        outline,
        deckName: deck.deckName,
        plan,
        ...(deck.row === undefined ? {} : { row: deck.row }),
      };
      const other = owner.get(deck.deckName);
      if (other !== undefined && other !== outline) {
        unit.clash = failedResult(
          outline,
          deck.deckName,
          {
            severity: 'error',
            code: 'invalid-value',
            message: `${deck.deckName} is also the deck of ${displayPath(other, session.options.cwd)}: one would overwrite the other`,
            hint: 'rename one of the outlines, or give the row another id',
          },
          session.options.cwd,
        );
      } else owner.set(deck.deckName, outline);
      units.push(unit);
    }
  }
  const mine = shard ? units.filter((u) => inShard(u.outline, projectDir, shard, u.row)) : units;
  return { mine, others: units.length - mine.length, plans };
}

/**
 * Decks an earlier build wrote for these outlines that they no longer make (a row left the
 * `each:` table, or `each:` was removed or added): removed with their manifest entries, as a
 * failed build removes its stale deck. An outline whose plan failed keeps nothing.
 */
function removeUnmade(plans: readonly DeckPlan[], manifest: Manifest, outDir: string, cwd: string): RemovedDeck[] {
  const removed: RemovedDeck[] = [];
  for (const plan of plans) {
    const made = new Set(plan.failed ? [] : plan.decks.map((d) => d.deckName));
    for (const [deckName, entry] of Object.entries(manifest.decks)) {
      if (made.has(deckName) || fromManifestPath(outDir, entry.outline) !== plan.outlinePath) continue;
      if (plan.failed && entry.row === undefined) continue; // the outline's own deck: its failed build removes it
      delete manifest.decks[deckName];
      const path = deckPathOf(outDir, deckName);
      removeStale(path);
      removed.push({
        deck: displayPath(path, cwd),
        outline: displayPath(plan.outlinePath, cwd),
        reason: plan.failed
          ? 'its outline has errors'
          : entry.row !== undefined
            ? `the row \`${entry.row}\` is no longer in the outline's \`each:\` table`
            : 'the outline now makes one deck per row',
      });
    }
  }
  return removed;
}

/** Builds one deck unless the manifest shows it unchanged; records it in the manifest when built. */
async function buildOne(
  unit: Unit,
  session: Session,
  probing: ProbingHost,
  manifest: Manifest,
  force: boolean,
): Promise<BatchDeck> {
  const { options } = session;
  const { outline, deckName, row } = unit;
  if (unit.clash || unit.plan.failed) {
    const result = unit.clash ?? unit.plan.failed!;
    return { result, watch: [outline, ...result.inputs.map((i) => i.path)], outcome: outcomeOf(result, 'failed', []) };
  }
  const deckPath = deckPathOf(options.outDir, deckName);
  const previous = manifest.decks[deckName];
  const reasons = force
    ? ['--force']
    : await staleReasons(previous, {
        host: probing,
        outDir: options.outDir,
        outlinePath: outline,
        deckPath,
        version: VERSION,
        options,
        ...(row === undefined ? {} : { row }),
        linked: linkedNow(unit, session),
        ...rowDataOf(unit),
      });
  const recorded = (entry: ManifestDeck) =>
    [entry.outline, ...entry.inputs.map((i) => i.path), ...entry.probes.map((p) => p.path)].map((p) =>
      fromManifestPath(options.outDir, p),
    );
  if (!reasons.length) {
    return {
      watch: recorded(previous!),
      outcome: {
        outline: displayPath(outline, options.cwd),
        deck: deckName,
        ...(row === undefined ? {} : { row }),
        status: 'unchanged',
        reasons: [],
        slides: previous!.slides,
        errors: 0,
        warnings: previous!.warnings,
      },
    };
  }
  probing.begin();
  // The compile pipeline is loaded for the first deck that needs building: an unchanged rebuild
  // does not pay for it.
  const { buildInSession } = await import('../index.js');
  const result = await buildInSession(outline, session, row);
  const shownReasons = previous ? reasons : [];
  if (!result.ok || !result.bytes) {
    delete manifest.decks[deckName];
    const watch = [outline, ...result.inputs.map((i) => i.path), ...probing.probed.map((p) => p.path)];
    return { result, watch, outcome: outcomeOf(result, 'failed', shownReasons) };
  }
  const snapshot = snapshotOf(result.data, result.slideOrigins, result.texts.get(result.outline), result.eachRow);
  const entry = deckRecord({
    outDir: options.outDir,
    outlinePath: outline,
    ...(row === undefined ? {} : { row }),
    ...(result.rowData ? { rowData: result.rowData } : {}),
    version: VERSION,
    options,
    inputs: await withLookedAtFiles(probing, result.inputs, probing.probed),
    probes: probing.probed,
    bytes: result.bytes,
    slides: result.slideCount,
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
    snapshot,
  });
  manifest.decks[deckName] = entry;
  const outcome = outcomeOf(result, 'built', shownReasons);
  if (previous) outcome.changes = diffSnapshots(previous.snapshot, snapshot);
  return { result, watch: recorded(entry), outcome };
}

interface ProjectWork {
  session: Session;
  probing: ProbingHost;
  manifest: Manifest;
  units: Unit[];
  plans: DeckPlan[];
}

/**
 * Builds outlines project by project, one session per project (one chart renderer, shared
 * parses), skipping decks the manifest shows unchanged. A failing deck does not stop the rest.
 */
export async function buildBatch(req: BatchRequest): Promise<BatchResult> {
  const out: BatchResult = { decks: [], projectProblems: [], otherShards: 0, removed: [] };
  const groups = await groupByProject(req.outlines, req.project, req.host, req.cwd, req.options.strict);
  const work: ProjectWork[] = [];
  try {
    for (const { project, outlines } of groups) {
      if (project.diagnostics.some((d) => d.severity === 'error')) {
        out.projectProblems.push({ project });
        continue;
      }
      const shard = typeof req.shard === 'function' ? req.shard(project) : req.shard;
      if (typeof shard === 'string') throw new ShardError(shard);
      const probing = new ProbingHost(req.host);
      const session = await createSession(withProject(req.options, project), { host: probing });
      // A folder the build cannot or may not write into is the command's mistake, not an outline's.
      const { outDir, projectDir, allowOutsidePaths } = session.options;
      const folder = prepareFolder(outDir, 'output folder', projectDir, allowOutsidePaths) ?? session.cacheProblem;
      if (folder) {
        await session.close();
        throw new FolderError(`${folder.message}${folder.hint ? `; ${folder.hint}` : ''}`);
      }
      const manifest = await readManifest(probing, outDir);
      const { mine, others, plans } = await unitsOf(outlines, session, project.dir, shard);
      out.otherShards += others;
      work.push({ session, probing, manifest, units: mine, plans });
    }
    const total = work.reduce((n, w) => n + w.units.length, 0);
    for (const { session, probing, manifest, units, plans } of work) {
      const { outDir } = session.options;
      const removed = removeUnmade(plans, manifest, outDir, session.options.cwd);
      out.removed.push(...removed);
      let attempted = removed.length > 0;
      for (const unit of units) {
        req.progress?.start(deckLabel(displayPath(unit.outline, req.cwd), unit.row), out.decks.length + 1, total);
        const deck = await buildOne(unit, session, probing, manifest, req.force);
        attempted ||= deck.result !== undefined;
        out.decks.push(deck);
        req.progress?.done(deck);
      }
      if (attempted) writeManifest(outDir, manifest);
    }
  } finally {
    for (const { session } of work) await session.close();
  }
  return out;
}

/** `decks/brief.yaml [east]`: an outline, and the row when it makes a deck per row. */
export const deckLabel = (outline: string, row: string | undefined) =>
  row === undefined ? outline : `${outline} [${row}]`;

/** Whether each deck would be built, and why, without building anything. */
export async function deckStatus(req: Omit<BatchRequest, 'force'>): Promise<{
  decks: { outline: string; deck: string; row?: string; reasons: string[] }[];
  projectProblems: ProjectProblem[];
}> {
  const out: Awaited<ReturnType<typeof deckStatus>> = { decks: [], projectProblems: [] };
  for (const { project, outlines } of await groupByProject(req.outlines, req.project, req.host, req.cwd)) {
    if (project.diagnostics.some((d) => d.severity === 'error')) {
      out.projectProblems.push({ project });
      continue;
    }
    const shard = typeof req.shard === 'function' ? req.shard(project) : req.shard;
    if (typeof shard === 'string') throw new ShardError(shard);
    const session = await createSession(withProject(req.options, project), { host: req.host });
    try {
      const { options } = session;
      const manifest = await readManifest(req.host, options.outDir);
      const { mine } = await unitsOf(outlines, session, project.dir, shard);
      for (const unit of mine) {
        const deckPath = deckPathOf(options.outDir, unit.deckName);
        const problem = unit.clash ?? unit.plan.failed;
        const reasons = problem
          ? [`it cannot be built: ${problem.diagnostics.find((d) => d.severity === 'error')?.message ?? 'errors'}`]
          : await staleReasons(manifest.decks[unit.deckName], {
              host: req.host,
              outDir: options.outDir,
              outlinePath: unit.outline,
              deckPath,
              version: VERSION,
              options,
              ...(unit.row === undefined ? {} : { row: unit.row }),
              linked: linkedNow(unit, session),
              ...rowDataOf(unit),
            });
        out.decks.push({
          outline: displayPath(unit.outline, options.cwd),
          deck: displayPath(deckPath, options.cwd),
          ...(unit.row === undefined ? {} : { row: unit.row }),
          reasons,
        });
      }
    } finally {
      await session.close();
    }
  }
  return out;
}

/** A --shard the project's settings make invalid (`--shard 2` with no `shards:`). */
export class ShardError extends Error {}

/** An output or cache folder that cannot be used: a usage error of the whole command. */
export class FolderError extends Error {}
