import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../src/pptx/zip.js';
import { chooseLayouts, readTemplate, TemplateError, type HouseTemplate } from '../../src/template/index.js';
import { REPO } from '../helpers/project.js';

const FIXTURES = join(REPO, 'tests/fixtures/templates');
const bytesOf = (name: string) => readFileSync(join(FIXTURES, name));
const read = (name: string) => readTemplate(bytesOf(name), `templates/${name}`);
const layout = (t: HouseTemplate, name: string, master = 0) =>
  t.layouts.find((l) => l.name === name && l.master === master)!;
const box = (t: HouseTemplate, name: string, type: string) =>
  layout(t, name).placeholders.find((p) => p.type === type)?.box;

/** A fixture's parts with some replaced or removed, zipped again. */
function edited(name: string, change: (parts: Map<string, Buffer>) => void): Buffer {
  const parts = new Map(readZip(bytesOf(name)).map((e) => [e.name, e.data]));
  change(parts);
  return writeZip(
    [...parts].map(([n, data]) => ({ name: n, data, store: false })),
    new Date(Date.UTC(2026, 0, 1)),
  );
}
const text = (parts: Map<string, Buffer>, part: string) => parts.get(part)!.toString('utf8');
const replace = (parts: Map<string, Buffer>, part: string, from: RegExp, to: string) => {
  const before = text(parts, part);
  const after = before.replace(from, to);
  expect(after).not.toBe(before);
  parts.set(part, Buffer.from(after));
};

async function failure(bytes: Buffer): Promise<string> {
  const e = await readTemplate(bytes, 'templates/house.potx').then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TemplateError);
  expect((e as TemplateError).file).toBe('templates/house.potx');
  return (e as Error).message;
}

describe('readTemplate on a template written by PowerPoint (pandoc reference)', () => {
  it('reads slide size in points, theme colours, fonts with the Chinese face, and every layout by name', async () => {
    const t = await read('pandoc-reference.pptx');
    expect(t.file).toBe('templates/pandoc-reference.pptx');
    expect(t.slide).toEqual({ width: 720, height: 405 }); // 9144000 × 5143500 EMU
    expect(t.colors).toMatchObject({
      dk1: '#000000',
      lt1: '#FFFFFF',
      dk2: '#1F497D',
      accent1: '#4F81BD',
      accent6: '#F79646',
    });
    // ea is empty in this Office theme: PowerPoint shows Chinese in the Hans script face.
    expect(t.fonts).toEqual({
      major: { latin: 'Calibri', eastAsian: '宋体' },
      minor: { latin: 'Calibri', eastAsian: '宋体' },
    });
    expect(t.masters).toEqual([{ part: 'ppt/slideMasters/slideMaster1.xml' }]);
    expect(t.layouts.map((l) => l.name)).toEqual([
      'Title Slide',
      'Title and Content',
      'Section Header',
      'Two Content',
      'Comparison',
      'Title Only',
      'Blank',
      'Content with Caption',
      'Picture with Caption',
      'Title and Vertical Text',
      'Vertical Title and Text',
    ]);
    expect(t.layouts.every((l) => !l.dark)).toBe(true);
  });

  it('gives a layout placeholder without a box of its own the box of its master placeholder', async () => {
    const t = await read('pandoc-reference.pptx');
    const parts = new Map(readZip(bytesOf('pandoc-reference.pptx')).map((e) => [e.name, e.data.toString('utf8')]));
    // The layout's title and body carry no a:xfrm: PowerPoint takes the master's.
    const titleShape = /<p:sp>(?:(?!<\/p:sp>).)*<p:ph type="title"\/>(?:(?!<\/p:sp>).)*<\/p:sp>/s;
    expect(parts.get('ppt/slideLayouts/slideLayout2.xml')!.match(titleShape)![0]).not.toContain('a:xfrm');
    const masterTitle = parts.get('ppt/slideMasters/slideMaster1.xml')!.match(titleShape)![0];
    const [, x, y] = masterTitle.match(/<a:off x="(\d+)" y="(\d+)"/)!;
    const [, cx, cy] = masterTitle.match(/<a:ext cx="(\d+)" cy="(\d+)"/)!;
    const pt = (emu: string) => Math.round((Number(emu) / 12700) * 100) / 100;
    expect(box(t, 'Title and Content', 'title')).toEqual({ x: pt(x!), y: pt(y!), w: pt(cx!), h: pt(cy!) });
    expect(box(t, 'Title and Content', 'obj')).toEqual({ x: 36, y: 94.5, w: 648, h: 267.28 });
    // A layout's own box wins: the title slide's centred title.
    expect(box(t, 'Title Slide', 'ctrTitle')).toEqual({ x: 54, y: 125.81, w: 612, h: 86.81 });
  });

  it('chooses the standard layouts for each kind of slide', async () => {
    const chosen = chooseLayouts(await read('pandoc-reference.pptx'));
    expect(Object.fromEntries(Object.entries(chosen).map(([role, l]) => [role, l.name]))).toEqual({
      title: 'Title Slide',
      section: 'Section Header',
      content: 'Title and Content',
      chart: 'Title and Content',
      table: 'Title and Content',
      quote: 'Title and Content',
      sources: 'Title and Content',
    });
  });

  it('takes a layout named in the theme, in any case, and names the layouts when the name is unknown', async () => {
    const t = await read('pandoc-reference.pptx');
    const chosen = chooseLayouts(t, { chart: 'title only', quote: ' Two Content ' });
    expect(chosen.chart.name).toBe('Title Only');
    expect(chosen.quote.name).toBe('Two Content');
    expect(() => chooseLayouts(t, { table: 'Two Contents' })).toThrow(
      /no layout named "Two Contents" \(for table slides\); its layouts: Title Slide, Title and Content, .*Two Content,/,
    );
  });
});

describe('readTemplate on templates written by LibreOffice Impress', () => {
  it('reads three masters and their 36 layouts with LibreOffice names, dark masters drawn as rectangles', async () => {
    const t = await read('impress-midnightblue.potx');
    expect(t.slide).toEqual({ width: 793.75, height: 446.5 }); // 28 × 15.75 cm
    expect(t.masters).toHaveLength(3);
    expect(t.layouts).toHaveLength(36);
    expect(t.fonts).toEqual({
      major: { latin: 'Arial', eastAsian: 'DejaVu Sans' },
      minor: { latin: 'Arial', eastAsian: 'DejaVu Sans' },
    });
    expect(t.layouts.filter((l) => l.master === 0).map((l) => l.name)).toContain('Title, 2 Content over Content');
    // Master 1 has a thin bar; masters 2 and 3 a full-slide #2C3E50 rectangle.
    expect(t.layouts.map((l) => l.dark)).toEqual([...Array(12).fill(false), ...Array(24).fill(true)]);
    expect(t.layouts[12]!.background).toBe('#2C3E50');
    const chosen = chooseLayouts(t);
    // LibreOffice marks its title slide type="tx"; the subtitle placeholder and the name find it.
    expect([chosen.title.name, chosen.title.master]).toEqual(['Title Slide', 0]);
    expect([chosen.content.name, chosen.content.type]).toEqual(['Title, Content', 'obj']);
    expect(chosen.chart).toBe(chosen.content);
    expect(box(t, 'Title, Content', 'obj')).toEqual({ x: 269.29, y: 255.12, w: 496.06, h: 127.56 });
  });

  it('reads a 4:3 template with a picture background', async () => {
    const t = await read('impress-debian-4x3.potx');
    expect(t.slide).toEqual({ width: 793.75, height: 595.25 });
    expect(t.slide.width / t.slide.height).toBeCloseTo(4 / 3, 2);
    expect(t.layouts).toHaveLength(12);
    expect(t.layouts.some((l) => l.dark)).toBe(false);
    expect(chooseLayouts(t).content.name).toBe('Title, Content');
  });
});

describe('readTemplate on a template with East Asian theme fonts and dark title layouts', () => {
  it('reads the East Asian faces, the colour scheme and Chinese layout names', async () => {
    const t = await read('east-asian-dark.pptx');
    expect(t.fonts).toEqual({
      major: { latin: 'Arial', eastAsian: 'SimHei' },
      minor: { latin: 'Arial', eastAsian: 'Microsoft YaHei' },
    });
    expect(t.colors).toMatchObject({ dk1: '#1A1A1A', dk2: '#7A0E14', accent1: '#B71C1C', accent2: '#C9A227' });
    const chosen = chooseLayouts(t);
    expect([chosen.title.name, chosen.section.name, chosen.content.name]).toEqual([
      '标题幻灯片',
      '节标题',
      '标题和内容',
    ]);
  });

  it('finds dark backgrounds through a colour-map override, a theme fill style and a colour modifier', async () => {
    const t = await read('east-asian-dark.pptx');
    // bgRef 1001 in bg1, with bg1 mapped to dk2 (#7A0E14) on this layout only.
    expect(layout(t, '标题幻灯片').dark).toBe(true);
    // accent1 at half luminance.
    expect(layout(t, '节标题').dark).toBe(true);
    expect(t.layouts.filter((l) => l.dark).map((l) => l.name)).toEqual(['标题幻灯片', '节标题']);
    expect(layout(t, '标题幻灯片').background).toBe('#7A0E14');
    expect(layout(t, '标题和内容').background).toBe('#FFFFFF'); // the master's bgRef in bg1 = lt1
  });

  it('calls the same background light when the override maps bg1 to a light colour', async () => {
    const bytes = edited('east-asian-dark.pptx', (p) =>
      replace(p, 'ppt/slideLayouts/slideLayout1.xml', /bg1="dk2"/, 'bg1="lt2"'),
    );
    const t = await readTemplate(bytes, 'x.pptx');
    expect(layout(t, '标题幻灯片').dark).toBe(false);
  });
});

describe('readTemplate on hostile and broken input', () => {
  it('refuses a file that is not a zip, and an old binary PowerPoint file, in words', async () => {
    expect(await failure(Buffer.from('name: not a template\n'))).toMatch(/not a PowerPoint template.*not one/);
    expect(await failure(Buffer.alloc(0))).toMatch(/not a PowerPoint template/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await failure(ole)).toMatch(/old binary PowerPoint file.*save it as \.potx or \.pptx/);
  });

  it('says a zip is damaged when it is cut short', async () => {
    const whole = bytesOf('pandoc-reference.pptx');
    expect(await failure(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/damaged zip package/);
  });

  it('refuses a zip without a presentation, naming what it is when it can', async () => {
    const zip = (names: string[]) =>
      writeZip(
        names.map((name) => ({ name, data: Buffer.from('<x/>'), store: false })),
        new Date(Date.UTC(2026, 0, 1)),
      );
    expect(await failure(zip(['[Content_Types].xml', 'word/document.xml']))).toMatch(/Word document/);
    expect(await failure(zip(['notes.txt.xml']))).toMatch(/not a PowerPoint package.*ppt\/presentation\.xml/);
    const noPresentation = edited('pandoc-reference.pptx', (p) => p.delete('ppt/presentation.xml'));
    expect(await failure(noPresentation)).toMatch(/no presentation part/);
  });

  it('refuses a template without masters, or without a slide size PowerPoint allows', async () => {
    const noMasters = edited('pandoc-reference.pptx', (p) =>
      replace(p, 'ppt/presentation.xml', /<p:sldMasterIdLst>.*?<\/p:sldMasterIdLst>/, ''),
    );
    expect(await failure(noMasters)).toMatch(/no slide master/);
    const huge = edited('pandoc-reference.pptx', (p) =>
      replace(p, 'ppt/presentation.xml', /<p:sldSz cx="\d+"/, '<p:sldSz cx="914400000000"'),
    );
    expect(await failure(huge)).toMatch(/slide size of 72000000 × 405 pt; PowerPoint slides are 72 to 4032 pt/);
    const broken = edited('pandoc-reference.pptx', (p) =>
      replace(p, 'ppt/slideMasters/slideMaster1.xml', /<\/p:cSld>/, ''),
    );
    expect(await failure(broken)).toMatch(
      /a slide master \(ppt\/slideMasters\/slideMaster1\.xml\) is not well-formed XML/,
    );
  });

  it('does not inflate an entry past its declared size, and refuses parts too large to be a template', async () => {
    // A part that claims 100 MB: refused from the central directory, before anything is inflated.
    const bomb = edited('pandoc-reference.pptx', (p) =>
      p.set('ppt/slideLayouts/slideLayout1.xml', Buffer.alloc(17 * 1024 * 1024, 0x20)),
    );
    expect(await failure(bomb)).toMatch(
      /damaged zip package \(zip entry ppt\/slideLayouts\/slideLayout1\.xml is \d+ bytes/,
    );
  });

  it('keeps odd layouts usable: boxes off the slide are cut or dropped, nameless layouts named by type', async () => {
    const bytes = edited('pandoc-reference.pptx', (p) => {
      const part = 'ppt/slideLayouts/slideLayout1.xml';
      // The centred title far off the slide; the subtitle half off its right edge; no layout name.
      replace(p, part, /<a:off x="685800" y="1597819"\/>/, '<a:off x="-99999999" y="-99999999"/>');
      replace(p, part, /<p:cSld name="Title Slide">/, '<p:cSld name="  ">');
      replace(
        p,
        part,
        /<a:off x="1371600" y="2914650"\/><a:ext cx="6400800"/,
        '<a:off x="7000000" y="2914650"/><a:ext cx="6400800"',
      );
    });
    const t = await readTemplate(bytes, 'odd.pptx');
    const first = t.layouts[0]!;
    expect(first.name).toBe('title');
    // The title's own box is unusable: the master's title box stands in, as for a layout without one.
    expect(first.placeholders.find((p) => p.type === 'ctrTitle')?.box).toEqual(box(t, 'Title and Content', 'title'));
    const sub = first.placeholders.find((p) => p.type === 'subTitle')!.box!;
    expect(sub.x + sub.w).toBe(720);
    expect(sub.x).toBeCloseTo(7000000 / 12700, 2);
  });

  it('refuses a template with more layouts than any template has', async () => {
    const bytes = edited('pandoc-reference.pptx', (p) => {
      const master = 'ppt/slideMasters/slideMaster1.xml';
      const ids = Array.from({ length: 1001 }, (_, i) => `<p:sldLayoutId id="${2147483700 + i}" r:id="rIdX${i}"/>`);
      replace(
        p,
        master,
        /<p:sldLayoutIdLst>.*?<\/p:sldLayoutIdLst>/,
        `<p:sldLayoutIdLst>${ids.join('')}</p:sldLayoutIdLst>`,
      );
      const rels = Array.from(
        { length: 1001 },
        (_, i) =>
          `<Relationship Id="rIdX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout" Target="../slideLayouts/slideLayout2.xml"/>`,
      );
      replace(
        p,
        'ppt/slideMasters/_rels/slideMaster1.xml.rels',
        /<\/Relationships>/,
        `${rels.join('')}</Relationships>`,
      );
    });
    expect(await failure(bytes)).toMatch(/more than 1000 slide layouts/);
  });
});
