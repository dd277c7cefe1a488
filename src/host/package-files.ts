import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Reads briefdeck's own files and its dependencies' package.json: what the chart cache key
 * needs to know about the code, as opposed to the user's inputs, which go through the host.
 */

const require = createRequire(import.meta.url);

/** The version of an installed package, or 'unknown'. */
export async function packageVersion(name: string): Promise<string> {
  // Some packages do not export package.json: walk up from their entry point to find it.
  let dir = dirname(require.resolve(name));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // keep walking up
    }
  }
  return 'unknown';
}

/** Relative module specifiers a module loads at run time: `import type` is erased and not followed. */
const RELATIVE_IMPORT =
  /(?:^|[;\s])(?:import|export)\s+(?!type\s)[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|(?:^|[;\s])import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

const isModule = (name: string) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');

/**
 * A hash of the source of every module in a folder and of every module they import from
 * briefdeck itself, followed to the end: the code that runs when something in that folder
 * runs. Running from source (tests) the modules are .ts, compiled .js; imports name `.js`
 * either way.
 */
export async function moduleTreeHash(folder: URL): Promise<string> {
  return (await moduleTree(folder)).hash;
}

/**
 * The modules moduleTreeHash covers (paths relative to the folder's parent) and their hash.
 * Read synchronously: a few dozen small files of briefdeck's own, each read costing less than
 * a turn of the event loop would.
 */
export async function moduleTree(folder: URL): Promise<{ modules: string[]; hash: string }> {
  const ext = folder.pathname.includes('/src/') ? '.ts' : '.js';
  const dir = fileURLToPath(folder);
  const pending = readdirSync(dir)
    .filter(isModule)
    .map((n) => pathToFileURL(join(dir, n)).href);
  const seen = new Map<string, string>();
  while (pending.length) {
    const url = pending.pop()!;
    if (seen.has(url)) continue;
    const text = readFileSync(fileURLToPath(url), 'utf8');
    seen.set(url, text);
    for (const m of text.matchAll(RELATIVE_IMPORT)) {
      const spec = (m[1] ?? m[2] ?? m[3])!.replace(/\.js$/, ext);
      pending.push(new URL(spec, url).href);
    }
  }
  const root = new URL('..', folder).href;
  const modules = [...seen.keys()].sort();
  const hash = createHash('sha256');
  for (const url of modules) hash.update(`${url.slice(root.length)}\0${seen.get(url)}\0`);
  return {
    modules: modules.map((url) => decodeURIComponent(url.slice(root.length))),
    hash: hash.digest('hex').slice(0, 40),
  };
}

/** Whether a file of briefdeck's own exists (the compiled worker script, say). */
export function packageFileExists(path: string): boolean {
  return existsSync(path);
}
