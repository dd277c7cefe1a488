import { createCanvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { auditPptx } from '../../src/a11y/index.js';
import { contrast } from '../../src/a11y/contrast.js';
import { writeZip } from '../../src/pptx/zip.js';

/**
 * The accessibility audit judges text against what is really beneath it on a template: the
 * slide's, layout's or master's background however it is filled (a theme background style,
 * a theme colour through the colour map and its overrides, colour modifiers, a gradient, a
 * picture) and the filled shapes the layout and master draw. Each case is a small package
 * written here, with white or black text on one fill, audited from its bytes.
 */

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (list: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

/** Office's theme: dk2 1F497D (dark navy), accent1 4F81BD, its background styles solid and gradient. */
const THEME = `<?xml version="1.0" encoding="UTF-8"?><a:theme ${NS} name="Test"><a:themeElements>
<a:clrScheme name="Test"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1>
<a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4>
<a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink>
<a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme>
<a:fontScheme name="Test"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>
<a:fmtScheme name="Test"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:shade val="30000"/></a:schemeClr></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>
<a:lnStyleLst><a:ln/><a:ln/><a:ln/></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>
<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:gradFill><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="40000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr"><a:shade val="20000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="5400000"/></a:gradFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>
</a:themeElements></a:theme>`;

const STANDARD_MAP =
  'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"';

interface Case {
  /** Inner XML of p:bg on each level (without the p:bg element). */
  slideBg?: string;
  layoutBg?: string;
  masterBg?: string;
  /** The master's p:clrMap attributes; the layout's and slide's overrideClrMapping attributes. */
  masterMap?: string;
  layoutMap?: string;
  slideMap?: string;
  /** Non-placeholder shapes drawn on the layout or master (p:sp XML). */
  layoutShapes?: string;
  masterShapes?: string;
  layoutHidesMaster?: boolean;
  /** The text's own box on the slide, EMU (the slide is 9144000 × 5143500). */
  box?: [number, number, number, number];
  /** The text's colour. */
  color: string;
  /** A picture at ppt/media/image1.png, related to the master as rId9. */
  picture?: Buffer;
}

const bg = (inner: string | undefined) => (inner ? `<p:bg>${inner}</p:bg>` : '');
const tree = (shapes = '') =>
  `<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}</p:spTree>`;
const ovr = (map: string | undefined) =>
  `<p:clrMapOvr>${map ? `<a:overrideClrMapping ${map}/>` : '<a:masterClrMapping/>'}</p:clrMapOvr>`;

/** A filled rectangle (not a placeholder). */
const rect = (fill: string, [x, y, w, h]: number[]) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="9" name="Band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${fill}</p:spPr></p:sp>`;

function pptx(c: Case): Buffer {
  const [x, y, w, h] = c.box ?? [457200, 1600200, 8229600, 1000000];
  const text = `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="en-US" sz="2400"><a:solidFill><a:srgbClr val="${c.color}"/></a:solidFill></a:rPr><a:t>Words on the ground</a:t></a:r></a:p></p:txBody></p:sp>`;
  const parts: [string, string | Buffer][] = [
    ['_rels/.rels', rels([['rId1', 'officeDocument', 'ppt/presentation.xml']])],
    [
      'ppt/presentation.xml',
      `<?xml version="1.0" encoding="UTF-8"?><p:presentation ${NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="9144000" cy="5143500"/></p:presentation>`,
    ],
    [
      'ppt/_rels/presentation.xml.rels',
      rels([
        ['rId1', 'slideMaster', 'slideMasters/slideMaster1.xml'],
        ['rId2', 'slide', 'slides/slide1.xml'],
        ['rId3', 'theme', 'theme/theme1.xml'],
      ]),
    ],
    [
      'ppt/slides/slide1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><p:sld ${NS}><p:cSld>${bg(c.slideBg)}${tree(text)}</p:cSld>${ovr(c.slideMap)}</p:sld>`,
    ],
    ['ppt/slides/_rels/slide1.xml.rels', rels([['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml']])],
    [
      'ppt/slideLayouts/slideLayout1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><p:sldLayout ${NS}${c.layoutHidesMaster ? ' showMasterSp="0"' : ''}><p:cSld name="Test">${bg(c.layoutBg)}${tree(c.layoutShapes)}</p:cSld>${ovr(c.layoutMap)}</p:sldLayout>`,
    ],
    [
      'ppt/slideLayouts/_rels/slideLayout1.xml.rels',
      rels([['rId1', 'slideMaster', '../slideMasters/slideMaster1.xml']]),
    ],
    [
      'ppt/slideMasters/slideMaster1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><p:sldMaster ${NS}><p:cSld>${bg(c.masterBg ?? '<p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef>')}${tree(c.masterShapes)}</p:cSld><p:clrMap ${c.masterMap ?? STANDARD_MAP}/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`,
    ],
    [
      'ppt/slideMasters/_rels/slideMaster1.xml.rels',
      rels([
        ['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml'],
        ['rId2', 'theme', '../theme/theme1.xml'],
        ['rId9', 'image', '../media/image1.png'],
      ]),
    ],
    ['ppt/theme/theme1.xml', THEME],
    ...(c.picture ? [['ppt/media/image1.png', c.picture] as [string, Buffer]] : []),
  ];
  return writeZip(
    parts.map(([name, data]) => ({ name, data: Buffer.isBuffer(data) ? data : Buffer.from(data), store: false })),
    new Date(Date.UTC(2026, 0, 1)),
  );
}

/** The contrast findings of the one slide: the ground each names, empty when the text reads. */
async function grounds(c: Case): Promise<string[]> {
  const issues = await auditPptx(pptx(c), { lang: 'en' });
  return issues.filter((i) => i.code === 'a11y-contrast').map((i) => /on #([0-9A-F]{6})/.exec(i.message)![1]!);
}

const WHITE = 'FFFFFF';
const BLACK = '000000';
const NAVY = '1F497D';

describe('the accessibility audit on template backgrounds', () => {
  it('follows a bgRef to the theme background style, phClr standing for its colour through the map', async () => {
    // The master's bgRef in bg1 is white; a layout whose map says bg1 is dk2 makes it navy.
    const dark = { layoutMap: STANDARD_MAP.replace('bg1="lt1"', 'bg1="dk2"') };
    expect(await grounds({ ...dark, color: WHITE })).toEqual([]);
    expect(await grounds({ ...dark, color: BLACK })).toEqual([NAVY]);
    expect(await grounds({ color: WHITE })).toEqual([WHITE]);
    // The slide's own override wins over its layout's.
    expect(await grounds({ ...dark, slideMap: STANDARD_MAP, color: WHITE })).toEqual([WHITE]);
    // idx 1003 picks the third background style; 1002 a gradient, below.
    expect(
      await grounds({ ...dark, masterBg: '<p:bgRef idx="1003"><a:schemeClr val="bg1"/></p:bgRef>', color: BLACK }),
    ).toEqual([NAVY]);
  });

  it('resolves a theme colour through the master colour map', async () => {
    const masterBg = '<p:bgPr><a:solidFill><a:schemeClr val="bg2"/></a:solidFill><a:effectLst/></p:bgPr>';
    expect(await grounds({ masterBg, color: BLACK })).toEqual([]);
    const inverted = STANDARD_MAP.replace('bg2="lt2"', 'bg2="dk2"');
    expect(await grounds({ masterBg, masterMap: inverted, color: WHITE })).toEqual([]);
    expect(await grounds({ masterBg, masterMap: inverted, color: BLACK })).toEqual([NAVY]);
  });

  it('applies lumMod, lumOff, tint and shade to the colour', async () => {
    const solid = (modifiers: string) =>
      `<p:bgPr><a:solidFill><a:schemeClr val="accent1">${modifiers}</a:schemeClr></a:solidFill><a:effectLst/></p:bgPr>`;
    // accent1 (4F81BD) is mid blue: neither white nor black text is sure on it until it is darkened or lightened.
    expect(await grounds({ layoutBg: solid('<a:lumMod val="50000"/>'), color: WHITE })).toEqual([]);
    expect(
      await grounds({ layoutBg: solid('<a:lumMod val="20000"/><a:lumOff val="80000"/>'), color: WHITE }),
    ).toHaveLength(1);
    expect(await grounds({ layoutBg: solid('<a:lumMod val="20000"/><a:lumOff val="80000"/>'), color: BLACK })).toEqual(
      [],
    );
    expect(await grounds({ layoutBg: solid('<a:shade val="30000"/>'), color: WHITE })).toEqual([]);
    expect(await grounds({ layoutBg: solid('<a:tint val="20000"/>'), color: BLACK })).toEqual([]);
    const [lightened] = await grounds({ layoutBg: solid('<a:tint val="20000"/>'), color: WHITE });
    expect(contrast(lightened!, WHITE)).toBeLessThan(1.3);
  });

  it('judges text on a gradient against the stop that reads worst', async () => {
    const gradient = (a: string, b: string) =>
      `<p:bgPr><a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="${a}"/></a:gs><a:gs pos="100000"><a:srgbClr val="${b}"/></a:gs></a:gsLst><a:lin ang="0"/></a:gradFill><a:effectLst/></p:bgPr>`;
    // Dark navy to pale grey: white text fails on the pale end, black on the dark end.
    expect(await grounds({ slideBg: gradient('10203A', 'E8E8E8'), color: WHITE })).toEqual(['E8E8E8']);
    expect(await grounds({ slideBg: gradient('10203A', 'E8E8E8'), color: BLACK })).toEqual(['10203A']);
    expect(await grounds({ slideBg: gradient('10203A', '303A50'), color: WHITE })).toEqual([]);
    // The theme's gradient background style, its stops the bgRef's colour tinted and shaded.
    const styled = await grounds({
      masterBg: '<p:bgRef idx="1002"><a:schemeClr val="accent1"/></p:bgRef>',
      color: WHITE,
    });
    expect(styled).toHaveLength(1);
    expect(contrast(styled[0]!, WHITE)).toBeLessThan(3);
  });

  it('samples a picture background under the text, not its average', async () => {
    // Left half navy, right half white.
    const canvas = createCanvas(200, 100);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, 200, 100);
    ctx.fillStyle = `#${NAVY}`;
    ctx.fillRect(0, 0, 100, 100);
    const picture = canvas.toBuffer('image/png');
    const masterBg =
      '<p:bgPr><a:blipFill><a:blip r:embed="rId9"/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr>';
    const left: Case['box'] = [300000, 1000000, 3500000, 800000];
    const right: Case['box'] = [5000000, 1000000, 3500000, 800000];
    expect(await grounds({ masterBg, picture, box: left, color: WHITE })).toEqual([]);
    expect(await grounds({ masterBg, picture, box: right, color: WHITE })).toEqual([WHITE]);
    expect(await grounds({ masterBg, picture, box: left, color: BLACK })).toEqual([NAVY]);
    // Across the edge, white text fails where the picture is white.
    expect(await grounds({ masterBg, picture, box: [3000000, 1000000, 3000000, 800000], color: WHITE })).toContain(
      WHITE,
    );
  });

  it("reads filled shapes the layout and master draw beneath the text, and the layout's hiding of the master's", async () => {
    const band = rect('<a:solidFill><a:schemeClr val="tx2"/></a:solidFill>', [0, 0, 9144000, 3000000]);
    expect(await grounds({ masterShapes: band, color: WHITE })).toEqual([]);
    expect(await grounds({ masterShapes: band, color: BLACK })).toEqual([NAVY]);
    expect(await grounds({ masterShapes: band, layoutHidesMaster: true, color: WHITE })).toEqual([WHITE]);
    // A shape filled by its style's fill reference (PowerPoint's default shape), in accent1 shaded to 30%.
    const styled = `<p:sp><p:nvSpPr><p:cNvPr id="9" name="Band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144000" cy="3000000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="2"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style></p:sp>`;
    expect(await grounds({ layoutShapes: styled, color: WHITE })).toEqual([]);
    expect(await grounds({ layoutShapes: styled, color: BLACK })).toHaveLength(1);
    // Text outside the band stands on the white background.
    expect(await grounds({ masterShapes: band, box: [457200, 3500000, 8229600, 800000], color: WHITE })).toEqual([
      WHITE,
    ]);
  });

  it('takes a placeholder’s fill from its layout when the slide gives none', async () => {
    const filledTitle = `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="1600200"/><a:ext cx="8229600" cy="1000000"/></a:xfrm><a:solidFill><a:schemeClr val="tx2"/></a:solidFill></p:spPr></p:sp>`;
    expect(await grounds({ layoutShapes: filledTitle, color: WHITE })).toEqual([]);
    expect(await grounds({ layoutShapes: filledTitle, color: BLACK })).toEqual([NAVY]);
  });
});
