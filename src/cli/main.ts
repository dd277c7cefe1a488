import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { diagnosticsToJson, formatDiagnostics, plural, summaryLine } from '../diagnostics/format.js';
import type { CompileResult } from '../compile.js';
import { NodeHost } from '../host/node.js';
import type { Host } from '../host/types.js';
import { buildInSession, checkInSession, type BuildResult } from '../index.js';
import type { BuildOptions } from '../options.js';
import { createSession } from '../session.js';
import { prepareFolder } from '../emit.js';
import { LIMIT_NAMES, parseLimitFlag, type Limits } from '../limits.js';
import { inspectCommand } from './inspect.js';
import { previewCommand } from './preview.js';

/** Where the CLI writes: injected so tests can capture it and so only bin.ts touches process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour diagnostics (stderr is a terminal and NO_COLOR is unset). */
  color: boolean;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

interface CommonFlags {
  limit?: Partial<Limits>;
  strict?: boolean;
  format: 'human' | 'json';
  project?: string;
  allowOutsidePaths?: boolean;
  allowNetwork?: boolean;
}

/** Outline files named on the command line; a folder stands for the outlines directly inside it. */
export async function expandOutlines(args: string[], cwd: string, host: Host = new NodeHost()): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = await host.stat(path);
    if (!stat) throw new UsageError(`no such file or folder: ${arg}`);
    if (stat.kind === 'dir') {
      const found: string[] = [];
      for (const f of (await host.list(path)).filter((name) => /\.ya?ml$/i.test(name))) {
        if (await looksLikeOutline(join(path, f), host)) found.push(join(path, f));
      }
      if (!found.length) throw new UsageError(`no outlines in ${arg} (an outline is a .yaml file with \`sections:\`)`);
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

/** Data files and themes in the same folder are not outlines: outlines have top-level `sections:`. */
async function looksLikeOutline(path: string, host: Host): Promise<boolean> {
  try {
    return /^sections\s*:/m.test(await host.readText(path, 'outline'));
  } catch {
    return false;
  }
}

function report(results: (BuildResult | CompileResult)[], flags: CommonFlags, io: Io, written: boolean): number {
  if (flags.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          ok: results.every((r) => r.ok),
          decks: results.map((r) => ({
            outline: r.outline,
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
    for (const r of results) {
      if (r.diagnostics.length) {
        io.stderr(`${formatDiagnostics(r.diagnostics, { color: io.color, sources: r.texts })}\n\n`);
        io.stderr(
          `${r.outline}: ${summaryLine(r.diagnostics, r.texts)}${r.ok ? '' : written ? '; no deck written' : ''}\n`,
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
        const ms = Object.values(r.report.timings).reduce((a, b) => a + b, 0);
        const { shrunk, split } = r.report.layout;
        const fitText = [shrunk ? `${shrunk} shrunk to fit` : '', split ? `${split} continued on extra slides` : '']
          .filter(Boolean)
          .join(', ');
        io.stdout(
          `wrote ${r.output}: ${plural(r.slideCount, 'slide')}${chartText}${fitText ? `, ${fitText}` : ''}, ${(ms / 1000).toFixed(1)} s\n`,
        );
      } else if (!written && r.ok) {
        io.stdout(`${r.outline}: ok, ${plural(r.slideCount, 'slide')}\n`);
      }
    }
  }
  return results.every((r) => r.ok) ? EXIT_OK : EXIT_INPUT;
}

function collectLimit(value: string, previous: Partial<Limits>): Partial<Limits> {
  const parsed = parseLimitFlag(value);
  if (!parsed) throw new InvalidArgumentError(`write it as name=N with a limit name and a whole number above 0`);
  return { ...previous, [parsed[0]]: parsed[1] };
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
  };
}

function program(io: Io, setExit: (code: number) => void): Command {
  const commonOptions = (cmd: Command) =>
    cmd
      .option('--strict', 'treat warnings (unused data, shrunk or split text, …) as errors')
      .addOption(new Option('--format <format>', 'how to print problems').choices(['human', 'json']).default('human'))
      .option(
        '--project <dir>',
        'the project folder that outlines may not reach outside of (default: the working folder)',
      )
      .option('--allow-outside-paths', 'let outlines and themes name files outside the project folder')
      .option('--allow-network', 'let data files read JSON over HTTPS (`url:` entries)')
      .option(
        '--limit <name=n>',
        `raise a limit, e.g. --limit input-bytes=50000000 (repeatable; ${LIMIT_NAMES.map((n) => n.replace(/^max/, '').replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c.toLowerCase()}`)).join(', ')})`,
        collectLimit,
        {},
      );

  const cli = new Command('briefdeck')
    .description('Turn YAML deck outlines and data files into PowerPoint briefing decks.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  commonOptions(
    cli
      .command('build')
      .description('build each outline into <out>/<outline-name>.pptx')
      .argument('<outlines...>', 'outline files, or folders of outlines')
      .option('-o, --out <dir>', 'output folder (default: out/ in the project folder)')
      .option(
        '--cache-dir <dir>',
        'chart cache folder (default: $BRIEFDECK_CACHE_DIR or node_modules/.cache/briefdeck)',
      )
      .option('--no-cache', 'render every chart afresh')
      .option('-j, --jobs <n>', 'worker threads for drawing charts (default: auto, by the number of charts)', parseJobs)
      .option('--preview', 'then render each deck through LibreOffice into <out>/preview (see preview)'),
  ).action(
    async (
      paths: string[],
      flags: CommonFlags & { out?: string; cacheDir?: string; cache?: boolean; jobs?: number; preview?: boolean },
    ) => {
      const outlines = await expandOutlines(paths, io.cwd);
      // One session for the batch: one chart renderer, and shared inputs parsed once.
      const session = await createSession(optionsFrom(flags, io));
      // A folder the build cannot or may not write into is the command's mistake, not an outline's.
      const { outDir, projectDir, allowOutsidePaths } = session.options;
      const folder = prepareFolder(outDir, 'output folder', projectDir, allowOutsidePaths) ?? session.cacheProblem;
      if (folder) {
        await session.close();
        throw new UsageError(`${folder.message}${folder.hint ? `; ${folder.hint}` : ''}`);
      }
      const results: BuildResult[] = [];
      try {
        for (const outline of outlines) results.push(await buildInSession(outline, session));
      } finally {
        await session.close();
      }
      const code = report(results, flags, io, true);
      const written = results.flatMap((r) => (r.output ? [resolve(io.cwd, r.output)] : []));
      setExit(
        flags.preview && written.length
          ? Math.max(code, await previewCommand(written, { out: join(dirname(written[0]!), 'preview') }, io))
          : code,
      );
    },
  );

  commonOptions(
    cli
      .command('check')
      .description('check outlines as a build would (YAML, schema, data keys, theme, assets, text fit) without writing')
      .argument('<outlines...>', 'outline files, or folders of outlines')
      .option('--a11y', 'also build each deck in memory and report what it lacks for accessibility'),
  ).action(async (paths: string[], flags: CommonFlags & { a11y?: boolean }) => {
    const outlines = await expandOutlines(paths, io.cwd);
    const session = await createSession(optionsFrom(flags, io));
    const results: CompileResult[] = [];
    try {
      for (const outline of outlines) results.push(await checkInSession(outline, session, { a11y: !!flags.a11y }));
    } finally {
      await session.close();
    }
    setExit(report(results, flags, io, false));
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
  return cli;
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
