import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd };
  return main(argv, io).then((code) => ({ code, out, err }));
}

const ROOT = { 'briefdeck.yaml': '# briefdeck project\n' };

describe('choosing and starting a theme from the command line', () => {
  it('themes lists the shipped themes with their descriptions, and a project theme first', async () => {
    const dir = tempProject({ ...ROOT, 'templates/house.yaml': 'description: Our own house style\n' });
    const r = await run(['themes'], dir);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^house\s+Our own house style\s+\(templates\/house\.yaml\)$/);
    for (const name of ['official', 'minimal', 'dark'])
      expect(lines.find((l) => l.startsWith(`${name} `))).toMatch(/ — .*\(briefdeck\)$/);
  });

  it('init writes a starter that builds at once, with a theme copy, and refuses to overwrite', async () => {
    const dir = tempProject(ROOT);
    const r = await run(['init', 'weekly', '--theme', 'dark'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['weekly.yaml', 'data/weekly.yaml', 'templates/dark.yaml', 'assets/logo-dark.png'])
      expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, 'weekly.yaml'), 'utf8')).toContain('theme: dark\n');
    const built = await run(['build', 'weekly.yaml', '--no-cache'], dir);
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const deck = await openPptx(join(dir, 'out', 'weekly.pptx'));
    expect(deck.slides.map((s) => s.title)).toContain('Output has risen every year');

    const again = await run(['init', 'weekly'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('not overwriting weekly.yaml, data/weekly.yaml');
    expect((await run(['init', '../escape'], dir)).code).toBe(2);
    const unknown = await run(['init', 'other', '--theme', 'nosuch'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown theme `nosuch`; themes: .*official/);
    expect(existsSync(join(dir, 'other.yaml'))).toBe(false);
  });

  it("build --theme replaces the outline's theme for one run, and an unknown one is an input error", async () => {
    const dir = tempProject(ROOT);
    expect((await run(['init', 'brief'], dir)).code).toBe(0);
    const official = await run(['build', 'brief.yaml', '--no-cache'], dir);
    expect(official.code).toBe(0);
    const withLogo = await openPptx(join(dir, 'out', 'brief.pptx'));
    expect(withLogo.names.some((n) => n.startsWith('ppt/media/'))).toBe(true);
    const minimal = await run(['build', 'brief.yaml', '--no-cache', '--theme', 'minimal'], dir);
    expect(minimal.code).toBe(0);
    // Rebuilt, not "unchanged": the theme is an option of the build.
    expect(minimal.out).toMatch(/^wrote out\/brief\.pptx/);
    const deck = await openPptx(join(dir, 'out', 'brief.pptx'));
    // minimal has no logo: no layout or master holds a picture.
    const parts = withLogo.names.filter((n) => /^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n));
    expect((await Promise.all(parts.map((p) => withLogo.file(p)))).some((x) => x.includes('<p:pic>'))).toBe(true);
    expect((await Promise.all(parts.map((p) => deck.file(p)))).some((x) => x.includes('<p:pic>'))).toBe(false);
    const bad = await run(['check', 'brief.yaml', '--theme', 'nosuch'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('unknown theme `nosuch`');
  });
});
