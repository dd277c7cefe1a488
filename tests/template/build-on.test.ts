import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { buildFlagshipOn, type BuiltOnTemplate } from '../helpers/flagship-on-templates.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx, shapesOf } from '../helpers/pptx.js';
import { withInheritedBoxes } from '../helpers/template.js';
import { validatePptx } from '../office/validator.js';

/**
 * The flagship deck built ON each test template: the template's masters and layouts, each slide
 * on one of its layouts, titles in its title placeholders. (tests/e2e/house-template.test.ts
 * checks text fit and the validator for the same builds through the theme paths.)
 */
const TEMPLATES = [
  'pandoc-reference.pptx',
  'impress-midnightblue.potx',
  'impress-debian-4x3.potx',
  'east-asian-dark.pptx',
];

const EMU = 12700;
let dir = '';
let built = new Map<string, BuiltOnTemplate>();

beforeAll(async () => {
  ({ dir, built } = await buildFlagshipOn(TEMPLATES));
}, 240_000);

const layoutPart = (target: string) => `ppt/slideLayouts/${target.split('/').pop()}`;

describe.each(TEMPLATES)('the flagship deck built on %s', (name) => {
  it("puts every slide on one of the template's layouts, and no sample slide of the template remains", async () => {
    const { template, deck, slideCount } = built.get(name)!;
    const parts = new Set(template.layouts.map((l) => l.part));
    expect(deck.slides).toHaveLength(slideCount);
    for (const s of deck.slides) expect(parts, `slide ${s.index}`).toContain(layoutPart(s.layout));
    // Kinds of slide take different layouts: the title slide is not on the content layout.
    expect(layoutPart(deck.slides[0]!.layout)).not.toBe(layoutPart(deck.slides[2]!.layout));
    expect(deck.names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(slideCount);
    // Our own masters are gone: only the template's.
    const masters = deck.names.filter((n) => /^ppt\/slideMasters\/[^/]+\.xml$/.test(n)).sort();
    expect(masters).toEqual(template.masters.map((m) => m.part).sort());
    expect(await deck.file('[Content_Types].xml')).not.toContain('template.main+xml');
  });

  it("gives each slide its layout's colour-map override, so that every reader draws its background alike", async () => {
    const { deck } = built.get(name)!;
    let overridden = 0;
    for (const s of deck.slides) {
      const layout = await deck.file(layoutPart(s.layout));
      const override = /<p:clrMapOvr>\s*(<a:overrideClrMapping\b[^>]*\/>)/.exec(layout)?.[1];
      if (override) overridden++;
      expect(s.xml, `slide ${s.index}`).toContain(override ?? '<a:masterClrMapping/>');
    }
    // The East Asian template's dark title layout maps bg1 to dk2.
    if (name === 'east-asian-dark.pptx') expect(overridden).toBeGreaterThan(0);
  });

  it("writes titles into the layout's title placeholder, inheriting its position where layout used its box", () => {
    const { deck } = built.get(name)!;
    let inherited = 0;
    for (const s of deck.slides) {
      const title = shapesOf(s.xml).find((sh) => sh.name === 'Title');
      if (!title || !s.title) continue;
      expect(title.xml, `slide ${s.index}`).toMatch(/<p:ph type="(?:title|ctrTitle)"\/>/);
      if (!/<a:xfrm>/.test(title.xml)) inherited++;
    }
    // Midnightblue's layouts (LibreOffice's) carry boxes of its own invention: there the master's box is
    // written on the slide. (Debian's layouts have the master's boxes, so they are inherited.)
    if (name === 'impress-midnightblue.potx') expect(inherited).toBe(0);
    else expect(inherited).toBeGreaterThan(20);
  });

  it('keeps every shape on the slide (the quote slide hides its title above it, for screen readers)', () => {
    const { deck, template } = built.get(name)!;
    const W = template.slide.width * EMU + 2;
    const H = template.slide.height * EMU + 2;
    for (const s of deck.slides) {
      const layout = template.layouts.find((l) => l.part === layoutPart(s.layout))!;
      for (const sh of shapesOf(withInheritedBoxes(s.xml, layout))) {
        if (sh.name === 'Title' && sh.y + sh.h <= 0 && /type="title"/.test(sh.xml)) continue;
        const where = `slide ${s.index} ${sh.name}`;
        expect(sh.w, where).toBeGreaterThan(0);
        expect(sh.x + sh.w, where).toBeLessThanOrEqual(W);
        expect(sh.y + sh.h, where).toBeLessThanOrEqual(H);
      }
    }
  });

  it("fills the layout's footer, date and slide-number placeholders on content slides only", () => {
    const { deck, template } = built.get(name)!;
    const content = deck.slides[2]!;
    const layout = template.layouts.find((l) => l.part === layoutPart(content.layout))!;
    for (const type of ['ftr', 'sldNum'] as const) {
      const has = layout.placeholders.some((p) => p.type === type);
      expect(new RegExp(`<p:ph type="${type}"`).test(content.xml), type).toBe(has);
    }
    // The date shows only where the theme asks for it (a template-made theme does not).
    expect(content.xml).not.toMatch(/<p:ph type="dt"/);
    expect(content.xml).toContain('Policy Research Office');
    expect(deck.slides[0]!.xml).not.toMatch(/<p:ph type="(?:ftr|dt|sldNum)"/);
    // pptxgenjs's own slide-number shape is gone.
    expect(content.xml).not.toContain('Slide Number Placeholder');
  });
});

describe('building on a template', () => {
  it('gives the same bytes for the same inputs', async () => {
    const again = await buildDeck('decks/on-east-asian-dark.yaml', {
      cwd: dir,
      cacheDir: join(dir, 'cache'),
      outDir: join(dir, 'again'),
    });
    expect(again.ok).toBe(true);
    expect(
      readFileSync(join(dir, 'again', 'on-east-asian-dark.pptx')).equals(built.get('east-asian-dark.pptx')!.bytes),
    ).toBe(true);
  });

  it('takes dark layouts with light text: the East Asian template title and section slides', () => {
    const { deck, template } = built.get('east-asian-dark.pptx')!;
    const light = template.colors.lt1.slice(1);
    for (const s of [deck.slides[0]!, deck.slides[1]!]) {
      const layout = template.layouts.find((l) => l.part === layoutPart(s.layout))!;
      expect(layout.dark).toBe(true);
      expect(s.xml, `slide ${s.index}`).toContain(`<a:srgbClr val="${light}"/>`);
    }
  });

  it("writes the title light where it sits on a dark band of a light layout (LibreOffice's Midnightblue)", () => {
    const { deck, template } = built.get('impress-midnightblue.potx')!;
    const light = template.colors.lt1.slice(1).toUpperCase();
    const titled = deck.slides.filter((s) => s.title && /<p:ph type="(title|ctrTitle)"/.test(s.xml));
    expect(titled.length).toBeGreaterThan(20);
    for (const s of titled) {
      const layout = template.layouts.find((l) => l.part === layoutPart(s.layout))!;
      expect(layout.dark, `slide ${s.index}`).toBe(false);
      const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="(?:title|ctrTitle)"[\s\S]*?<\/p:sp>/.exec(s.xml)![0];
      // The quote slide's title is placed above the slide for screen readers: on no band.
      if (/<a:off x="-?\d+" y="-\d+"\/>/.test(title)) continue;
      expect(title, `slide ${s.index}`).toContain(`<a:srgbClr val="${light}"/>`);
    }
  });

  it('puts a slide on the layout its outline names, and reports a name the template lacks where it is written', async () => {
    const outline = (layout: string) => `title: Layouts
theme: ../templates/pandoc-reference.pptx
sections:
  - title: One
    layout: Title Only
    slides:
      - { type: bullets, title: Facts, bullets: [First point, Second point] }
      - { type: bullets, title: Two, layout: "${layout}", bullets: [Left point] }
`;
    writeFileSync(join(dir, 'decks/named.yaml'), outline('Two Content'));
    const r = await buildDeck('decks/named.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'named.pptx'));
    const pandoc = built.get('pandoc-reference.pptx')!.template;
    const nameOf = (target: string) => pandoc.layouts.find((l) => l.part === layoutPart(target))!.name;
    expect(deck.slides.map((s) => nameOf(s.layout))).toEqual([
      'Title Slide',
      'Title Only',
      'Title and Content',
      'Two Content',
    ]);
    expect(await validatePptx(join(dir, 'out', 'named.pptx'))).toEqual([]);

    writeFileSync(join(dir, 'decks/misnamed.yaml'), outline('Two Columns'));
    const bad = located(await checkDeck('decks/misnamed.yaml', { cwd: dir }));
    expect(bad.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['unknown-layout', 8, 46, 'template templates/pandoc-reference.pptx has no layout named "Two Columns"'],
    ]);
    expect(bad[0]!.expected).toContain('Two Content');

    writeFileSync(join(dir, 'decks/plain.yaml'), outline('Two Content').replace(/^theme: .*$/m, 'theme: official'));
    const plain = located(await checkDeck('decks/plain.yaml', { cwd: dir }));
    expect(plain.map((d) => [d.code, d.line, d.message])).toEqual([
      ['unknown-layout', 5, `layout: "Title Only" names a template layout, but this deck's theme names no template`],
      ['unknown-layout', 8, `layout: "Two Content" names a template layout, but this deck's theme names no template`],
    ]);
  }, 60_000);
});
