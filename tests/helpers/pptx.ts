import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { hasEastAsian } from '../../src/script.js';

/** A .pptx opened for assertions: slides in presentation order, with their XML and related parts. */
export interface OpenedSlide {
  index: number;
  xml: string;
  /** Every a:t text in order. */
  texts: string[];
  /** Text of the title placeholder. */
  title: string;
  notes: string;
  /** Media files this slide references, by package path. */
  images: string[];
  /** descr= of each picture. */
  altTexts: string[];
  charts: string[];
  /** The slide layout part it is made on. */
  layout: string;
}

export interface OpenedDeck {
  zip: JSZip;
  names: string[];
  slides: OpenedSlide[];
  file(name: string): Promise<string>;
  bytes(name: string): Promise<Buffer>;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

export function textsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!));
}

/**
 * A shape's text as it is read out: runs joined, a line break (<a:br/>) a space between words and
 * nothing between two Chinese characters (it stands for no space there), as inspect reads it.
 */
export function spokenText(xml: string): string {
  const parts = [...xml.matchAll(/<a:br\/>|<a:br>[\s\S]*?<\/a:br>|<a:t>([^<]*)<\/a:t>/g)].map((m) =>
    m[0].startsWith('<a:br') ? '\n' : decode(m[1]!),
  );
  return parts
    .join('')
    .replace(/(.)?\n(.)?/gu, (_, a: string | undefined, b: string | undefined) =>
      a && b && hasEastAsian(a) && hasEastAsian(b) ? `${a}${b}` : `${a ?? ''} ${b ?? ''}`,
    );
}

/** The text of each paragraph of a shape's body, runs joined. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => textsOf(m[1]!).join(''));
}

/** Every <p:sp> with its name, box (EMU) and XML. */
export function shapesOf(
  xml: string,
): { name: string; x: number; y: number; w: number; h: number; xml: string; isTitle: boolean }[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => {
    const sp = m[1]!;
    const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(sp);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp);
    return {
      name: decode(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(sp)?.[1] ?? ''),
      x: Number(off?.[1] ?? 0),
      y: Number(off?.[2] ?? 0),
      w: Number(ext?.[1] ?? 0),
      h: Number(ext?.[2] ?? 0),
      xml: sp,
      isTitle: /<p:ph[^>]*type="(?:title|ctrTitle)"/.test(sp),
    };
  });
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

async function rels(zip: JSZip, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const dir = part.split('/').slice(0, -1).join('/');
  const name = part.split('/').pop()!;
  const file = zip.file(`${dir}/_rels/${name}.rels`);
  if (!file) return [];
  const xml = await file.async('string');
  return [...xml.matchAll(/<Relationship ([^>]*)\/>/g)].map((m) => {
    const attr = (a: string) => new RegExp(`${a}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    return { id: attr('Id'), type: attr('Type'), target: resolveTarget(part, attr('Target')) };
  });
}

export async function openPptx(pathOrBytes: string | Buffer): Promise<OpenedDeck> {
  const bytes = typeof pathOrBytes === 'string' ? readFileSync(pathOrBytes) : pathOrBytes;
  const zip = await JSZip.loadAsync(bytes);
  const file = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no part ${name} in the package`);
    return f.async('string');
  };
  const presentation = await file('ppt/presentation.xml');
  const presRels = await rels(zip, 'ppt/presentation.xml');
  const order = [...presentation.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map(
    (m) => presRels.find((r) => r.id === m[1])!.target,
  );
  const slides: OpenedSlide[] = [];
  for (const [i, part] of order.entries()) {
    const xml = await file(part);
    const slideRels = await rels(zip, part);
    const notesPart = slideRels.find((r) => r.type.endsWith('/notesSlide'))?.target;
    const notesXml = notesPart ? await file(notesPart) : '';
    // The notes body is the placeholder of type body; the slide image placeholder has no text.
    const notesBody =
      [...notesXml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => m[1]!).find((sp) => /type="body"/.test(sp)) ?? '';
    const title = shapesOf(xml).find((s) => s.isTitle);
    slides.push({
      index: i + 1,
      xml,
      texts: textsOf(xml),
      title: title ? spokenText(title.xml) : '',
      notes: paragraphsOf(notesBody).join('\n').trim(),
      images: slideRels.filter((r) => r.type.endsWith('/image')).map((r) => r.target),
      altTexts: [...xml.matchAll(/<p:pic>[\s\S]*?descr="([^"]*)"/g)].map((m) => decode(m[1]!)),
      charts: slideRels.filter((r) => r.type.endsWith('/chart')).map((r) => r.target),
      layout: slideRels.find((r) => r.type.endsWith('/slideLayout'))?.target ?? '',
    });
  }
  return {
    zip,
    names: Object.keys(zip.files),
    slides,
    file,
    bytes: async (name) => zip.file(name)!.async('nodebuffer'),
  };
}
