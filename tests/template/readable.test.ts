import { beforeAll, describe, expect, it } from 'vitest';
import { buildFlagshipOn, type BuiltOnTemplate } from '../helpers/flagship-on-templates.js';
import { chooseLayouts, type HouseTemplate } from '../../src/template/index.js';
import { shapesOf, type OpenedDeck } from '../helpers/pptx.js';
import { withInheritedBoxes } from '../helpers/template.js';

/**
 * The flagship deck on house templates as a reader in the room sees it: text large enough to read
 * when projected, title-slide lines on one left edge, numbered section slides, the body right
 * under the title, tables across the body, and footer text in the deck's own face.
 */
const TEMPLATES = [
  'pandoc-reference.pptx',
  'east-asian-dark.pptx',
  'impress-midnightblue.potx',
  'impress-debian-4x3.potx',
];
const EMU = 12700;
let built = new Map<string, BuiltOnTemplate>();

beforeAll(async () => {
  ({ built } = await buildFlagshipOn(TEMPLATES));
}, 240_000);

const FOOTER_PH = /<p:ph\b[^>]*type="(?:dt|ftr|sldNum)"/;
/** Run sizes (points) of a shape's text. */
const sizesIn = (xml: string) => [...xml.matchAll(/<a:rPr\b[^>]*\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
const layoutOf = (b: { template: HouseTemplate }, target: string) =>
  b.template.layouts.find((l) => l.part === `ppt/slideLayouts/${target.split('/').pop()}`)!;
/** A slide's shapes with the boxes inherited from its layout written in, in points. */
const shapes = (b: { template: HouseTemplate }, s: OpenedDeck['slides'][number]) =>
  shapesOf(withInheritedBoxes(s.xml, layoutOf(b, s.layout))).map((sh) => ({
    ...sh,
    x: sh.x / EMU,
    y: sh.y / EMU,
    w: sh.w / EMU,
    h: sh.h / EMU,
  }));

describe.each(TEMPLATES)('the flagship on %s', (name) => {
  it('sets text at sizes that read when projected: bullets 16 pt, source and footer 9 pt, titles 24 pt', () => {
    const { deck } = built.get(name)!;
    const of = (shape: string) =>
      deck.slides.flatMap((s) => shapesOf(s.xml).filter((sh) => sh.name === shape)).flatMap((sh) => sizesIn(sh.xml));
    // The scaled 960 pt sizes were applied twice on a 10 in slide: 12.5 pt bullets, 6 pt sources.
    expect(Math.min(...of('Body'))).toBeGreaterThanOrEqual(16);
    expect(Math.min(...of('Source'))).toBeGreaterThanOrEqual(9);
    expect(Math.min(...of('Footer'), ...of('Slide number'))).toBeGreaterThanOrEqual(9);
    // Titles take two lines of the template's title box: pandoc's is 67.5 pt high (two lines of
    // 23.5 pt), Midnightblue's 57 pt (20 pt); Debian's 99 pt box holds the 24 pt and more.
    const titles = deck.slides.slice(2).flatMap((s) => sizesIn(shapesOf(s.xml).find((sh) => sh.isTitle)?.xml ?? ''));
    const least = { 'impress-midnightblue.potx': 20, 'impress-debian-4x3.potx': 24 }[name] ?? 23.5;
    expect(Math.min(...titles.filter((v) => v > 1))).toBeGreaterThanOrEqual(least);
  });

  it("starts subtitle and byline at the title's left edge", () => {
    const b = built.get(name)!;
    const all = shapes(b, b.deck.slides[0]!);
    const title = all.find((sh) => sh.isTitle)!;
    const lines = all.filter((sh) => sh.name === 'Subtitle' || sh.name === 'Byline');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.x, l.name).toBeCloseTo(title.x, 0);
  });

  it('numbers section slides as briefdeck’s own dividers do', () => {
    const b = built.get(name)!;
    const section = chooseLayouts(b.template).section.part;
    // Slide 1 is the title slide, which some templates' section layout is too.
    const sections = b.deck.slides.slice(1).filter((s) => layoutOf(b, s.layout).part === section);
    expect(sections.length).toBe(6);
    const numbers = sections.map((s) => shapesOf(s.xml).find((sh) => sh.name === 'Section number')?.xml ?? '');
    expect(numbers.map((n) => /<a:t>([^<]*)<\/a:t>/.exec(n)?.[1])).toEqual(['01', '02', '03', '04', '05', '06']);
  });

  it('starts the body right under a one-line title, with no empty band between', () => {
    const b = built.get(name)!;
    const slide = b.deck.slides.find((s) => s.title === 'Foreign investment: key facts')!;
    const title = shapes(b, slide).find((sh) => sh.isTitle)!;
    const table = /<p:graphicFrame>[\s\S]*?<a:off x="\d+" y="(\d+)"[\s\S]*?<a:tbl>/.exec(slide.xml)!;
    const size = sizesIn(title.xml)[0]!;
    // One line of title (1.2 × size / 0.95 + insets) and the 24 pt gap the deck keeps without a
    // template; under a band drawn behind the title (Midnightblue's), 12 pt under the band.
    const cx = title.x + title.w / 2;
    const cy = title.y + title.h / 2;
    const band = (layoutOf(b, slide.layout).fills ?? [])
      .map((f) => f.box)
      .filter((f) => f.h < 200 && cx >= f.x && cx <= f.x + f.w && cy >= f.y && cy <= f.y + f.h)
      .map((f) => f.y + f.h + 12);
    const top = Math.max(title.y + (size * 1.2) / 0.95 + 8 + 24, ...band);
    expect(Number(table[1]) / EMU).toBeLessThanOrEqual(top + 1);
    // The band is no excuse for the empty band the template's body placeholder left.
    expect(Number(table[1]) / EMU).toBeLessThan(
      layoutOf(b, slide.layout).placeholders.find((p) => p.type !== 'title' && p.box && p.box.h > 100)?.box?.y ??
        Infinity,
    );
  });

  it('sets tables across the body', () => {
    const b = built.get(name)!;
    const slide = b.deck.slides.find((s) => s.title === 'Foreign investment: key facts')!;
    const frame = /<p:graphicFrame>[\s\S]*?<a:ext cx="(\d+)"[\s\S]*?<a:tbl>/.exec(slide.xml)!;
    const body = shapes(
      b,
      b.deck.slides.find((s) => s.title === 'Key messages')!,
    ).find((sh) => sh.name === 'Body')!;
    expect(Number(frame[1]) / EMU).toBeCloseTo(body.w, 0);
  });

  it("writes footer, date and slide number in the face of the deck's text", () => {
    const { deck } = built.get(name)!;
    const slide = deck.slides.find((s) => s.title === 'Key messages')!;
    const face = /<a:latin typeface="([^"]+)"/.exec(shapesOf(slide.xml).find((sh) => sh.name === 'Body')!.xml)![1];
    const footers = deck.slides.flatMap((s) =>
      shapesOf(s.xml).filter((sh) => ['Footer', 'Date', 'Slide number'].includes(sh.name) && /<p:ph /.test(sh.xml)),
    );
    // Midnightblue's content layout has no footer placeholders: its footer is a text box of the deck's own.
    if (name !== 'impress-midnightblue.potx') expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f.xml).toContain(`<a:latin typeface="${face}"/>`);
  });

  it("keeps plain text plain whatever the template's body style (Midnightblue's is bold)", () => {
    const { deck } = built.get(name)!;
    const placed = deck.slides.flatMap((s) =>
      shapesOf(s.xml).filter((sh) => /<p:ph\b/.test(sh.xml) && !sh.isTitle && !FOOTER_PH.test(sh.xml)),
    );
    const runs = placed.flatMap((sh) => [...sh.xml.matchAll(/<a:r><a:rPr\b([^>]*)>/g)].map((m) => m[1]!));
    expect(runs.length).toBeGreaterThan(20);
    // Footer, date and number keep the template's own style; the slide's own text says its weight and slant.
    for (const r of runs) expect(r).toMatch(/\sb="[01]"[\s\S]*\si="[01]"|\si="[01]"[\s\S]*\sb="[01]"/);
    const body = deck.slides.find((s) => s.title === 'Key messages')!;
    const bullets = shapesOf(body.xml).find((sh) => sh.name === 'Body')!.xml;
    expect(bullets).not.toMatch(/\sb="1"/);
  });
});
