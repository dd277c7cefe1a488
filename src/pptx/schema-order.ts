/**
 * Puts elements that pptxgenjs writes out of order back where the PresentationML schema wants
 * them. PowerPoint accepts the misplaced ones, but Microsoft's validator reports them and a
 * stricter reader may "repair" the file. Chart parts (c:*) are left to the chart writer.
 */

/** CT_Presentation's children, in schema order (ECMA-376 Part 1, §19.2.1.26). */
const PRESENTATION_ORDER = [
  'sldMasterIdLst',
  'notesMasterIdLst',
  'handoutMasterIdLst',
  'sldIdLst',
  'sldSz',
  'notesSz',
  'smartTags',
  'embeddedFontLst',
  'custShowLst',
  'photoAlbum',
  'custDataLst',
  'kinsoku',
  'defaultTextStyle',
  'modifyVerifier',
  'extLst',
];

/**
 * Reorders the direct children of p:presentation. pptxgenjs writes p:notesMasterIdLst after
 * p:sldIdLst; the schema puts it before.
 */
export function orderPresentation(xml: string): string {
  const open = /<p:presentation\b[^>]*>/.exec(xml);
  const closeAt = xml.lastIndexOf('</p:presentation>');
  if (!open || closeAt < 0) return xml;
  const bodyStart = open.index + open[0].length;
  const children = topLevelChildren(xml.slice(bodyStart, closeAt));
  if (!children) return xml;
  const rank = (name: string) => {
    const i = PRESENTATION_ORDER.indexOf(name);
    return i < 0 ? PRESENTATION_ORDER.length : i;
  };
  // A stable sort keeps elements of the same rank (and unknown ones, at the end) in their order.
  const sorted = children.map((c, i) => ({ ...c, i })).sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  return xml.slice(0, bodyStart) + sorted.map((c) => c.xml).join('') + xml.slice(closeAt);
}

interface Child {
  name: string;
  xml: string;
}

/**
 * Splits XML into its top-level elements (p:-prefixed local names). Returns undefined when it
 * meets anything it does not expect (text, comments), so a caller leaves such XML alone.
 */
function topLevelChildren(body: string): Child[] | undefined {
  const children: Child[] = [];
  const tag = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let start = 0;
  let name = '';
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const [whole, closing, qname, selfClosing] = m;
    if (depth === 0) {
      if (body.slice(last, m.index).trim() || closing) return undefined;
      start = m.index;
      name = qname!.replace(/^p:/, '');
    }
    if (closing) depth--;
    else if (!selfClosing) depth++;
    if (depth === 0) {
      children.push({ name, xml: body.slice(start, m.index + whole.length) });
      last = m.index + whole.length;
    }
  }
  return depth === 0 && !body.slice(last).trim() ? children : undefined;
}

/**
 * Keeps one a:pPr per paragraph, as its first child (CT_TextParagraph). pptxgenjs writes one
 * before every run of a paragraph that has several runs (a Chinese quotation mark set in its
 * own run, a soft line break), which the schema does not allow.
 */
export function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (whole, inner: string) => {
    let kept = false;
    const cleaned = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr: string, offset: number) => {
      if (offset === 0 && !kept) {
        kept = true;
        return pPr;
      }
      return '';
    });
    return cleaned === inner ? whole : `<a:p>${cleaned}</a:p>`;
  });
}

/**
 * A paragraph hung without a bullet (Paragraph.hang): pptxgenjs wrote its margin and negative
 * indent with a zero-width bullet (write.ts HANGING_MARK), replaced here by none, so the first
 * line starts at the margin's left and the lines after it under the text.
 */
export function hangingIndents(xml: string): string {
  return xml.replaceAll('<a:buSzPct val="100000"/><a:buChar char="&#x200B;"/>', '<a:buNone/>');
}
