/**
 * A small XML element tree for the parts we rewrite after pptxgenjs (chart parts, embedded
 * workbook tables): enough to move, drop and add elements by name. It keeps attributes
 * and text verbatim (already escaped) and drops whitespace-only text between elements.
 */

export interface XmlElement {
  name: string;
  /** Attributes as written, values still escaped. */
  attrs: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  prolog: string;
  root: XmlElement;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(text: string): XmlDocument {
  const rootHolder: XmlElement = { name: '#document', attrs: [], children: [] };
  const stack: XmlElement[] = [rootHolder];
  let prolog = '';
  let seenRoot = false;
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const top = stack[stack.length - 1]!;
    if (token.startsWith('<?') || token.startsWith('<!--')) {
      if (!seenRoot) prolog += token;
      continue;
    }
    if (m[1]) {
      const closed = stack.pop();
      if (!closed || closed.name !== m[1]) throw new Error(`malformed XML: </${m[1]}> closes <${closed?.name}>`);
      continue;
    }
    if (m[2]) {
      const attrs: [string, string][] = [...(m[3] ?? '').matchAll(ATTR)].map((a) => [a[1]!, a[2] ?? a[3] ?? '']);
      const element: XmlElement = { name: m[2], attrs, children: [] };
      top.children.push(element);
      seenRoot = true;
      if (!m[4]) stack.push(element);
      continue;
    }
    if (token.trim() === '' && stack.length > 1) continue;
    if (stack.length > 1) top.children.push(token);
  }
  if (stack.length !== 1) throw new Error('malformed XML: unclosed elements');
  const root = rootHolder.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) throw new Error('no root element');
  return { prolog, root };
}

export function serializeXml(doc: XmlDocument): string {
  return doc.prolog + serializeElement(doc.root);
}

export function serializeElement(e: XmlElement): string {
  const attrs = e.attrs.map(([k, v]) => ` ${k}="${v}"`).join('');
  if (!e.children.length) return `<${e.name}${attrs}/>`;
  return `<${e.name}${attrs}>${e.children.map((c) => (typeof c === 'string' ? c : serializeElement(c))).join('')}</${e.name}>`;
}

export const elements = (e: XmlElement): XmlElement[] =>
  e.children.filter((c): c is XmlElement => typeof c !== 'string');

export const child = (e: XmlElement, name: string): XmlElement | undefined => elements(e).find((c) => c.name === name);

export const childrenNamed = (e: XmlElement, name: string): XmlElement[] => elements(e).filter((c) => c.name === name);

export function attr(e: XmlElement, name: string): string | undefined {
  return e.attrs.find(([k]) => k === name)?.[1];
}

export function setAttr(e: XmlElement, name: string, value: string): void {
  const found = e.attrs.find(([k]) => k === name);
  if (found) found[1] = value;
  else e.attrs.push([name, value]);
}

export function el(name: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return { name, attrs: Object.entries(attrs), children };
}

/** Every element below `e` (depth first), `e` included. */
export function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of elements(e)) yield* walk(c);
}
