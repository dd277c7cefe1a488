import { masterType, placeholdersIn, type LayoutPlaceholder } from '../template/placeholder-boxes.js';
import type { MasterText, TemplateMark } from '../model.js';
import { orderPresentation } from './schema-order.js';
import { escapeXml } from './xml.js';
import { readZip } from './zip.js';

/**
 * Builds the deck on an organisation's template by merging packages: the template keeps its
 * slide masters, layouts, themes, media, notes and handout masters and presentation settings;
 * our package brings its slides (with their charts, pictures and notes) and document
 * properties. Each slide points at the template layout chosen for it; its title goes into that
 * layout's title placeholder, with the position inherited where layout used the template's
 * box; footer, date and slide number go into the layout's placeholders. The template's own
 * sample slides, and whatever only they used, are left out.
 *
 * A package-level merge rather than a library that builds on a root template (pptx-automizer):
 * our slides are already finished by pptxgenjs and finishPackage, and only their relationships
 * and a few placeholder elements change; the merge keeps our deterministic zip writer and
 * adds no dependency that would re-zip with its own clock.
 */

export interface TemplatePlan {
  /** The template package (.potx or .pptx). */
  bytes: Buffer;
  /** Per slide of our package (0-based): the template layout part it uses ('ppt/slideLayouts/slideLayout2.xml'). */
  layouts: readonly string[];
  /** Per slide: its layout is dark, so its title keeps the light colour layout gave it. */
  darkLayouts?: readonly boolean[];
  /** Per slide: text for the layout's footer and date placeholders and whether its number shows; absent for none. */
  footers?: readonly (SlideFooter | undefined)[];
  /** The deck's language, for the footer texts' runs. */
  lang?: string;
}

export interface SlideFooter {
  footer?: string;
  /** Points: footer, date and number are set at this size rather than the template's footer style. */
  size?: number;
  date?: string;
  slideNumber?: boolean;
  /** The faces of the deck's text: footer, date and number match the body, not the template's footer style. */
  font?: { latin: string; eastAsian: string };
  /** Date, footer or number that the slide's layout has no placeholder for: drawn as text boxes of the slide. */
  marks?: readonly TemplateMark[];
}

/** A package as parts: names in order, XML text and binary data by name. */
export interface Parts {
  names: string[];
  text: Map<string, string>;
  binary: Map<string, Buffer>;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PRESENTATION_MAIN = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
/** A box written through pptxgenjs's inches comes back within a few EMU of the template's. */
const SAME_BOX_EMU = 254;
const EMU_PER_PT = 12700;

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export function relsOf(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attrOf(m[0], 'Id') ?? '',
    type: (attrOf(m[0], 'Type') ?? '').replace(/^.*\//, ''),
    target: attrOf(m[0], 'Target') ?? '',
    external: attrOf(m[0], 'TargetMode') === 'External',
  }));
}

/** The rels part of a part: ppt/slides/slide1.xml → ppt/slides/_rels/slide1.xml.rels. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that holds it. */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = from.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.') segments.push(s);
  }
  return segments.join('/');
}

/** The path of `to` relative to the folder of `from`. */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function partsOf(bytes: Buffer): Parts {
  const names: string[] = [];
  const text = new Map<string, string>();
  const binary = new Map<string, Buffer>();
  for (const { name, data } of readZip(bytes)) {
    names.push(name);
    if (/\.(xml|rels)$/i.test(name)) text.set(name, data.toString('utf8'));
    else binary.set(name, data);
  }
  return { names, text, binary };
}

const has = (p: Parts, name: string) => p.text.has(name) || p.binary.has(name);

/** Every part reachable from `roots` through relationships (the roots included). */
function reachable(p: Parts, roots: readonly string[], skip: (r: Relationship, from: string) => boolean = () => false) {
  const seen = new Set<string>();
  const queue = roots.filter((r) => has(p, r));
  while (queue.length) {
    const part = queue.pop()!;
    if (seen.has(part)) continue;
    seen.add(part);
    const rels = relsPath(part);
    if (p.text.has(rels)) seen.add(rels);
    for (const r of relsOf(p.text.get(rels))) {
      if (r.external || skip(r, part)) continue;
      const target = resolveTarget(part, r.target);
      if (has(p, target) && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

function contentTypes(xml: string | undefined): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of (xml ?? '').matchAll(/<(Default|Override)\b[^>]*>/g)) {
    const type = attrOf(m[0], 'ContentType') ?? '';
    if (m[1] === 'Default') defaults.set((attrOf(m[0], 'Extension') ?? '').toLowerCase(), type);
    else overrides.set((attrOf(m[0], 'PartName') ?? '').replace(/^\//, ''), type);
  }
  return { defaults, overrides };
}

function writeContentTypes(t: ContentTypes): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    [...t.defaults].map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join('') +
    [...t.overrides].map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

function writeRels(rels: readonly Relationship[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('') +
    '</Relationships>'
  );
}

/** The placeholders of a template layout, boxes inherited from its master where the layout sets none. */
export function layoutPlaceholders(template: Parts, layout: string): LayoutPlaceholder[] {
  const xml = template.text.get(layout);
  if (!xml) return [];
  const master = relsOf(template.text.get(relsPath(layout))).find((r) => r.type === 'slideMaster');
  const masterXml = master ? template.text.get(resolveTarget(layout, master.target)) : undefined;
  const inherited = masterXml ? placeholdersIn(masterXml) : [];
  return placeholdersIn(xml).map((p) => {
    if (p.box) return p;
    const from = inherited.find((m) => masterType(m.type) === masterType(p.type) && m.box);
    return from?.box ? { ...p, box: from.box } : p;
  });
}

const parsed = new WeakMap<Buffer, Parts>();
const templateParts = (bytes: Buffer): Parts => {
  let p = parsed.get(bytes);
  if (!p) parsed.set(bytes, (p = partsOf(bytes)));
  return p;
};

/** Template parts our package never takes: its slides, its package-level parts, its document properties. */
const OURS_ONLY =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/.*|ppt\/presentation\.xml|ppt\/_rels\/presentation\.xml\.rels)$/;

/** Merges our finished package with the template: see the module comment. */
export function buildOnTemplate(ours: Parts, plan: TemplatePlan): Parts {
  const template = templateParts(plan.bytes);
  const tPresentation = template.text.get('ppt/presentation.xml');
  const tPresRels = relsOf(template.text.get('ppt/_rels/presentation.xml.rels'));
  if (!tPresentation) throw new Error('the template has no ppt/presentation.xml');

  // The template's parts that its presentation reaches without its slides: masters, layouts,
  // themes, their media, notes and handout masters, properties.
  const keptFromTemplate = reachable(
    template,
    tPresRels
      .filter((r) => !r.external && r.type !== 'slide')
      .map((r) => resolveTarget('ppt/presentation.xml', r.target)),
  );
  const notesMaster = tPresRels.find((r) => r.type === 'notesMaster');
  const templateNotesMaster = notesMaster ? resolveTarget('ppt/presentation.xml', notesMaster.target) : undefined;

  // Ours: its slides and what they reach (charts, pictures, notes); our masters, layouts and theme go.
  const oursSlides = ours.names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  oursSlides.sort((a, b) => slideNumber(a) - slideNumber(b));
  const keptFromOurs = reachable(ours, oursSlides, (r) => r.type === 'slideLayout' || r.type === 'notesMaster');
  for (const n of ['[Content_Types].xml', '_rels/.rels', ...ours.names.filter((n) => n.startsWith('docProps/'))])
    keptFromOurs.add(n);
  // Our notes slides point back at their slide; that relationship stays, the slide is ours.
  const notesFromOurs = !templateNotesMaster
    ? reachable(ours, [resolveTarget('ppt/presentation.xml', 'notesMasters/notesMaster1.xml')])
    : new Set<string>();
  for (const n of notesFromOurs) keptFromOurs.add(n);

  // Names both keep (a template picture and one of ours both called image1.png): ours moves.
  const taken = new Set([...keptFromTemplate]);
  const renamed = new Map<string, string>();
  for (const name of ours.names) {
    if (!keptFromOurs.has(name) || OURS_ONLY.test(name) || name.includes('/_rels/')) continue;
    if (!taken.has(name)) {
      taken.add(name);
      continue;
    }
    const dot = name.lastIndexOf('.');
    let n = 1;
    while (taken.has(`${name.slice(0, dot)}-bd${n}${name.slice(dot)}`)) n++;
    const fresh = `${name.slice(0, dot)}-bd${n}${name.slice(dot)}`;
    renamed.set(name, fresh);
    taken.add(fresh);
  }

  const out: Parts = { names: [], text: new Map(), binary: new Map() };
  const put = (name: string, from: Parts, as = name) => {
    out.names.push(as);
    if (from.text.has(name)) out.text.set(as, from.text.get(name)!);
    else out.binary.set(as, from.binary.get(name)!);
  };
  // Package-level parts first, in our order; then the template's; then our slides and what they use.
  for (const name of ours.names) if (OURS_ONLY.test(name) && has(ours, name)) put(name, ours);
  for (const name of template.names) if (keptFromTemplate.has(name) && !OURS_ONLY.test(name)) put(name, template);
  for (const name of ours.names) {
    if (!keptFromOurs.has(name) || OURS_ONLY.test(name)) continue;
    const rels = /^(.*)_rels\/(.+)\.rels$/.exec(name);
    const owner = rels ? `${rels[1]}${rels[2]}` : name;
    const as = rels && renamed.has(owner) ? relsPath(renamed.get(owner)!) : (renamed.get(name) ?? name);
    if (rels && renamed.size) {
      // Relationships to renamed parts follow them.
      out.names.push(as);
      out.text.set(as, retarget(owner, ours.text.get(name)!, renamed, renamed.get(owner) ?? owner));
    } else put(name, ours, as);
  }

  // Each slide on its layout, pointing at the template's notes master.
  const footers = plan.footers ?? [];
  oursSlides.forEach((slide, i) => {
    const layout = plan.layouts[i];
    if (!layout || !template.text.has(layout)) throw new Error(`slide ${i + 1}: the template has no ${layout}`);
    const rels = relsPath(slide);
    out.text.set(
      rels,
      writeRels(
        relsOf(out.text.get(rels)).map((r) =>
          r.type === 'slideLayout' ? { ...r, target: relativeTarget(slide, layout) } : r,
        ),
      ),
    );
    const placeholders = layoutPlaceholders(template, layout);
    out.text.set(
      slide,
      withLayoutColorMap(
        onLayout(
          out.text.get(slide)!,
          placeholders,
          footers[i],
          plan.lang ?? 'en',
          i + 1,
          plan.darkLayouts?.[i] ?? false,
        ),
        template.text.get(layout) ?? '',
      ),
    );
  });
  if (templateNotesMaster) {
    for (const name of out.names) {
      if (!/^ppt\/notesSlides\/_rels\/notesSlide\d+\.xml\.rels$/.test(name)) continue;
      const notes = name.replace('_rels/', '').replace(/\.rels$/, '');
      out.text.set(
        name,
        writeRels(
          relsOf(out.text.get(name)).map((r) =>
            r.type === 'notesMaster' ? { ...r, target: relativeTarget(notes, templateNotesMaster) } : r,
          ),
        ),
      );
    }
  }

  // The presentation: the template's, with our slides (and our notes master if it has none).
  const oursPresRels = relsOf(ours.text.get('ppt/_rels/presentation.xml.rels'));
  let next = Math.max(0, ...tPresRels.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
  const presRels = tPresRels.filter((r) => r.type !== 'slide');
  const slideIds = oursSlides.map((slide, i) => {
    const id = `rId${next++}`;
    presRels.push({ id, type: 'slide', target: relativeTarget('ppt/presentation.xml', slide), external: false });
    return `<p:sldId id="${256 + i}" r:id="${id}"/>`;
  });
  let presentation = tPresentation
    .replace(/<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>|<p:sldIdLst\/>/, '')
    // Custom shows and sections list the template's slides, which are gone.
    .replace(/<p:custShowLst>[\s\S]*?<\/p:custShowLst>/, '')
    .replace(/<p:ext uri="\{521415D9-36F7-43E2-AB2F-B90AF26B5E84\}">[\s\S]*?<\/p:ext>/, '')
    .replace(/<p:extLst>\s*<\/p:extLst>/, '');
  if (!templateNotesMaster) {
    const ourNotes = oursPresRels.find((r) => r.type === 'notesMaster');
    if (ourNotes) {
      const id = `rId${next++}`;
      presRels.push({ ...ourNotes, id });
      presentation = presentation.replace(
        /(<\/p:sldMasterIdLst>)/,
        `$1<p:notesMasterIdLst><p:notesMasterId r:id="${id}"/></p:notesMasterIdLst>`,
      );
    }
  }
  presentation = presentation.replace(/(<\/p:sldMasterIdLst>)/, `$1<p:sldIdLst>${slideIds.join('')}</p:sldIdLst>`);
  out.text.set('ppt/presentation.xml', orderPresentation(presentation));
  out.text.set('ppt/_rels/presentation.xml.rels', writeRels(presRels));

  // Content types: both packages' defaults, each part's own override; the result is a presentation, not a template.
  const tTypes = contentTypes(template.text.get('[Content_Types].xml'));
  const oTypes = contentTypes(ours.text.get('[Content_Types].xml'));
  const defaults = new Map(oTypes.defaults);
  for (const [ext, type] of tTypes.defaults) if (!defaults.has(ext)) defaults.set(ext, type);
  const overrides = new Map<string, string>();
  const reverse = new Map([...renamed].map(([a, b]) => [b, a]));
  for (const name of out.names) {
    if (name === 'ppt/presentation.xml') overrides.set(name, PRESENTATION_MAIN);
    else if (keptFromTemplate.has(name) && !OURS_ONLY.test(name)) {
      const t = tTypes.overrides.get(name);
      if (t) overrides.set(name, t);
    } else {
      const t = oTypes.overrides.get(reverse.get(name) ?? name);
      if (t) overrides.set(name, t);
    }
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(name) && !defaults.has(ext)) {
      const t = tTypes.overrides.get(name) ?? oTypes.overrides.get(name);
      if (t) overrides.set(name, t);
    }
  }
  out.text.set('[Content_Types].xml', writeContentTypes({ defaults, overrides }));

  // The document properties name the slides' titles and the parts used: ours are the truth now.
  return out;
}

const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

function retarget(owner: string, xml: string, renamed: Map<string, string>, as: string): string {
  return writeRels(
    relsOf(xml).map((r) => {
      if (r.external) return r;
      const target = resolveTarget(owner, r.target);
      const moved = renamed.get(target);
      return moved || as !== owner ? { ...r, target: relativeTarget(as, moved ?? target) } : r;
    }),
  );
}

const COLOR_MAP_OVERRIDE = /<p:clrMapOvr>\s*<a:overrideClrMapping\b[^>]*\/>\s*<\/p:clrMapOvr>/;

/**
 * A slide on a layout that overrides its master's colour map (a dark title layout mapping bg1
 * to dk2) carries the same override, as PowerPoint writes it: readers that take a slide's
 * `masterClrMapping` to mean the master's own map would otherwise draw the layout's background
 * in the light colour under the slide's light text.
 */
function withLayoutColorMap(slide: string, layout: string): string {
  const override = COLOR_MAP_OVERRIDE.exec(layout)?.[0];
  return override ? slide.replace(/<p:clrMapOvr>\s*<a:masterClrMapping\s*\/>\s*<\/p:clrMapOvr>/, override) : slide;
}

/** pptxgenjs's slide-number shape, copied from our master onto every slide: the layout's own replaces it. */
const OUR_SLIDE_NUMBER = /<p:sp>(?:(?!<p:sp>)[\s\S])*?<p:ph\b[^>]*\btype="sldNum"[^>]*\/>[\s\S]*?<\/p:sp>/g;

/** One shape of a slide's spTree, by the placeholder it claims. */
const TITLE_SHAPE = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph\b[^>]*\btype="title"[^>]*\/>[\s\S]*?<\/p:sp>/;

/**
 * A slide's title in its layout's title placeholder: `ctrTitle` on a title-slide layout, no
 * placeholder at all on a layout without one (a text box where layout put it), and no position
 * of its own when layout gave it the placeholder's box. Footer, date and number placeholders
 * of the layout are filled.
 */
export function onLayout(
  xml: string,
  placeholders: readonly LayoutPlaceholder[],
  footer: SlideFooter | undefined,
  lang: string,
  number: number,
  dark = false,
): string {
  const title = placeholders.find((p) => p.type === 'title') ?? placeholders.find((p) => p.type === 'ctrTitle');
  let slide = xml.replace(OUR_SLIDE_NUMBER, '').replace(TITLE_SHAPE, (shape) => {
    const ph = title ? `<p:ph type="${title.type}"/>` : '';
    let s = shape.replace(/<p:ph\b[^>]*\/>/, ph);
    // The template's title style decides the colour, except on a dark layout, where a template
    // may leave its master's dark title colour: there layout's light colour stays.
    if (title && !dark) s = s.replace(/(<a:rPr\b[^>]*>)<a:solidFill>[\s\S]*?<\/a:solidFill>/g, '$1');
    if (title?.box && sameBox(s, title.box)) s = s.replace(/<a:xfrm>[\s\S]*?<\/a:xfrm>/, '');
    return s;
  });
  slide = plainRunsStayPlain(inContentPlaceholders(slide, placeholders));
  if (footer) {
    let id = Math.max(1, ...[...slide.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1])));
    const shapes: string[] = [];
    const add = (type: 'dt' | 'ftr' | 'sldNum', name: string, body: (rPr: string) => string) => {
      const ph = placeholders.find((p) => p.type === type);
      const mark = footer.marks?.find((m) => m.type === type);
      if (!ph && mark) shapes.push(markShape(++id, name, mark.text, body(markRunProperties(mark.text, lang))));
      if (!ph) return;
      id++;
      shapes.push(
        `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
          `<p:nvPr><p:ph type="${type}"${ph.idx !== undefined ? ` idx="${ph.idx}"` : ''}/></p:nvPr></p:nvSpPr><p:spPr/>` +
          `<p:txBody><a:bodyPr/><a:lstStyle/><a:p>${body(rPr)}</a:p></p:txBody></p:sp>`,
      );
    };
    const size = footer.size ? ` sz="${Math.round(footer.size * 100)}"` : '';
    const faces = footer.font
      ? `<a:latin typeface="${escapeXml(footer.font.latin)}"/><a:ea typeface="${escapeXml(footer.font.eastAsian)}"/>`
      : '';
    const rPr = faces
      ? `<a:rPr lang="${escapeXml(lang)}"${size}>${faces}</a:rPr>`
      : `<a:rPr lang="${escapeXml(lang)}"${size}/>`;
    const run = (text: string) => (props: string) => `<a:r>${props}<a:t>${escapeXml(text)}</a:t></a:r>`;
    if (footer.date) add('dt', 'Date', run(footer.date));
    if (footer.footer) add('ftr', 'Footer', run(footer.footer));
    if (footer.slideNumber)
      add(
        'sldNum',
        'Slide number',
        // A field PowerPoint numbers itself; the text is what a reader without fields shows.
        (props) =>
          `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">${props}<a:t>${number}</a:t></a:fld>`,
      );
    if (shapes.length) slide = slide.replace(/<\/p:spTree>/, `${shapes.join('')}</p:spTree>`);
  }
  return slide;
}

const BODY_SHAPE = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:cNvPr id="\d+" name="Body"[\s\S]*?<\/p:sp>/g;

/**
 * Body text filling the width of one of the layout's content placeholders takes it, so that
 * "Reset slide" keeps it where it is: each column of a "Two Content" layout in its own, and the
 * content of a "Comparison" layout in its content placeholder rather than the heading above it.
 * Text in no placeholder's box stays as it is.
 */
function inContentPlaceholders(xml: string, placeholders: readonly LayoutPlaceholder[]): string {
  const content = placeholders.filter((p) => (p.type === 'obj' || p.type === 'body') && p.idx !== undefined && p.box);
  const claimed = new Set<string>();
  return xml.replace(BODY_SHAPE, (sp) => {
    const m = /<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>\s*<a:ext cx="(\d+)" cy="(\d+)"/.exec(sp);
    if (!m) return sp;
    const cx = Number(m[1]) + Number(m[3]) / 2;
    const cy = Number(m[2]) + Number(m[4]) / 2;
    // Bullets beside a chart share one placeholder with it: they stay a text box.
    const ph = content.find(
      (p) =>
        !claimed.has(p.idx!) &&
        Number(m[3]) >= 0.8 * p.box!.w &&
        cx >= p.box!.x &&
        cx <= p.box!.x + p.box!.w &&
        cy >= p.box!.y &&
        cy <= p.box!.y + p.box!.h,
    );
    if (!ph) return sp;
    claimed.add(ph.idx!);
    const own = /<p:ph\b[^>]*\/>/.exec(sp)?.[0];
    if (own && attrOf(own, 'idx') === ph.idx) return sp;
    // The layout's own type: a reader that matches placeholders by type (LibreOffice) would
    // otherwise take a Comparison layout's bold heading style for a content placeholder's text.
    const tag = ph.type === 'obj' ? `<p:ph idx="${ph.idx}"/>` : `<p:ph type="body" idx="${ph.idx}"/>`;
    return own ? sp.replace(own, tag) : sp.replace(/<p:nvPr\s*\/>|<p:nvPr><\/p:nvPr>/, `<p:nvPr>${tag}</p:nvPr>`);
  });
}

const PLACEHOLDER_SHAPE = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph\b[\s\S]*?<\/p:sp>/g;

/**
 * A run in a placeholder inherits the template's text style, and some templates set their body
 * bold or italic (Midnightblue's bullets all came out bold): a run we did not make bold or
 * italic says so, so that emphasis stays where the outline put it.
 */
function plainRunsStayPlain(xml: string): string {
  return xml.replace(PLACEHOLDER_SHAPE, (sp) =>
    /<p:ph\b[^>]*\btype="(?:title|ctrTitle|dt|ftr|sldNum)"/.test(sp)
      ? sp
      : sp.replace(/<a:rPr\b([^>]*?)(\/?)>/g, (tag, attrs: string, close: string) => {
          const add = (/\sb="/.test(attrs) ? '' : ' b="0"') + (/\si="/.test(attrs) ? '' : ' i="0"');
          return add ? `<a:rPr${attrs}${add}${close}>` : tag;
        }),
  );
}

function sameBox(shape: string, box: NonNullable<LayoutPlaceholder['box']>): boolean {
  const m = /<a:off x="(-?\d+)" y="(-?\d+)"\s*\/>\s*<a:ext cx="(\d+)" cy="(\d+)"/.exec(shape);
  if (!m) return false;
  return [box.x, box.y, box.w, box.h].every((v, i) => Math.abs(v - Number(m[i + 1])) <= SAME_BOX_EMU);
}

const emu = (pt: number) => Math.round(pt * EMU_PER_PT);
const ALGN = { left: 'l', center: 'ctr', right: 'r' } as const;
const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;

/** A mark's run properties: its size, colour and faces, set on the run as the master's style does not reach it. */
function markRunProperties(t: MasterText, lang: string): string {
  return (
    `<a:rPr lang="${escapeXml(lang)}" sz="${Math.round(t.size * 100)}"><a:solidFill><a:srgbClr val="${escapeXml(t.color)}"/></a:solidFill>` +
    `<a:latin typeface="${escapeXml(t.font.latin)}"/><a:ea typeface="${escapeXml(t.font.eastAsian)}"/></a:rPr>`
  );
}

/**
 * A date, footer or number where the layout has no placeholder for it: a plain text box at the
 * box layout chose. Not a placeholder: one the layout lacks would inherit nothing and be lost
 * to "Reset slide".
 */
function markShape(id: number, name: string, t: MasterText, body: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${emu(t.box.x)}" y="${emu(t.box.y)}"/><a:ext cx="${emu(t.box.w)}" cy="${emu(t.box.h)}"/></a:xfrm>` +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>' +
    `<p:txBody><a:bodyPr wrap="square" anchor="${ANCHOR[t.valign]}"><a:noAutofit/></a:bodyPr><a:lstStyle/>` +
    `<a:p><a:pPr algn="${ALGN[t.align ?? 'left']}"/>${body}</a:p></p:txBody></p:sp>`
  );
}
