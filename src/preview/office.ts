import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTool, ToolError } from './run.js';

/** What LibreOffice converts a deck to: a PDF, or a .pptx written by Impress itself. */
export type OfficeTarget = 'pdf' | 'pptx';

const FILTERS: Record<OfficeTarget, string> = {
  pdf: 'pdf:impress_pdf_Export',
  pptx: 'pptx:Impress MS PowerPoint 2007 XML',
};

/**
 * Converts decks with one LibreOffice process (its start-up is most of the time) and returns
 * the output paths, in input order. Each run gets a profile folder of its own, removed after:
 * runs in parallel never share a profile or wait on one another's lock, and a killed run leaves
 * no stale lock behind for the next. Inputs need distinct base names (outputs are named after them).
 */
export async function convertWithOffice(
  soffice: string,
  inputs: string[],
  target: OfficeTarget,
  outDir: string,
  timeoutMs = 180_000,
): Promise<string[]> {
  const names = inputs.map((i) => basename(i, extname(i)));
  if (new Set(names).size !== names.length) throw new ToolError('decks converted together need distinct file names');
  const profile = mkdtempSync(join(tmpdir(), 'briefdeck-lo-'));
  try {
    const result = await runTool(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        FILTERS[target],
        '--outdir',
        outDir,
        ...inputs,
      ],
      timeoutMs,
    );
    const outputs = names.map((n) => join(outDir, `${n}.${target}`));
    const missing = outputs.filter((o) => !existsSync(o));
    if (result.code !== 0 || missing.length)
      throw new ToolError(
        `LibreOffice did not convert ${missing.map((m) => basename(m)).join(', ') || 'the decks'}` +
          ` (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 500)}`,
      );
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
