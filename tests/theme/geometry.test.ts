import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx, shapesOf, type OpenedDeck } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

const EMU = 12700;

const OUTLINE = (theme: string) => `title: Geometry
date: 2025-10-27
theme: ${theme}
data: data.yaml
sections:
  - title: One
    slides:
      - type: bullets
        title: Exports held up
        bullets: ["Exports reached {{ exports }}"]
`;
const DATA = `sources: { s: { title: T, publisher: P } }
source: s
exports: { value: 3.5, unit: USD trillion }
`;

function project(theme: string): string {
  return tempProject({
    'briefdeck.yaml': '# project\n',
    'deck.yaml': OUTLINE('templates/house.yaml'),
    'data.yaml': DATA,
    'templates/house.yaml': theme,
  });
}

/** The content slides' layout: the one with the page number. */
async function contentLayout(deck: OpenedDeck): Promise<string> {
  for (const part of deck.names.filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n))) {
    const xml = await deck.file(part);
    if (xml.includes('type="sldNum"')) return xml;
  }
  throw new Error('no layout with a page number');
}

describe('theme geometry', () => {
  it('restating the defaults in inches changes no byte of the deck', async () => {
    const plain = project('extends: official\n');
    const restated = project(`extends: official
geometry:
  margins: { left: 0.66667, right: 0.66667, top: 0.375, bottom: 0.41667 }
  title: { align: left, lines: 2 }
  title_rule: { show: true, width: 0.77778, weight: 0.041667, color: accent }
  logo: { align: right, top: 0.402778, height: 0.41667, max_width: 1.94444 }
  footer: { left: [text, date], center: [marking], right: [page] }
  marking: { top: center }
`);
    for (const dir of [plain, restated])
      expect((await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, timestamp: new Date(0) })).diagnostics).toEqual(
        [],
      );
    expect(readFileSync(join(restated, 'out', 'deck.pptx')).equals(readFileSync(join(plain, 'out', 'deck.pptx')))).toBe(
      true,
    );
  });

  it('places margins, a centred title without a rule, the logo at the left and the footer slots as the theme says', async () => {
    const dir = project(`extends: official
geometry:
  margins: { left: 1, right: 0.5, top: 0.5 }
  title: { align: center, lines: 1 }
  title_rule: { show: false }
  logo: { align: left, height: 0.5 }
  footer: { left: [page], center: [text, date], right: [marking] }
  marking: { top: none }
`);
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const slide = deck.slides.find((s) => s.title === 'Exports held up')!;
    const shapes = shapesOf(slide.xml);
    const title = shapes.find((s) => s.isTitle)!;
    // Left margin 72 pt, then the logo (0.5 in high, square: 36 pt) and its 16 pt gap.
    expect(title.x / EMU).toBeCloseTo(72 + 36 + 16, 0);
    expect(title.y / EMU).toBeCloseTo(36, 0);
    // Right margin 36 pt: the title ends there.
    expect((title.x + title.w) / EMU).toBeCloseTo(960 - 36, 0);
    expect(title.xml).toContain('algn="ctr"');
    expect(shapes.some((s) => s.name === 'Title rule')).toBe(false);

    const layoutXml = await contentLayout(deck);
    const layout = shapesOf(layoutXml);
    const withText = (t: string) => layout.find((s) => s.xml.includes(`<a:t>${t}</a:t>`));
    const footer = withText('Policy Research Office  ·  27 October 2025')!;
    expect(footer.x / EMU + footer.w / EMU / 2).toBeCloseTo(480, 0);
    expect(footer.xml).toContain('algn="ctr"');
    const marking = layout.filter((s) => s.xml.includes('<a:t>INTERNAL</a:t>'));
    // Only the footer's marking, at the right margin: none at the top.
    expect(marking).toHaveLength(1);
    expect((marking[0]!.x + marking[0]!.w) / EMU).toBeCloseTo(960 - 36, 0);
    const page = layout.find((s) => s.xml.includes('type="sldNum"'))!;
    expect(page.x / EMU).toBeCloseTo(72, 0);
    const logo = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>/.exec(layoutXml)!;
    expect(Number(logo[1]) / EMU).toBeCloseTo(72, 0);
  });

  it('reports a page number sharing a footer slot, and an unknown geometry field, at their positions', async () => {
    const dir = project(`extends: official
geometry:
  footer: { left: [text, page] }
  title: { align: centre }
  margin: { left: 1 }
`);
    const r = await checkDeck('deck.yaml', { cwd: dir });
    const found = located(r).map((d) => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^templates\/house\.yaml:3:\d+ invalid-value: .*page number takes a footer slot of its own/,
        ),
        expect.stringMatching(/^templates\/house\.yaml:4:\d+ invalid-value: .*/),
        expect.stringMatching(/^templates\/house\.yaml:5:3 unknown-field: .*margin/),
      ]),
    );
  });

  it('shows the dark logo on the dark title slide, and warns at the logo when a dark slide has only the light one', async () => {
    const light = 'logo: ../assets/light.png\n';
    const files = (theme: string) =>
      tempProject({
        'briefdeck.yaml': '# project\n',
        'deck.yaml': OUTLINE('templates/house.yaml'),
        'data.yaml': DATA,
        'templates/house.yaml': `extends: official\n${theme}`,
        'assets/light.png': '',
      });
    const only = files(light);
    const pair = files(`logo: { light: ../assets/light.png, dark: ../assets/dark.png }\n`);
    const repoLogo = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'logo.png'));
    const repoDark = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'logo-dark.png'));
    for (const dir of [only, pair]) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'assets', 'light.png'), repoLogo);
      writeFileSync(join(dir, 'assets', 'dark.png'), repoDark);
    }
    const warned = located(await buildDeck('deck.yaml', { cwd: only, cacheDir: false }));
    expect(warned.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'templates/house.yaml:2:7 logo-on-dark',
    ]);
    const r = await buildDeck('deck.yaml', { cwd: pair, cacheDir: false });
    expect(r.diagnostics).toEqual([]);
    const deck = await openPptx(join(pair, 'out', 'deck.pptx'));
    const media = await Promise.all(deck.names.filter((n) => n.startsWith('ppt/media/')).map((n) => deck.bytes(n)));
    // Both variants are in the package: the light one on content slides, the dark one on the title slide.
    expect(media.some((m) => m.equals(repoLogo))).toBe(true);
    expect(media.some((m) => m.equals(repoDark))).toBe(true);
  });
});
