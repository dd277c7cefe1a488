import { DOMParser, type Element } from '@xmldom/xmldom';

export type { Element };

/** Parses a package part; a part that is not well-formed XML throws with its name. */
export function parseXml(xml: string, part: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${part} is not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  if (!doc.documentElement) throw new Error(`${part} has no root element`);
  return doc.documentElement;
}

/** Child elements, optionally only those with this local name (namespace prefixes vary between producers). */
export function kids(el: Element | undefined, local?: string): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!local || (n as Element).localName === local)) out.push(n as Element);
  }
  return out;
}

export const kid = (el: Element | undefined, local: string): Element | undefined => kids(el, local)[0];

/** Descendant elements with this local name, in document order. */
export function all(el: Element | undefined, local: string): Element[] {
  if (!el) return [];
  return Array.from(el.getElementsByTagNameNS('*', local));
}

/** A path of child local names: path(sp, 'nvSpPr', 'cNvPr'). */
export function path(el: Element | undefined, ...locals: string[]): Element | undefined {
  let at = el;
  for (const local of locals) at = kid(at, local);
  return at;
}

export const attr = (el: Element | undefined, name: string): string | undefined => el?.getAttribute(name) ?? undefined;
