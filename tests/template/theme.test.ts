import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { checkDeck, buildDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

const OUTLINE = (theme: string) => `title: A deck
theme: ${theme}
sections:
  - title: One
    slides:
      - { type: bullets, title: Facts, bullets: [First point, Second point] }
      # On a template the title has the template's style, not our accent rule: the quote's rule shows the accent.
      - { type: quote, title: Said, quote: Openness brings progress, by: Someone }
`;

/** A project with the pandoc and East Asian test templates in templates/, and the given files. */
function project(files: Record<string, string>): string {
  const dir = tempProject({ 'briefdeck.yaml': '', ...files });
  mkdirSync(join(dir, 'templates'), { recursive: true });
  for (const name of ['pandoc-reference.pptx', 'east-asian-dark.pptx'])
    copyFileSync(join(REPO, 'tests/fixtures/templates', name), join(dir, 'templates', name));
  return dir;
}

function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd };
  return main(argv, io).then((code) => ({ code, out, err }));
}

describe('a house template as the theme', () => {
  it('reports a file that is not a template where the outline names it, and the CLI exits 1 without a trace', async () => {
    const dir = project({ 'decks/a.yaml': OUTLINE('../templates/house.potx'), 'templates/house.potx': 'name: x\n' });
    const r = await checkDeck('decks/a.yaml', { cwd: dir });
    expect(located(r).map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      [
        'template-unreadable',
        2,
        8,
        'template templates/house.potx is not a PowerPoint template: a .potx or .pptx file is a zip package, and this file is not one',
      ],
    ]);
    const cli = await run(['build', 'decks/a.yaml', '--no-cache'], dir);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('decks/a.yaml:2:8');
    expect(cli.err).toContain('templates/house.potx is not a PowerPoint template');
    expect(cli.err).not.toMatch(/\n\s+at /);
  });

  it('takes `template:` in a theme YAML, which adjusts it', async () => {
    const dir = project({
      'decks/a.yaml': OUTLINE('house'),
      'templates/house.yaml': 'name: house\ntemplate: east-asian-dark.pptx\npalette: { accent: "#123456" }\n',
    });
    const r = await buildDeck('decks/a.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'a.pptx'));
    expect(await deck.file('ppt/presentation.xml')).toMatch(/<p:sldSz cx="9144000" cy="5143500"/);
    const xml = deck.slides.map((s) => s.xml).join('');
    expect(xml).toContain('typeface="Arial"');
    expect(xml).toContain('typeface="Microsoft YaHei"');
    expect(xml).toContain('val="123456"'); // the YAML's accent over the template's B71C1C
    expect(xml).not.toContain('val="B71C1C"');
  });

  it('refuses a template path outside the project, a missing one and one that is not .potx/.pptx', async () => {
    const dir = project({
      'decks/a.yaml': OUTLINE('../templates/out.yaml'),
      'decks/b.yaml': OUTLINE('../templates/missing.yaml'),
      'decks/c.yaml': OUTLINE('../templates/notpotx.yaml'),
      'templates/out.yaml': 'template: ../../elsewhere/house.potx\n',
      'templates/missing.yaml': 'template: pandoc-reference.potx\n',
      'templates/notpotx.yaml': 'template: out.yaml\n',
    });
    const codes = async (outline: string) =>
      located(await checkDeck(outline, { cwd: dir })).map((d) => [d.code, d.file, d.line, d.message]);
    expect(await codes('decks/a.yaml')).toEqual([
      [
        'path-outside-project',
        'templates/out.yaml',
        1,
        'template ../../elsewhere/house.potx is outside the project folder',
      ],
    ]);
    const missing = located(await checkDeck('decks/b.yaml', { cwd: dir }));
    expect(missing.map((d) => [d.code, d.message])).toEqual([
      ['file-not-found', 'template not found: templates/pandoc-reference.potx'],
    ]);
    expect(missing[0]!.suggestion ?? missing[0]!.expected?.join()).toContain('pandoc-reference.pptx');
    expect(await codes('decks/c.yaml')).toEqual([
      ['template-unreadable', 'templates/notpotx.yaml', 1, 'template out.yaml is not a .potx or .pptx file'],
    ]);
  });

  it('checks layout names against the template, with the nearest name, and refuses them without a template', async () => {
    const dir = project({
      'decks/a.yaml': OUTLINE('../templates/house.yaml'),
      'decks/b.yaml': OUTLINE('../templates/plain.yaml'),
      'templates/house.yaml': 'template: pandoc-reference.pptx\nlayouts:\n  chart: Title Only\n  table: Two Contents\n',
      'templates/plain.yaml': 'layouts: { chart: Title Only }\n',
    });
    const a = located(await checkDeck('decks/a.yaml', { cwd: dir }));
    expect(a.map((d) => [d.code, d.file, d.line, d.message, d.expected])).toEqual([
      [
        'unknown-layout',
        'templates/house.yaml',
        4,
        'template templates/pandoc-reference.pptx has no layout named "Two Contents"',
        ['Two Content'],
      ],
    ]);
    const b = located(await checkDeck('decks/b.yaml', { cwd: dir }));
    expect(b.map((d) => [d.code, d.message])).toEqual([
      ['unknown-layout', 'layouts: chart names a template layout, but this theme names no template'],
    ]);
  });
});

describe('briefdeck theme import (usage)', () => {
  it('writes beside the template by default, or where --out says, and refuses to replace without --force', async () => {
    const dir = project({});
    const first = await run(['theme', 'import', 'templates/pandoc-reference.pptx'], dir);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('wrote templates/pandoc-reference.yaml');
    const again = await run(['theme', 'import', 'templates/pandoc-reference.pptx'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('templates/pandoc-reference.yaml exists; add --force');
    expect((await run(['theme', 'import', 'templates/pandoc-reference.pptx', '--force'], dir)).code).toBe(0);
    const elsewhere = await run(
      ['theme', 'import', 'templates/pandoc-reference.pptx', '--out', 'themes/house.yaml'],
      dir,
    );
    expect(elsewhere.code).toBe(0);
    const yaml = readFileSync(join(dir, 'themes/house.yaml'), 'utf8');
    expect(yaml).toContain('name: "house"');
    expect(yaml).toContain('template: "../templates/pandoc-reference.pptx"');
  });

  it('writes a theme that `theme: NAME` finds before the template of the same name, and that builds', async () => {
    const dir = project({ 'decks/a.yaml': OUTLINE('east-asian-dark') });
    expect((await run(['theme', 'import', 'templates/east-asian-dark.pptx'], dir)).code).toBe(0);
    const path = join(dir, 'templates/east-asian-dark.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('accent: "#B71C1C"', 'accent: "#0B5394"'));
    const r = await buildDeck('decks/a.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'a.pptx'));
    const xml = deck.slides.map((s) => s.xml).join('');
    expect(xml).toContain('val="0B5394"');
    expect(xml).not.toContain('val="B71C1C"');
  });

  it('exits 2 on usage errors and 1 on a template it cannot use, naming the file', async () => {
    const dir = project({ 'templates/bad.potx': 'not a zip' });
    expect((await run(['theme', 'import'], dir)).code).toBe(2);
    const missing = await run(['theme', 'import', 'templates/none.potx'], dir);
    expect([missing.code, missing.err]).toEqual([2, 'briefdeck: cannot read templates/none.potx: no such file\n']);
    const yaml = await run(['theme', 'import', 'briefdeck.yaml'], dir);
    expect([yaml.code, yaml.err]).toEqual([2, 'briefdeck: briefdeck.yaml is not a .potx or .pptx file\n']);
    const bad = await run(['theme', 'import', 'templates/bad.potx'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'templates/bad.potx: is not a PowerPoint template: a .potx or .pptx file is a zip package, and this file is not one\n',
    );
    expect(existsSync(join(dir, 'templates/bad.yaml'))).toBe(false);
  });
});
