import type { InspectedChart, InspectedDeck, InspectedItem, InspectedSeries, InspectedSlide } from './model.js';
import { openPackage, type OpenPackage } from './package.js';
import { hasEastAsian } from '../script.js';
import { all, attr, kid, kids, path, type Element } from './xml.js';

/** The Office extension that marks a shape decorative (a11y "Mark as decorative"). */
export const DECORATIVE_EXT_URI = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';

/** Reads any .pptx into slides of text, tables, charts (from their native XML), pictures and notes. */
export async function inspectPptx(bytes: Buffer): Promise<InspectedDeck> {
  const pkg = await openPackage(bytes);
  const presentation = 'ppt/presentation.xml';
  const root = await pkg.xml(presentation);
  const rels = await pkg.rels(presentation);
  const slides: InspectedSlide[] = [];
  for (const sldId of kids(kid(root, 'sldIdLst'), 'sldId')) {
    const target = rels.get(attr(sldId, 'r:id') ?? '')?.target;
    if (!target || !pkg.has(target)) continue;
    slides.push(await readSlide(pkg, target, slides.length + 1));
  }
  return { slides };
}

async function readSlide(pkg: OpenPackage, part: string, number: number): Promise<InspectedSlide> {
  const root = await pkg.xml(part);
  const rels = await pkg.rels(part);
  const items: InspectedItem[] = [];
  await readTree(pkg, rels, path(root, 'cSld', 'spTree'), items);
  const title = items.find(
    (i): i is Extract<InspectedItem, { kind: 'text' }> =>
      i.kind === 'text' && (i.placeholder === 'title' || i.placeholder === 'ctrTitle'),
  );
  const notesPart = [...rels.values()].find((r) => r.type === 'notesSlide')?.target;
  let notes: string[] = [];
  if (notesPart && pkg.has(notesPart)) {
    const notesRoot = await pkg.xml(notesPart);
    const body = kids(path(notesRoot, 'cSld', 'spTree'), 'sp').find(
      (sp) => attr(path(sp, 'nvSpPr', 'nvPr', 'ph'), 'type') === 'body',
    );
    notes = paragraphs(kid(body, 'txBody'));
  }
  return {
    number,
    ...(title ? { title: title.paragraphs.join(' ') } : {}),
    hidden: attr(root, 'show') === '0',
    items,
    notes,
  };
}

type Rels = Map<string, { type: string; target: string }>;

async function readTree(pkg: OpenPackage, rels: Rels, tree: Element | undefined, out: InspectedItem[]): Promise<void> {
  for (const el of kids(tree)) {
    switch (el.localName) {
      case 'grpSp':
        await readTree(pkg, rels, el, out);
        break;
      case 'AlternateContent': {
        // Newer content in mc:Choice, what older readers show in mc:Fallback: read the fallback.
        const fallback = kid(el, 'Fallback');
        if (fallback) await readTree(pkg, rels, fallback, out);
        break;
      }
      case 'sp': {
        const text = paragraphs(kid(el, 'txBody'));
        const nv = path(el, 'nvSpPr', 'cNvPr');
        const ph = path(el, 'nvSpPr', 'nvPr', 'ph');
        if (!text.length && !attr(nv, 'descr')) break;
        // A placeholder without a type is a body placeholder (ECMA-376 §19.3.1.36).
        const placeholder = ph ? (attr(ph, 'type') ?? 'body') : undefined;
        out.push({ kind: 'text', ...described(nv), ...(placeholder ? { placeholder } : {}), paragraphs: text });
        break;
      }
      case 'pic':
        out.push({ kind: 'picture', ...described(path(el, 'nvPicPr', 'cNvPr')) });
        break;
      case 'graphicFrame': {
        const nv = described(path(el, 'nvGraphicFramePr', 'cNvPr'));
        const data = path(el, 'graphic', 'graphicData');
        const table = kid(data, 'tbl');
        const chartRef = kid(data, 'chart');
        if (table) {
          const rows = kids(table, 'tr').map((tr) =>
            kids(tr, 'tc').map((tc) => paragraphs(kid(tc, 'txBody')).join(' ')),
          );
          const headerRow = attr(kid(table, 'tblPr'), 'firstRow') === '1';
          out.push({ kind: 'table', ...nv, rows, headerRow });
        } else if (chartRef) {
          const target = rels.get(attr(chartRef, 'r:id') ?? '')?.target;
          if (target && pkg.has(target)) out.push({ kind: 'chart', ...nv, ...readChart(await pkg.xml(target)) });
        }
        break;
      }
    }
  }
}

function described(cNvPr: Element | undefined): { name: string; alt?: string; decorative: boolean } {
  const descr = attr(cNvPr, 'descr');
  const decorative = all(cNvPr, 'ext').some(
    (ext) => attr(ext, 'uri') === DECORATIVE_EXT_URI && attr(kid(ext, 'decorative'), 'val') === '1',
  );
  return { name: attr(cNvPr, 'name') ?? '', ...(descr ? { alt: descr } : {}), decorative };
}

/**
 * Each paragraph's text, runs and fields joined; empty paragraphs dropped. A line break reads as
 * a space between words and as nothing between two Chinese characters, where it stands for none.
 */
export function paragraphs(txBody: Element | undefined): string[] {
  return kids(txBody, 'p')
    .map((p) =>
      kids(p)
        .map((r) =>
          r.localName === 'br' ? '\n' : r.localName === 'r' || r.localName === 'fld' ? textOf(kid(r, 't')) : '',
        )
        .join('')
        .replace(/(.)?\n(.)?/gu, (_, a: string | undefined, b: string | undefined) =>
          a && b && hasEastAsian(a) && hasEastAsian(b) ? `${a}${b}` : `${a ?? ''} ${b ?? ''}`,
        ),
    )
    .filter((t) => t.trim() !== '');
}

const textOf = (el: Element | undefined) => el?.textContent ?? '';

function readChart(root: Element): Omit<InspectedChart, 'kind' | 'name' | 'decorative' | 'alt'> {
  const chart = kid(root, 'chart');
  const titleEl = kid(chart, 'title');
  const title = titleEl ? all(titleEl, 't').map(textOf).join('') : undefined;
  const types: string[] = [];
  const series: InspectedSeries[] = [];
  for (const plot of kids(kid(chart, 'plotArea'))) {
    if (!plot.localName?.endsWith('Chart')) continue;
    const kind = plot.localName.replace(/Chart$/, '');
    const qualifiers = [attr(kid(plot, 'barDir'), 'val'), attr(kid(plot, 'grouping'), 'val')].filter(Boolean);
    types.push(qualifiers.length ? `${kind} (${qualifiers.join(', ')})` : kind);
    for (const ser of kids(plot, 'ser')) {
      series.push({
        name: all(kid(ser, 'tx'), 'v').map(textOf).join(''),
        categories: points(kid(ser, 'cat') ?? kid(ser, 'xVal')).map((v) => v ?? ''),
        values: points(kid(ser, 'val') ?? kid(ser, 'yVal')).map((v) => (v === undefined ? undefined : Number(v))),
      });
    }
  }
  return { types, ...(title ? { title } : {}), series };
}

/** A data reference's cached points by index (strCache, numCache or literal), gaps left undefined. */
function points(ref: Element | undefined): (string | undefined)[] {
  const cache =
    all(ref, 'strCache')[0] ??
    all(ref, 'numCache')[0] ??
    all(ref, 'multiLvlStrCache')[0] ??
    kid(ref, 'strLit') ??
    kid(ref, 'numLit');
  if (!cache) return [];
  const count = Number(attr(kid(cache, 'ptCount'), 'val') ?? 0);
  const out: (string | undefined)[] = Array.from({ length: count }, () => undefined);
  // Multi-level categories keep their points in c:lvl elements, the innermost level first.
  const holder = kid(cache, 'lvl') ?? cache;
  for (const pt of kids(holder, 'pt')) out[Number(attr(pt, 'idx') ?? 0)] = textOf(kid(pt, 'v'));
  return out;
}
