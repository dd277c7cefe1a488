import type { DiagnosticCode } from '../diagnostics/diagnostic.js';
import { openPackage, type OpenPackage } from '../inspect/package.js';
import { DECORATIVE_EXT_URI, paragraphs } from '../inspect/read.js';
import { all, attr, kid, kids, path, type Element } from '../inspect/xml.js';
import { PackageGrounds, type SlideGround } from '../template/ground.js';
import { contrast, GRAPHIC_MINIMUM, textMinimum } from './contrast.js';
import { hasHan, isChineseTag, langFits } from './script.js';

/** The kinds of accessibility miss: diagnostic codes of `check --a11y` (described in diagnostic.ts). */
export type A11yCode = Extract<DiagnosticCode, `a11y-${string}`>;

export interface A11yIssue {
  code: A11yCode;
  /** 1-based slide number. */
  slide: number;
  message: string;
}

export interface AuditOptions {
  /** The deck's language tag (outline `lang`). */
  lang: string;
  /** By slide number: colours that chart pictures are drawn with (not readable from the PNG). */
  pictureCharts?: Map<number, PictureChartColours>;
}

interface Shape {
  kind: 'sp' | 'pic' | 'graphicFrame' | 'cxnSp';
  name: string;
  alt?: string;
  decorative: boolean;
  placeholder?: string;
  box?: { x: number; y: number; w: number; h: number };
  /** The colours its fill shows (every stop of a gradient), resolved through the theme; absent when unfilled. */
  fill?: string[];
  text: string;
  runs: { text: string; lang?: string; color?: string; size: number; bold: boolean }[];
  table?: Element;
  chartPart?: string;
  isChartPicture: boolean;
}

/** Audits a finished .pptx for what a screen reader and a low-vision reader need. */
export async function auditPptx(bytes: Buffer, options: AuditOptions): Promise<A11yIssue[]> {
  const pkg = await openPackage(bytes);
  const grounds = new PackageGrounds(bytes);
  const presentation = await pkg.xml('ppt/presentation.xml');
  const rels = await pkg.rels('ppt/presentation.xml');
  const issues: A11yIssue[] = [];
  const titles = new Map<string, number>();
  let slide = 0;
  for (const sldId of kids(kid(presentation, 'sldIdLst'), 'sldId')) {
    const part = rels.get(attr(sldId, 'r:id') ?? '')?.target;
    if (!part || !pkg.has(part)) continue;
    slide++;
    const add = (code: A11yCode, message: string) => issues.push({ code, slide, message });
    const root = await pkg.xml(part);
    const slideRels = await pkg.rels(part);
    const ground = await grounds.slide(part);
    const shapes: Shape[] = [];
    collect(path(root, 'cSld', 'spTree'), slideRels, shapes);
    shapes.forEach((s, i) => {
      if (ground.own[i]?.length) s.fill = ground.own[i];
    });
    // The boxes its placeholders inherit.
    const placeholderBox = await layoutBoxes(pkg, slideRels);
    for (const s of shapes)
      if (!s.box && s.placeholder) {
        const box = placeholderBox(s.placeholder);
        if (box) s.box = box;
      }

    // Title: present, non-empty, unique, first in reading order.
    const title = shapes.find((s) => s.placeholder === 'title' || s.placeholder === 'ctrTitle');
    const titleText = title?.text.trim() ?? '';
    if (!titleText) add('a11y-title', 'the slide has no title: screen readers announce slides by their title');
    else if (titles.has(titleText))
      add('a11y-title', `the title “${titleText}” is also slide ${titles.get(titleText)}'s: titles tell slides apart`);
    else titles.set(titleText, slide);
    const first = shapes.find((s) => !s.decorative);
    if (title && first && first !== title)
      add('a11y-reading-order', `“${first.text || first.name}” is read before the title`);

    for (const s of shapes) {
      const named = s.text ? `“${clip(s.text)}”` : `“${s.name}”`;
      if (s.table && attr(kid(s.table, 'tblPr'), 'firstRow') !== '1')
        add('a11y-table-header', `the table ${named} does not mark its first row as a header row`);
      const chart = s.chartPart !== undefined || s.isChartPicture;
      if (!s.text && !s.alt && !s.decorative && !s.table && !chart)
        add('a11y-decorative', `${named} has no text or alt text and is not marked decorative`);
      if (chart || (s.kind === 'pic' && !s.decorative)) checkAlt(s, options.lang, add);
      for (const r of s.runs) {
        if (!langFits(r.lang, r.text, options.lang))
          add('a11y-language', `“${clip(r.text)}” is tagged ${r.lang ?? 'with no language'}`);
      }
      checkTextContrast(s, groundOf(s, shapes, ground), add);
      if (s.table) checkTable(s.table, groundOf(s, shapes, ground), options.lang, add);
    }
    for (const s of shapes) {
      const under = groundOf(s, shapes, ground);
      if (s.chartPart) await checkNativeChart(pkg, s, under, add);
      else if (s.isChartPicture && options.pictureCharts?.has(slide))
        checkPictureChart(options.pictureCharts.get(slide)!, under, add);
    }
    await checkNotes(pkg, slideRels, options.lang, add);
  }
  return issues;
}

const clip = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);

function collect(tree: Element | undefined, rels: Map<string, { type: string; target: string }>, out: Shape[]): void {
  for (const el of kids(tree)) {
    const kind = el.localName;
    if (kind === 'grpSp') {
      collect(el, rels, out);
      continue;
    }
    if (kind !== 'sp' && kind !== 'pic' && kind !== 'graphicFrame' && kind !== 'cxnSp') continue;
    const nv = kid(el, kids(el)[0]?.localName ?? '');
    const cNvPr = kid(nv, 'cNvPr');
    const spPr = kid(el, 'spPr');
    const xfrm = kid(spPr, 'xfrm') ?? kid(el, 'xfrm');
    const off = kid(xfrm, 'off');
    const ext = kid(xfrm, 'ext');
    const data = path(el, 'graphic', 'graphicData');
    const chartRef = kid(data, 'chart');
    const txBody = kid(el, 'txBody');
    const runs = all(txBody, 'r').map((r) => {
      const rPr = kid(r, 'rPr');
      return {
        text: kid(r, 't')?.textContent ?? '',
        lang: attr(rPr, 'lang'),
        color: attr(path(rPr, 'solidFill', 'srgbClr'), 'val'),
        size: Number(attr(rPr, 'sz') ?? 1800) / 100,
        bold: attr(rPr, 'b') === '1',
      };
    });
    const name = attr(cNvPr, 'name') ?? '';
    out.push({
      kind,
      name,
      ...(attr(cNvPr, 'descr') ? { alt: attr(cNvPr, 'descr') } : {}),
      decorative: all(cNvPr, 'ext').some(
        (e) => attr(e, 'uri') === DECORATIVE_EXT_URI && attr(kid(e, 'decorative'), 'val') === '1',
      ),
      ...(attr(path(nv, 'nvPr', 'ph'), 'type') || kid(kid(nv, 'nvPr'), 'ph')
        ? { placeholder: attr(path(nv, 'nvPr', 'ph'), 'type') ?? 'body' }
        : {}),
      ...(off && ext
        ? {
            box: {
              x: Number(attr(off, 'x')),
              y: Number(attr(off, 'y')),
              w: Number(attr(ext, 'cx')),
              h: Number(attr(ext, 'cy')),
            },
          }
        : {}),
      text: paragraphs(txBody).join(' '),
      runs,
      ...(kid(data, 'tbl') ? { table: kid(data, 'tbl') } : {}),
      ...(chartRef ? { chartPart: rels.get(attr(chartRef, 'r:id') ?? '')?.target ?? '' } : {}),
      isChartPicture: kind === 'pic' && /chart/i.test(name),
    });
  }
}

/** The box a placeholder without one inherits: its layout's placeholder of the type, else its master's of the kind. */
async function layoutBoxes(
  pkg: OpenPackage,
  slideRels: Map<string, { type: string; target: string }>,
): Promise<(type: string) => Shape['box']> {
  const levels: Shape[][] = [];
  let rels = slideRels;
  for (const type of ['slideLayout', 'slideMaster']) {
    const target = [...rels.values()].find((r) => r.type === type)?.target;
    if (!target || !pkg.has(target)) break;
    const root = await pkg.xml(target);
    rels = await pkg.rels(target);
    const shapes: Shape[] = [];
    collect(path(root, 'cSld', 'spTree'), rels, shapes);
    levels.push(shapes);
  }
  const [layout, master] = levels;
  const kindOf = (t: string) => (t === 'ctrTitle' ? 'title' : t === 'subTitle' || t === 'obj' ? 'body' : t);
  return (type) =>
    layout?.find((s) => s.placeholder === type && s.box)?.box ??
    master?.find((s) => s.placeholder && kindOf(s.placeholder) === kindOf(type) && s.box)?.box;
}

type Add = (code: A11yCode, message: string) => void;

function checkAlt(s: Shape, lang: string, add: Add): void {
  const what = s.chartPart !== undefined || s.isChartPicture ? 'chart' : 'picture';
  if (!s.alt) {
    add('a11y-alt-text', `the ${what} “${s.name}” has no alt text`);
    return;
  }
  const chinese = isChineseTag(lang);
  if (chinese ? !hasHan(s.alt) || /^[A-Za-z]/.test(s.alt) : hasHan(s.alt.slice(0, 12)))
    add('a11y-alt-text', `the alt text of the ${what} “${clip(s.alt)}” is not in the deck’s language (${lang})`);
  if (what === 'chart' && !/\d/.test(s.alt))
    add('a11y-alt-text', `the alt text of the chart “${clip(s.alt)}” gives none of its figures`);
}

function contains(outer: Shape['box'], inner: Shape['box']): boolean {
  if (!outer || !inner) return false;
  const cx = inner.x + inner.w / 2;
  const cy = inner.y + inner.h / 2;
  return cx >= outer.x && cx <= outer.x + outer.w && cy >= outer.y && cy <= outer.y + outer.h;
}

/**
 * What a shape stands on: its own fill, else the topmost filled shape drawn before it (on the
 * slide, then its layout and master) under its centre, else the slide's background. Every
 * colour it can show, so that what is on it is judged against the worst.
 */
function groundOf(s: Shape, shapes: Shape[], ground: SlideGround): string[] {
  if (s.fill) return s.fill;
  const own = shapes
    .slice(0, shapes.indexOf(s))
    .reverse()
    .find((b) => b.fill && contains(b.box, s.box));
  if (own?.fill) return own.fill;
  // What the layout and master draw beneath the slide (a title band), topmost first.
  const beneath = [...ground.beneath].reverse().find((b) => contains(b.box, s.box));
  if (beneath) return beneath.under?.(s.box) ?? beneath.colors;
  return ground.backgroundUnder(s.box);
}

/** The ground colour a colour contrasts least with, and that contrast. */
function worst(color: string, ground: readonly string[]): { ratio: number; on: string } {
  let found = { ratio: Infinity, on: ground[0] ?? 'FFFFFF' };
  for (const g of ground) {
    const ratio = contrast(color, g);
    if (ratio < found.ratio) found = { ratio, on: g };
  }
  return found;
}

function checkTextContrast(s: Shape, ground: string[], add: Add): void {
  for (const r of s.runs) {
    if (!r.color || !r.text.trim()) continue;
    const { ratio, on } = worst(r.color, ground);
    const minimum = textMinimum(r.size, r.bold);
    if (ratio < minimum)
      add(
        'a11y-contrast',
        `“${clip(r.text)}” (#${r.color} on #${on}, ${r.size} pt) has contrast ${ratio.toFixed(2)}:1; at least ${minimum}:1 is needed`,
      );
  }
}

/** Each cell's runs against the cell's own fill (header row, bands), else the table's ground. */
function checkTable(table: Element, ground: string[], lang: string, add: Add): void {
  for (const tc of all(table, 'tc')) {
    const own = attr(path(tc, 'tcPr', 'solidFill', 'srgbClr'), 'val');
    for (const r of all(kid(tc, 'txBody'), 'r')) {
      const rPr = kid(r, 'rPr');
      const text = kid(r, 't')?.textContent ?? '';
      const tag = attr(rPr, 'lang');
      if (!langFits(tag, text, lang))
        add('a11y-language', `the table cell “${clip(text)}” is tagged ${tag ?? 'with no language'}`);
      const colour = attr(path(rPr, 'solidFill', 'srgbClr'), 'val');
      if (!colour || !text.trim()) continue;
      const size = Number(attr(rPr, 'sz') ?? 1800) / 100;
      const { ratio, on: fill } = worst(colour, own ? [own] : ground);
      const minimum = textMinimum(size, attr(rPr, 'b') === '1');
      if (ratio < minimum)
        add(
          'a11y-contrast',
          `the table cell “${clip(text)}” (#${colour} on #${fill}, ${size} pt) has contrast ${ratio.toFixed(2)}:1; at least ${minimum}:1 is needed`,
        );
    }
  }
}

async function checkNativeChart(pkg: OpenPackage, s: Shape, under: string[], add: Add): Promise<void> {
  if (!s.chartPart || !pkg.has(s.chartPart)) return;
  const root = await pkg.xml(s.chartPart);
  const own = attr(path(root, 'spPr', 'solidFill', 'srgbClr'), 'val');
  const grounds = own ? [own] : under;
  const colourOf = (el: Element | undefined) =>
    attr(path(el, 'solidFill', 'srgbClr'), 'val') ?? attr(path(el, 'ln', 'solidFill', 'srgbClr'), 'val');
  const fills = new Set<string>();
  const dataLabels = new Set<Element>();
  // Labels drawn inside their bar or slice, each against its own point's fill.
  const onFills: { label: string; fill: string; size: number; bold: boolean }[] = [];
  // Data labels outside their bar, read against the chart's ground.
  const outside = new Set<string>();
  for (const plot of kids(path(root, 'chart', 'plotArea'))) {
    if (!plot.localName?.endsWith('Chart')) continue;
    const circular = /^(pie|doughnut|ofPie|pie3D)Chart$/.test(plot.localName);
    const stacked = /stacked/i.test(attr(kid(plot, 'grouping'), 'val') ?? '');
    for (const ser of kids(plot, 'ser')) {
      // Slices and highlighted bars have their own fills; the series' own is then only a default.
      const own = colourOf(kid(ser, 'spPr'));
      const byPoint = new Map(
        kids(ser, 'dPt').map((d) => [attr(kid(d, 'idx'), 'val') ?? '', colourOf(kid(d, 'spPr'))] as const),
      );
      for (const c of byPoint.size && circular ? byPoint.values() : [...byPoint.values(), own]) if (c) fills.add(c);
      const dLbls = kid(ser, 'dLbls');
      if (!dLbls) continue;
      // Labels whose every show flag is off are not drawn: nothing to read.
      const shown = (holder: Element | undefined) =>
        kids(holder).some(
          (c) => /^show(Val|Percent|CatName|SerName|BubbleSize)$/.test(c.localName ?? '') && attr(c, 'val') === '1',
        );
      // A point's own label may sit elsewhere than its series' (moved inside, clear of a target line).
      const insideAt = (holder: Element) => {
        const position = attr(kid(holder, 'dLblPos'), 'val') ?? attr(kid(dLbls, 'dLblPos'), 'val');
        return position ? ['ctr', 'inEnd', 'inBase', 'bestFit'].includes(position) : circular || stacked;
      };
      const anyShown = shown(dLbls) || kids(dLbls, 'dLbl').some(shown);
      // Outside labels are read against the chart's ground, below; hidden ones not at all.
      if (!anyShown) continue;
      if (!insideAt(dLbls) && !kids(dLbls, 'dLbl').some((d) => shown(d) && insideAt(d))) continue;
      for (const t of all(dLbls, 'txPr')) dataLabels.add(t);
      const labelOf = (holder: Element | undefined) => {
        const rPr = all(kid(holder, 'txPr'), 'defRPr')[0];
        const colour = attr(path(rPr, 'solidFill', 'srgbClr'), 'val');
        return colour
          ? { label: colour, size: Number(attr(rPr, 'sz') ?? 1000) / 100, bold: attr(rPr, 'b') === '1' }
          : undefined;
      };
      const fallback = labelOf(dLbls);
      if (fallback && shown(dLbls) && !insideAt(dLbls)) outside.add(fallback.label);
      const points = kids(dLbls, 'dLbl');
      const idxs = new Set([...byPoint.keys(), ...points.map((d) => attr(kid(d, 'idx'), 'val') ?? '')]);
      for (const idx of idxs.size ? idxs : ['']) {
        const point = points.find((d) => attr(kid(d, 'idx'), 'val') === idx);
        if (!shown(point ?? dLbls)) continue;
        const label = labelOf(point) ?? fallback;
        const fill = byPoint.get(idx) ?? own;
        if (label && !insideAt(point ?? dLbls)) outside.add(label.label);
        else if (label && fill) onFills.push({ ...label, fill });
      }
    }
  }
  for (const fill of fills) {
    const { ratio, on } = worst(fill, grounds);
    if (ratio < GRAPHIC_MINIMUM)
      add(
        'a11y-contrast',
        `a chart series drawn in #${fill} has contrast ${ratio.toFixed(2)}:1 on #${on}; at least 3:1 is needed`,
      );
  }
  for (const { label, fill, size, bold } of onFills) {
    const ratio = contrast(label, fill);
    const minimum = textMinimum(size, bold);
    if (ratio < minimum)
      add(
        'a11y-contrast',
        `chart labels in #${label} (${size} pt) on a bar or slice drawn in #${fill} have contrast ${ratio.toFixed(2)}:1; at least ${minimum}:1 is needed`,
      );
  }
  // Axis, legend and outside data labels are read against the chart's ground.
  const onGround = new Set<string>(outside);
  for (const txPr of all(root, 'txPr')) {
    if (dataLabels.has(txPr)) continue;
    for (const c of all(txPr, 'srgbClr')) onGround.add(attr(c, 'val') ?? '');
  }
  for (const label of onGround) {
    if (!label) continue;
    const { ratio, on } = worst(label, grounds);
    if (ratio < 4.5)
      add(
        'a11y-contrast',
        `chart text in #${label} has contrast ${ratio.toFixed(2)}:1 on #${on}; at least 4.5:1 is needed`,
      );
  }
}

/** What a chart.js picture is drawn with: fills, text on the background, and labels drawn on the fills. */
export interface PictureChartColours {
  /** The colour the picture is filled with before anything is drawn: what its marks stand on. */
  ground?: string;
  fills: string[];
  labels: string[];
  labelsOnFills?: string;
}

function checkPictureChart(colours: PictureChartColours, under: string[], add: Add): void {
  const ground = colours.ground ? [colours.ground] : under;
  for (const fill of new Set(colours.fills)) {
    const { ratio, on } = worst(fill, ground);
    if (ratio < GRAPHIC_MINIMUM)
      add(
        'a11y-contrast',
        `a chart series drawn in #${fill} has contrast ${ratio.toFixed(2)}:1 on #${on}; at least 3:1 is needed`,
      );
    // Labels inside slices and stacked segments are bold chart text: large text's 3:1.
    const inside = colours.labelsOnFills;
    if (inside && contrast(inside, fill) < 3)
      add(
        'a11y-contrast',
        `chart labels in #${inside} on a series drawn in #${fill} have contrast ${contrast(inside, fill).toFixed(2)}:1; at least 3:1 is needed`,
      );
  }
  for (const label of new Set(colours.labels)) {
    const { ratio, on } = worst(label, ground);
    if (ratio < 4.5)
      add(
        'a11y-contrast',
        `chart text in #${label} has contrast ${ratio.toFixed(2)}:1 on #${on}; at least 4.5:1 is needed`,
      );
  }
}

async function checkNotes(
  pkg: OpenPackage,
  rels: Map<string, { type: string; target: string }>,
  lang: string,
  add: Add,
): Promise<void> {
  const notes = [...rels.values()].find((r) => r.type === 'notesSlide')?.target;
  if (!notes || !pkg.has(notes)) return;
  const root = await pkg.xml(notes);
  for (const r of all(root, 'r')) {
    const text = kid(r, 't')?.textContent ?? '';
    const tag = attr(kid(r, 'rPr'), 'lang');
    if (!langFits(tag, text, lang))
      add('a11y-language', `the notes “${clip(text)}” are tagged ${tag ?? 'with no language'}`);
  }
}
