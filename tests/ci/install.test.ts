import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

/**
 * The package as a user gets it: packed (which runs `prepare`: a clean compile and the schema
 * export) and installed into a folder of its own, where canvas is compiled from source. It takes
 * minutes, so it runs only when asked: BRIEFDECK_TEST_INSTALL=1 npx vitest run tests/ci/install.test.ts
 */
const enabled = process.env.BRIEFDECK_TEST_INSTALL === '1';

const sh = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe.skipIf(!enabled)('briefdeck installed from a packed tarball', () => {
  it('gives a working command that builds, skips unchanged decks and reports one changed figure', () => {
    // Packed from a copy, so that `prepare` (which empties dist/) cannot disturb the checkout.
    const src = mkdtempSync(join(tmpdir(), 'briefdeck-src-'));
    for (const f of [
      'src',
      'templates',
      'assets',
      'schema',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'README.md',
      // `prepare` builds with it, as it does in a git install's clone.
      'scripts/bundle-cli.mjs',
    ])
      cpSync(join(REPO, f), join(src, f), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(src, 'node_modules'));
    const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', src], src)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/cli/briefdeck.js',
        'dist/charts/render-worker.js',
        'schema/outline.schema.json',
        'templates/official.yaml',
        'assets/logo.png',
      ]),
    );
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);

    const user = mkdtempSync(join(tmpdir(), 'briefdeck-user-'));
    writeFileSync(
      join(user, 'package.json'),
      JSON.stringify({ name: 'my-decks', private: true, allowScripts: { canvas: true } }, null, 2),
    );
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(src, packed[0]!.filename)], user);
    const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
    expect(sh('npx', ['--no-install', 'briefdeck', '--version'], user).trim()).toBe(version);

    cpSync(join(REPO, 'decks'), join(user, 'decks'), { recursive: true });
    const first = sh('npx', ['--no-install', 'briefdeck', 'build', 'decks'], user);
    // Every outline's deck, and one per row of an outline with `each:`.
    const n = Number(/(\d+) decks: \1 built, 0 unchanged, 0 failed\n$/.exec(first)?.[1]);
    expect(n).toBeGreaterThan(5);
    expect(readdirSync(join(user, 'out')).filter((f) => f.endsWith('.pptx'))).toHaveLength(n);
    expect(sh('npx', ['--no-install', 'briefdeck', 'build', 'decks'], user)).toMatch(
      new RegExp(`${n} decks: 0 built, ${n} unchanged, 0 failed\\n$`),
    );

    const data = join(user, 'decks/data/chart-gallery.yaml');
    writeFileSync(data, readFileSync(data, 'utf8').replace('[410, 445, 472, 498]', '[410, 445, 472, 499]'));
    const third = sh('npx', ['--no-install', 'briefdeck', 'build', 'decks'], user);
    expect(third).toMatch(new RegExp(`${n} decks: 1 built, ${n - 1} unchanged, 0 failed\\n$`));
    expect(third).toMatch(/demo\.quarterly\[Goods, \S+\]: 498 → 499 \(slides [\d, ]+\)/);
  }, 900_000);
});
