import { existsSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { formatDiagnostics, summaryLine } from '../diagnostics/format.js';
import { buildInSession, createSession, planDecks, type CompileResult } from '../index.js';
import { findPreviewTools, MissingToolsError, previewDecks, ToolError, type PreviewTools } from '../preview/index.js';

interface PreviewIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
  cwd: string;
}

export interface PreviewFlags {
  out: string;
  /** PATH to look for soffice and pdftoppm in (tests pass one without them). */
  pathEnv?: string;
}

/**
 * `briefdeck preview <outline | deck.pptx>...`: outlines are built into the preview folder
 * first. 0 written; 1 an outline has errors or LibreOffice failed on a deck; 2 no such file or
 * the tools are not installed (with the Debian packages to install).
 */
export async function previewCommand(inputs: string[], flags: PreviewFlags, io: PreviewIo): Promise<number> {
  let tools: PreviewTools;
  try {
    // The one place the CLI looks at the environment: to find the programs it runs.
    tools = findPreviewTools(flags.pathEnv ?? process.env.PATH);
  } catch (e) {
    if (!(e instanceof MissingToolsError)) throw e;
    io.stderr(`briefdeck: ${e.message}\n`);
    return 2;
  }
  const outDir = resolve(io.cwd, flags.out);
  const decks: string[] = [];
  let failed = false;
  for (const input of inputs) {
    const path = resolve(io.cwd, input);
    if (!existsSync(path)) {
      io.stderr(`briefdeck: no such file: ${input}\n`);
      return 2;
    }
    if (extname(path).toLowerCase() === '.pptx') {
      decks.push(path);
      continue;
    }
    // An outline with `each:` is previewed as each of its decks.
    const session = await createSession({ cwd: io.cwd, outDir });
    try {
      const plan = await planDecks(path, session, { build: true });
      const results: (CompileResult & { output?: string })[] = plan.failed ? [plan.failed] : [];
      for (const { row } of plan.failed ? [] : plan.decks) results.push(await buildInSession(path, session, row));
      for (const r of results) {
        if (r.diagnostics.length) {
          io.stderr(`${formatDiagnostics(r.diagnostics, { color: io.color, sources: r.texts })}\n\n`);
          io.stderr(`${r.outline}: ${summaryLine(r.diagnostics, r.texts)}\n`);
        }
        if (r.ok && r.output) decks.push(resolve(io.cwd, r.output));
        else failed = true;
      }
    } finally {
      await session.close();
    }
  }
  if (!decks.length) return failed ? 1 : 2;
  return (await previewBuilt(decks, outDir, tools, io)) || failed ? 1 : 0;
}

/** Renders decks already written; returns true when LibreOffice or pdftoppm failed. */
export async function previewBuilt(
  decks: string[],
  outDir: string,
  tools: PreviewTools,
  io: PreviewIo,
): Promise<boolean> {
  try {
    const previews = await previewDecks(decks, tools, { outDir });
    const shown = (p: string) => (relative(io.cwd, p).startsWith('..') ? p : relative(io.cwd, p));
    for (const p of previews)
      io.stdout(
        `previewed ${shown(p.deck)}: ${p.slides.length} pages in ${shown(p.pdf)}, contact sheet ${shown(p.contactSheet)}\n`,
      );
    return false;
  } catch (e) {
    if (!(e instanceof ToolError)) throw e;
    io.stderr(`briefdeck: ${e.message}\n`);
    return true;
  }
}
