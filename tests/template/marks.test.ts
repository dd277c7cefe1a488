import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { openPptx, paragraphsOf, shapesOf, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { validatePptx } from '../office/validator.js';

/**
 * A content slide on a template layout without a slide-number (or footer) placeholder still
 * shows its number (and footer): where the master's placeholder is, else in the theme's footer
 * slot; and not at all when the template's master draws the number itself.
 */

const EMU = 12700;
const FIXTURES = join(REPO, 'tests/fixtures/templates');

const outline = (template: string) => `title: Marks
lang: en
theme: ../templates/${template}
footer: Policy Research Office
sections:
  - title: One
    slides:
      - type: bullets
        title: Key messages
        bullets: [The first point of the slide, The second point of the slide]
      - type: bullets
        title: More messages
        bullets: [A third point, A fourth point]
`;

/** A placeholder shape of one type, taken out of a layout or master part: a template that lacks it. */
const withoutPlaceholder = (xml: string, type: string) => {
  const out = xml.replace(new RegExp(`<p:sp>(?:(?!</p:sp>)[\\s\\S])*?<p:ph type="${type}"[\\s\\S]*?</p:sp>`), '');
  if (out === xml) throw new Error(`no ${type} placeholder to take out`);
  return out;
};

async function edited(from: string, edits: Record<string, (xml: string) => string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(join(FIXTURES, from)));
  for (const [part, edit] of Object.entries(edits)) zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const LAYOUT = 'ppt/slideLayouts/slideLayout2.xml'; // Title and Content, which bullet slides take
const MASTER = 'ppt/slideMasters/slideMaster1.xml';

let dir = '';
const decks = new Map<string, { deck: OpenedDeck; file: string; template: Buffer }>();

beforeAll(async () => {
  dir = tempProject({ 'briefdeck.yaml': '' });
  mkdirSync(join(dir, 'templates'));
  mkdirSync(join(dir, 'decks'));
  const templates: Record<string, Buffer> = {
    'no-number-layout.pptx': await edited('pandoc-reference.pptx', {
      [LAYOUT]: (x) => withoutPlaceholder(withoutPlaceholder(x, 'sldNum'), 'ftr'),
    }),
    'no-number-anywhere.pptx': await edited('pandoc-reference.pptx', {
      [LAYOUT]: (x) => withoutPlaceholder(x, 'sldNum'),
      [MASTER]: (x) => withoutPlaceholder(x, 'sldNum'),
    }),
    'impress-midnightblue.potx': readFileSync(join(FIXTURES, 'impress-midnightblue.potx')),
  };
  for (const [name, bytes] of Object.entries(templates)) {
    writeFileSync(join(dir, 'templates', name), bytes);
    const stem = name.replace(/\.[^.]+$/, '');
    writeFileSync(join(dir, `decks/${stem}.yaml`), outline(name));
    const r = await buildDeck(`decks/${stem}.yaml`, { cwd: dir, cacheDir: join(dir, 'cache') });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = join(dir, 'out', `${stem}.pptx`);
    decks.set(name, { deck: await openPptx(file), file, template: bytes });
  }
}, 120_000);

/** The box (EMU) of a master placeholder of the template. */
async function masterBox(template: Buffer, type: string) {
  const xml = await (await JSZip.loadAsync(template)).file(MASTER)!.async('string');
  const sp = shapesOf(xml).find((s) => new RegExp(`<p:ph type="${type}"`).test(s.xml))!;
  return { x: sp.x, y: sp.y, w: sp.w, h: sp.h };
}

const contentSlides = (deck: OpenedDeck) => deck.slides.filter((s) => s.layout.endsWith('slideLayout2.xml'));

describe('slide numbers and footers on layouts that have no placeholder for them', () => {
  it("numbers each slide in a text box where the master's slide-number placeholder is", async () => {
    const { deck, template } = decks.get('no-number-layout.pptx')!;
    const box = await masterBox(template, 'sldNum');
    const slides = contentSlides(deck);
    expect(slides.length).toBe(2);
    for (const s of slides) {
      const shapes = shapesOf(s.xml);
      expect(shapes.some((sh) => /<p:ph type="sldNum"/.test(sh.xml))).toBe(false);
      const number = shapes.find((sh) => sh.name === 'Slide number')!;
      expect(number, `slide ${s.index}`).toBeDefined();
      // Within pptxgenjs's rounding of points, the master's box; set right as the master's is.
      for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(number[k] - box[k])).toBeLessThanOrEqual(EMU);
      expect(number.xml).toContain('<a:pPr algn="r"/>');
      expect(number.xml).toMatch(new RegExp(`<a:fld [^>]*type="slidenum">.*<a:t>${s.index}</a:t></a:fld>`));
    }
  });

  it("writes the footer where the master's footer placeholder is, once", async () => {
    const { deck, template } = decks.get('no-number-layout.pptx')!;
    const box = await masterBox(template, 'ftr');
    for (const s of contentSlides(deck)) {
      const footers = shapesOf(s.xml).filter((sh) => paragraphsOf(sh.xml).includes('Policy Research Office'));
      expect(footers.map((f) => f.name)).toEqual(['Footer']);
      expect(Math.abs(footers[0]!.y - box.y)).toBeLessThanOrEqual(EMU);
      expect(Math.abs(footers[0]!.x - box.x)).toBeLessThanOrEqual(EMU);
    }
  });

  it("falls back to the theme's footer slot when the master has no slide-number placeholder either", async () => {
    const { deck } = decks.get('no-number-anywhere.pptx')!;
    const presentation = await deck.file('ppt/presentation.xml');
    const [width, height] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!.slice(1).map(Number) as [
      number,
      number,
    ];
    for (const s of contentSlides(deck)) {
      const number = shapesOf(s.xml).find((sh) => sh.name === 'Slide number')!;
      expect(number, `slide ${s.index}`).toBeDefined();
      expect(paragraphsOf(number.xml)).toEqual([String(s.index)]);
      // On the slide, in its foot, below every other shape's top.
      expect(number.x + number.w).toBeLessThanOrEqual(width);
      expect(number.y + number.h).toBeLessThanOrEqual(height);
      expect(number.y).toBeGreaterThan(height * 0.8);
    }
  });

  it('adds no number where the master draws its own in a text box (LibreOffice)', () => {
    const { deck } = decks.get('impress-midnightblue.potx')!;
    const slides = deck.slides.filter((s) => s.title === 'Key messages' || s.title === 'More messages');
    expect(slides.length).toBe(2);
    for (const s of slides) {
      expect(s.xml).not.toMatch(/type="slidenum"/);
      expect(shapesOf(s.xml).some((sh) => sh.name === 'Slide number')).toBe(false);
    }
  });

  it('passes the Open XML validator', async () => {
    for (const { file } of decks.values()) expect(await validatePptx(file)).toEqual([]);
  });
});
