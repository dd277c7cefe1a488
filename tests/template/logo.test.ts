import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { buildDeck } from '../../src/index.js';
import { readTemplate } from '../../src/template/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx, shapesOf } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { validatePptx } from '../office/validator.js';

/**
 * The template's logo: `theme import` copies the picture its master shows next to the theme and
 * names it; a deck built on the template shows it once (the master's), a deck built from the
 * theme without the template shows it through briefdeck's own masters.
 */

const FIXTURES = join(REPO, 'tests/fixtures/templates');
const OUTLINE = (theme: string) => `title: Logo
lang: en
theme: ${theme}
sections:
  - title: One
    slides:
      - type: bullets
        title: Key messages
        bullets: [The first point, The second point]
`;

function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd };
  return main(argv, io).then((code) => ({ code, out, err }));
}

function project(): string {
  const dir = tempProject({ 'briefdeck.yaml': '' });
  mkdirSync(join(dir, 'templates'));
  mkdirSync(join(dir, 'decks'));
  for (const name of ['bureau.pptx', 'pandoc-reference.pptx'])
    copyFileSync(join(FIXTURES, name), join(dir, 'templates', name));
  return dir;
}

/** The master's logo picture of the bureau template, as its package holds it. */
let logoBytes: Buffer;
let masterPic: { x: number; y: number; w: number; h: number };
beforeAll(async () => {
  const zip = await JSZip.loadAsync(readFileSync(join(FIXTURES, 'bureau.pptx')));
  logoBytes = await zip.file('ppt/media/logo.png')!.async('nodebuffer');
  const master = await zip.file('ppt/slideMasters/slideMaster1.xml')!.async('string');
  const pic = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(master)!;
  const [x, y, w, h] = pic.slice(1).map((v) => Number(v) / 12700) as [number, number, number, number];
  masterPic = { x, y, w, h };
});

/** Media parts of a built deck with exactly these bytes. */
async function partsWithBytes(file: string, bytes: Buffer): Promise<string[]> {
  const deck = await openPptx(file);
  const media = deck.names.filter((n) => n.startsWith('ppt/media/'));
  const found: string[] = [];
  for (const m of media) if ((await deck.bytes(m)).equals(bytes)) found.push(m);
  return found;
}

describe("a template's logo", () => {
  it('is the small picture on the slide master; a full-slide backdrop picture is not one', async () => {
    const bureau = await readTemplate(readFileSync(join(FIXTURES, 'bureau.pptx')), 'bureau.pptx');
    expect(bureau.logo).toEqual({
      part: 'ppt/media/logo.png',
      on: 'ppt/slideMasters/slideMaster1.xml',
      box: masterPic,
    });
    // Debian's Impress template draws its background as a picture over the whole slide.
    for (const name of ['impress-debian-4x3.potx', 'pandoc-reference.pptx']) {
      const t = await readTemplate(readFileSync(join(FIXTURES, name)), name);
      expect(t.logo, name).toBeUndefined();
    }
  });

  it('is copied next to the imported theme, which names it and builds at once, showing it once', async () => {
    const dir = project();
    const r = await run(['theme', 'import', 'templates/bureau.pptx'], dir);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain("logo: templates/assets/bureau-logo.png, the picture the template's slide master shows");
    expect(readFileSync(join(dir, 'templates/assets/bureau-logo.png')).equals(logoBytes)).toBe(true);
    const yaml = readFileSync(join(dir, 'templates/bureau.yaml'), 'utf8');
    expect(yaml).toMatch(/^logo: "assets\/bureau-logo.png"/m);
    // Where the master shows it, in inches, for decks built from the theme without the template.
    const inches = (pt: number) => Math.round((pt / 72) * 1000) / 1000;
    expect(yaml).toContain(
      `  logo: { align: right, top: ${inches(masterPic.y)}, height: ${inches(masterPic.h)}, max_width: ${inches(masterPic.w)} }`,
    );

    writeFileSync(join(dir, 'decks/on.yaml'), OUTLINE('../templates/bureau.yaml'));
    const on = await buildDeck('decks/on.yaml', { cwd: dir, cacheDir: false });
    // Not drawn by briefdeck, so no warning about it on the dark title slide of briefdeck's own design.
    expect(on.diagnostics).toEqual([]);
    const file = join(dir, 'out/on.pptx');
    const deck = await openPptx(file);
    // The template's master draws it; no slide draws it again.
    expect(await partsWithBytes(file, logoBytes)).toEqual(['ppt/media/logo.png']);
    expect(await deck.file('ppt/slideMasters/slideMaster1.xml')).toContain('name="Logo"');
    for (const s of deck.slides) {
      expect(s.images, `slide ${s.index}`).toEqual([]);
      expect(shapesOf(s.xml).some((sh) => sh.name === 'Logo')).toBe(false);
    }
    expect(await validatePptx(file)).toEqual([]);
  });

  it('is drawn by briefdeck when the imported theme is used without the template', async () => {
    const dir = project();
    expect((await run(['theme', 'import', 'templates/bureau.pptx'], dir)).code).toBe(0);
    const yaml = readFileSync(join(dir, 'templates/bureau.yaml'), 'utf8');
    // The template's lines out: `template:` and the layouts it names.
    writeFileSync(
      join(dir, 'templates/plain.yaml'),
      yaml.replace(/^template: .*\n/m, '').replace(/^layouts:\n( {2}.*\n)+/m, ''),
    );
    writeFileSync(join(dir, 'decks/plain.yaml'), OUTLINE('../templates/plain.yaml'));
    const r = await buildDeck('decks/plain.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = join(dir, 'out/plain.pptx');
    const [part] = await partsWithBytes(file, logoBytes);
    expect(part).toBeDefined();
    // On the layout of the content slide: briefdeck's own master for it draws the logo.
    const deck = await openPptx(file);
    const content = deck.slides[2]!;
    expect(content.title).toBe('Key messages');
    const layoutRels = await deck.file(content.layout.replace(/([^/]+)$/, '_rels/$1.rels'));
    expect(layoutRels).toContain(`Target="../${part!.slice('ppt/'.length)}"`);
  });

  it('keeps an earlier copy with the same bytes, and will not replace a different file without --force', async () => {
    const dir = project();
    expect((await run(['theme', 'import', 'templates/bureau.pptx'], dir)).code).toBe(0);
    expect((await run(['theme', 'import', 'templates/bureau.pptx', '--force'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'templates/assets/bureau-logo.png'), 'another picture');
    const refused = await run(['theme', 'import', 'templates/bureau.pptx', '--out', 'templates/other.yaml'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      "briefdeck: templates/assets/bureau-logo.png exists and is not the template's logo; add --force to replace it, or move it\n",
    );
    expect(existsSync(join(dir, 'templates/other.yaml'))).toBe(false);
    const forced = await run(
      ['theme', 'import', 'templates/bureau.pptx', '--out', 'templates/other.yaml', '--force'],
      dir,
    );
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'templates/assets/bureau-logo.png')).equals(logoBytes)).toBe(true);
  });

  it('is not written when the template shows none, and the command says so', async () => {
    const dir = project();
    const r = await run(['theme', 'import', 'templates/pandoc-reference.pptx'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'no logo written: templates/pandoc-reference.pptx shows no picture on its slide master or title layout',
    );
    expect(readFileSync(join(dir, 'templates/pandoc-reference.yaml'), 'utf8')).not.toMatch(/^logo:/m);
    expect(existsSync(join(dir, 'templates/assets'))).toBe(false);
  });

  it("warns, at the theme's logo, that a template without a logo gets none from the theme", async () => {
    const dir = project();
    writeFileSync(join(dir, 'templates/logo.png'), logoBytes);
    writeFileSync(join(dir, 'templates/house.yaml'), 'name: house\ntemplate: pandoc-reference.pptx\nlogo: logo.png\n');
    writeFileSync(join(dir, 'decks/a.yaml'), OUTLINE('../templates/house.yaml'));
    const r = await buildDeck('decks/a.yaml', { cwd: dir, cacheDir: false });
    expect(located(r).map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['logo-not-drawn', 'templates/house.yaml', 3, 7],
    ]);
    expect(await partsWithBytes(join(dir, 'out/a.pptx'), logoBytes)).toEqual([]);
  });
});
