import { posix } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { all, attr, kid, kids, parseXml } from '../../src/inspect/xml.js';

/** A box on a slide, in EMU. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Chart boxes of a slide: pictures named "Chart" (chart.js) and graphic frames holding a native chart. */
export function chartBoxes(slideXml: string): Box[] {
  const boxes: Box[] = [];
  const pattern = /<p:pic>[\s\S]*?<\/p:pic>|<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g;
  for (const [el] of slideXml.matchAll(pattern)) {
    const isChart = el.startsWith('<p:pic>') ? /<p:cNvPr [^>]*name="Chart"/.test(el) : /<c:chart /.test(el);
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(el);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(el);
    if (isChart && off && ext) boxes.push({ x: +off[1]!, y: +off[2]!, w: +ext[1]!, h: +ext[2]! });
  }
  return boxes;
}

/**
 * The share of pixels inside a box (less a 10 % margin) that differ from the box's most common
 * colour. A chart that renders blank is one flat colour: well under 1 %.
 */
export function inkShare(png: PNG, box: Box, slideWidthEmu: number): number {
  const scale = png.width / slideWidthEmu;
  const x0 = Math.round((box.x + box.w * 0.1) * scale);
  const y0 = Math.round((box.y + box.h * 0.1) * scale);
  const x1 = Math.round((box.x + box.w * 0.9) * scale);
  const y1 = Math.round((box.y + box.h * 0.9) * scale);
  const counts = new Map<number, number>();
  const colour = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
  };
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) counts.set(colour(x, y), (counts.get(colour(x, y)) ?? 0) + 1);
  const ground = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const near = (c: number) =>
    Math.abs(((c >> 16) & 255) - ((ground >> 16) & 255)) +
      Math.abs(((c >> 8) & 255) - ((ground >> 8) & 255)) +
      Math.abs((c & 255) - (ground & 255)) <
    24;
  let ink = 0;
  let total = 0;
  for (const [c, n] of counts) {
    total += n;
    if (!near(c)) ink += n;
  }
  return total ? ink / total : 0;
}

export interface WorkbookMismatch {
  chart: string;
  ref: string;
  cache: string;
  workbook: string;
}

/**
 * Opens each native chart's embedded workbook with exceljs and compares the cells that the
 * chart's formulas (c:f) name with the values cached in the chart part. Returns every
 * difference, and one entry for a chart whose workbook is missing.
 */
export async function workbookMismatches(pptx: Buffer): Promise<{ charts: number; mismatches: WorkbookMismatch[] }> {
  const zip = await JSZip.loadAsync(pptx);
  const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
  const mismatches: WorkbookMismatch[] = [];
  for (const chart of charts) {
    const relsXml = await zip.file(chart.replace('charts/', 'charts/_rels/') + '.rels')?.async('string');
    const target = relsXml && /Type="[^"]*\/package" Target="([^"]+)"/.exec(relsXml)?.[1];
    const embedded = target && zip.file(posix.normalize(posix.join(posix.dirname(chart), target)));
    if (!embedded) {
      mismatches.push({ chart, ref: '(workbook)', cache: 'present', workbook: 'missing' });
      continue;
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await embedded.async('nodebuffer')) as unknown as ExcelJS.Buffer);
    const root = parseXml(await zip.file(chart)!.async('string'), chart);
    for (const ref of all(root, 'f')) {
      const formula = ref.textContent ?? '';
      const parent = ref.parentNode as never;
      const multi = kid(kid(parent, 'multiLvlStrCache'), 'lvl');
      const cache = multi ?? kid(parent, 'strCache') ?? kid(parent, 'numCache');
      const cached = new Map(kids(cache, 'pt').map((pt) => [Number(attr(pt, 'idx')), kid(pt, 'v')?.textContent ?? '']));
      const [sheetName, range] = formula.replace(/\$/g, '').split('!') as [string, string];
      const sheet = book.getWorksheet(sheetName.replace(/^'|'$/g, ''));
      const cells = cellsOf(range);
      cells.forEach((address, idx) => {
        const value = sheet?.getCell(address).value;
        const inBook = value === null || value === undefined ? '' : String(value);
        const inCache = cached.get(idx) ?? '';
        // A thinned time axis leaves the labels it does not show out of the category cache
        // (LibreOffice ignores c:tickLblSkip); the workbook keeps every date.
        const thinned = multi !== undefined || kid(parent, 'strCache') !== undefined;
        const inCategories = (parent as { parentNode?: { localName?: string } }).parentNode?.localName === 'cat';
        const same =
          inCache !== '' && !Number.isNaN(Number(inCache))
            ? Number(inCache) === Number(inBook)
            : inCache === inBook || (thinned && inCategories && !cached.has(idx));
        if (!same) mismatches.push({ chart, ref: `${sheetName}!${address}`, cache: inCache, workbook: inBook });
      });
    }
  }
  return { charts: charts.length, mismatches };
}

/** A1 addresses of a single-column or single-row range such as A2:A5 or B1. */
function cellsOf(range: string): string[] {
  const [from, to = from] = range.split(':') as [string, string?];
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const letters = (n: number): string =>
    (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const a = parse(from);
  const b = parse(to!);
  const out: string[] = [];
  for (let row = a.row; row <= b.row; row++)
    for (let col = a.col; col <= b.col; col++) out.push(`${letters(col)}${row}`);
  return out;
}
