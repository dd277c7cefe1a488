import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { tempProject } from './helpers/project.js';

function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd };
  return main(argv, io).then((code) => ({ code, out, err }));
}

const GOOD = `title: A deck
data: data.yaml
sections:
  - title: One
    slides:
      - type: bullets
        title: Facts
        bullets: ["Exports reached {{ exports }}"]
        notes: Read this.
`;
const DATA = `sources: { s: { title: T, publisher: P } }
source: s
exports: { value: 3.5, unit: USD trillion }
`;
const BAD = GOOD.replace('{{ exports }}', '{{ exprts }}');
/** A project root: out/ is made beside it, whichever folder the outlines are in. */
const ROOT = { 'briefdeck.yaml': '# briefdeck project\n' };

describe('briefdeck CLI', () => {
  it('builds a deck, prints one line per deck and exits 0', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': GOOD, 'decks/data.yaml': DATA });
    const r = await run(['build', 'decks/a.yaml', '--no-cache'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote out\/a\.pptx: 4 slides, \d+\.\d s\n$/);
    expect(existsSync(join(dir, 'out', 'a.pptx'))).toBe(true);
  });

  it('builds every outline of a folder, skipping data files, into --out', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': GOOD, 'decks/b.yaml': GOOD, 'decks/data.yaml': DATA });
    const r = await run(['build', 'decks', '--out', 'dist-decks', '--no-cache'], dir);
    expect(r.code).toBe(0);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
    ).toEqual(['wrote dist-decks/a.pptx', 'wrote dist-decks/b.pptx', '2 decks']);
    expect(r.out).toContain('2 decks: 2 built, 0 unchanged, 0 failed\n');
  });

  it('reports input errors as file:line:col with a caret and a hint, exits 1 and writes nothing', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': BAD, 'decks/data.yaml': DATA });
    const r = await run(['build', 'decks/a.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('decks/a.yaml:8:39: error: unknown data key `exprts` [unknown-data-key]');
    expect(r.err).toContain(
      `8 |         bullets: ["Exports reached {{ exprts }}"]\n  |                                       ^^^^^^\n`,
    );
    expect(r.err).toContain('hint: did you mean `exports`?');
    expect(r.err).toContain('decks/a.yaml: 1 error in decks/a.yaml; no deck written');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out', 'a.pptx'))).toBe(false);
  });

  it('removes the deck of an earlier build when a build fails, so a stale deck is not taken for new', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': GOOD, 'decks/data.yaml': DATA });
    expect((await run(['build', 'decks/a.yaml', '--no-cache'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'decks/a.yaml'), BAD);
    const r = await run(['build', 'decks/a.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('removed out/a.pptx from an earlier build');
    expect(existsSync(join(dir, 'out', 'a.pptx'))).toBe(false);
  });

  it('refuses two outlines that would write the same deck', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': GOOD, 'decks/a.yml': GOOD, 'decks/data.yaml': DATA });
    const r = await run(['build', 'decks'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('decks/a.yaml and decks/a.yml would both write a.pptx');
  });

  it('check validates without writing', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': GOOD, 'decks/data.yaml': DATA });
    const r = await run(['check', 'decks/a.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe('decks/a.yaml: ok, 4 slides\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('prints diagnostics as JSON for machines', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': BAD, 'decks/data.yaml': DATA });
    const r = await run(['check', 'decks/a.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { ok: boolean; decks: { diagnostics: unknown[] }[] };
    expect(json.ok).toBe(false);
    expect(json.decks[0]!.diagnostics).toContainEqual({
      file: 'decks/a.yaml',
      line: 8,
      column: 39,
      severity: 'error',
      code: 'unknown-data-key',
      message: 'unknown data key `exprts`',
      suggestion: 'did you mean `exports`?',
      expected: ['exports'],
    });
  });

  it('--strict turns warnings into errors', async () => {
    const dir = tempProject({ ...ROOT, 'decks/a.yaml': GOOD, 'decks/data.yaml': `${DATA}unused: 1\n` });
    expect((await run(['check', 'decks/a.yaml'], dir)).code).toBe(0);
    const r = await run(['check', 'decks/a.yaml', '--strict'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('decks/data.yaml:4:1: error: data value `unused` is not used by any slide [unused-data]');
  });

  it('--strict still reports every problem a plain check finds', async () => {
    const dir = tempProject({
      'decks/a.yaml': GOOD.replace('        title: Facts\n', ''),
      'decks/data.yaml': `${DATA}unused: 1\n`,
    });
    const plain = await run(['check', 'decks/a.yaml', '--format', 'json'], dir);
    const strict = await run(['check', 'decks/a.yaml', '--format', 'json', '--strict'], dir);
    const codes = (out: string) =>
      (JSON.parse(out) as { decks: { diagnostics: { code: string; severity: string }[] }[] }).decks[0]!.diagnostics.map(
        (d) => `${d.code}:${d.severity}`,
      );
    expect(codes(plain.out)).toEqual(['no-title:warning', 'unused-data:warning']);
    expect(codes(strict.out)).toEqual(['no-title:error', 'unused-data:error']);
  });

  it.each([
    [[], 'Usage: briefdeck'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['build'], 'name the outlines or folders of outlines to use (or list them under decks: in briefdeck.yaml)'],
    [['build', 'missing.yaml'], 'no such file or folder: missing.yaml'],
    [['build', 'x.yaml', '--colour'], "unknown option '--colour'"],
    [['check', 'x.yaml', '--format', 'xml'], "argument 'xml' is invalid"],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const dir = tempProject({ 'x.yaml': GOOD });
    const r = await run(argv, dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('prints help for each command and exits 0', async () => {
    const dir = tempProject();
    for (const argv of [['--help'], ['build', '--help'], ['check', '--help']]) {
      const r = await run(argv, dir);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: briefdeck');
    }
    expect((await run(['build', '--help'], dir)).out).toContain('--cache-dir <dir>');
  });
});
