/**
 * The CLI as a process: a bug ends in one line and a saved trace, a killed build leaves the old
 * deck whole and its temporary file is cleaned by the next build, a closed stdout ends quietly.
 * Runs dist/cli/briefdeck.js (npm run build).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { REPO, tempProject } from '../helpers/project.js';
import { outline } from './helpers.js';

const BIN = join(REPO, 'dist/cli/briefdeck.js');

function run(args: string[], cwd: string, nodeArgs: string[] = []) {
  return spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd, encoding: 'utf8' });
}

const temps = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tmp')) : []);

describe('the CLI process', () => {
  it('has been built', () => {
    expect(existsSync(BIN), `${BIN} is missing: run npm run build`).toBe(true);
  });

  it('reports a bug in one line with a saved trace, exits 70, and still removes the stale deck', () => {
    const dir = tempProject({
      'deck.yaml': outline(),
      'out/deck.pptx': 'a deck from an earlier build',
      // A fault injected where only a bug could be: packaging the deck (pptxgenjs adds its parts with JSZip's file()).
      'crash.mjs': `import { createRequire } from 'node:module';\nconst JSZip = createRequire(${JSON.stringify(join(REPO, 'package.json'))})('jszip');\nJSZip.prototype.file = function () { throw new Error('injected fault'); };\n`,
    });
    const r = run(['build', '--no-cache', 'deck.yaml'], dir, ['--import', join(dir, 'crash.mjs')]);
    expect(r.status).toBe(70);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^briefdeck: internal error \(a bug in briefdeck, not in your files\): injected fault; full trace saved to /,
    );
    const trace = /saved to (\S+) —/.exec(lines[0]!)![1]!;
    expect(readFileSync(trace, 'utf8')).toMatch(/injected fault\n\s+at /);
    expect(existsSync(join(dir, 'out', 'deck.pptx'))).toBe(false);
  });

  it('cleans up the temporary file a killed build left, and keeps a running build’s', () => {
    const dir = tempProject({ 'deck.yaml': outline() });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const abandoned = `.deck.pptx.${dead.stdout}.1a2b3c4d.tmp`;
    const live = `.deck.pptx.${process.pid}.5e6f7a8b.tmp`;
    mkdirSync(join(dir, 'out'));
    for (const name of [abandoned, live]) writeFileSync(join(dir, 'out', name), 'partial');
    const r = run(['build', '--no-cache', 'deck.yaml'], dir);
    expect(r.status).toBe(0);
    expect(temps(join(dir, 'out'))).toEqual([live]);
  });

  it('keeps the old deck whole when a build is killed mid-write, and the next build cleans up', async () => {
    // The project is the temporary folder (it has no briefdeck.yaml or package.json): decks go to its out/.
    const dir = tempProject({}, ['decks/opening-up.yaml', 'decks/data/opening-up.yaml']);
    const first = run(['build', '--no-cache', '--project', '.', 'decks/opening-up.yaml'], dir);
    expect(first.status, first.stderr).toBe(0);
    const deck = join(dir, 'out', 'opening-up.pptx');
    const old = readFileSync(deck);
    // Kill builds at several points; whichever moment the signal lands, the deck on disk is a whole one.
    for (const delay of [400, 1500]) {
      // --force: an unchanged deck would be skipped, and the build over before the signal.
      const child = spawn(
        process.execPath,
        [BIN, 'build', '--no-cache', '--force', '--project', '.', 'decks/opening-up.yaml'],
        { cwd: dir },
      );
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(deck);
      expect(now.equals(old), `after a kill at ${delay} ms the deck changed`).toBe(true);
      await JSZip.loadAsync(now);
    }
    const after = run(['build', '--no-cache', '--force', '--project', '.', 'decks/opening-up.yaml'], dir);
    expect(after.status).toBe(0);
    expect(temps(join(dir, 'out'))).toEqual([]);
  }, 300_000);

  it('ends quietly when stdout is closed', async () => {
    const dir = tempProject({ 'deck.yaml': outline() });
    const child = spawn(process.execPath, [BIN, 'check', '--format', 'json', 'deck.yaml', 'deck.yaml'], { cwd: dir });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect([0, 141]).toContain(code);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
