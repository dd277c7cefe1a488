import type { Box, HouseBulletLevel, HouseStyle, HouseTextStyle, Insets, ThemeColorSlot } from '../model.js';
import { SCHEME_SLOTS } from '../template/types.js';
import { escapeXml } from './xml.js';

/**
 * The house style written into the package's own parts, where pptxgenjs has no option for it:
 * theme1.xml (it writes Office's colours and only the Latin faces), the master's text styles
 * (it writes Office's 44 pt centred titles and 32 pt bullets) and the layouts' kinds and
 * placeholders. Each function takes a part's XML and returns it rewritten.
 */

const EMU_PER_PT = 12700;
const emu = (pt: number) => Math.round(pt * EMU_PER_PT);
/** theme1.xml lists its colours in the scheme's order. */
const SLOTS: readonly ThemeColorSlot[] = SCHEME_SLOTS;

function fontList(tag: 'majorFont' | 'minorFont', face: { latin: string; eastAsian: string }): string {
  const ea = escapeXml(face.eastAsian);
  // Simplified and Traditional Chinese name the East Asian face too: PowerPoint looks there for
  // Chinese text when a slide's language is Chinese.
  return (
    `<a:${tag}><a:latin typeface="${escapeXml(face.latin)}"/><a:ea typeface="${ea}"/><a:cs typeface=""/>` +
    `<a:font script="Hans" typeface="${ea}"/><a:font script="Hant" typeface="${ea}"/></a:${tag}>`
  );
}

/** theme1.xml named after the theme, with its palette and its faces; the format scheme is kept. */
export function themePart(xml: string, house: HouseStyle): string {
  const name = escapeXml(house.name);
  const colors = SLOTS.map((slot) => `<a:${slot}><a:srgbClr val="${house.colors[slot]}"/></a:${slot}>`).join('');
  return (
    xml
      .replace(/(<a:theme [^>]*?name=")[^"]*"/, `$1${name}"`)
      .replace(/<a:clrScheme [^>]*>[\s\S]*?<\/a:clrScheme>/, `<a:clrScheme name="${name}">${colors}</a:clrScheme>`)
      .replace(
        /<a:fontScheme [^>]*>[\s\S]*?<\/a:fontScheme>/,
        `<a:fontScheme name="${name}">${fontList('majorFont', house.fonts.major)}${fontList('minorFont', house.fonts.minor)}</a:fontScheme>`,
      )
      // Office's theme family (its name and ids) would say this is the Office Theme.
      .replace(/<a:extLst>(?:(?!<\/a:extLst>)[\s\S])*?<thm15:themeFamily [\s\S]*?<\/a:extLst>/, '')
  );
}

/** How the master's colour map names a theme slot: text and background slots by their role. */
const MAPPED: Partial<Record<ThemeColorSlot, string>> = { dk1: 'tx1', lt1: 'bg1', dk2: 'tx2', lt2: 'bg2' };
const ALIGN = { left: 'l', center: 'ctr', right: 'r' } as const;
const LEVELS = 9;

function level(n: number, s: HouseTextStyle, margin: { left: number; indent: number }, bullet?: string): string {
  const font = s.fonts === 'major' ? 'mj' : 'mn';
  return (
    `<a:lvl${n}pPr marL="${emu(margin.left)}" indent="${emu(margin.indent)}" algn="${ALIGN[s.align]}" ` +
    'defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">' +
    `<a:spcBef><a:spcPts val="${Math.round(s.spaceBefore * 100)}"/></a:spcBef>` +
    // No bullet face: the bullet is set in the text's own face, as the deck's slides set it.
    (bullet ? `<a:buChar char="${escapeXml(bullet)}"/>` : '<a:buNone/>') +
    `<a:defRPr sz="${Math.round(s.size * 100)}" b="${s.bold ? 1 : 0}" kern="1200">` +
    `<a:solidFill><a:schemeClr val="${MAPPED[s.color] ?? s.color}"/></a:solidFill>` +
    `<a:latin typeface="+${font}-lt"/><a:ea typeface="+${font}-ea"/><a:cs typeface="+${font}-cs"/></a:defRPr>` +
    `</a:lvl${n}pPr>`
  );
}

/** Levels 1–9 of the body: those the house lists, then the last one's style, indented a step further each. */
function bodyLevels(body: readonly HouseBulletLevel[]): string {
  const last = body[body.length - 1]!;
  const step = body.length > 1 ? last.marginLeft - body[body.length - 2]!.marginLeft : last.marginLeft;
  return Array.from({ length: LEVELS }, (_, i) => {
    const s = body[i] ?? last;
    const left = body[i] ? s.marginLeft : last.marginLeft + step * (i - body.length + 1);
    return level(i + 1, s, { left, indent: s.indent }, s.bullet);
  }).join('');
}

/** The master's p:txStyles: the deck's title, bullet levels and other text. */
export function masterTextStyles(xml: string, house: HouseStyle): string {
  const title = level(1, house.title, { left: 0, indent: 0 });
  const other = Array.from({ length: LEVELS }, (_, i) => level(i + 1, house.other, { left: 36 * i, indent: 0 })).join(
    '',
  );
  const styles =
    `<p:txStyles><p:titleStyle>${title}</p:titleStyle><p:bodyStyle>${bodyLevels(house.body)}</p:bodyStyle>` +
    `<p:otherStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr>${other}</p:otherStyle></p:txStyles>`;
  return xml.replace(/<p:txStyles>[\s\S]*?<\/p:txStyles>/, styles);
}

/** What packaging needs to know of each slide layout pptxgenjs wrote, by its name. */
export interface LayoutPart {
  name: string;
  /** p:sldLayout's type: title, secHead, obj, … */
  type: string;
  /** Its placeholders take the master's text styles (a light slide); else they keep their own (a dark one). */
  inherit: boolean;
  /** The title and body placeholders' insets and vertical anchors. */
  title: { insets: Insets; valign: 'top' | 'middle' | 'bottom' };
  body: { insets: Insets; valign: 'top' | 'middle' | 'bottom'; type: 'body' | 'subTitle' };
}

/** A placeholder as PowerPoint's own layouts have it: the title without an index, the body at index 1. */
const phTag = (type: string) => (type === 'title' ? '<p:ph type="title"/>' : `<p:ph type="${type}" idx="1"/>`);

const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;
const PLACEHOLDER = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph\s[^>]*?type="(title|body)"[\s\S]*?<\/p:sp>/g;
const bodyPr = (b: { insets: Insets; valign: 'top' | 'middle' | 'bottom' }) =>
  `<a:bodyPr wrap="square" lIns="${emu(b.insets.l)}" tIns="${emu(b.insets.t)}" rIns="${emu(b.insets.r)}" ` +
  `bIns="${emu(b.insets.b)}" rtlCol="0" anchor="${ANCHOR[b.valign]}"/>`;

/**
 * A slide layout as PowerPoint names and types its own: its kind, placeholders named and typed
 * as PowerPoint's are, their insets the slides', no empty custom prompt, and on light layouts
 * no text properties of their own, so that new slides take the master's text styles.
 */
export function layoutPart(xml: string, part: LayoutPart): string {
  let id = 0;
  return xml
    .replace(/<p:sldLayout ([^>]*?)preserve="1">/, `<p:sldLayout $1type="${part.type}" preserve="1">`)
    .replace(PLACEHOLDER, (shape, kind: 'title' | 'body') => {
      id += 1;
      const spec = kind === 'title' ? part.title : part.body;
      const type = kind === 'title' ? 'title' : part.body.type;
      const name = kind === 'title' ? 'Title' : type === 'subTitle' ? 'Subtitle' : 'Text Placeholder';
      let out = shape
        .replace(/(<p:cNvPr id="\d+" name=")[^"]*"/, `$1${name} ${id}"`)
        .replace(/<p:ph\s[^>]*?\/>/, phTag(type))
        .replace(/<a:bodyPr[^>]*?(?:\/>|>\s*<\/a:bodyPr>)/, bodyPr(spec));
      if (part.inherit)
        out = out
          .replace(/<a:lstStyle>[\s\S]*?<\/a:lstStyle>/, '<a:lstStyle/>')
          .replace(/<a:p>[\s\S]*<\/a:p>/, '<a:p><a:endParaRPr lang="en-US"/></a:p>');
      return out;
    });
}

/** pptxgenjs's own blank layout, named and typed as PowerPoint's blank layout is. */
export function blankLayout(xml: string): string {
  return xml
    .replace(/<p:cSld name="DEFAULT">/, '<p:cSld name="Blank">')
    .replace(/<p:sldLayout ([^>]*?)preserve="1">/, '<p:sldLayout $1type="blank" preserve="1">');
}

/**
 * A slide's placeholder shapes: the layout's index and type, as the layout now has them, and
 * at the box layout chose (pptxgenjs writes the layout's box); empty ones are dropped, since
 * pptxgenjs adds every placeholder of the layout to every slide, and an empty body would show
 * "Click to add text" over a chart. Placeholder text keeps no space before its first line,
 * which it would otherwise take from the master's bullet style.
 */
export function slidePlaceholders(xml: string, placed: SlidePlaceholders): string {
  return xml.replace(PLACEHOLDER, (shape, kind: 'title' | 'body') => {
    const { box, name } = placed[kind] ?? {};
    if (!box || !name || !/<a:t>/.test(shape)) return '';
    return shape
      .replace(/(<p:cNvPr id="\d+" name=")[^"]*"/, `$1${escapeXml(name)}"`)
      .replace(/<p:ph\s[^>]*?\/>/, phTag(kind))
      .replace(
        /<a:off x="\d+" y="\d+"\/><a:ext cx="\d+" cy="\d+"\/>/,
        `<a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(box.w)}" cy="${emu(box.h)}"/>`,
      )
      .replace(/<a:pPr\b([^>]*?)(\/>|>([\s\S]*?)<\/a:pPr>)/g, (pPr, attrs: string, _end: string, inner = '') =>
        inner.includes('<a:spcBef>') ? pPr : `<a:pPr${attrs}>${spaceBeforeZero(inner)}</a:pPr>`,
      );
  });
}

/** The text a slide puts in its layout's placeholders: where layout placed it, and its shape's name. */
export type SlidePlaceholders = Partial<Record<'title' | 'body', { box: Box; name: string }>>;

/** Inserts a zero space before into a paragraph's properties, in schema order (after a:lnSpc). */
function spaceBeforeZero(inner: string): string {
  const zero = '<a:spcBef><a:spcPts val="0"/></a:spcBef>';
  const m = /^<a:lnSpc>[\s\S]*?<\/a:lnSpc>/.exec(inner);
  return m ? m[0] + zero + inner.slice(m[0].length) : zero + inner;
}

/** Document properties both parts share. */
export interface DocumentProperties {
  author: string;
  company: string;
  /** The theme's name, listed among the parts. */
  theme: string;
  /** The faces the deck uses. */
  fonts: readonly string[];
  /** Each slide's title, listed among the parts ("Slide n" for a slide without one). */
  slideTitles: readonly string[];
}

const lpstr = (s: string) => `<vt:lpstr>${escapeXml(s)}</vt:lpstr>`;

/**
 * docProps/app.xml: made by briefdeck (pptxgenjs says "Microsoft Office PowerPoint"), its
 * fonts, theme and slide titles listed as PowerPoint lists them, and the company.
 */
export function appPart(xml: string, p: DocumentProperties): string {
  const titles = p.slideTitles.map((t, i) => t || `Slide ${i + 1}`);
  const pairs =
    '<HeadingPairs><vt:vector size="6" baseType="variant">' +
    `<vt:variant>${lpstr('Fonts Used')}</vt:variant><vt:variant><vt:i4>${p.fonts.length}</vt:i4></vt:variant>` +
    `<vt:variant>${lpstr('Theme')}</vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>` +
    `<vt:variant>${lpstr('Slide Titles')}</vt:variant><vt:variant><vt:i4>${titles.length}</vt:i4></vt:variant>` +
    '</vt:vector></HeadingPairs>';
  const parts = [...p.fonts, p.theme, ...titles];
  const list = `<TitlesOfParts><vt:vector size="${parts.length}" baseType="lpstr">${parts.map(lpstr).join('')}</vt:vector></TitlesOfParts>`;
  return xml
    .replace(/<Application>[^<]*<\/Application>/, '<Application>briefdeck</Application>')
    .replace(/\s*<AppVersion>[^<]*<\/AppVersion>/, '')
    .replace(/<HeadingPairs>[\s\S]*?<\/HeadingPairs>/, pairs)
    .replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, list)
    .replace(/<Company>[^<]*<\/Company>/, `<Company>${escapeXml(p.company)}</Company>`);
}

/** A core.xml's author and last editor (an embedded workbook's say "PptxGenJS"). */
export function corePart(xml: string, author: string): string {
  const name = escapeXml(author);
  return xml
    .replace(/<dc:creator>[^<]*<\/dc:creator>/, `<dc:creator>${name}</dc:creator>`)
    .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${name}</cp:lastModifiedBy>`);
}
