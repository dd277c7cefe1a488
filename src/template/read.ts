import { attr, child, childrenNamed, elements, walk, type XmlElement } from '../pptx/xml-tree.js';
import { averageColor, backgroundColors, decodedBlip, fillColors, fillOf } from './fill.js';
import {
  colorMapOf,
  DEFAULT_COLOR_MAP,
  isDarkColor,
  overrideMapOf,
  literalColor,
  type ColorContext,
  type ColorMap,
} from './color.js';
import { TemplatePackage } from './package.js';
import { pictureCells, type PictureCells } from './picture.js';
import { masterType } from './placeholder-boxes.js';
import {
  SCHEME_SLOTS,
  TemplateError,
  type Box,
  type HouseTemplate,
  type SchemeSlot,
  type TemplateLayout,
  type TemplateLogo,
  type TemplatePlaceholder,
} from './types.js';
import { chooseLayouts } from './choose.js';

/**
 * Reads an organisation's .potx/.pptx: slide size, theme colours and fonts, its masters and
 * their layouts with the placeholder boxes a layout shows (its own, else its master's) and
 * whether each layout's background is dark. Geometry in points.
 */

const EMU_PER_POINT = 12700;
/** PowerPoint's own bounds for a slide side: 1 inch to 56 inches. */
const MIN_SIDE = 72;
const MAX_SIDE = 4032;
const MAX_MASTERS = 100;
const MAX_LAYOUTS = 1000;
/** A background picture larger than this is not decoded (as in fill.ts). */
const MAX_BACKDROP_BYTES = 8 * 1024 * 1024;

const round2 = (n: number) => Math.round(n * 100) / 100;
const points = (emu: string | undefined) => round2(Number(emu) / EMU_PER_POINT);

/** What a shape's colour references resolve against on one layout. */
interface Scene {
  scheme: Record<SchemeSlot, string>;
  theme: XmlElement;
  slide: { width: number; height: number };
}

export async function readTemplate(bytes: Buffer, file: string): Promise<HouseTemplate> {
  const pkg = new TemplatePackage(bytes, file);
  const main = pkg.rels('').find((r) => r.kind === 'officeDocument' && r.part);
  if (!main?.part || !pkg.has(main.part)) throw new TemplateError(file, notPresentationMessage(pkg));
  const pres = pkg.root(main.part, 'the presentation part');
  if (pres.name !== 'p:presentation') throw new TemplateError(file, notPresentationMessage(pkg));
  const slide = slideSize(pres, file);
  const presRels = pkg.rels(main.part);

  const masterIds = childrenNamed(child(pres, 'p:sldMasterIdLst') ?? pres, 'p:sldMasterId');
  const masterParts = masterIds
    .map((m) => presRels.find((r) => r.id === attr(m, 'r:id'))?.part)
    .filter((p): p is string => !!p && pkg.has(p));
  if (!masterParts.length)
    throw new TemplateError(file, 'has no slide master: a template needs at least one master with its layouts');
  if (masterParts.length > MAX_MASTERS)
    throw new TemplateError(file, `has ${masterParts.length} slide masters; briefdeck reads at most ${MAX_MASTERS}`);

  const themePart = (part: string) => pkg.rels(part).find((r) => r.kind === 'theme' && r.part)?.part;
  const firstTheme = themePart(masterParts[0]!) ?? presRels.find((r) => r.kind === 'theme')?.part;
  if (!firstTheme || !pkg.has(firstTheme))
    throw new TemplateError(file, 'has no theme (theme1.xml): its colours and fonts are unknown');
  const theme = pkg.root(firstTheme, 'the theme');
  const colors = colorScheme(theme, file);

  const masters: HouseTemplate['masters'] = [];
  const layouts: TemplateLayout[] = [];
  for (const [index, part] of masterParts.entries()) {
    const master = pkg.root(part, 'a slide master');
    const masterTheme = themePart(part);
    const scene: Scene =
      masterTheme && masterTheme !== firstTheme && pkg.has(masterTheme)
        ? sceneOf(pkg.root(masterTheme, 'a theme'), file, slide)
        : { scheme: colors, theme, slide };
    const name = attr(child(master, 'p:cSld') ?? master, 'name');
    masters.push({ part, ...(name ? { name } : {}) });
    const masterMap = colorMapOf(child(master, 'p:clrMap')) ?? DEFAULT_COLOR_MAP;
    const masterPlaceholders = placeholdersOf(master, slide);
    const masterRels = pkg.rels(part);
    const layoutIds = childrenNamed(child(master, 'p:sldLayoutIdLst') ?? master, 'p:sldLayoutId');
    // Counted before any is parsed: a hostile list costs nothing.
    if (layouts.length + layoutIds.length > MAX_LAYOUTS)
      throw new TemplateError(file, `has more than ${MAX_LAYOUTS} slide layouts; briefdeck reads at most that many`);
    for (const id of layoutIds) {
      const layoutPart = masterRels.find((r) => r.id === attr(id, 'r:id'))?.part;
      if (!layoutPart || !pkg.has(layoutPart)) continue;
      const layout = pkg.root(layoutPart, 'a slide layout');
      const own = placeholdersOf(layout, slide);
      const placeholders: TemplatePlaceholder[] = own.map((ph) => {
        if (ph.box) return ph;
        const inherited = masterPlaceholders.find((m) => m.type === masterType(ph.type))?.box;
        return inherited ? { ...ph, box: inherited } : ph;
      });
      const map = overrideMapOf(layout) ?? masterMap;
      const background = await backgroundSeen(pkg, scene, map, [
        { part: layoutPart, root: layout },
        { part, root: master, shapesHidden: attr(layout, 'showMasterSp') === '0' },
      ]);
      const fills = await filledShapes(pkg, scene, map, [
        { part, root: master, shapesHidden: attr(layout, 'showMasterSp') === '0' },
        { part: layoutPart, root: layout },
      ]);
      const backdrop = await backdropOf(pkg, [
        { part: layoutPart, root: layout },
        { part, root: master },
      ]);
      const type = attr(layout, 'type');
      layouts.push({
        part: layoutPart,
        master: index,
        name: attr(child(layout, 'p:cSld') ?? layout, 'name')?.trim() || (type ?? layoutPart.replace(/^.*\//, '')),
        ...(type ? { type } : {}),
        placeholders,
        dark: background ? isDarkColor(background) : false,
        ...(background ? { background: `#${background}` } : {}),
        ...(fills.length ? { fills } : {}),
        ...(backdrop ? { backdrop } : {}),
      });
    }
  }
  if (!layouts.length) throw new TemplateError(file, 'has slide masters but no slide layouts');
  const titleSize = titleSizeOf(pkg.root(masterParts[0]!, 'a slide master'));
  const t: HouseTemplate = {
    file,
    bytes,
    slide,
    colors,
    fonts: fontScheme(theme),
    masters,
    layouts,
    ...(titleSize ? { titleSize } : {}),
  };
  // The master's logo first: it is on every slide; else the one the title slide shows.
  const titleLayout = chooseLayouts(t).title.part;
  const logo = [...masterParts, titleLayout].map((part) => logoOn(pkg, part, slide)).find(Boolean);
  return logo ? { ...t, logo } : t;
}

/** A logo is small: at most this share of the slide's width and of its height. */
const LOGO_MAX_WIDTH = 0.4;
const LOGO_MAX_HEIGHT = 0.25;

/**
 * The first picture a master or layout draws that is not a placeholder and is small enough to
 * be a logo (not a backdrop or a banner), with the image it shows.
 */
function logoOn(pkg: TemplatePackage, part: string, slide: Scene['slide']): TemplateLogo | undefined {
  const root = pkg.root(part, 'a slide master or layout');
  const tree = child(child(root, 'p:cSld') ?? root, 'p:spTree');
  for (const pic of tree ? childrenNamed(tree, 'p:pic') : []) {
    if (placeholderOf(pic)) continue;
    const box = boxOf(pic, slide);
    if (!box || box.w > slide.width * LOGO_MAX_WIDTH || box.h > slide.height * LOGO_MAX_HEIGHT) continue;
    const blip = child(child(pic, 'p:blipFill') ?? pic, 'a:blip');
    const image = blip && pkg.rels(part).find((r) => r.id === attr(blip, 'r:embed') && r.kind === 'image')?.part;
    if (image) return { part: image, box, on: part };
  }
  return undefined;
}

/** A text size in points from `sz` (hundredths of a point), when it is one PowerPoint accepts (1–4000 pt). */
function sizeOf(e: XmlElement | undefined): number | undefined {
  const sz = e && Number(attr(e, 'sz'));
  return sz && Number.isInteger(sz) && sz >= 100 && sz <= 400000 ? sz / 100 : undefined;
}

/** The first sized run property under `e`, in document order (first level first). */
function firstSize(e: XmlElement | undefined): number | undefined {
  if (!e) return undefined;
  for (const d of walk(e))
    if (d.name === 'a:defRPr' || d.name === 'a:rPr' || d.name === 'a:endParaRPr') {
      const size = sizeOf(d);
      if (size) return size;
    }
  return undefined;
}

/**
 * The master's title text size: PowerPoint writes it in txStyles, LibreOffice in the master's
 * title placeholder's own text.
 */
function titleSizeOf(master: XmlElement): number | undefined {
  const styles = child(master, 'p:txStyles');
  const titleStyle = styles && child(styles, 'p:titleStyle');
  const own = firstSize(titleStyle && child(titleStyle, 'a:lvl1pPr'));
  if (own) return own;
  const tree = child(child(master, 'p:cSld') ?? master, 'p:spTree');
  const isTitle = (s: XmlElement) => {
    const ph = SHAPES.has(s.name) ? placeholderOf(s) : undefined;
    return !!ph && attr(ph, 'type') === 'title';
  };
  const shape = tree && elements(tree).find(isTitle);
  return firstSize(shape && child(shape, 'p:txBody'));
}

function notPresentationMessage(pkg: TemplatePackage): string {
  if (pkg.has('word/document.xml')) return 'is a Word document, not a PowerPoint template (.potx or .pptx)';
  if (pkg.has('xl/workbook.xml')) return 'is an Excel workbook, not a PowerPoint template (.potx or .pptx)';
  if (pkg.has('content.xml')) return 'is an OpenDocument file; save it from Impress as PowerPoint (.potx or .pptx)';
  return 'is a zip file but not a PowerPoint package: it has no presentation part (ppt/presentation.xml)';
}

function slideSize(pres: XmlElement, file: string): { width: number; height: number } {
  const size = child(pres, 'p:sldSz');
  if (!size) throw new TemplateError(file, 'does not say its slide size (p:sldSz in ppt/presentation.xml)');
  const width = points(attr(size, 'cx'));
  const height = points(attr(size, 'cy'));
  for (const side of [width, height])
    if (!(side >= MIN_SIDE && side <= MAX_SIDE))
      throw new TemplateError(
        file,
        `has a slide size of ${width} × ${height} pt; PowerPoint slides are 72 to 4032 pt (1 to 56 in) a side`,
      );
  return { width, height };
}

function colorScheme(theme: XmlElement, file: string): Record<SchemeSlot, string> {
  const scheme = child(child(theme, 'a:themeElements') ?? theme, 'a:clrScheme');
  if (!scheme) throw new TemplateError(file, 'has a theme without a colour scheme (a:clrScheme)');
  const out = {} as Record<SchemeSlot, string>;
  for (const slot of SCHEME_SLOTS) {
    const hex = literalColor(child(scheme, `a:${slot}`));
    if (!hex) throw new TemplateError(file, `has a theme colour scheme without a usable ${slot} colour`);
    out[slot] = `#${hex}`;
  }
  return out;
}

function sceneOf(theme: XmlElement, file: string, slide: Scene['slide']): Scene {
  return { scheme: colorScheme(theme, file), theme, slide };
}

/**
 * The theme's heading (major) and body (minor) faces. The East Asian face is the `ea` typeface,
 * else the one for simplified Chinese script (Hans), which PowerPoint uses for Chinese text when
 * `ea` is empty — the case of the Office theme.
 */
function fontScheme(theme: XmlElement): HouseTemplate['fonts'] {
  const scheme = child(child(theme, 'a:themeElements') ?? theme, 'a:fontScheme');
  const face = (which: 'a:majorFont' | 'a:minorFont') => {
    const f = scheme && child(scheme, which);
    const latin = (f && attr(child(f, 'a:latin') ?? f, 'typeface')?.trim()) || 'Calibri';
    const ea = f && child(f, 'a:ea');
    const hans = f && childrenNamed(f, 'a:font').find((s) => attr(s, 'script') === 'Hans');
    const eastAsian = (ea && attr(ea, 'typeface')?.trim()) || (hans && attr(hans, 'typeface')?.trim()) || undefined;
    return { latin, ...(eastAsian ? { eastAsian } : {}) };
  };
  return { major: face('a:majorFont'), minor: face('a:minorFont') };
}

const SHAPES = new Set(['p:sp', 'p:pic', 'p:graphicFrame', 'p:cxnSp']);

/** The placeholders of a master or layout, in tree order, with their boxes when they give one. */
function placeholdersOf(root: XmlElement, slide: Scene['slide']): TemplatePlaceholder[] {
  const tree = child(child(root, 'p:cSld') ?? root, 'p:spTree');
  if (!tree) return [];
  const out: TemplatePlaceholder[] = [];
  for (const shape of elements(tree)) {
    if (!SHAPES.has(shape.name)) continue;
    const ph = placeholderOf(shape);
    if (!ph) continue;
    const idx = Number(attr(ph, 'idx'));
    const box = boxOf(shape, slide);
    out.push({
      type: attr(ph, 'type') ?? 'obj',
      ...(Number.isInteger(idx) && attr(ph, 'idx') !== undefined ? { idx } : {}),
      ...(box ? { box } : {}),
    });
  }
  return out;
}

function placeholderOf(shape: XmlElement): XmlElement | undefined {
  const nv = elements(shape).find((c) => c.name.startsWith('p:nv'));
  const nvPr = nv && child(nv, 'p:nvPr');
  return nvPr && child(nvPr, 'p:ph');
}

/**
 * A shape's box, cut to the slide. Undefined when it says none, or when it is empty or lies
 * wholly off the slide (an odd template's box then counts as unknown, and the master's is used).
 */
function boxOf(shape: XmlElement, slide: Scene['slide']): Box | undefined {
  const props = child(shape, 'p:spPr');
  const xfrm = props ? child(props, 'a:xfrm') : child(shape, 'p:xfrm');
  const off = xfrm && child(xfrm, 'a:off');
  const ext = xfrm && child(xfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const x = points(attr(off, 'x'));
  const y = points(attr(off, 'y'));
  const w = points(attr(ext, 'cx'));
  const h = points(attr(ext, 'cy'));
  if (![x, y, w, h].every(Number.isFinite) || w <= 0 || h <= 0) return undefined;
  const left = Math.max(0, x);
  const top = Math.max(0, y);
  const right = Math.min(slide.width, x + w);
  const bottom = Math.min(slide.height, y + h);
  if (right - left < 1 || bottom - top < 1) return undefined;
  return { x: left, y: top, w: round2(right - left), h: round2(bottom - top) };
}

interface Level {
  part: string;
  root: XmlElement;
  /** The layout says not to show the master's shapes (showMasterSp="0"). */
  shapesHidden?: boolean;
}

/**
 * The colour slides on a layout show behind their text. What is seen is, from the top: a shape of the layout
 * covering the slide, a shape of the master covering it (unless the layout hides the master's
 * shapes), the layout's background, the master's background. LibreOffice writes a master's
 * backdrop as a full-slide rectangle, PowerPoint as p:bg: both count.
 */
async function backgroundSeen(
  pkg: TemplatePackage,
  scene: Scene,
  map: ColorMap,
  levels: Level[],
): Promise<string | undefined> {
  const ctx: ColorContext = { scheme: schemeWithoutHash(scene.scheme), map };
  for (const level of levels) {
    if (level.shapesHidden) continue;
    const color = await coveringShapeColor(pkg, level, scene, ctx);
    if (color) return color;
  }
  for (const level of levels) {
    const bg = child(child(level.root, 'p:cSld') ?? level.root, 'p:bg');
    if (!bg) continue;
    return averageColor(await backgroundColors(pkg, level.part, bg, scene.theme, ctx));
  }
  return undefined;
}

const schemeWithoutHash = (s: Record<SchemeSlot, string>) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.slice(1)])) as Record<SchemeSlot, string>;

async function coveringShapeColor(
  pkg: TemplatePackage,
  level: Level,
  scene: Scene,
  ctx: ColorContext,
): Promise<string | undefined> {
  const tree = child(child(level.root, 'p:cSld') ?? level.root, 'p:spTree');
  if (!tree) return undefined;
  const shapes = elements(tree).filter((s) => (s.name === 'p:sp' || s.name === 'p:pic') && !placeholderOf(s));
  for (const shape of shapes.reverse()) {
    const box = boxOf(shape, scene.slide);
    if (!box || box.w * box.h < 0.9 * scene.slide.width * scene.slide.height) continue;
    const props = child(shape, 'p:spPr');
    const fill = shape.name === 'p:pic' ? child(shape, 'p:blipFill') : props && fillOf(props);
    if (!fill) continue;
    const color = await fillColor(pkg, level.part, fill, ctx);
    if (color) return color;
  }
  return undefined;
}

/** Filled shapes other than placeholders, bottom to top over the levels given (master first). */
async function filledShapes(
  pkg: TemplatePackage,
  scene: Scene,
  map: ColorMap,
  levels: Level[],
): Promise<{ box: Box; color: string }[]> {
  const ctx: ColorContext = { scheme: schemeWithoutHash(scene.scheme), map };
  const out: { box: Box; color: string }[] = [];
  for (const level of levels) {
    if (level.shapesHidden) continue;
    const tree = child(child(level.root, 'p:cSld') ?? level.root, 'p:spTree');
    if (!tree) continue;
    for (const shape of elements(tree)) {
      if (shape.name !== 'p:sp' || placeholderOf(shape)) continue;
      const box = boxOf(shape, scene.slide);
      const props = child(shape, 'p:spPr');
      const fill = props && fillOf(props);
      if (!box || !fill) continue;
      const color = await fillColor(pkg, level.part, fill, ctx);
      if (color) out.push({ box, color: `#${color}` });
    }
  }
  return out;
}

/**
 * The picture a layout's background stretches over the slide (its own p:bg, else its master's),
 * sampled: what text at the slide's edge stands on can be far from the picture's average.
 * Decoded once per picture; a tiled picture is the same everywhere and its average will do.
 */
async function backdropOf(pkg: TemplatePackage, levels: Level[]): Promise<PictureCells | undefined> {
  for (const level of levels) {
    const bg = child(child(level.root, 'p:cSld') ?? level.root, 'p:bg');
    if (!bg) continue;
    const props = child(bg, 'p:bgPr');
    const fill = props && fillOf(props);
    if (!fill || fill.name !== 'a:blipFill' || child(fill, 'a:tile')) return undefined;
    return decodedBlip(pkg, level.part, fill, pkg.pictureCells, MAX_BACKDROP_BYTES, pictureCells);
  }
  return undefined;
}

/** The colour a fill shows on average: gradient stops and pattern colours averaged, pictures sampled. */
async function fillColor(
  pkg: TemplatePackage,
  part: string,
  fill: XmlElement,
  ctx: ColorContext,
): Promise<string | undefined> {
  return averageColor(await fillColors(pkg, part, fill, ctx));
}
