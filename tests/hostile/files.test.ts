import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { tempProject } from '../helpers/project.js';
import { outline } from './helpers.js';

const withData = (file: string) => outline(`data: ${file}\n`);

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd });
  return { code, out, err };
}

describe('only regular files, of a sane size and encoding, are read', () => {
  it('reports a FIFO named as data instead of waiting for a writer', async () => {
    const dir = tempProject({ 'deck.yaml': withData('data.yaml') });
    execFileSync('mkfifo', [join(dir, 'data.yaml')]);
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)).toEqual([
      expect.objectContaining({ code: 'file-unreadable', file: 'deck.yaml', line: 2, column: 7 }),
    ]);
    expect(r.diagnostics[0]!.message).toMatch(/data\.yaml is not a regular file/);
  });

  it('names the outline itself when it cannot be read, in text and in JSON', async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('title: Caf\xe9\n', 'latin1'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    for (const name of ['pipe.yaml', 'latin1.yaml']) {
      const r = await checkDeck(name, { cwd: dir });
      expect(located(r)).toEqual([expect.objectContaining({ file: name })]);
      const printed = await cli(['check', name], dir);
      expect(printed.code).toBe(1);
      expect(printed.err + printed.out).toMatch(new RegExp(`^${name.replace('.', '\\.')}: error: `, 'm'));
    }
  });

  it('passes over a FIFO *.yaml in a folder being checked', async () => {
    const dir = tempProject({ 'deck.yaml': outline() });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = await cli(['check', '.'], dir);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/deck\.yaml: ok/);
  });

  it('reports a character device named as data instead of reading it without end', async () => {
    const dir = tempProject({ 'deck.yaml': withData('/dev/zero') });
    const r = await checkDeck('deck.yaml', { cwd: dir, allowOutsidePaths: true });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unsupported-file-type']);
    const yaml = tempProject({ 'deck.yaml': withData('zero.yaml') });
    execFileSync('ln', ['-s', '/dev/zero', join(yaml, 'zero.yaml')]);
    const r2 = await checkDeck('deck.yaml', { cwd: yaml, allowOutsidePaths: true });
    expect(r2.diagnostics[0]).toMatchObject({ code: 'file-unreadable' });
    expect(r2.diagnostics[0]!.message).toMatch(/not a regular file/);
  });

  it('caps the bytes of one input, naming the option that raises the cap', async () => {
    const dir = tempProject({
      'deck.yaml': withData('data.yaml'),
      'data.yaml': `k: { value: 1, unit: x }\n#${'x'.repeat(3000)}\n`,
    });
    const r = await checkDeck('deck.yaml', { cwd: dir, limits: { maxInputBytes: 2048 } });
    const data = located(r).find((d) => d.file === 'deck.yaml');
    expect(data).toMatchObject({ code: 'input-too-large', line: 2, column: 7 });
    expect(data!.message).toMatch(/^data\.yaml is 3\.0 KB, over the size limit/);
    expect(data!.suggestion).toContain('--limit input-bytes=N (limits.maxInputBytes)');
    const raised = await checkDeck('deck.yaml', { cwd: dir, limits: { maxInputBytes: 1_000_000 } });
    expect(raised.ok).toBe(true);
  });

  it('recognises UTF-16 and Latin-1 files and says so', async () => {
    const dir = tempProject({ 'deck.yaml': withData('data.yaml'), 'latin.yaml': outline('author: x\n') });
    writeFileSync(join(dir, 'data.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('k: 1\n', 'utf16le')]));
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(r.diagnostics[0]).toMatchObject({ code: 'file-encoding' });
    expect(r.diagnostics[0]!.message).toMatch(/UTF-16 LE/);
    writeFileSync(join(dir, 'latin.yaml'), Buffer.from(outline('author: Zoë\n'), 'latin1'));
    const l = await checkDeck('latin.yaml', { cwd: dir });
    expect(l.diagnostics[0]).toMatchObject({ code: 'file-encoding' });
    expect(l.diagnostics[0]!.message).toMatch(/Latin-1 or Windows-1252 \(byte 0xEB at line 2, column 11\)/);
  });

  it('ends with a usage error for --out under /proc or a folder that cannot be created', async () => {
    const dir = tempProject({ 'deck.yaml': outline(), blocker: 'a file' });
    const proc = await cli(['build', '--no-cache', '--out', '/proc/briefdeck/out', 'deck.yaml'], dir);
    expect(proc).toMatchObject({ code: 2 });
    expect(proc.err).toMatch(/output folder \/proc\/briefdeck\/out is under \/proc/);
    const blocked = await cli(['build', '--no-cache', '--out', 'blocker/out', 'deck.yaml'], dir);
    expect(blocked).toMatchObject({ code: 2 });
    expect(blocked.err).toMatch(/cannot be created \(ENOTDIR\)/);
    const cache = await cli(['build', '--cache-dir', '/proc/briefdeck/cache', 'deck.yaml'], dir);
    expect(cache).toMatchObject({ code: 2 });
  });

  it('takes --limit NAME=N on the command line, and refuses a limit it does not know', async () => {
    const dir = tempProject({ 'deck.yaml': outline() });
    const low = await cli(['check', '--limit', 'input-bytes=50', 'deck.yaml'], dir);
    expect(low.code).toBe(1);
    expect(low.err).toMatch(/deck\.yaml is 0\.1 KB, over the size limit for one input file \[input-too-large\]/);
    const bogus = await cli(['check', '--limit', 'bogus=1', 'deck.yaml'], dir);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toMatch(/--limit/);
  });
});
