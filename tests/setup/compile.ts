import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * Compiles src/ into dist/ once before any test runs. Tests import src/ directly, but two
 * things they start run compiled code: chart worker threads (a worker cannot load .ts) and
 * the CLI run as a child process (dist/cli/briefdeck.js, bundled from the compiled files).
 * Compiling here makes both run the code under test, never a
 * dist/ left from an older checkout. tsc rather than a TypeScript loader in each worker: one
 * step fixes both, adds no dependency, and keeps workers as they run in production.
 * Incremental, so an unchanged tree costs a couple of seconds.
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '..', '..');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(root, 'tsconfig.json'),
      '--incremental',
      '--tsBuildInfoFile',
      join(root, 'node_modules', '.cache', 'briefdeck-tsc', 'tsbuildinfo'),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  // The CLI users run is the bundle of that compiled code (npm run build does the same).
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle-cli.mjs')], { cwd: root, stdio: 'inherit' });
}
