import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { buildDeck, checkDeck, type BuildResult } from '../../src/index.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { readTemplate, type HouseTemplate } from '../../src/template/index.js';
import { measureSlideText } from '../helpers/fit-check.js';
import { withInheritedBoxes } from '../helpers/template.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { validatePptx } from '../office/validator.js';

/**
 * The flagship deck built with each test template as its theme (`theme: ../templates/x.potx`),
 * and again with the theme YAML `briefdeck theme import` writes for it. Until decks are built on
 * the template's own masters, our masters take its colours, fonts and slide size.
 */
const TEMPLATES = [
  'pandoc-reference.pptx',
  'impress-midnightblue.potx',
  'impress-debian-4x3.potx',
  'east-asian-dark.pptx',
];

interface Built {
  template: HouseTemplate;
  direct: BuildResult;
  directDeck: OpenedDeck;
  imported: BuildResult;
  importedDeck: OpenedDeck;
  importedYaml: string;
  importRun: { code: number; out: string; err: string };
  outDir: string;
}
const built = new Map<string, Built>();

function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd };
  return main(argv, io).then((code) => ({ code, out, err }));
}

beforeAll(async () => {
  const dir = tempProject({ 'briefdeck.yaml': '' }, ['decks', 'templates', 'assets']);
  const flagship = readFileSync(join(REPO, 'decks/opening-up.yaml'), 'utf8');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  for (const name of TEMPLATES) {
    copyFileSync(join(REPO, 'tests/fixtures/templates', name), join(dir, 'templates', name));
    const stem = name.replace(/\.[^.]+$/, '');
    const outDir = join(dir, 'out');
    const options = { cwd: dir, outDir, cacheDir: join(dir, 'cache') };
    writeFileSync(join(dir, `decks/${stem}.yaml`), flagship.replace(/^theme: .*$/m, `theme: ../templates/${name}`));
    const direct = await buildDeck(`decks/${stem}.yaml`, options);
    const importRun = await run(['theme', 'import', `templates/${name}`], dir);
    writeFileSync(
      join(dir, `decks/${stem}-imported.yaml`),
      flagship.replace(/^theme: .*$/m, `theme: ../templates/${stem}.yaml`),
    );
    const imported = await buildDeck(`decks/${stem}-imported.yaml`, options);
    built.set(name, {
      template: await readTemplate(readFileSync(join(dir, 'templates', name)), name),
      direct,
      directDeck: await openPptx(join(outDir, `${stem}.pptx`)),
      imported,
      importedDeck: await openPptx(join(outDir, `${stem}-imported.pptx`)),
      importedYaml: readFileSync(join(dir, 'templates', `${stem}.yaml`), 'utf8'),
      importRun,
      outDir,
    });
  }
}, 240_000);

describe.each(TEMPLATES)('the flagship deck on the template %s', (name) => {
  it('builds without errors or warnings, with the theme named as a template or imported from it', () => {
    const b = built.get(name)!;
    expect(b.direct.diagnostics).toEqual([]);
    expect(b.importRun).toMatchObject({ code: 0, err: '' });
    expect(b.imported.diagnostics).toEqual([]);
  });

  it("has the template's slide size, theme colours and body font", async () => {
    const { template: t, directDeck: deck } = built.get(name)!;
    const presentation = await deck.file('ppt/presentation.xml');
    const [, cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!;
    expect(Math.abs(Number(cx) / 12700 - t.slide.width)).toBeLessThan(0.01);
    expect(Math.abs(Number(cy) / 12700 - t.slide.height)).toBeLessThan(0.01);
    const xml = deck.slides.map((s) => s.xml).join('');
    expect(xml).toContain(`typeface="${t.fonts.minor.latin}"`);
    // Series and accent colours are the template's accents: the first appears on the slides; the
    // deck is built on the template's own theme, which carries them all.
    expect(xml).toContain(`val="${t.colors.accent1.slice(1)}"`);
    const themes = await Promise.all(
      deck.names.filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n)).map((n) => deck.file(n)),
    );
    expect(themes.join('').toUpperCase()).toContain(`<A:ACCENT2><A:SRGBCLR VAL="${t.colors.accent2.slice(1)}"/>`);
  });

  // The audit reads each background as the template fills it: the East Asian template's dark
  // layouts through a theme background style and a colour-map override, the Debian one a picture.
  it('passes the accessibility check: accents too pale for the background are darkened to 3:1', async () => {
    const { outDir } = built.get(name)!;
    const stem = name.replace(/\.[^.]+$/, '');
    const r = await checkDeck(`decks/${stem}.yaml`, { cwd: join(outDir, '..'), cacheDir: false }, undefined, {
      a11y: true,
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps every text inside its box, measured again from the XML with the metric faces', async () => {
    const { directDeck: deck, importedYaml, template } = built.get(name)!;
    const metric = (key: string) =>
      JSON.parse(new RegExp(`^  ${key}: ("[^"]*")`, 'm').exec(importedYaml)![1]!) as string;
    const measure = createMeasurer({
      latinMetric: metric('latin_metric'),
      eastAsianMetric: metric('east_asian_metric'),
    });
    // Placeholders on the template's layouts inherit their boxes: measure against those.
    const layoutOf = (part: string) =>
      template.layouts.find((l) => `ppt/slideLayouts/${part.split('/').pop()}` === l.part)!;
    const boxes = deck.slides.flatMap((s) =>
      measureSlideText(withInheritedBoxes(s.xml, layoutOf(s.layout)), s.index, measure),
    );
    expect(boxes.length).toBeGreaterThan(60);
    const over = boxes.filter((b) => b.needed > b.available + 0.5);
    expect(over, JSON.stringify(over, null, 1)).toEqual([]);
  });

  it('builds the same slides from the imported theme as from the template itself', async () => {
    const { directDeck, importedDeck } = built.get(name)!;
    expect(importedDeck.slides.map((s) => s.xml)).toEqual(directDeck.slides.map((s) => s.xml));
  });

  it("gives Microsoft's Open XML validator nothing to find", async () => {
    const { outDir } = built.get(name)!;
    const stem = name.replace(/\.[^.]+$/, '');
    expect(await validatePptx(join(outDir, `${stem}.pptx`))).toEqual([]);
  });
});

describe('briefdeck theme import', () => {
  it('names the template, the East Asian faces and the layout chosen for each kind of slide', () => {
    const yaml = built.get('east-asian-dark.pptx')!.importedYaml;
    expect(yaml).toContain('template: "east-asian-dark.pptx"');
    expect(yaml).toContain('east_asian: "Microsoft YaHei"   # template: minor Microsoft YaHei, major SimHei');
    expect(yaml).toContain('# slide: 10 × 5.625 in (720 × 405 pt)');
    expect(yaml).toMatch(/layouts:\n {2}title: "标题幻灯片"\n {2}section: "节标题"\n {2}content: "标题和内容"\n/);
    // accent2 (gold) is too pale on white for a chart series or the marking: darkened, and said so;
    // accent1 is red, which reads as loss in a chart: the series take it last.
    expect(yaml).toMatch(
      / {2}series: \["#[0-9A-F]{6}", "#37474F", "#6D8B74", "#8D6E63", "#5C6BC0", "#B71C1C"\] {3}# accent2, accent3, accent4, accent5, accent6, accent1 \(red last: it reads as loss\); darkened to 3:1 on the background: accent2 #C9A227$/m,
    );
    expect(yaml).toMatch(/ {2}emphasis: "#[0-9A-F]{6}" {3}# accent2 #C9A227, darkened to 4.5:1 for the marking/);
    // LibreOffice's theme puts DejaVu Sans, which has no ideographs, as the East Asian face.
    const lo = built.get('impress-midnightblue.potx')!.importedYaml;
    expect(lo).toContain('east_asian: "Microsoft YaHei"   # template: minor DejaVu Sans, major DejaVu Sans');
    expect(lo).toContain('  content: "Title, Content"');
  });
});
