import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  HouseStyle,
  LayoutPlan,
  LayoutRole,
  MasterLayout,
  NativeChartSpec,
  RenderedDeck,
  Typeface,
} from '../../src/model.js';
import { finishPackage } from '../../src/pptx/package.js';
import { writePptx } from '../../src/pptx/write.js';
import { openPptx, type OpenedDeck } from '../helpers/pptx.js';
import { HERE } from '../helpers/layout.js';

/**
 * The writer on a deck made by hand, with faces and colours no theme has: whatever it
 * writes must come from the deck it is given.
 */
const face: Typeface = { latin: 'Georgia', eastAsian: 'SimSun' };
const head = { top: { color: '0A0A0A', width: 1.25 }, bottom: { color: '0A0A0A', width: 0.75 } };
const foot = { bottom: { color: 'DEDEDE', width: 0.75 } };
const box = { x: 72, y: 72, w: 360, h: 144 };
const logo = readFileSync(new URL('../../assets/logo.png', import.meta.url));
const darkLogo = readFileSync(new URL('../../assets/logo-dark.png', import.meta.url));
const master: MasterLayout = {
  background: 'ABCDEF',
  elements: [
    { kind: 'rect', name: 'Band', box: { x: 0, y: 500, w: 960, h: 40 }, fill: '123456' },
    { kind: 'picture', name: 'Logo', box: { x: 900, y: 505, w: 40, h: 30 }, image: logo, mime: 'png', alt: '' },
  ],
  title: { box, font: face, size: 33, color: '654321', bold: true, valign: 'top' },
};
const house: HouseStyle = {
  name: 'Hand & made',
  colors: {
    dk1: '010101',
    lt1: 'FEFEFE',
    dk2: '020202',
    lt2: 'FDFDFD',
    accent1: 'A10001',
    accent2: 'A20002',
    accent3: 'A30003',
    accent4: 'A40004',
    accent5: 'A50005',
    accent6: 'A60006',
    hlink: 'B10001',
    folHlink: 'B20002',
  },
  fonts: { major: face, minor: { latin: 'Verdana', eastAsian: 'KaiTi' } },
  title: { size: 33, bold: true, align: 'center', color: 'dk2', fonts: 'major', spaceBefore: 0 },
  body: [
    {
      size: 21,
      bold: false,
      align: 'left',
      color: 'dk1',
      fonts: 'minor',
      spaceBefore: 9,
      bullet: '•',
      marginLeft: 18,
      indent: -18,
    },
    {
      size: 19,
      bold: false,
      align: 'left',
      color: 'dk1',
      fonts: 'minor',
      spaceBefore: 4,
      bullet: '–',
      marginLeft: 36,
      indent: -18,
    },
  ],
  other: { size: 17, bold: false, align: 'left', color: 'dk1', fonts: 'minor', spaceBefore: 0 },
};
const bodyBox = { x: 40, y: 120, w: 880, h: 360 };
const plan = (name: string): LayoutPlan => ({
  name,
  master: 'content',
  body: { box: bodyBox, font: face, size: 21, color: '010101', valign: 'top', insets: { l: 0, r: 0, t: 4, b: 4 } },
  bodyText: name === 'Title and Content',
});
const layouts: Record<LayoutRole, LayoutPlan> = {
  title: plan('Title'),
  section: plan('Section'),
  content: plan('Title and Content'),
  chart: plan('Chart'),
  table: plan('Table'),
  quote: plan('Quote'),
  sources: plan('Sources'),
};
const spec: NativeChartSpec = {
  type: 'bar',
  series: [{ name: 'Trade', labels: ['A', 'B'], values: [1, 2] }],
  colors: ['0A0B0C', '0D0E0F', '0A0B0C'],
  alt: 'Column chart: A 1, B 2.',
  legend: { show: false, position: 'b', font: 'Georgia', size: 13 },
  dataLabels: { values: true, percents: false, font: 'Georgia', size: 13, format: '#,##0' },
  categoryAxis: { font: 'Georgia', size: 13, color: '111213', line: 'none' },
  valueAxis: {
    font: 'Georgia',
    size: 13,
    format: '#,##0',
    gridline: { color: 'EEEEEE', width: 0.75 },
    color: '141516',
  },
  bars: { direction: 'col', grouping: 'clustered', gapWidth: 60, topDown: false },
};
const deck: RenderedDeck = {
  meta: { title: 'Hand made', lang: 'en', footerAt: HERE },
  style: {
    slide: { width: 960, height: 540 },
    fonts: face,
    properties: { title: 'Hand made', author: 'A & B', company: 'C & D' },
    house,
  },
  masters: { content: master, title: master, section: master },
  layouts,
  slides: [
    {
      master: 'content',
      layout: 'content',
      notes: 'Notes.',
      at: HERE,
      elements: [
        {
          kind: 'text',
          name: 'Body',
          role: 'body',
          box,
          valign: 'top',
          insets: { l: 0, r: 0, t: 4, b: 4 },
          paragraphs: [
            {
              runs: [{ text: '开放 open', size: 21, color: 'C0FFEE', font: face, lang: 'zh-CN', italic: true }],
              level: 0,
              bullet: false,
              indent: 0,
              align: 'left',
              lineHeight: 25.2,
              spaceBefore: 0,
            },
          ],
        },
        {
          kind: 'table',
          name: 'Table',
          box: { x: 72, y: 250, w: 200, h: 40 },
          columnWidths: [100, 100],
          rowHeights: [20, 20],
          font: face,
          size: 12,
          valign: 'middle',
          padding: { x: 6, y: 4 },
          rows: [
            [
              {
                text: 'Region',
                bold: true,
                color: 'FFFFFF',
                fill: '111111',
                align: 'left',
                lang: 'en-US',
                rules: head,
              },
              { text: 'Value', bold: true, color: 'FFFFFF', fill: '111111', align: 'left', lang: 'en-US', rules: head },
            ],
            [
              {
                text: 'North',
                bold: false,
                color: '222222',
                fill: 'F0F0F0',
                align: 'left',
                lang: 'en-US',
                rules: foot,
              },
              { text: '1', bold: false, color: '222222', fill: 'F0F0F0', align: 'right', lang: 'en-US', rules: foot },
            ],
          ],
        },
        { kind: 'native-chart', name: 'Chart', box: { x: 480, y: 72, w: 400, h: 300 }, spec },
        {
          kind: 'picture',
          name: 'Picture',
          box: { x: 480, y: 400, w: 80, h: 60 },
          image: darkLogo,
          mime: 'png',
          alt: 'The dark logo',
        },
      ],
    },
  ],
};

let opened: OpenedDeck;
beforeAll(async () => {
  const written = await writePptx(deck);
  expect(written.typefaces).toEqual([face]);
  opened = await openPptx(
    await finishPackage(written.parts, {
      fonts: deck.style.fonts,
      typefaces: written.typefaces,
      timestamp: new Date('2025-01-01T00:00:00Z'),
      placeholders: written.placeholders,
      house,
      layouts: written.layouts,
      properties: written.properties,
    }),
  );
});

describe('the pptx writer, given a laid-out deck and no theme', () => {
  it('writes each run in its own faces, size, colour, style and language', () => {
    const xml = opened.slides[0]!.xml;
    expect(xml).toMatch(
      /<a:rPr lang="zh-CN"[^>]*sz="2100"[^>]*i="1"[^>]*>.*<a:srgbClr val="C0FFEE"\/>.*<a:latin typeface="Georgia"[^>]*\/><a:ea typeface="SimSun"[^>]*\/>/,
    );
  });

  it('writes table cells with the fills, colours, weight and alignment layout gave them', () => {
    const xml = opened.slides[0]!.xml;
    const cells = [...xml.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((m) => m[1]!);
    expect(cells).toHaveLength(4);
    expect(cells[0]).toMatch(/b="1"[\s\S]*<a:srgbClr val="FFFFFF"\/>[\s\S]*<a:srgbClr val="111111"\/>/);
    expect(cells[3]).toMatch(/algn="r"[\s\S]*<a:srgbClr val="222222"\/>[\s\S]*<a:srgbClr val="F0F0F0"\/>/);
    expect(cells.join('')).toContain('<a:srgbClr val="DEDEDE"/>');
    // Only the rules layout gave: above and below, never at the sides.
    for (const cell of cells) {
      expect(cell).toMatch(/<a:lnL[^>]*>\s*<a:noFill\/>/);
      expect(cell).toMatch(/<a:lnR[^>]*>\s*<a:noFill\/>/);
    }
    expect(cells[0]).toMatch(/<a:lnT w="15875"[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="0A0A0A"/);
    expect(cells[3]).toMatch(/<a:lnB w="9525"[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="DEDEDE"/);
  });

  it('writes the native chart from its spec: point colours, fonts, gap width, gridline', async () => {
    const chart = await opened.file(opened.names.find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!);
    expect(chart).toContain('<a:srgbClr val="0A0B0C"/>');
    expect(chart).toContain('<a:srgbClr val="0D0E0F"/>');
    expect(chart).toContain('<c:gapWidth val="60"/>');
    expect(chart).toContain('<a:srgbClr val="EEEEEE"/>');
    expect(chart).toContain('typeface="Georgia"');
    expect(chart).toContain('<a:srgbClr val="111213"/>');
    expect(chart).toContain('<a:srgbClr val="141516"/>');
    expect(chart).not.toContain('<c:legend>');
  });

  it('writes one layout per role with the master it names, and the slide on the layout of its role', async () => {
    const layouts = new Map<string, string>();
    for (const n of opened.names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))) {
      const xml = await opened.file(n);
      layouts.set(/<p:cSld name="([^"]*)"/.exec(xml)![1]!, n);
    }
    expect([...layouts.keys()]).toEqual([
      'Blank',
      'Title',
      'Title and Content',
      'Section',
      'Chart',
      'Table',
      'Quote',
      'Sources',
    ]);
    const content = await opened.file(layouts.get('Title and Content')!);
    expect(content).toContain('<a:srgbClr val="ABCDEF"/>');
    expect(content).toContain('<a:srgbClr val="123456"/>');
    expect(content).toContain('<p:ph type="title"/>');
    // The body placeholder at the box layout gave, in EMU.
    expect(content).toMatch(
      /<p:ph type="body" idx="1"\/>[\s\S]*<a:off x="508000" y="1524000"\/><a:ext cx="11176000" cy="4572000"\/>/,
    );
    const rels = await opened.file('ppt/slides/_rels/slide1.xml.rels');
    expect(rels).toContain(`../slideLayouts/${layouts.get('Title and Content')!.split('/').pop()}`);
    // The slide's bullets fill the body placeholder where layout put them.
    const slide = opened.slides[0]!.xml;
    expect(slide).toMatch(/name="Body"[\s\S]*?<p:ph type="body" idx="1"\/>[\s\S]*?<a:off x="914400" y="914400"\/>/);
  });

  it('packages each picture as the very bytes it was given, once', async () => {
    const slideImages = opened.slides[0]!.images;
    expect(slideImages).toHaveLength(1);
    expect((await opened.bytes(slideImages[0]!)).equals(darkLogo)).toBe(true);
    const media = opened.names.filter((n) => n.startsWith('ppt/media/'));
    const bytes = await Promise.all(media.map((n) => opened.bytes(n)));
    // The logo on every layout of the master is stored once, beside the slide's picture.
    expect(bytes).toHaveLength(2);
    expect(bytes.filter((b) => b.equals(logo))).toHaveLength(1);
  });

  it('writes the house theme, text styles and document properties from the deck style', async () => {
    const theme = await opened.file('ppt/theme/theme1.xml');
    expect(theme).toContain('name="Hand &amp; made"');
    expect(theme).toContain('<a:dk1><a:srgbClr val="010101"/></a:dk1>');
    expect(theme).toContain('<a:accent6><a:srgbClr val="A60006"/></a:accent6>');
    expect(theme).toContain('<a:majorFont><a:latin typeface="Georgia"/><a:ea typeface="SimSun"/><a:cs typeface=""/>');
    expect(theme).toContain('<a:minorFont><a:latin typeface="Verdana"/><a:ea typeface="KaiTi"/><a:cs typeface=""/>');
    const master = await opened.file('ppt/slideMasters/slideMaster1.xml');
    expect(master).toMatch(/<p:titleStyle><a:lvl1pPr [^>]*algn="ctr"[^>]*>.*sz="3300" b="1"/);
    expect(master).toMatch(
      /<a:lvl2pPr marL="457200" indent="-228600"[^>]*><a:spcBef><a:spcPts val="400"\/><\/a:spcBef><a:buChar char="–"\/><a:defRPr sz="1900"/,
    );
    expect(await opened.file('docProps/app.xml')).toContain('<Company>C &amp; D</Company>');
    expect(await opened.file('docProps/core.xml')).toContain('<dc:creator>A &amp; B</dc:creator>');
  });
});
