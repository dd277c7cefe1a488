import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/**
 * Without a template, the theme lives in the package: theme1.xml, the master's text styles and
 * the slide layouts carry the house style, so a slide added in PowerPoint matches the deck.
 */

const official = parse(readFileSync(join(REPO, 'templates/official.yaml'), 'utf8')) as {
  name: string;
  palette: Record<string, string | string[]>;
  fonts: { latin: string; east_asian: string };
  sizes: { title: number; body: number };
  footer: { text: string };
};
const hex = (c: string) => c.replace('#', '').toUpperCase();

let flagship: OpenedDeck;
let flagshipBytes: Buffer;
beforeAll(async () => {
  const out = join(tempProject(), 'out');
  const r = await buildDeck('decks/opening-up.yaml', { cwd: REPO, outDir: out, cacheDir: join(out, '..', 'cache') });
  expect(r.ok).toBe(true);
  flagshipBytes = readFileSync(join(out, 'opening-up.pptx'));
  flagship = await openPptx(flagshipBytes);
}, 120_000);

const attr = (xml: string, re: RegExp) => re.exec(xml)?.[1];

/** The layout part each slide uses, by layout name. */
async function layoutsBySlide(deck: OpenedDeck): Promise<string[]> {
  const names: string[] = [];
  for (const slide of deck.slides) {
    const rels = await deck.file(`ppt/slides/_rels/slide${slide.index}.xml.rels`);
    const part = attr(rels, /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/)!;
    names.push(attr(await deck.file(`ppt/slideLayouts/${part}`), /<p:cSld name="([^"]*)"/)!);
  }
  return names;
}

describe('the package theme without a template', () => {
  it('names theme1.xml after the theme and carries its palette and faces', async () => {
    const theme = await flagship.file('ppt/theme/theme1.xml');
    expect(theme).not.toContain('Office Theme');
    expect(attr(theme, /<a:theme [^>]*name="([^"]*)"/)).toBe(official.name);
    const slot = (name: string) => attr(theme, new RegExp(`<a:${name}><a:srgbClr val="([0-9A-F]{6})"/>`));
    const p = official.palette as Record<string, string> & { series: string[] };
    expect(slot('dk1')).toBe(hex(p.text));
    expect(slot('lt1')).toBe(hex(p.background));
    expect(slot('dk2')).toBe(hex(p.title));
    expect(slot('lt2')).toBe(hex(p.surface));
    expect([1, 2, 3, 4, 5, 6].map((i) => slot(`accent${i}`))).toEqual(p.series.slice(0, 6).map(hex));
    expect(slot('hlink')).toBe(hex(p.accent));
    for (const font of ['majorFont', 'minorFont']) {
      const list = attr(theme, new RegExp(`<a:${font}>([\\s\\S]*?)</a:${font}>`))!;
      expect(attr(list, /<a:latin typeface="([^"]*)"/)).toBe(official.fonts.latin);
      expect(attr(list, /<a:ea typeface="([^"]*)"/)).toBe(official.fonts.east_asian);
      expect(list).toContain('<a:cs typeface=""/>');
      expect(attr(list, /<a:font script="Hans" typeface="([^"]*)"/)).toBe(official.fonts.east_asian);
    }
  });

  it("sets the master's title and bullet styles at the deck's sizes, in the theme's fonts and colours", async () => {
    const master = await flagship.file('ppt/slideMasters/slideMaster1.xml');
    const title = attr(master, /<p:titleStyle>([\s\S]*?)<\/p:titleStyle>/)!;
    expect(title).toContain(`sz="${official.sizes.title * 100}" b="1"`);
    expect(title).toContain('algn="l"');
    expect(title).toContain('<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/>');
    const body = attr(master, /<p:bodyStyle>([\s\S]*?)<\/p:bodyStyle>/)!;
    const level = (n: number) => attr(body, new RegExp(`(<a:lvl${n}pPr [\\s\\S]*?</a:lvl${n}pPr>)`))!;
    expect(level(1)).toMatch(/marL="254000" indent="-254000"/);
    expect(level(1)).toContain('<a:buChar char="•"/>');
    expect(level(1)).toContain(`sz="${official.sizes.body * 100}"`);
    expect(level(2)).toMatch(/marL="508000" indent="-254000"/);
    expect(level(3)).toMatch(/marL="762000"/);
    expect(body).toContain('<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/>');
    expect(master).not.toContain('sz="4400"');
  });

  it('gives "New Slide" the house fonts and colours: layout → master styles → theme', async () => {
    // What PowerPoint does for a slide added on the Title and Content layout: its placeholders
    // have no style of their own, so text takes the master's styles, which name theme slots.
    const theme = await flagship.file('ppt/theme/theme1.xml');
    const master = await flagship.file('ppt/slideMasters/slideMaster1.xml');
    let layout = '';
    for (const n of flagship.names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))) {
      const xml = await flagship.file(n);
      if (xml.includes('<p:cSld name="Title and Content"')) layout = xml;
    }
    expect(layout).toContain('type="obj"');
    const clrMap = attr(master, /<p:clrMap ([^>]*)\/>/)!;
    const resolve = (style: string, fonts: 'mj' | 'mn') => {
      const lvl1 = attr(master, new RegExp(`<p:${style}>[\\s\\S]*?(<a:lvl1pPr [\\s\\S]*?</a:lvl1pPr>)`))!;
      const scheme = attr(lvl1, /<a:schemeClr val="([^"]*)"\/>/)!;
      const slot = attr(clrMap, new RegExp(`\\b${scheme}="([^"]*)"`)) ?? scheme;
      const color = attr(theme, new RegExp(`<a:${slot}><a:srgbClr val="([0-9A-F]{6})"/>`));
      const fontList = attr(theme, new RegExp(`<a:${fonts === 'mj' ? 'major' : 'minor'}Font>([\\s\\S]*?)</a:`))!;
      expect(lvl1).toContain(`<a:latin typeface="+${fonts}-lt"/>`);
      return { color, latin: attr(fontList, /<a:latin typeface="([^"]*)"/) };
    };
    for (const [type, style, fonts, colour] of [
      ['title', 'titleStyle', 'mj', official.palette.title],
      ['body', 'bodyStyle', 'mn', official.palette.text],
    ] as const) {
      const ph = attr(layout, new RegExp(`(<p:sp>(?:(?!</p:sp>)[\\s\\S])*?<p:ph type="${type}"[\\s\\S]*?</p:sp>)`))!;
      expect(ph, type).toContain('<a:lstStyle/>');
      expect(ph).not.toMatch(/<a:rPr|sz="/);
      expect(resolve(style, fonts)).toEqual({ color: hex(colour as string), latin: official.fonts.latin });
    }
  });

  it('names a layout for each use, with title and body placeholders, and puts each slide on its own', async () => {
    const names: string[] = [];
    for (const n of flagship.names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))) {
      const xml = await flagship.file(n);
      names.push(attr(xml, /<p:cSld name="([^"]*)"/)!);
      if (!xml.includes('name="Blank"')) {
        expect(xml, n).toContain('<p:ph type="title"/>');
        expect(xml, n).toMatch(/<p:ph type="(body|subTitle)" idx="1"\/>/);
      }
    }
    expect(names.sort()).toEqual(
      ['Blank', 'Chart', 'Quote', 'Section', 'Sources', 'Table', 'Title', 'Title and Content'].sort(),
    );
    const used = await layoutsBySlide(flagship);
    expect(used[0]).toBe('Title');
    expect(used.at(-1)).toBe('Sources');
    expect(used).toContain('Section');
    expect(used).toContain('Chart');
    expect(used).toContain('Quote');
    // Every bullets slide has its bullets in the body placeholder; no slide keeps an empty placeholder.
    flagship.slides.forEach((s, i) => {
      const body = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="body" idx="1"\/>[\s\S]*?<\/p:sp>/.exec(s.xml)?.[0];
      if (used[i] === 'Title and Content' && s.xml.includes('<a:buChar')) expect(body, `slide ${i + 1}`).toBeDefined();
      if (body) expect(body).toMatch(/<a:t>[^<]+<\/a:t>/);
      if (used[i] === 'Chart' || used[i] === 'Table') expect(body, `slide ${i + 1}`).toBeUndefined();
    });
  });

  it('says who made the deck and never names pptxgenjs, the embedded workbooks included', async () => {
    const core = await flagship.file('docProps/core.xml');
    expect(core).toContain('<dc:title>Drawing a New Picture of Win-win Cooperation</dc:title>');
    const app = await flagship.file('docProps/app.xml');
    expect(app).toContain(`<Company>${official.footer.text}</Company>`);
    expect(app).toContain('<Application>briefdeck</Application>');
    expect(app).toContain(`<vt:lpstr>${official.name}</vt:lpstr>`);
    expect(app).toContain('<vt:lpstr>Key messages</vt:lpstr>');

    // A theme that names its author and company; a native chart brings an embedded workbook.
    const dir = tempProject({
      'decks/t.yaml':
        'title: Who made it\ntheme: house.yaml\ndata: d.yaml\ncharts: native\nsections:\n  - title: One\n    slides:\n' +
        '      - { type: chart, title: Shares, chart: { type: column, data: share } }\n',
      'decks/d.yaml': 'share: { unit: "%", series: { A: 40, B: 60 } }\n',
      'decks/house.yaml': 'extends: official\nauthor: Jane Analyst\ncompany: Ministry of Examples\n',
    });
    const r = await buildDeck('decks/t.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const bytes = readFileSync(join(dir, 'out', 't.pptx'));
    const deck = await openPptx(bytes);
    expect(await deck.file('docProps/core.xml')).toContain('<dc:creator>Jane Analyst</dc:creator>');
    expect(await deck.file('docProps/app.xml')).toContain('<Company>Ministry of Examples</Company>');
    const workbooks = deck.names.filter((n) => n.endsWith('.xlsx'));
    expect(workbooks.length).toBeGreaterThan(0);
    for (const [what, pkg] of [
      ['flagship', flagshipBytes],
      ['native', bytes],
    ] as const) {
      const zip = await JSZip.loadAsync(pkg);
      for (const name of Object.keys(zip.files)) {
        const data = await zip.file(name)!.async('nodebuffer');
        const texts = [data.toString('utf8')];
        if (name.endsWith('.xlsx')) {
          const inner = await JSZip.loadAsync(data);
          for (const n of Object.keys(inner.files)) texts.push(await inner.file(n)!.async('string'));
          expect(texts.join('')).toContain('Jane Analyst');
        }
        expect(texts.join('').toLowerCase(), `${what} ${name}`).not.toContain('pptxgenjs');
      }
    }
  });
});
