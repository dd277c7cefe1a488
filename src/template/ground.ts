import { attr, child, elements, type XmlElement } from '../pptx/xml-tree.js';
import { colorMapOf, DEFAULT_COLOR_MAP, literalColor, overrideMapOf, type ColorContext } from './color.js';
import { backgroundColors, fillColors, fillOf, referencedFillColors } from './fill.js';
import { TemplatePackage } from './package.js';
import { pictureGrid, type PictureGrid } from './picture.js';
import { SCHEME_SLOTS, type SchemeSlot } from './types.js';

/**
 * What text on a slide of a finished package stands on, for the accessibility audit: the
 * colours of the slide's background (its own, else its layout's, else its master's), of the
 * filled shapes its layout and master draw beneath it, and of the slide's own shapes. Colours
 * are resolved as a renderer would: theme colours through the master's colour map and any
 * layout or slide override, modifiers applied, theme fill styles followed, pictures sampled.
 * Each fill gives every colour it can show (all of a gradient's stops), so that text is judged
 * against the worst. Boxes are in EMU, as the package writes them.
 */

export interface EmuBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SlideGround {
  /** RRGGBB colours the slide's background shows; white when no level says. */
  background: string[];
  /** The colours the background shows under a box: a stretched picture's, sampled there; else `background`. */
  backgroundUnder(box: EmuBox | undefined): string[];
  /**
   * Filled shapes (not placeholders) the master (unless hidden) and the layout draw, bottom to
   * top; a picture's colours also sampled under a box.
   */
  beneath: { box: EmuBox; colors: string[]; under?(box: EmuBox | undefined): string[] }[];
  /**
   * One entry per shape of the slide's tree, groups flattened in tree order (sp, pic,
   * graphicFrame, cxnSp): the colours its fill shows, a placeholder's inherited from its layout
   * or master; empty when it has none.
   */
  own: string[][];
}

const SHAPES = new Set(['p:sp', 'p:pic', 'p:graphicFrame', 'p:cxnSp']);

interface Level {
  part: string;
  root: XmlElement;
}

export class PackageGrounds {
  private readonly pkg: TemplatePackage;
  private readonly grids = new Map<string, Promise<PictureGrid | undefined>>();
  /** EMU. */
  private readonly size: { width: number; height: number };

  constructor(bytes: Buffer) {
    this.pkg = new TemplatePackage(bytes, 'the deck');
    const main = this.pkg.rels('').find((r) => r.kind === 'officeDocument' && r.part)?.part;
    const sldSz = main && this.pkg.has(main) ? child(this.pkg.root(main, 'the presentation'), 'p:sldSz') : undefined;
    this.size = {
      width: Number(sldSz && attr(sldSz, 'cx')) || 12192000,
      height: Number(sldSz && attr(sldSz, 'cy')) || 6858000,
    };
  }

  /** A stretched picture fill's raster (a tiled one is the same everywhere: its average will do). */
  private grid(part: string, fill: XmlElement | undefined): Promise<PictureGrid | undefined> | undefined {
    if (!fill || !/^[ap]:blipFill$/.test(fill.name) || child(fill, 'a:tile')) return undefined;
    const blip = child(fill, 'a:blip');
    const target = blip && this.pkg.rels(part).find((r) => r.id === attr(blip, 'r:embed'))?.part;
    if (!target) return undefined;
    let grid = this.grids.get(target);
    if (!grid) {
      const data = this.pkg.media(target, 8 * 1024 * 1024);
      grid = data ? pictureGrid(data) : Promise.resolve(undefined);
      this.grids.set(target, grid);
    }
    return grid;
  }

  /** What part of a picture drawn over `area` lies under `box`, as fractions of the picture. */
  private sampler(grid: PictureGrid | undefined, area: EmuBox, fallback: string[]) {
    return (box: EmuBox | undefined) => {
      if (!grid || !box || area.w <= 0 || area.h <= 0) return fallback;
      const x = Math.max(0, (box.x - area.x) / area.w);
      const y = Math.max(0, (box.y - area.y) / area.h);
      const right = Math.min(1, (box.x + box.w - area.x) / area.w);
      const bottom = Math.min(1, (box.y + box.h - area.y) / area.h);
      return right > x && bottom > y ? grid.under({ x, y, w: right - x, h: bottom - y }) : fallback;
    };
  }

  async slide(part: string): Promise<SlideGround> {
    const pkg = this.pkg;
    const levelOf = (from: string, kind: string): Level | undefined => {
      const target = pkg.rels(from).find((r) => r.kind === kind && r.part)?.part;
      return target && pkg.has(target) ? { part: target, root: pkg.root(target, kind) } : undefined;
    };
    const slide: Level = { part, root: pkg.root(part, 'a slide') };
    const layout = levelOf(part, 'slideLayout');
    const master = layout && levelOf(layout.part, 'slideMaster');
    const themeLevel = master && levelOf(master.part, 'theme');
    const theme = themeLevel?.root;
    const map =
      overrideMapOf(slide.root) ??
      (layout && overrideMapOf(layout.root)) ??
      (master && colorMapOf(child(master.root, 'p:clrMap'))) ??
      DEFAULT_COLOR_MAP;
    const ctx: ColorContext = { scheme: schemeOf(theme), map };
    const levels = [slide, layout, master].filter((l): l is Level => !!l);

    let background: string[] = [];
    let backgroundGrid: PictureGrid | undefined;
    for (const level of levels) {
      const bg = child(cSld(level.root), 'p:bg');
      if (bg) background = await backgroundColors(pkg, level.part, bg, theme, ctx);
      const props = bg && child(bg, 'p:bgPr');
      if (background.length) {
        backgroundGrid = await this.grid(level.part, props && fillOf(props));
        break;
      }
    }
    if (!background.length) background = ['FFFFFF'];
    const slideArea = { x: 0, y: 0, w: this.size.width, h: this.size.height };

    // The slide can hide its layout's and master's shapes, and the layout its master's.
    const beneath: SlideGround['beneath'] = [];
    if (attr(slide.root, 'showMasterSp') !== '0') {
      const drawn = layout && attr(layout.root, 'showMasterSp') === '0' ? [layout] : [master, layout];
      for (const level of drawn) {
        if (!level) continue;
        for (const shape of flatten(tree(level.root))) {
          if (placeholderOf(shape)) continue;
          const box = emuBox(shape);
          const colors = await this.shapeColors(level, shape, theme, ctx);
          if (!box || !colors.length) continue;
          const grid = shape.name === 'p:pic' ? await this.grid(level.part, child(shape, 'p:blipFill')) : undefined;
          beneath.push({ box, colors, ...(grid ? { under: this.sampler(grid, box, colors) } : {}) });
        }
      }
    }

    const own: string[][] = [];
    for (const shape of flatten(tree(slide.root))) {
      const ph = placeholderOf(shape);
      let colors = await this.shapeColors(slide, shape, theme, ctx);
      // A placeholder without a fill of its own shows its layout's placeholder's, else its master's.
      if (ph && !colors.length && !ownFill(shape))
        for (const level of [layout, master]) {
          const from = level && inheritedFrom(level.root, ph, level === master);
          if (from && ownFill(from)) {
            colors = await this.shapeColors(level, from, theme, ctx);
            break;
          }
        }
      own.push(colors);
    }
    return { background, backgroundUnder: this.sampler(backgroundGrid, slideArea, background), beneath, own };
  }

  /** A shape's fill colours: its spPr fill, else its style's fill reference; a picture's sample. */
  private async shapeColors(
    level: Level,
    shape: XmlElement,
    theme: XmlElement | undefined,
    ctx: ColorContext,
  ): Promise<string[]> {
    if (shape.name === 'p:pic') {
      // A picture beneath the slide (a band, a backdrop) is ground; the slide's own are checked as pictures.
      const blip = child(shape, 'p:blipFill');
      return blip && level.root.name !== 'p:sld' ? fillColors(this.pkg, level.part, blip, ctx) : [];
    }
    if (shape.name !== 'p:sp') return [];
    const props = child(shape, 'p:spPr');
    const fill = props && fillOf(props);
    if (fill) return fillColors(this.pkg, level.part, fill, ctx);
    const ref = child(child(shape, 'p:style') ?? shape, 'a:fillRef');
    return ref ? referencedFillColors(this.pkg, level.part, ref, theme, ctx) : [];
  }
}

function schemeOf(theme: XmlElement | undefined): Record<SchemeSlot, string> {
  const scheme = theme && child(child(theme, 'a:themeElements') ?? theme, 'a:clrScheme');
  const out = {} as Record<SchemeSlot, string>;
  for (const slot of SCHEME_SLOTS) {
    const hex = scheme && literalColor(child(scheme, `a:${slot}`));
    if (hex) out[slot] = hex;
  }
  return out;
}

const cSld = (root: XmlElement) => child(root, 'p:cSld') ?? root;
const tree = (root: XmlElement) => child(cSld(root), 'p:spTree');

/** Shapes in tree order, groups opened: the order the audit collects them in. */
function flatten(group: XmlElement | undefined): XmlElement[] {
  if (!group) return [];
  return elements(group).flatMap((e) => (e.name === 'p:grpSp' ? flatten(e) : SHAPES.has(e.name) ? [e] : []));
}

function placeholderOf(shape: XmlElement): XmlElement | undefined {
  const nv = elements(shape).find((c) => c.name.startsWith('p:nv'));
  const nvPr = nv && child(nv, 'p:nvPr');
  return nvPr && child(nvPr, 'p:ph');
}

const ownFill = (shape: XmlElement) => {
  const props = child(shape, 'p:spPr');
  return !!(props && fillOf(props)) || !!child(child(shape, 'p:style') ?? shape, 'a:fillRef');
};

const kindOf = (type: string) =>
  type === 'ctrTitle' || type === 'title' ? 'title' : ['dt', 'ftr', 'sldNum'].includes(type) ? type : 'body';

/** The layout's placeholder a slide's inherits from (same idx, else same type); on the master, the same kind. */
function inheritedFrom(root: XmlElement, ph: XmlElement, isMaster: boolean): XmlElement | undefined {
  const type = attr(ph, 'type') ?? 'obj';
  const idx = attr(ph, 'idx');
  const candidates = flatten(tree(root)).filter((s) => placeholderOf(s));
  const typeOf = (s: XmlElement) => attr(placeholderOf(s)!, 'type') ?? 'obj';
  if (isMaster) return candidates.find((s) => kindOf(typeOf(s)) === kindOf(type));
  return (
    (idx !== undefined && candidates.find((s) => attr(placeholderOf(s)!, 'idx') === idx)) ||
    candidates.find((s) => typeOf(s) === type)
  );
}

function emuBox(shape: XmlElement): EmuBox | undefined {
  const props = child(shape, 'p:spPr');
  const xfrm = (props && child(props, 'a:xfrm')) ?? child(shape, 'p:xfrm');
  const off = xfrm && child(xfrm, 'a:off');
  const ext = xfrm && child(xfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const box = {
    x: Number(attr(off, 'x')),
    y: Number(attr(off, 'y')),
    w: Number(attr(ext, 'cx')),
    h: Number(attr(ext, 'cy')),
  };
  return Object.values(box).every(Number.isFinite) ? box : undefined;
}
