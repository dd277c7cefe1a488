import { attr, child, elements, type XmlElement } from '../pptx/xml-tree.js';
import type { SchemeSlot } from './types.js';

/**
 * DrawingML colours as a template writes them: literal (srgbClr, sysClr, prstClr, scrgbClr,
 * hslClr) or a reference into the theme (schemeClr), each with optional modifiers (lumMod,
 * lumOff, tint, shade). Enough to know a background's colour; not a renderer.
 */

type Rgb = [number, number, number];

/** How a master (or a layout's override) maps bg1/tx1/bg2/tx2 to theme slots. */
export type ColorMap = Record<string, string>;
export const DEFAULT_COLOR_MAP: ColorMap = { bg1: 'lt1', tx1: 'dk1', bg2: 'lt2', tx2: 'dk2' };

/** A master's `p:clrMap` (or an `a:overrideClrMapping`) as a map. */
export function colorMapOf(e: XmlElement | undefined): ColorMap | undefined {
  if (!e) return undefined;
  return Object.fromEntries(e.attrs.filter(([k]) => !k.startsWith('xmlns')));
}

/** A layout's or slide's own colour map (`p:clrMapOvr`); undefined when it keeps its master's. */
export function overrideMapOf(part: XmlElement): ColorMap | undefined {
  const ovr = child(part, 'p:clrMapOvr');
  return colorMapOf(ovr && child(ovr, 'a:overrideClrMapping'));
}

export interface ColorContext {
  scheme: Record<SchemeSlot, string>;
  map: ColorMap;
  /** What phClr stands for: the colour a bgRef or style reference carries. */
  placeholder?: string;
}

const PRESET: Record<string, string> = {
  black: '000000',
  white: 'FFFFFF',
  red: 'FF0000',
  green: '008000',
  blue: '0000FF',
  yellow: 'FFFF00',
  gray: '808080',
  grey: '808080',
  darkGray: 'A9A9A9',
  lightGray: 'D3D3D3',
  navy: '000080',
};

const COLOR_ELEMENTS = new Set(['a:srgbClr', 'a:sysClr', 'a:prstClr', 'a:scrgbClr', 'a:hslClr', 'a:schemeClr']);

/** The first colour element among `e`'s children. */
export function colorChild(e: XmlElement | undefined): XmlElement | undefined {
  return e && elements(e).find((c) => COLOR_ELEMENTS.has(c.name));
}

const isHex = (s: string | undefined): s is string => !!s && /^[0-9A-Fa-f]{6}$/.test(s);

/** A literal colour of a colour scheme slot (srgbClr or sysClr's last colour), as RRGGBB. */
export function literalColor(e: XmlElement | undefined): string | undefined {
  const c = colorChild(e);
  if (!c) return undefined;
  if (c.name === 'a:srgbClr') return isHex(attr(c, 'val')) ? attr(c, 'val')!.toUpperCase() : undefined;
  if (c.name === 'a:sysClr') {
    const last = attr(c, 'lastClr');
    if (isHex(last)) return last.toUpperCase();
    return attr(c, 'val') === 'window' ? 'FFFFFF' : '000000';
  }
  return resolveColor(c, { scheme: {} as Record<SchemeSlot, string>, map: DEFAULT_COLOR_MAP });
}

/** The RRGGBB a colour element shows, modifiers applied; undefined when it cannot be known. */
export function resolveColor(c: XmlElement, ctx: ColorContext): string | undefined {
  const base = baseColor(c, ctx);
  if (!base) return undefined;
  let rgb = toRgb(base);
  for (const m of elements(c)) {
    const v = Number(attr(m, 'val')) / 100000;
    if (!Number.isFinite(v)) continue;
    if (m.name === 'a:lumMod' || m.name === 'a:lumOff') {
      const [h, s, l] = toHsl(rgb);
      rgb = fromHsl(h, s, m.name === 'a:lumMod' ? l * v : l + v);
    } else if (m.name === 'a:shade') rgb = rgb.map((x) => x * v) as Rgb;
    else if (m.name === 'a:tint') rgb = rgb.map((x) => x + (1 - x) * (1 - v)) as Rgb;
  }
  return toHex(rgb);
}

function baseColor(c: XmlElement, ctx: ColorContext): string | undefined {
  const val = attr(c, 'val');
  switch (c.name) {
    case 'a:srgbClr':
      return isHex(val) ? val.toUpperCase() : undefined;
    case 'a:sysClr':
      return isHex(attr(c, 'lastClr')) ? attr(c, 'lastClr')!.toUpperCase() : val === 'window' ? 'FFFFFF' : '000000';
    case 'a:prstClr':
      return val ? PRESET[val] : undefined;
    case 'a:scrgbClr': {
      const part = (n: string) => Math.min(1, Math.max(0, Number(attr(c, n)) / 100000 || 0));
      return toHex([part('r'), part('g'), part('b')].map((x) => linearToSrgb(x)) as Rgb);
    }
    case 'a:hslClr': {
      const h = (Number(attr(c, 'hue')) || 0) / 60000 / 360;
      return toHex(fromHsl(h, (Number(attr(c, 'sat')) || 0) / 100000, (Number(attr(c, 'lum')) || 0) / 100000));
    }
    case 'a:schemeClr': {
      if (val === 'phClr') return ctx.placeholder;
      const slot = (val && ctx.map[val]) ?? val;
      return ctx.scheme[slot as SchemeSlot];
    }
    default:
      return undefined;
  }
}

const toRgb = (hex: string): Rgb => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as Rgb;
const toHex = (rgb: Rgb): string =>
  rgb
    .map((x) =>
      Math.round(Math.min(1, Math.max(0, x)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();

const linearToSrgb = (x: number) => (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055);
const srgbToLinear = (x: number) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);

function toHsl([r, g, b]: Rgb): Rgb {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? ((g - b) / d + (g < b ? 6 : 0)) / 6 : max === g ? ((b - r) / d + 2) / 6 : ((r - g) / d + 4) / 6;
  return [h, s, l];
}

function fromHsl(h: number, s: number, l: number): Rgb {
  l = Math.min(1, Math.max(0, l));
  if (s === 0) return [l, l, l];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number) => {
    t = (t + 1) % 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [hue(h + 1 / 3), hue(h), hue(h - 1 / 3)];
}

/** WCAG relative luminance of RRGGBB. */
export function luminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map(srgbToLinear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark: white text contrasts more with it than black text does. The two contrasts are equal
 * at a luminance of about 0.179, the point where (1.05)/(L+0.05) = (L+0.05)/0.05.
 */
export const isDarkColor = (hex: string): boolean => luminance(hex) < Math.sqrt(1.05 * 0.05) - 0.05;
