// Bundles the compiled CLI (dist/cli/bin.js and what it imports) into dist/cli/briefdeck.js, the
// `briefdeck` command. Start-up is most of an unchanged rebuild, and a Node process pays per
// module file (resolve, read, compile): one file for briefdeck's ~100 modules, zod, yaml and
// commander starts in about half the CPU time. Code loaded only on demand (drawing, writing,
// workbooks, inspect) stays in chunks under dist/cli/chunks/ that load when used. Packages that
// are native, loaded by name at run time or large and rarely used stay outside the bundle.
//
//   node scripts/bundle-cli.mjs        (npm run build runs it after tsc)
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
/** Pure JavaScript, needed by every command: inside the bundle. Everything else is imported at run time. */
const BUNDLED = new Set(['zod', 'yaml', 'commander', 'picocolors', 'fastest-levenshtein', 'csv-parse']);
const packageOf = (id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]);

const dir = join(ROOT, 'dist', 'cli');
rmSync(join(dir, 'chunks'), { recursive: true, force: true });
let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch (e) {
  // No bundler (an install without dev dependencies, a platform without its binding): the same
  // command, unbundled, only slower to start.
  console.error(`bundle-cli: rolldown unavailable (${e.message.split('\n')[0]}); dist/cli/briefdeck.js runs bin.js`);
  writeFileSync(join(dir, 'briefdeck.js'), "#!/usr/bin/env node\nimport './bin.js';\n", { mode: 0o755 });
  process.exit(0);
}
const bundle = await rolldown({
  input: { briefdeck: join(dir, 'bin.js') },
  platform: 'node',
  logLevel: 'warn',
  external: (id) => id.startsWith('node:') || (!/^[./]/.test(id) && !BUNDLED.has(packageOf(id))),
});
await bundle.write({
  dir,
  format: 'esm',
  entryFileNames: '[name].js',
  // Names without hashes: the same sources give the same files, and a rebuild replaces them.
  chunkFileNames: 'chunks/[name].js',
});
await bundle.close();
chmodSync(join(dir, 'briefdeck.js'), 0o755);
