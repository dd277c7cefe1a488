import { TemplatePackage } from './package.js';
import type { Box } from './types.js';

/**
 * Placeholder boxes as a template's XML writes them, in EMU, read with the same patterns the
 * package merge uses to fill a layout's placeholders: layout and pptx writer both take
 * placeholder positions from here, so that a slide is laid out where it will be written.
 */

const EMU_PER_PT = 12700;
const PH_TYPE_DEFAULT = 'obj';

/** A placeholder of a template layout or master, with its box in EMU when it gives one. */
export interface LayoutPlaceholder {
  type: string;
  idx?: string;
  box?: { x: number; y: number; w: number; h: number };
  /** The alignment its first paragraph style gives (algn), when it says. */
  align?: 'left' | 'center' | 'right';
}

const ALIGN = { l: 'left', ctr: 'center', r: 'right' } as const;

const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The placeholder shapes of a layout or master part, in tree order. */
export function placeholdersIn(xml: string): LayoutPlaceholder[] {
  const out: LayoutPlaceholder[] = [];
  for (const sp of xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []) {
    const ph = /<p:ph\b[^>]*>/.exec(sp)?.[0];
    if (!ph) continue;
    const off = /<a:xfrm\b[^>]*>\s*<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>\s*<a:ext cx="(\d+)" cy="(\d+)"/.exec(sp);
    const idx = attrOf(ph, 'idx');
    const algn = /\balgn="(l|ctr|r)"/.exec(sp)?.[1] as keyof typeof ALIGN | undefined;
    out.push({
      type: attrOf(ph, 'type') ?? PH_TYPE_DEFAULT,
      ...(idx !== undefined ? { idx } : {}),
      ...(off ? { box: { x: +off[1]!, y: +off[2]!, w: +off[3]!, h: +off[4]! } } : {}),
      ...(algn ? { align: ALIGN[algn] } : {}),
    });
  }
  return out;
}

/** Which master placeholder a layout placeholder takes its position from. */
export const masterType = (type: string) =>
  type === 'ctrTitle' || type === 'title' ? 'title' : ['dt', 'ftr', 'sldNum'].includes(type) ? type : 'body';

/** A placeholder box in points. */
export const boxInPoints = (b: NonNullable<LayoutPlaceholder['box']>): Box => ({
  x: b.x / EMU_PER_PT,
  y: b.y / EMU_PER_PT,
  w: b.w / EMU_PER_PT,
  h: b.h / EMU_PER_PT,
});

const packages = new WeakMap<Buffer, TemplatePackage>();
const packageOf = (bytes: Buffer): TemplatePackage => {
  let p = packages.get(bytes);
  if (!p) packages.set(bytes, (p = new TemplatePackage(bytes, '')));
  return p;
};

/**
 * The placeholder boxes of a layout's slide master, in points, by the master placeholder type
 * each stands for (title, body, dt, ftr, sldNum): the first of each that has a box.
 */
export function masterBoxes(bytes: Buffer, layout: string): Map<string, Box> {
  return new Map([...masterPlaceholders(bytes, layout)].map(([type, p]) => [type, p.box]));
}

/** As masterBoxes, with the alignment each placeholder's text style gives. */
export function masterPlaceholders(
  bytes: Buffer,
  layout: string,
): Map<string, { box: Box; align?: 'left' | 'center' | 'right' }> {
  const t = packageOf(bytes);
  const master = t.rels(layout).find((r) => r.kind === 'slideMaster')?.part;
  const xml = master ? t.text(master) : undefined;
  const found = new Map<string, { box: Box; align?: 'left' | 'center' | 'right' }>();
  for (const p of xml ? placeholdersIn(xml) : [])
    if (p.box && !found.has(masterType(p.type)))
      found.set(masterType(p.type), { box: boxInPoints(p.box), ...(p.align ? { align: p.align } : {}) });
  return found;
}

/**
 * LibreOffice writes every layout with placeholder boxes of its own invention and keeps the
 * real ones on the master (its own slides carry the master's boxes explicitly). For a template
 * it wrote, the master's placeholder of each kind, in points; undefined for other templates.
 */
export function libreOfficeBoxes(bytes: Buffer, layout: string): Map<string, Box> | undefined {
  if (!/<Application>LibreOffice/.test(packageOf(bytes).text('docProps/app.xml') ?? '')) return undefined;
  return masterBoxes(bytes, layout);
}

/**
 * The slide number and date a layout shows through plain shapes with fields, its own or (unless
 * it hides them) its master's: LibreOffice's masters draw the number in a text box of their own,
 * with no placeholder for it. A slide on such a layout needs no number of ours.
 */
export function drawnFields(bytes: Buffer, layout: string): Set<'sldNum' | 'dt'> {
  const t = packageOf(bytes);
  const own = t.text(layout) ?? '';
  const master = t.rels(layout).find((r) => r.kind === 'slideMaster')?.part;
  const parts = /<p:sldLayout\b[^>]*\bshowMasterSp="(0|false)"/.test(own)
    ? [own]
    : [own, (master && t.text(master)) ?? ''];
  const found = new Set<'sldNum' | 'dt'>();
  for (const sp of parts.flatMap((xml) => xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [])) {
    if (/<p:ph\b/.test(sp)) continue;
    if (/<a:fld\b[^>]*\btype="slidenum"/.test(sp)) found.add('sldNum');
    if (/<a:fld\b[^>]*\btype="datetime/.test(sp)) found.add('dt');
  }
  return found;
}
