import { attr, child, childrenNamed, elements, type XmlElement } from '../pptx/xml-tree.js';
import { colorChild, resolveColor, type ColorContext } from './color.js';
import type { TemplatePackage } from './package.js';
import { averageImageColor } from './picture.js';

/**
 * The colours a DrawingML fill shows, as RRGGBB: one for a solid fill, every stop of a
 * gradient, both colours of a pattern, the average of a picture. A reader judging text on the
 * fill takes the worst of them; the template reader, deciding whether a layout is dark, their
 * average. Shared by both so that a background is read one way.
 */

/** A background picture larger than this is not decoded to judge its colour. */
const MAX_PICTURE_BYTES = 8 * 1024 * 1024;

const FILLS = new Set(['a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:noFill', 'a:grpFill']);

/** The fill element among a shape's (or background's) properties. */
export const fillOf = (props: XmlElement): XmlElement | undefined => elements(props).find((c) => FILLS.has(c.name));

/** The colours `fill` (of a shape or background in `part`) shows; empty when none or unknown. */
export async function fillColors(
  pkg: TemplatePackage,
  part: string,
  fill: XmlElement,
  ctx: ColorContext,
): Promise<string[]> {
  const resolve = (holder: XmlElement | undefined) => {
    const c = colorChild(holder);
    return c && resolveColor(c, ctx);
  };
  switch (fill.name) {
    case 'a:solidFill':
      return known([resolve(fill)]);
    case 'a:gradFill':
      return known(childrenNamed(child(fill, 'a:gsLst') ?? fill, 'a:gs').map(resolve));
    case 'a:pattFill':
      return known([resolve(child(fill, 'a:fgClr')), resolve(child(fill, 'a:bgClr'))]);
    case 'a:blipFill':
    case 'p:blipFill':
      return known([await pictureColor(pkg, part, fill)]);
    default:
      return [];
  }
}

/**
 * The colours a `p:bg` shows: its own fill (`p:bgPr`), or the theme's fill style its `p:bgRef`
 * picks.
 */
export async function backgroundColors(
  pkg: TemplatePackage,
  part: string,
  bg: XmlElement,
  theme: XmlElement | undefined,
  ctx: ColorContext,
): Promise<string[]> {
  const props = child(bg, 'p:bgPr');
  if (props) {
    const fill = fillOf(props);
    return fill ? fillColors(pkg, part, fill, ctx) : [];
  }
  const ref = child(bg, 'p:bgRef');
  return ref ? referencedFillColors(pkg, part, ref, theme, ctx) : [];
}

/**
 * The colours of the theme fill style a reference picks — a background's `p:bgRef` or a shape
 * style's `a:fillRef`: idx 1–999 a fill style, 1001 on a background fill style — with phClr
 * standing for the colour the reference gives.
 */
export async function referencedFillColors(
  pkg: TemplatePackage,
  part: string,
  ref: XmlElement,
  theme: XmlElement | undefined,
  ctx: ColorContext,
): Promise<string[]> {
  const given = colorChild(ref);
  const placeholder = given && resolveColor(given, ctx);
  const idx = Number(attr(ref, 'idx'));
  const formats = theme && child(child(theme, 'a:themeElements') ?? theme, 'a:fmtScheme');
  const list =
    formats && idx >= 1001
      ? child(formats, 'a:bgFillStyleLst')
      : formats && idx >= 1 && idx < 1000
        ? child(formats, 'a:fillStyleLst')
        : undefined;
  const style = list && elements(list)[idx >= 1001 ? idx - 1001 : idx - 1];
  // idx 0 and 1000 mean no fill; without the theme's style the referenced colour is all there is.
  if (idx === 0 || idx === 1000) return [];
  if (!style) return known([placeholder]);
  const colors = await fillColors(pkg, part, style, { ...ctx, ...(placeholder ? { placeholder } : {}) });
  return colors.length ? colors : known([placeholder]);
}

async function pictureColor(pkg: TemplatePackage, part: string, fill: XmlElement): Promise<string | undefined> {
  return decodedBlip(pkg, part, fill, pkg.pictureColors, MAX_PICTURE_BYTES, averageImageColor);
}

/**
 * The picture a blip fill of `part` embeds, decoded once per picture (however many layouts
 * and shapes show it) and kept in `cache`; undefined when it is missing or too large.
 */
export function decodedBlip<T>(
  pkg: TemplatePackage,
  part: string,
  fill: XmlElement,
  cache: Map<string, Promise<T | undefined>>,
  maxBytes: number,
  decode: (data: Buffer) => Promise<T | undefined>,
): Promise<T | undefined> {
  const blip = child(fill, 'a:blip');
  const target = blip && pkg.rels(part).find((r) => r.id === attr(blip, 'r:embed'))?.part;
  if (!target) return Promise.resolve(undefined);
  let decoded = cache.get(target);
  if (!decoded) {
    const data = pkg.media(target, maxBytes);
    decoded = data ? decode(data) : Promise.resolve(undefined);
    cache.set(target, decoded);
  }
  return decoded;
}

const known = (colors: (string | undefined)[]): string[] => colors.filter((c): c is string => !!c);

/** The average of RRGGBB colours; undefined for none. */
export function averageColor(colors: readonly string[]): string | undefined {
  if (!colors.length) return undefined;
  const sum = [0, 0, 0];
  for (const c of colors) for (let i = 0; i < 3; i++) sum[i]! += parseInt(c.slice(i * 2, i * 2 + 2), 16);
  return sum
    .map((s) =>
      Math.round(s / colors.length)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}
