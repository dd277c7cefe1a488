import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { finishPackage, type PackageOptions } from '../../src/pptx/package.js';

const TYPES = (parts: string[]) =>
  `<?xml version="1.0"?><Types>${parts.map((p) => `<Override PartName="/${p}" ContentType="x"/>`).join('')}</Types>`;
const CORE =
  '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09Z</dcterms:created>' +
  '<dcterms:modified xsi:type="dcterms:W3CDTF">2031-05-06T07:08:09Z</dcterms:modified></cp:coreProperties>';
const PNG_A = Buffer.from('89504e470d0a1a0a0000000d49484452aaaa', 'hex');
const PNG_B = Buffer.from('89504e470d0a1a0a0000000d49484452bbbb', 'hex');
const OPTIONS: PackageOptions = {
  fonts: { latin: 'Calibri', eastAsian: 'Microsoft YaHei' },
  timestamp: new Date('2025-10-27T00:00:00Z'),
};

/** A zip of the given parts, as pptxgenjs might have written it, stamped with `date`. */
async function zipOf(parts: Record<string, string | Buffer>, date = new Date('2030-01-01T12:34:56Z')): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data, { date });
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function open(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const text = async (name: string) => zip.file(name)!.async('string');
  return { zip, names, text };
}

describe('finishing the package pptxgenjs wrote', () => {
  it('keeps one copy of each image and points every relationship at it', async () => {
    const out = await open(
      await finishPackage(
        await zipOf({
          '[Content_Types].xml': TYPES([]),
          'ppt/media/image-1-1.png': PNG_A,
          'ppt/media/image-2-1.png': PNG_A,
          'ppt/media/image-3-1.png': PNG_B,
          'ppt/slides/_rels/slide1.xml.rels': '<Rs><R Target="../media/image-1-1.png"/></Rs>',
          'ppt/slides/_rels/slide2.xml.rels':
            '<Rs><R Target="../media/image-2-1.png"/><R Target="../media/image-3-1.png"/></Rs>',
        }),
        OPTIONS,
      ),
    );
    expect(out.names.filter((n) => n.startsWith('ppt/media/'))).toEqual([
      'ppt/media/image-1-1.png',
      'ppt/media/image-3-1.png',
    ]);
    expect(await out.text('ppt/slides/_rels/slide2.xml.rels')).toBe(
      '<Rs><R Target="../media/image-1-1.png"/><R Target="../media/image-3-1.png"/></Rs>',
    );
  });

  it('drops content types declared for parts that do not exist, and puts [Content_Types].xml first', async () => {
    const out = await open(
      await finishPackage(
        await zipOf({
          'ppt/slides/slide1.xml': '<p:sld/>',
          '[Content_Types].xml': TYPES(['ppt/slides/slide1.xml', 'ppt/slideMasters/slideMaster7.xml']),
        }),
        OPTIONS,
      ),
    );
    expect(await out.text('[Content_Types].xml')).toBe(TYPES(['ppt/slides/slide1.xml']));
    expect(out.names[0]).toBe('[Content_Types].xml');
  });

  it('writes the fixed time into the document properties and every zip entry, the embedded workbook too', async () => {
    const workbook = await zipOf({ 'docProps/core.xml': CORE, 'xl/workbook.xml': '<workbook/>' });
    const out = await open(
      await finishPackage(
        await zipOf({
          '[Content_Types].xml': TYPES([]),
          'docProps/core.xml': CORE,
          'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx': workbook,
        }),
        OPTIONS,
      ),
    );
    const stamp = '2025-10-27T00:00:00Z';
    expect(await out.text('docProps/core.xml')).toBe(CORE.replaceAll('2031-05-06T07:08:09Z', stamp));
    const inner = await open(await out.zip.file('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx')!.async('nodebuffer'));
    expect(await inner.text('docProps/core.xml')).toBe(CORE.replaceAll('2031-05-06T07:08:09Z', stamp));
    const entries = [...Object.values(out.zip.files), ...Object.values(inner.zip.files)];
    expect(entries.length).toBe(5);
    for (const entry of entries) expect(entry.date.toISOString()).toBe('2025-10-27T00:00:00.000Z');
  });

  it('gives the same bytes whenever pptxgenjs wrote its input', async () => {
    const parts = { '[Content_Types].xml': TYPES([]), 'docProps/core.xml': CORE, 'ppt/slides/slide1.xml': '<p:sld/>' };
    const early = await finishPackage(await zipOf(parts, new Date('2030-01-01T00:00:00Z')), OPTIONS);
    const late = await finishPackage(await zipOf(parts, new Date('2034-06-07T08:09:10Z')), OPTIONS);
    expect(early.equals(late)).toBe(true);
  });

  it('numbers charts from 1, whatever number pptxgenjs reached in this process', async () => {
    const workbook = await zipOf({ 'xl/workbook.xml': '<workbook/>' });
    const out = await open(
      await finishPackage(
        await zipOf({
          '[Content_Types].xml': TYPES(['ppt/charts/chart11.xml', 'ppt/charts/chart12.xml']),
          'ppt/charts/chart11.xml': '<c:chartSpace/>',
          'ppt/charts/chart12.xml': '<c:chartSpace/>',
          'ppt/charts/_rels/chart11.xml.rels': '<Rs><R Target="../embeddings/Microsoft_Excel_Worksheet11.xlsx"/></Rs>',
          'ppt/charts/_rels/chart12.xml.rels': '<Rs><R Target="../embeddings/Microsoft_Excel_Worksheet12.xlsx"/></Rs>',
          'ppt/embeddings/Microsoft_Excel_Worksheet11.xlsx': workbook,
          'ppt/embeddings/Microsoft_Excel_Worksheet12.xlsx': workbook,
          'ppt/slides/_rels/slide1.xml.rels':
            '<Rs><R Target="../charts/chart11.xml"/><R Target="../charts/chart12.xml"/></Rs>',
        }),
        OPTIONS,
      ),
    );
    expect(out.names.filter((n) => /chart|Worksheet/.test(n)).sort()).toEqual([
      'ppt/charts/_rels/chart1.xml.rels',
      'ppt/charts/_rels/chart2.xml.rels',
      'ppt/charts/chart1.xml',
      'ppt/charts/chart2.xml',
      'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      'ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx',
    ]);
    expect(await out.text('ppt/slides/_rels/slide1.xml.rels')).toBe(
      '<Rs><R Target="../charts/chart1.xml"/><R Target="../charts/chart2.xml"/></Rs>',
    );
    expect(await out.text('ppt/charts/_rels/chart2.xml.rels')).toContain('Microsoft_Excel_Worksheet2.xlsx');
    expect(await out.text('[Content_Types].xml')).toBe(TYPES(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml']));
  });

  it('writes each East Asian face where pptxgenjs copied the Latin one, and both into the theme', async () => {
    const run = (latin: string) => `<a:rPr><a:latin typeface="${latin}"/><a:ea typeface="${latin}"/></a:rPr>`;
    const out = await open(
      await finishPackage(
        await zipOf({
          '[Content_Types].xml': TYPES([]),
          'ppt/slides/slide1.xml': run('Calibri') + run('Georgia'),
          'ppt/theme/theme1.xml':
            '<a:majorFont><a:latin typeface="Arial" panose="020B0604020202020204"/><a:ea typeface=""/></a:majorFont>' +
            '<a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/></a:minorFont>',
        }),
        {
          ...OPTIONS,
          typefaces: [OPTIONS.fonts, { latin: 'Georgia', eastAsian: 'SimSun' }],
        },
      ),
    );
    expect(await out.text('ppt/slides/slide1.xml')).toBe(
      '<a:rPr><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/></a:rPr>' +
        '<a:rPr><a:latin typeface="Georgia"/><a:ea typeface="SimSun"/></a:rPr>',
    );
    expect(await out.text('ppt/theme/theme1.xml')).toBe(
      '<a:majorFont><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/></a:majorFont>' +
        '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="Microsoft YaHei"/></a:minorFont>',
    );
  });

  it('moves placeholder text to the box layout chose, names it, and drops empty placeholders', async () => {
    const sp = (name: string, ph: string, body: string) =>
      `<p:sp><p:nvSpPr><p:cNvPr id="2" name="${name}"/><p:cNvSpPr/><p:nvPr><p:ph\n\t\t idx="10" ${ph}\n\t\t/></p:nvPr></p:nvSpPr>` +
      `<p:spPr><a:xfrm><a:off x="1" y="2"/><a:ext cx="3" cy="4"/></a:xfrm></p:spPr><p:txBody>${body}</p:txBody></p:sp>`;
    const title = sp(
      'Text 1',
      'type="title"',
      '<a:p><a:pPr algn="l"><a:lnSpc><a:spcPts val="3600"/></a:lnSpc></a:pPr><a:r><a:t>Trade</a:t></a:r></a:p>',
    );
    const empty = sp('Text 2', 'type="body"', '<a:p><a:pPr indent="0"/><a:endParaRPr/></a:p>');
    const out = await open(
      await finishPackage(
        await zipOf({
          '[Content_Types].xml': TYPES([]),
          'ppt/slides/slide1.xml': `<p:spTree>${title}${empty}</p:spTree>`,
        }),
        { ...OPTIONS, placeholders: [{ title: { box: { x: 10, y: 20, w: 30, h: 40 }, name: 'Title' } }] },
      ),
    );
    expect(await out.text('ppt/slides/slide1.xml')).toBe(
      '<p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>' +
        '<p:spPr><a:xfrm><a:off x="127000" y="254000"/><a:ext cx="381000" cy="508000"/></a:xfrm></p:spPr><p:txBody>' +
        // No space before from the master's styles: the slide's own spacing, as layout measured it.
        '<a:p><a:pPr algn="l"><a:lnSpc><a:spcPts val="3600"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef></a:pPr>' +
        '<a:r><a:t>Trade</a:t></a:r></a:p></p:txBody></p:sp></p:spTree>',
    );
  });
});
