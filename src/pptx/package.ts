import { createHash } from 'node:crypto';
import type { HouseStyle, Typeface } from '../model.js';
import {
  appPart,
  blankLayout,
  corePart,
  layoutPart,
  masterTextStyles,
  slidePlaceholders,
  themePart,
  type DocumentProperties,
  type LayoutPart,
  type SlidePlaceholders,
} from './house-parts.js';
import { markDecorative, markHeaderRows, tagNotesLanguage, titleFirst } from './accessible.js';
import { fixChartParts, type ChartPartExtras } from './chart-xml.js';
import { buildOnTemplate, type TemplatePlan } from './on-template.js';
import { hangingIndents, oneParagraphProperties, orderPresentation } from './schema-order.js';
import { escapeXml } from './xml.js';
import { deflateAhead, readZip as unzip, writeZip as zip } from './zip.js';

export interface PackageOptions {
  /** The document's theme faces (theme1.xml). */
  fonts: Typeface;
  /** Every pair the slides use (default: `fonts`): each Latin face's East Asian partner goes into its ea slots. */
  typefaces?: readonly Typeface[];
  /** The time written into the package: fixed, so the same inputs give the same bytes. */
  timestamp: Date;
  /** By slide (0-based), the text in its title and body placeholders; with it, empty placeholders are dropped. */
  placeholders?: readonly SlidePlaceholders[];
  /** The theme and master text styles to write over pptxgenjs's Office defaults. */
  house?: HouseStyle;
  /** The slide layouts pptxgenjs wrote, by name: their kinds and placeholders. */
  layouts?: readonly LayoutPart[];
  /** Document properties pptxgenjs cannot write. */
  properties?: DocumentProperties;
  /** The deck's language: notes are tagged by script against it (default en). */
  lang?: string;
  /** Per native chart, in the order written: labels and category caches layout decided. */
  charts?: readonly ChartPartExtras[];
  /** Build on an organisation's template: its masters, layouts and theme, each slide on its chosen layout. */
  template?: TemplatePlan;
}

/**
 * Ends a typeface name the writer gives pptxgenjs for a run set in one face for both scripts (a
 * Chinese line's opening “ in the Latin face): packaging writes that face into every slot.
 */
export const ONE_FACE = '\u2063';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finishes what pptxgenjs wrote: East Asian fonts where it copied the Latin face, theme
 * fonts, one copy of each image, no dangling content types, and fixed timestamps, then
 * re-zips in a stable order. Pure bytes (or the parts writePptx took from pptxgenjs) in, bytes out.
 */
export async function finishPackage(input: Buffer | PackageParts, options: PackageOptions): Promise<Buffer> {
  const { names, text, binary, pictures } = Buffer.isBuffer(input) ? await readZip(input) : input;

  // pptxgenjs writes the Latin face into the ea slot too (PptxGenJS#1288): CJK would fall back to a random font.
  for (const face of options.typefaces ?? [options.fonts]) {
    const eaSlot = new RegExp(`<a:ea typeface="${escapeRegExp(escapeXml(face.latin))}"`, 'g');
    for (const [name, xml] of text) {
      if (/^ppt\/(slides|slideMasters|slideLayouts|notesSlides)\//.test(name))
        text.set(name, xml.replace(eaSlot, `<a:ea typeface="${escapeXml(face.eastAsian)}"`));
    }
  }
  for (const [name, xml] of text) {
    if (xml.includes(ONE_FACE)) text.set(name, xml.replaceAll(`${ONE_FACE}"`, '"'));
  }
  const latin = escapeXml(options.fonts.latin);
  const ea = escapeXml(options.fonts.eastAsian);
  options.placeholders?.forEach((placed, i) => {
    const name = `ppt/slides/slide${i + 1}.xml`;
    const xml = text.get(name);
    if (xml) text.set(name, slidePlaceholders(xml, placed));
  });
  if (options.layouts) finishLayouts(text, options.layouts);
  const theme = text.get('ppt/theme/theme1.xml');
  const master = text.get('ppt/slideMasters/slideMaster1.xml');
  if (options.house) {
    if (theme) text.set('ppt/theme/theme1.xml', themePart(theme, options.house));
    if (master) text.set('ppt/slideMasters/slideMaster1.xml', masterTextStyles(master, options.house));
  } else if (theme) {
    text.set(
      'ppt/theme/theme1.xml',
      theme.replace(
        /(<a:(?:major|minor)Font>)<a:latin typeface="[^"]*"(?: panose="[^"]*")?\/><a:ea typeface="[^"]*"\/>/g,
        `$1<a:latin typeface="${latin}"/><a:ea typeface="${ea}"/>`,
      ),
    );
  }

  const presentation = text.get('ppt/presentation.xml');
  if (presentation) text.set('ppt/presentation.xml', orderPresentation(presentation));
  for (const [name, xml] of text) {
    if (/^ppt\/(slides|slideMasters|slideLayouts|notesSlides)\/[^/]+\.xml$/.test(name))
      text.set(name, hangingIndents(oneParagraphProperties(xml)));
  }
  for (const [name, xml] of text) {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) text.set(name, titleFirst(markHeaderRows(markDecorative(xml))));
    else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      text.set(name, tagNotesLanguage(xml, options.lang ?? 'en'));
  }
  fixChartParts(text, binary, options.charts);
  // Parts fixing the charts added (their drawings) go after the others.
  const listed = new Set(names);
  for (const name of text.keys()) if (!listed.has(name)) names.push(name);
  const parts = renumberCharts({ names, text, binary });
  const finished = options.template ? buildOnTemplate(parts, options.template) : parts;
  if (!pictures) return finishParts(finished, options);
  // Every slide is final: while the last pictures are drawn, its parts are compressed (the few
  // that change after, the relationships of a repeated picture, the properties, are again).
  const ahead = new Map([...finished.text.values()].map((xml) => [xml, deflateAhead(Buffer.from(xml, 'utf8'))]));
  for (const [name, data] of finished.binary) finished.binary.set(name, await pictures(data));
  return finishParts(finished, options, ahead);
}

async function finishParts(
  { names, text, binary }: PackageParts,
  options: PackageOptions,
  deflated?: ReadonlyMap<string, Buffer>,
): Promise<Buffer> {
  dedupeMedia(binary, text);
  dropOrphanOverrides(text, new Set([...text.keys(), ...binary.keys()]));
  stampCore(text, options.timestamp);
  const props = options.properties;
  if (props) {
    const app = text.get('docProps/app.xml');
    if (app) text.set('docProps/app.xml', appPart(app, props));
    const core = text.get('docProps/core.xml');
    if (core) text.set('docProps/core.xml', corePart(core, props.author));
  }
  // Native charts carry their data as an embedded workbook: a zip of its own, with its own clock times.
  for (const [name, data] of binary) {
    if (/^ppt\/embeddings\/.*\.xlsx$/.test(name)) {
      const inner = await readZip(data);
      stampCore(inner.text, options.timestamp);
      const core = inner.text.get('docProps/core.xml');
      if (props && core) inner.text.set('docProps/core.xml', corePart(core, props.author));
      binary.set(name, await writeZip(inner, options.timestamp));
    }
  }
  return writeZip({ names, text, binary }, options.timestamp, deflated);
}

/** Each slide layout named and typed for its use; pptxgenjs's own blank one named Blank. */
function finishLayouts(text: Map<string, string>, layouts: readonly LayoutPart[]): void {
  for (const [name, xml] of text) {
    if (!/^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)) continue;
    const called = /<p:cSld name="([^"]*)"/.exec(xml)?.[1];
    const part = layouts.find((l) => escapeXml(l.name) === called);
    if (part) text.set(name, layoutPart(xml, part));
    else if (called === 'DEFAULT') text.set(name, blankLayout(xml));
  }
}

/** A package as parts: names in package order, XML parts as text, the rest as bytes. */
export interface PackageParts {
  names: string[];
  text: Map<string, string>;
  binary: Map<string, Buffer>;
  /**
   * The picture a binary part stands in for, or the part itself (see writePptx): pictures still
   * being drawn are waited for only when every text part is finished, just before the zip.
   */
  pictures?: (part: Buffer) => Promise<Buffer>;
}

/** Which parts packaging reads and edits as text. */
export const isTextPart = (name: string) => /\.(xml|rels)$/.test(name);

async function readZip(bytes: Buffer): Promise<PackageParts> {
  const names: string[] = [];
  const text = new Map<string, string>();
  const binary = new Map<string, Buffer>();
  for (const { name, data } of unzip(bytes)) {
    names.push(name);
    if (isTextPart(name)) text.set(name, data.toString('utf8'));
    else binary.set(name, data);
  }
  return { names, text, binary };
}

function stampCore(text: Map<string, string>, timestamp: Date): void {
  const core = text.get('docProps/core.xml');
  if (!core) return;
  const stamp = timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  text.set(
    'docProps/core.xml',
    core
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`),
  );
}

/** Zips parts in a stable order with one fixed time on every entry. */
async function writeZip(parts: PackageParts, timestamp: Date, deflated?: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  // [Content_Types].xml first, as Office writes it; then the order the parts came in.
  const order = parts.names
    .filter((n) => parts.text.has(n) || parts.binary.has(n))
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  return zip(
    order.map((name) => {
      const xml = parts.text.get(name);
      const ahead = xml === undefined ? undefined : deflated?.get(xml);
      return {
        name,
        data: parts.binary.get(name) ?? Buffer.from(xml!, 'utf8'),
        // Already-compressed media gain nothing from deflate and cost time.
        store: /\.(png|jpe?g|gif|xlsx)$/i.test(name),
        ...(ahead ? { deflated: ahead } : {}),
      };
    }),
    timestamp,
  );
}

const CHART_PART = /(charts\/chart|charts\/_rels\/chart|embeddings\/Microsoft_Excel_Worksheet)(\d+)(\.xml|\.xlsx)/g;

/**
 * pptxgenjs numbers charts with a counter that lives as long as the process, so the second
 * deck built in one process has chart11.xml where the first had chart1.xml. Number them from
 * 1 in order, so a deck's bytes do not depend on what was built before it.
 */
function renumberCharts(parts: PackageParts): PackageParts {
  const numbers = [...new Set(parts.names.flatMap((n) => [...n.matchAll(CHART_PART)].map((m) => Number(m[2]))))].sort(
    (a, b) => a - b,
  );
  const map = new Map(numbers.map((n, i) => [n, i + 1]));
  if (numbers.every((n, i) => n === i + 1)) return parts;
  const rename = (s: string) =>
    s.replace(CHART_PART, (whole, head: string, n: string, tail: string) =>
      map.has(Number(n)) ? `${head}${map.get(Number(n))}${tail}` : whole,
    );
  return {
    names: parts.names.map(rename),
    text: new Map([...parts.text].map(([name, xml]) => [rename(name), rename(xml)])),
    binary: new Map([...parts.binary].map(([name, data]) => [rename(name), data])),
  };
}

/** pptxgenjs stores an image once per use; keep the first copy and point every relationship at it. */
function dedupeMedia(binary: Map<string, Buffer>, text: Map<string, string>): void {
  const firstByHash = new Map<string, string>();
  const replace = new Map<string, string>();
  for (const [name, data] of binary) {
    if (!name.startsWith('ppt/media/')) continue;
    const hash = createHash('sha256').update(data).digest('hex');
    const first = firstByHash.get(hash);
    if (first) replace.set(name, first);
    else firstByHash.set(hash, name);
  }
  if (!replace.size) return;
  for (const [name, xml] of text) {
    if (!name.endsWith('.rels')) continue;
    let changed = xml;
    for (const [dup, first] of replace) {
      const dupFile = dup.slice('ppt/media/'.length);
      const firstFile = first.slice('ppt/media/'.length);
      changed = changed.split(`../media/${dupFile}"`).join(`../media/${firstFile}"`);
    }
    if (changed !== xml) text.set(name, changed);
  }
  for (const dup of replace.keys()) binary.delete(dup);
}

/** pptxgenjs declares a content type for ~30 slide masters that do not exist. */
function dropOrphanOverrides(text: Map<string, string>, parts: Set<string>): void {
  const types = text.get('[Content_Types].xml');
  if (!types) return;
  text.set(
    '[Content_Types].xml',
    types.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (whole, part: string) => (parts.has(part) ? whole : '')),
  );
}
