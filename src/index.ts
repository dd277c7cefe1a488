/** The library API: build or check an outline. Never reads argv, never prints. */
import { basename, extname, join } from 'node:path';
import { compile, type BuildReport, type CompileResult } from './compile.js';
import { rowDeckName } from './plan.js';
import { prepareFolder, removeStale, writeFileAtomic } from './emit.js';
import type { Host } from './host/types.js';
import type { BuildOptions } from './options.js';
import { createSession, type Session } from './session.js';
import { displayPath } from './sources/paths.js';

export type { BuildOptions, ResolvedBuildOptions } from './options.js';
export type { BuildReport, CompileResult } from './compile.js';
export type { Diagnostic, DiagnosticCode, Origin, Severity } from './diagnostics/diagnostic.js';
export type { Host, InputRecord } from './host/types.js';
export type { Session } from './session.js';
export { DIAGNOSTIC_CODES } from './diagnostics/diagnostic.js';
export { diagnosticsToJson, formatDiagnostics, locate, summaryLine } from './diagnostics/format.js';
export { compile } from './compile.js';
export { planDecks, type DeckPlan } from './plan.js';
export { createSession } from './session.js';
export { NodeHost } from './host/node.js';
export { OverlayHost } from './host/overlay.js';

export interface BuildResult extends CompileResult {
  /** The .pptx written (build only, when ok), as users see its path. */
  output?: string;
  /** A deck of an earlier build removed because this one failed. */
  removedStale?: string;
}

export type { BuildReport as Report };

/**
 * Compiles one outline in a session and writes its deck to the output folder, atomically; a
 * failed build removes an earlier deck of the same name so that nobody takes it for this one.
 */
export async function buildInSession(outline: string, session: Session, row?: string): Promise<BuildResult> {
  const { options } = session;
  const outProblem = prepareFolder(
    options.outDir,
    'output folder',
    options.projectDir,
    options.allowOutsidePaths,
    displayPath(options.outDir, options.cwd),
  );
  let result: BuildResult;
  try {
    result = await compile(outline, session, {
      render: !outProblem && !session.cacheProblem,
      ...(row === undefined ? {} : { row }),
    });
  } catch (e) {
    // A bug in briefdeck: the deck of an earlier build must still not pass for this one.
    if (!outProblem)
      removeStale(join(options.outDir, row === undefined ? deckNameOf(outline) : rowDeckName(outline, row)));
    throw e;
  }
  const path = join(options.outDir, result.deckName);
  const shown = displayPath(path, options.cwd);
  for (const problem of [outProblem, session.cacheProblem]) {
    if (!problem) continue;
    result.ok = false;
    delete result.bytes;
    result.diagnostics.push({
      severity: 'error',
      code: 'write-failed',
      message: problem === outProblem ? `cannot write ${shown}: ${problem.message}` : problem.message,
      ...(problem.hint ? { hint: problem.hint } : {}),
    });
  }
  if (result.ok && result.bytes) {
    try {
      writeFileAtomic(path, result.bytes);
      result.output = shown;
    } catch (e) {
      result.ok = false;
      result.diagnostics.push({
        severity: 'error',
        code: 'write-failed',
        message: `cannot write ${shown}: ${(e as Error).message}`,
      });
    }
  }
  // A refused output folder is left alone: removing "the stale deck" there could delete a file elsewhere.
  if (!result.ok && !outProblem && removeStale(path)) result.removedStale = shown;
  return result;
}

const deckNameOf = (outline: string) => `${basename(outline, extname(outline))}.pptx`;

/** What a check looks at beyond what a build checks. */
export interface CheckOptions {
  /** Build the deck in memory and audit it for accessibility (`check --a11y`). */
  a11y?: boolean;
  /** For an outline with `each:`: the row whose deck to check (see planDecks). */
  row?: string;
}

/**
 * Everything a build checks (YAML, schema, data keys, theme, assets, fit), without drawing or
 * writing; with `a11y`, the deck is built in memory and audited too.
 */
export function checkInSession(outline: string, session: Session, check: CheckOptions = {}): Promise<CompileResult> {
  return compile(outline, session, {
    render: !!check.a11y,
    a11y: !!check.a11y,
    ...(check.row === undefined ? {} : { row: check.row }),
  });
}

async function once<T>(options: BuildOptions, host: Host | undefined, run: (s: Session) => Promise<T>): Promise<T> {
  const session = await createSession(options, host ? { host } : {});
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

/** Builds one outline into `<outDir>/<outline-name>.pptx`. Input errors come back as diagnostics, not exceptions. */
export function buildDeck(outline: string, options: BuildOptions = {}, host?: Host): Promise<BuildResult> {
  return once(options, host, (s) => buildInSession(outline, s));
}

/** Everything a build checks (YAML, schema, data keys, theme, assets, fit), without writing. */
export function checkDeck(
  outline: string,
  options: BuildOptions = {},
  host?: Host,
  check: CheckOptions = {},
): Promise<CompileResult> {
  return once(options, host, (s) => checkInSession(outline, s, check));
}
