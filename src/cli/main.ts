import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { diagnosticsToJson, formatDiagnostics, plural, summaryLine } from '../diagnostics/format.js';
import type { CompileResult } from '../compile.js';
import { NodeHost } from '../host/node.js';
import type { Host } from '../host/types.js';
import { watchPaths } from '../host/watch.js';
import type { BuildResult } from '../index.js';
import type { BuildOptions } from '../options.js';
import { writeFileAtomic } from '../emit.js';
import { changeReport, reportMarkdown, type ChangeReport } from '../incremental/report.js';
import { describeChange } from '../incremental/snapshot.js';
import { findProjectDir, loadProject, PROJECT_FILE, type Project } from '../project.js';
import { LIMIT_NAMES, parseLimitFlag, resolveLimits, type Limits } from '../limits.js';
import { createSession } from '../session.js';
import { displayPath } from '../sources/paths.js';
import {
  buildBatch,
  deckLabel,
  deckStatus,
  FolderError,
  ShardError,
  type BatchDeck,
  type BatchRequest,
  type BatchResult,
} from './batch.js';
import { findOutlines, SKIPPED_FOLDERS } from './discover.js';
import { initCommand } from './init.js';
import { themesCommand } from './themes.js';
import { themeImportCommand } from './theme-import.js';
import { groupByProject, withProject } from './projects.js';
import { parseShard, type Shard } from './shard.js';
import { RowRepeats } from './repeats.js';
import { VERSION } from '../version.js';

/** Where the CLI writes: injected so tests can capture it and so only bin.ts touches process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour diagnostics (stderr is a terminal and NO_COLOR is unset). */
  color: boolean;
  /** stderr is a terminal: a batch shows which deck it is on, on one line that it rewrites. */
  progress?: boolean;
  /** `watch` runs until this is aborted (bin.ts aborts it on Ctrl-C). */
  stop?: AbortSignal;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

// inspect and preview are loaded when used: they pull in JSZip, xmldom and the contact sheet's
// drawing code, which a build should not pay for at start-up.
const previewCommand: typeof import('./preview.js').previewCommand = async (...args) =>
  (await import('./preview.js')).previewCommand(...args);
const inspectCommand: typeof import('./inspect.js').inspectCommand = async (...args) =>
  (await import('./inspect.js')).inspectCommand(...args);

interface CommonFlags {
  strict?: boolean;
  format: 'human' | 'json';
  project?: string;
  allowOutsidePaths?: boolean;
  allowNetwork?: boolean;
  limit?: Partial<Limits>;
  theme?: string;
}

/** Outline files named on the command line; a folder stands for the outlines in it and its subfolders. */
export async function expandOutlines(args: string[], cwd: string, host: Host = new NodeHost()): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = await host.stat(path);
    if (!stat) throw new UsageError(`no such file or folder: ${arg}`);
    if (stat.kind === 'dir') {
      const found = await findOutlines(path, host);
      if (!found.length)
        throw new UsageError(
          `no outlines in ${arg} or its subfolders (an outline is a .yaml file with \`sections:\`; ` +
            `${[...SKIPPED_FOLDERS].join(', ')} and hidden folders are not searched)`,
        );
      out.push(...found);
    } else {
      out.push(path);
    }
  }
  const unique = [...new Set(out)];
  // Two outlines named alike would write, or on failure remove, the same deck.
  const byDeck = new Map<string, string>();
  for (const path of unique) {
    const deck = basename(path, extname(path));
    const other = byDeck.get(deck);
    if (other) {
      throw new UsageError(
        `${relative(cwd, other)} and ${relative(cwd, path)} would both write ${deck}.pptx; rename one, or build them separately with different --out folders`,
      );
    }
    byDeck.set(deck, path);
  }
  return unique;
}

function report(results: (BuildResult | CompileResult)[], flags: CommonFlags, io: Io, written: boolean): number {
  if (flags.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          ok: results.every((r) => r.ok),
          decks: results.map((r) => ({
            outline: r.outline,
            ...(r.row === undefined ? {} : { row: r.row }),
            ok: r.ok,
            output: ('output' in r && r.output) || null,
            slides: r.slideCount,
            report: r.report,
            diagnostics: diagnosticsToJson(r.diagnostics, r.texts),
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const repeats = new RowRepeats();
    for (const r of results) printResult(r, io, written, repeats);
  }
  return results.every((r) => r.ok) ? EXIT_OK : EXIT_INPUT;
}

/** One deck's problems (stderr) and its line of output (stdout). */
function printResult(r: BuildResult | CompileResult, io: Io, written: boolean, repeats: RowRepeats): void {
  const label = deckLabel(r.outline, r.row);
  if (r.diagnostics.length) {
    const { fresh, repeated, rows } = repeats.split(r.outline, r.diagnostics);
    if (fresh.length) io.stderr(`${formatDiagnostics(fresh, { color: io.color, sources: r.texts })}\n\n`);
    const shown = !repeated
      ? ''
      : `, ${repeated === r.diagnostics.length ? (repeated === 1 ? 'the same' : 'all the same') : `${repeated} the same`}` +
        ` as for ${rows.length === 1 ? `row \`${rows[0]}\`` : 'earlier rows'} above`;
    io.stderr(
      `${label}: ${summaryLine(r.diagnostics, r.texts)}${shown}${r.ok ? '' : written ? '; no deck written' : ''}\n`,
    );
  }
  if ('removedStale' in r && r.removedStale)
    io.stderr(`removed ${r.removedStale} from an earlier build, so that it is not taken for this one\n`);
  if ('output' in r && r.output) {
    const c = r.report.charts;
    const charts = c.rendered + c.cached + c.native;
    const chartText = charts
      ? `, ${plural(charts, 'chart')} (${c.rendered} rendered, ${c.cached} from cache${c.native ? `, ${c.native} native` : ''})`
      : '';
    const ms = r.report.elapsed;
    const { shrunk, split } = r.report.layout;
    const fitText = [shrunk ? `${shrunk} shrunk to fit` : '', split ? `${split} continued on extra slides` : '']
      .filter(Boolean)
      .join(', ');
    io.stdout(
      `wrote ${r.output}: ${plural(r.slideCount, 'slide')}${chartText}${fitText ? `, ${fitText}` : ''}, ${(ms / 1000).toFixed(1)} s\n`,
    );
  } else if (!written && r.ok) {
    io.stdout(`${label}: ok, ${plural(r.slideCount, 'slide')}\n`);
  }
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError('a whole number from 0 to 64 (0 draws in the main thread)');
  return n;
}

function optionsFrom(
  flags: CommonFlags & { out?: string; cacheDir?: string; cache?: boolean; jobs?: number },
  io: Io,
): BuildOptions {
  return {
    ...(flags.jobs !== undefined ? { workers: flags.jobs } : {}),
    cwd: io.cwd,
    ...(flags.project ? { projectDir: flags.project } : {}),
    ...(flags.out ? { outDir: flags.out } : {}),
    ...(flags.strict ? { strict: true } : {}),
    ...(flags.allowOutsidePaths ? { allowOutsidePaths: true } : {}),
    ...(flags.allowNetwork ? { allowNetwork: true } : {}),
    ...(flags.cache === false ? { cacheDir: false as const } : flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
    ...(flags.limit && Object.keys(flags.limit).length ? { limits: flags.limit } : {}),
    ...(flags.theme ? { themeOverride: flags.theme } : {}),
  };
}

/** The file system, read within the size limits the command gives (--limit input-bytes=…). */
function hostFor(flags: Pick<CommonFlags, 'limit'>): NodeHost {
  const limits = resolveLimits(flags.limit);
  return new NodeHost({ maxInputBytes: limits.maxInputBytes, maxFontBytes: limits.maxFontBytes });
}

function collectLimit(value: string, previous: Partial<Limits>): Partial<Limits> {
  const parsed = parseLimitFlag(value);
  if (!parsed) throw new InvalidArgumentError(`write it as name=N with a limit name and a whole number above 0`);
  return { ...previous, [parsed[0]]: parsed[1] };
}

type BuildFlags = CommonFlags & {
  out?: string;
  cacheDir?: string;
  cache?: boolean;
  jobs?: number;
  force?: boolean;
  shard?: string;
  report?: string;
};

/**
 * The outlines to work on: those named, else the `decks:` of the briefdeck.yaml at or above
 * the working folder, so that CI can run a bare `briefdeck build`.
 */
async function outlinesOrDefault(paths: string[], cwd: string, host: Host): Promise<string[]> {
  if (paths.length) return paths;
  const found = await findProjectDir(join(cwd, PROJECT_FILE), host);
  const project = await loadProject(found.dir, found.reason, host, cwd);
  const decks = project.settings.decks;
  if (!decks)
    throw new UsageError(
      `name the outlines or folders of outlines to use (or list them under decks: in ${PROJECT_FILE})`,
    );
  return (typeof decks === 'string' ? [decks] : decks).map((d) => resolve(project.dir, d));
}

/** `--shard K/N`, or `K` with the count from each project's briefdeck.yaml. */
function shardOf(text: string | undefined): Shard | ((project: Project) => Shard | string) | undefined {
  if (text === undefined) return undefined;
  const fixed = parseShard(text);
  if (typeof fixed !== 'string') return fixed;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(fixed);
  return (project: Project) => parseShard(text, project.settings.shards);
}

/** Problems in a project's briefdeck.yaml, printed; true when they stop its decks. */
function printProjectProblems(project: Project, io: Io): boolean {
  if (!project.diagnostics.length) return false;
  io.stderr(`${formatDiagnostics(project.diagnostics, { color: io.color, sources: project.texts })}\n\n`);
  const failed = project.diagnostics.some((d) => d.severity === 'error');
  if (failed) io.stderr(`no deck of ${displayPath(project.dir, io.cwd)} built or checked: fix ${PROJECT_FILE} first\n`);
  return failed;
}

/** --report report.json writes report.json and report.md (and --report x.md the same pair). */
function writeReport(path: string, report: ChangeReport): void {
  const stem = /\.(json|md)$/i.test(path) ? path.replace(/\.(json|md)$/i, '') : path;
  writeFileAtomic(`${stem}.json`, Buffer.from(`${JSON.stringify(report, null, 2)}\n`));
  writeFileAtomic(`${stem}.md`, Buffer.from(reportMarkdown(report)));
}

/** One deck of a batch as lines: built (with why, and what changed), failed, or unchanged. */
function printDeck({ outcome, result }: BatchDeck, io: Io, repeats: RowRepeats): void {
  if (!result) {
    io.stdout(`unchanged ${outcome.deck} (${outcome.outline}): inputs as at the last build\n`);
    return;
  }
  printResult(result, io, true, repeats);
  if (outcome.reasons.length) io.stdout(`  rebuilt: ${outcome.reasons.join('; ')}\n`);
  for (const v of outcome.changes?.values ?? []) io.stdout(`  ${describeChange(v)}\n`);
  for (const a of outcome.changes?.slidesAdded ?? []) io.stdout(`  slide ${a.slide} added: ${a.label}\n`);
  for (const r of outcome.changes?.slidesRemoved ?? []) io.stdout(`  slide ${r.slide} removed: ${r.label}\n`);
}

/**
 * Each deck's lines as soon as it is done, so a long batch shows its progress in a CI log; on a
 * terminal, also a line saying which deck is being built, rewritten in place and cleared after.
 */
function progressLines(io: Io): NonNullable<BatchRequest['progress']> {
  const repeats = new RowRepeats();
  return {
    start(outline, index, total) {
      if (io.progress && total > 1) io.stderr(`\r\x1b[K[${index}/${total}] building ${outline}…`);
    },
    done(deck) {
      if (io.progress) io.stderr('\r\x1b[K');
      printDeck(deck, io, repeats);
    },
  };
}

/** A batch's problems in briefdeck.yaml and its count; the decks were printed as they finished. */
function printBuild(batch: BatchResult, changes: ChangeReport, flags: BuildFlags, io: Io): number {
  let code = EXIT_OK;
  for (const { project } of batch.projectProblems) if (printProjectProblems(project, io)) code = EXIT_INPUT;
  if (batch.decks.some((d) => d.outcome.status === 'failed')) code = EXIT_INPUT;
  if (flags.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          ok: code === EXIT_OK,
          summary: changes.summary,
          removed: changes.removed,
          decks: batch.decks.map(({ outcome, result: r }) => ({
            ...outcome,
            ok: outcome.status !== 'failed',
            output: r?.output ?? null,
            ...(r ? { report: r.report, diagnostics: diagnosticsToJson(r.diagnostics, r.texts) } : {}),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return code;
  }
  // Each deck was printed as it finished (progressLines); what is left is the count.
  for (const r of batch.removed) io.stdout(`removed ${r.deck}: ${r.reason}\n`);
  const { built, unchanged, failed } = changes.summary;
  if (batch.decks.length > 1 || unchanged || batch.otherShards) {
    io.stdout(
      `${plural(batch.decks.length, 'deck')}: ${built} built, ${unchanged} unchanged, ${failed} failed` +
        `${batch.otherShards ? `; ${batch.otherShards} left to other shards (${flags.shard})` : ''}\n`,
    );
  }
  return code;
}

function program(io: Io, setExit: (code: number) => void): Command {
  const commonOptions = (cmd: Command) =>
    cmd
      .option('--strict', 'treat warnings (unused data, shrunk or split text, …) as errors')
      .addOption(new Option('--format <format>', 'how to print problems').choices(['human', 'json']).default('human'))
      .option(
        '--project <dir>',
        'the project folder that outlines may not reach outside of (default: the nearest folder above the outline ' +
          "with briefdeck.yaml, package.json or .git, else the outline's folder)",
      )
      .option('--allow-outside-paths', 'let outlines and themes name files outside the project folder')
      .option('--allow-network', 'let data files read JSON over HTTPS (`url:` entries)')
      .option('--theme <name|file>', "use this theme instead of the outline's for this run (see `briefdeck themes`)")
      .option(
        '--limit <name=n>',
        `raise a limit, e.g. --limit input-bytes=50000000 (repeatable; ${LIMIT_NAMES.map((n) => n.replace(/^max/, '').replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c.toLowerCase()}`)).join(', ')})`,
        collectLimit,
        {},
      );

  const cli = new Command('briefdeck')
    .description('Turn YAML deck outlines and data files into PowerPoint briefing decks.')
    .version(VERSION, '-V, --version', 'print the version of briefdeck')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  commonOptions(
    cli
      .command('build')
      .description(
        'build each outline into <out>/<outline-name>.pptx, skipping decks whose inputs are unchanged since the last build',
      )
      .argument('[outlines...]', 'outline files, or folders of outlines (default: decks: in briefdeck.yaml)')
      .option('-o, --out <dir>', 'output folder (default: out/ in the project folder)')
      .option(
        '--cache-dir <dir>',
        'chart cache folder (default: $BRIEFDECK_CACHE_DIR or node_modules/.cache/briefdeck)',
      )
      .option('--no-cache', 'render every chart afresh')
      .option('-j, --jobs <n>', 'worker threads for drawing charts (default: auto, by the number of charts)', parseJobs)
      .option('--force', 'build every deck, even those whose inputs are unchanged')
      .option('--shard <K/N>', 'build only the K-th of N parts of the decks (for a CI matrix of N runners)')
      .option('--report <file>', 'write what was built and what changed as JSON, and as Markdown beside it')
      .option('--preview', 'then render each deck built through LibreOffice into <out>/preview (see preview)'),
  ).action(async (paths: string[], flags: BuildFlags & { preview?: boolean }) => {
    const host = hostFor(flags);
    const outlines = await expandOutlines(await outlinesOrDefault(paths, io.cwd, host), io.cwd, host);
    const shard = shardOf(flags.shard);
    const human = flags.format !== 'json';
    const batch = await buildBatch({
      outlines,
      options: optionsFrom(flags, io),
      cwd: io.cwd,
      force: flags.force ?? false,
      host,
      ...(human ? { progress: progressLines(io) } : {}),
      ...(flags.project ? { project: flags.project } : {}),
      ...(shard ? { shard } : {}),
    }).catch((e: unknown) => {
      throw e instanceof ShardError || e instanceof FolderError ? new UsageError(e.message) : e;
    });
    const changes = changeReport(
      batch.decks.map((d) => d.outcome),
      flags.shard,
      batch.removed,
    );
    if (flags.report) writeReport(resolve(io.cwd, flags.report), changes);
    const code = printBuild(batch, changes, flags, io);
    // Decks skipped as unchanged keep the previews of the build that wrote them.
    const written = batch.decks.flatMap((d) => (d.result?.output ? [resolve(io.cwd, d.result.output)] : []));
    setExit(
      flags.preview && written.length
        ? Math.max(code, await previewCommand(written, { out: join(dirname(written[0]!), 'preview') }, io))
        : code,
    );
  });

  commonOptions(
    cli
      .command('check')
      .description('check outlines as a build would (YAML, schema, data keys, theme, assets, text fit) without writing')
      .argument('[outlines...]', 'outline files, or folders of outlines (default: decks: in briefdeck.yaml)')
      .option('--a11y', 'also build each deck in memory and report what it lacks for accessibility'),
  ).action(async (paths: string[], flags: CommonFlags & { a11y?: boolean }) => {
    const host = hostFor(flags);
    const outlines = await expandOutlines(await outlinesOrDefault(paths, io.cwd, host), io.cwd, host);
    const results: CompileResult[] = [];
    let code = EXIT_OK;
    for (const { project, outlines: mine } of await groupByProject(
      outlines,
      flags.project,
      host,
      io.cwd,
      flags.strict,
    )) {
      if (printProjectProblems(project, io)) {
        code = EXIT_INPUT;
        continue;
      }
      // One session per project: one set of settings, shared inputs parsed once.
      const session = await createSession(withProject(optionsFrom(flags, io), project), { host });
      try {
        const { checkInSession, planDecks } = await import('../index.js');
        for (const outline of mine) {
          // An outline with `each:` is checked as each of its decks, one per row.
          const plan = await planDecks(outline, session);
          if (plan.failed) {
            results.push(plan.failed);
            continue;
          }
          for (const { row } of plan.decks)
            results.push(
              await checkInSession(outline, session, { a11y: !!flags.a11y, ...(row === undefined ? {} : { row }) }),
            );
        }
      } finally {
        await session.close();
      }
    }
    setExit(Math.max(code, report(results, flags, io, false)));
  });

  commonOptions(
    cli
      .command('status')
      .description('list the decks a build would rebuild, and why (changed inputs, options, briefdeck version)')
      .argument('[outlines...]', 'outline files, or folders of outlines (default: decks: in briefdeck.yaml)')
      .option('-o, --out <dir>', 'output folder (default: out/ in the project folder)')
      .option('--shard <K/N>', 'only the K-th of N parts of the decks'),
  ).action(async (paths: string[], flags: CommonFlags & { out?: string; shard?: string }) => {
    const host = hostFor(flags);
    const outlines = await expandOutlines(await outlinesOrDefault(paths, io.cwd, host), io.cwd, host);
    const shard = shardOf(flags.shard);
    const status = await deckStatus({
      outlines,
      options: optionsFrom(flags, io),
      cwd: io.cwd,
      host,
      ...(flags.project ? { project: flags.project } : {}),
      ...(shard ? { shard } : {}),
    }).catch((e: unknown) => {
      throw e instanceof ShardError || e instanceof FolderError ? new UsageError(e.message) : e;
    });
    let code = EXIT_OK;
    for (const { project } of status.projectProblems) if (printProjectProblems(project, io)) code = EXIT_INPUT;
    if (flags.format === 'json') {
      io.stdout(
        `${JSON.stringify({ decks: status.decks.map((d) => ({ ...d, stale: d.reasons.length > 0 })) }, null, 2)}\n`,
      );
    } else {
      for (const d of status.decks) {
        const label = deckLabel(d.outline, d.row);
        if (!d.reasons.length) io.stdout(`${label}: up to date (${d.deck})\n`);
        else io.stdout(`${label}: stale\n${d.reasons.map((r) => `  ${r}\n`).join('')}`);
      }
      const stale = status.decks.filter((d) => d.reasons.length).length;
      io.stdout(`${plural(stale, 'deck')} of ${status.decks.length} to build\n`);
    }
    setExit(code);
  });
  commonOptions(
    cli
      .command('watch')
      .description('build, then build again each time an outline or anything it uses is saved, until Ctrl-C')
      .argument('<outlines...>', 'outline files, or folders of outlines')
      .option('-o, --out <dir>', 'output folder (default: out/ in the project folder)')
      .option('--cache-dir <dir>', 'chart cache folder')
      .option('--no-cache', 'render every chart afresh')
      .option('-j, --jobs <n>', 'worker threads for drawing charts', parseJobs),
  ).action(async (paths: string[], flags: BuildFlags) => {
    for (;;) {
      // A fresh host each round: a host keeps what it has served, and a watch can run for days.
      const host = hostFor(flags);
      const watched = new Set<string>();
      try {
        const outlines = await expandOutlines(paths, io.cwd, host);
        for (const o of outlines) watched.add(o);
        const batch = await buildBatch({
          outlines,
          options: optionsFrom(flags, io),
          cwd: io.cwd,
          force: false,
          host,
          progress: progressLines(io),
          ...(flags.project ? { project: flags.project } : {}),
        });
        for (const { project } of batch.projectProblems) {
          printProjectProblems(project, io);
          watched.add(join(project.dir, PROJECT_FILE));
        }
        for (const deck of batch.decks) for (const p of deck.watch) watched.add(p);
      } catch (e) {
        // A named outline deleted or renamed: say so, and wait for it to come back.
        if (!(e instanceof UsageError)) throw e;
        io.stderr(`briefdeck: ${e.message}\n`);
        for (const p of paths) watched.add(resolve(io.cwd, p));
      }
      io.stdout(`watching ${plural(watched.size, 'file')} for changes (Ctrl-C to stop)\n`);
      const changed = await nextChange(watched, io.stop);
      if (!changed) break;
      io.stdout(`\n${displayPath(changed, io.cwd)} changed\n`);
    }
    setExit(EXIT_OK);
  });

  cli
    .command('inspect')
    .description('print a .pptx as a slide-by-slide text outline: titles, text, tables, charts, alt text, notes')
    .argument('<deck>', 'a .pptx file')
    .addOption(new Option('--format <format>', 'text, or JSON').choices(['text', 'json']).default('text'))
    .action(async (deck: string, flags: { format: 'text' | 'json' }) => setExit(await inspectCommand(deck, flags, io)));

  cli
    .command('preview')
    .description('render decks through LibreOffice: a PDF, one PNG per slide and a contact sheet')
    .argument('<decks...>', 'outlines (built first) or .pptx files')
    .option('-o, --out <dir>', 'output folder', 'out/preview')
    .action(async (decks: string[], flags: { out: string }) => setExit(await previewCommand(decks, flags, io)));

  cli
    .command('themes')
    .description("list the themes an outline can name: the project's templates/ and briefdeck's own")
    .option('--project <dir>', 'the project folder (default: the nearest above the working folder)')
    .action(async (flags: { project?: string }) => setExit(await themesCommand(flags, io)));
  cli
    .command('init')
    .description('start a deck: NAME.yaml and data/NAME.yaml that build at once (and, with --theme, a theme copy)')
    .argument('<name>', 'the deck name: letters, digits, - and _')
    .option('--theme <name>', 'copy this theme into templates/ for the deck to use and adjust')
    .action(async (name: string, flags: { theme?: string }) => setExit(await initCommand(name, flags, io)));
  cli
    .command('theme')
    .description("work with themes: import an organisation's PowerPoint template")
    .command('import')
    .description(
      'write an editable theme YAML from a .potx/.pptx template: its colours, fonts, size and the layout for each kind of slide',
    )
    .argument('<template>', 'a .potx or .pptx file')
    .option('-o, --out <file>', 'the theme file to write (default: beside the template, same name, .yaml)')
    .option('--force', 'replace the theme file if it exists')
    .action(async (file: string, flags: { out?: string; force?: boolean }) =>
      setExit(await themeImportCommand(file, flags, io)),
    );
  return cli;
}

/**
 * The first of `paths` to change, once the burst of writes a save makes is over (an editor may
 * write, truncate and rename within milliseconds); undefined when `stop` is aborted first.
 */
function nextChange(paths: Set<string>, stop: AbortSignal | undefined): Promise<string | undefined> {
  return new Promise((done) => {
    if (stop?.aborted) return done(undefined);
    let first: string | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const finish = (path: string | undefined) => {
      watcher.close();
      stop?.removeEventListener('abort', onStop);
      if (settle) clearTimeout(settle);
      done(path);
    };
    const onStop = () => finish(undefined);
    const watcher = watchPaths(paths, (path) => {
      first ??= path;
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => finish(first), 150);
    });
    stop?.addEventListener('abort', onStop);
  });
}

/** Runs the CLI; returns the exit code. Never calls process.exit. */
export async function main(argv: string[], io: Io): Promise<number> {
  let code = EXIT_OK;
  const cli = program(io, (c) => (code = c));
  if (argv.length === 0) {
    io.stderr(cli.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await cli.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version'
        ? EXIT_OK
        : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr(`briefdeck: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
