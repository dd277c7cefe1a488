import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTool, ToolError } from './run.js';

/**
 * One PNG per PDF page with pdftoppm, named `<prefix>-<n>.png` (pdftoppm pads n to the page
 * count's width). Returns the files in page order.
 */
export async function pdfToPngs(
  pdftoppm: string,
  pdf: string,
  outDir: string,
  prefix: string,
  dpi = 96,
  timeoutMs = 120_000,
): Promise<string[]> {
  const result = await runTool(pdftoppm, ['-r', String(dpi), '-png', pdf, join(outDir, prefix)], timeoutMs);
  if (result.code !== 0) throw new ToolError(`pdftoppm could not read ${pdf}: ${result.stderr.trim().slice(0, 300)}`);
  const page = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  return readdirSync(outDir)
    .filter((f) => page.test(f))
    .sort((a, b) => Number(page.exec(a)![1]) - Number(page.exec(b)![1]))
    .map((f) => join(outDir, f));
}
