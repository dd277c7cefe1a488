import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeck } from '../../src/index.js';
import { REPO, tempProject } from '../helpers/project.js';

/** Every outline shipped in decks/, by file name. */
export const SHIPPED = readdirSync(join(REPO, 'decks'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/**
 * Builds the shipped decks from the repository's own files into a temporary folder and returns
 * the .pptx paths in SHIPPED order. Fails loudly: a deck that does not build is a test failure.
 */
export async function buildShipped(outDir = join(tempProject(), 'out')): Promise<string[]> {
  const paths: string[] = [];
  for (const name of SHIPPED) {
    const r = await buildDeck(`decks/${name}`, { cwd: REPO, outDir, cacheDir: join(outDir, '..', 'cache') });
    if (!r.ok) throw new Error(`decks/${name} did not build: ${JSON.stringify(r.diagnostics)}`);
    paths.push(join(outDir, name.replace(/\.yaml$/, '.pptx')));
  }
  return paths;
}
