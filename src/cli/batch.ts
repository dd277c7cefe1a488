import { basename, extname } from 'node:path';
import type { CompileResult } from '../compile.js';
import type { Host } from '../host/types.js';
import {
  deckRecord,
  fromManifestPath,
  readManifest,
  writeManifest,
  type Manifest,
  type ManifestDeck,
} from '../incremental/manifest.js';
import { ProbingHost } from '../incremental/probe-host.js';
import type { DeckOutcome } from '../incremental/report.js';
import { diffSnapshots, snapshotOf } from '../incremental/snapshot.js';
import { deckPathOf, staleReasons, withLookedAtFiles } from '../incremental/stale.js';
import type { BuildResult } from '../index.js';
import type { BuildOptions } from '../options.js';
import type { Project } from '../project.js';
import { prepareFolder } from '../emit.js';
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
  /** Outlines left to other shards. */
  otherShards: number;
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

const deckNameOf = (outline: string) => `${basename(outline, extname(outline))}.pptx`;

function outcomeOf(result: CompileResult, status: DeckOutcome['status'], reasons: string[]): DeckOutcome {
  return {
    outline: result.outline,
    deck: result.deckName,
    status,
    reasons,
    slides: result.slideCount,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** Builds one deck unless the manifest shows it unchanged; records it in the manifest when built. */
async function buildOne(
  outline: string,
  session: Session,
  probing: ProbingHost,
  manifest: Manifest,
  force: boolean,
): Promise<BatchDeck> {
  const { options } = session;
  const deckName = deckNameOf(outline);
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
  const result = await buildInSession(outline, session);
  const shownReasons = previous ? reasons : [];
  if (!result.ok || !result.bytes) {
    delete manifest.decks[deckName];
    const watch = [outline, ...result.inputs.map((i) => i.path), ...probing.probed.map((p) => p.path)];
    return { result, watch, outcome: outcomeOf(result, 'failed', shownReasons) };
  }
  const snapshot = snapshotOf(result.data, result.slideOrigins, result.texts.get(result.outline));
  const entry = deckRecord({
    outDir: options.outDir,
    outlinePath: outline,
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

/**
 * Builds outlines project by project, one session per project (one chart renderer, shared
 * parses), skipping decks the manifest shows unchanged. A failing deck does not stop the rest.
 */
export async function buildBatch(req: BatchRequest): Promise<BatchResult> {
  const out: BatchResult = { decks: [], projectProblems: [], otherShards: 0 };
  const groups = await groupByProject(req.outlines, req.project, req.host, req.cwd, req.options.strict);
  const work: { project: Project; outlines: string[] }[] = [];
  for (const { project, outlines } of groups) {
    if (project.diagnostics.some((d) => d.severity === 'error')) {
      out.projectProblems.push({ project });
      continue;
    }
    const shard = typeof req.shard === 'function' ? req.shard(project) : req.shard;
    if (typeof shard === 'string') throw new ShardError(shard);
    const mine = shard ? outlines.filter((o) => inShard(o, project.dir, shard)) : outlines;
    out.otherShards += outlines.length - mine.length;
    if (mine.length) work.push({ project, outlines: mine });
  }
  const total = work.reduce((n, w) => n + w.outlines.length, 0);
  for (const { project, outlines } of work) {
    const probing = new ProbingHost(req.host);
    const session = await createSession(withProject(req.options, project), { host: probing });
    // A folder the build cannot or may not write into is the command's mistake, not an outline's.
    const { outDir, projectDir, allowOutsidePaths } = session.options;
    const folder = prepareFolder(outDir, 'output folder', projectDir, allowOutsidePaths) ?? session.cacheProblem;
    if (folder) {
      await session.close();
      throw new FolderError(`${folder.message}${folder.hint ? `; ${folder.hint}` : ''}`);
    }
    const manifest = await readManifest(probing, session.options.outDir);
    let attempted = false;
    try {
      for (const outline of outlines) {
        req.progress?.start(displayPath(outline, req.cwd), out.decks.length + 1, total);
        const deck = await buildOne(outline, session, probing, manifest, req.force);
        attempted ||= deck.result !== undefined;
        out.decks.push(deck);
        req.progress?.done(deck);
      }
    } finally {
      await session.close();
    }
    if (attempted) writeManifest(session.options.outDir, manifest);
  }
  return out;
}

/** Whether each deck would be built, and why, without building anything. */
export async function deckStatus(
  req: Omit<BatchRequest, 'force'>,
): Promise<{ decks: { outline: string; deck: string; reasons: string[] }[]; projectProblems: ProjectProblem[] }> {
  const out: Awaited<ReturnType<typeof deckStatus>> = { decks: [], projectProblems: [] };
  for (const { project, outlines } of await groupByProject(req.outlines, req.project, req.host, req.cwd)) {
    if (project.diagnostics.some((d) => d.severity === 'error')) {
      out.projectProblems.push({ project });
      continue;
    }
    const shard = typeof req.shard === 'function' ? req.shard(project) : req.shard;
    if (typeof shard === 'string') throw new ShardError(shard);
    const session = await createSession(withProject(req.options, project), { host: req.host });
    const { options } = session;
    const manifest = await readManifest(req.host, options.outDir);
    for (const outline of shard ? outlines.filter((o) => inShard(o, project.dir, shard)) : outlines) {
      const deck = deckNameOf(outline);
      const reasons = await staleReasons(manifest.decks[deck], {
        host: req.host,
        outDir: options.outDir,
        outlinePath: outline,
        deckPath: deckPathOf(options.outDir, deck),
        version: VERSION,
        options,
      });
      out.decks.push({
        outline: displayPath(outline, options.cwd),
        deck: displayPath(deckPathOf(options.outDir, deck), options.cwd),
        reasons,
      });
    }
    await session.close();
  }
  return out;
}

/** A --shard the project's settings make invalid (`--shard 2` with no `shards:`). */
export class ShardError extends Error {}

/** An output or cache folder that cannot be used: a usage error of the whole command. */
export class FolderError extends Error {}
