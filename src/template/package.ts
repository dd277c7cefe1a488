import type { PictureCells } from './picture.js';
import { posix } from 'node:path';
import { readZip } from '../pptx/zip.js';
import { attr, childrenNamed, parseXml, type XmlElement } from '../pptx/xml-tree.js';
import { TemplateError } from './types.js';

/**
 * The parts of an Open Packaging (OPC) zip that a template reader needs: XML parts by name and
 * the relationships between them. Media stay compressed; only their names are kept.
 */

export interface Relationship {
  id: string;
  /** The last segment of the relationship type URI: 'slideMaster', 'theme', 'image', ... */
  kind: string;
  /** The target part's name in the package, no leading slash; undefined for external targets. */
  part?: string;
}

/** A template is a few hundred parts at most; ten thousand is a hostile or broken file. */
const MAX_PARTS = 10_000;
/** No XML part of a template comes near this; a larger one is not worth parsing. */
const MAX_XML_BYTES = 16 * 1024 * 1024;

export class TemplatePackage {
  private readonly xml = new Map<string, Buffer>();
  /** Parsed once: every layout asks for its master's relationships and pictures again. */
  private readonly relsCache = new Map<string, Relationship[]>();
  readonly pictureColors = new Map<string, Promise<string | undefined>>();
  /** Background pictures sampled on a grid, by part name (read.ts backdropOf). */
  readonly pictureCells = new Map<string, Promise<PictureCells | undefined>>();
  readonly names: readonly string[];

  constructor(
    private readonly bytes: Buffer,
    readonly file: string,
  ) {
    let entries;
    try {
      entries = readZip(bytes, {
        only: (n) => /\.(xml|rels)$/i.test(n),
        maxEntries: MAX_PARTS,
        maxEntryBytes: MAX_XML_BYTES,
      });
    } catch (e) {
      throw new TemplateError(file, notZipMessage(bytes, e));
    }
    for (const e of entries) this.xml.set(e.name, e.data);
    this.names = entries.map((e) => e.name);
  }

  /** A binary part (a picture), read on demand; undefined when missing or unreadable. */
  media(part: string, maxBytes: number): Buffer | undefined {
    try {
      return readZip(this.bytes, { only: (n) => n === part, maxEntryBytes: maxBytes })[0]?.data;
    } catch {
      return undefined;
    }
  }

  /** An XML part's text; undefined when the package has no such part. */
  text(part: string): string | undefined {
    return this.xml.get(part)?.toString('utf8');
  }

  has(part: string): boolean {
    return this.xml.has(part);
  }

  /** The root element of an XML part; a TemplateError when it is missing or malformed. */
  root(part: string, what: string): XmlElement {
    const data = this.xml.get(part);
    if (!data) throw new TemplateError(this.file, `${what} (${part}) is missing from the package`);
    try {
      return canonicalNames(parseXml(data.toString('utf8')).root);
    } catch {
      throw new TemplateError(this.file, `${what} (${part}) is not well-formed XML`);
    }
  }

  /** The relationships of a part ('' for the package's own), in the order written. */
  rels(part: string): Relationship[] {
    let found = this.relsCache.get(part);
    if (!found) this.relsCache.set(part, (found = this.readRels(part)));
    return found;
  }

  private readRels(part: string): Relationship[] {
    const dir = posix.dirname(part);
    const relsPart = part ? posix.join(dir, '_rels', `${posix.basename(part)}.rels`) : '_rels/.rels';
    if (!this.xml.has(relsPart)) return [];
    const root = this.root(relsPart, 'a relationships part');
    return childrenNamed(root, 'Relationship').flatMap((r) => {
      const id = attr(r, 'Id');
      const type = attr(r, 'Type');
      const target = attr(r, 'Target');
      if (!id || !type || target === undefined) return [];
      const kind = type.slice(type.lastIndexOf('/') + 1);
      if (attr(r, 'TargetMode') === 'External') return [{ id, kind }];
      // Targets are relative to the part's folder, or absolute from the package root.
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(part ? dir : '', target));
      return [{ id, kind, part: decodeURIComponent(resolved) }];
    });
  }
}

function notZipMessage(bytes: Buffer, e: unknown): string {
  const head = bytes.subarray(0, 8);
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
    return 'is an old binary PowerPoint file (.ppt/.pot); open it in PowerPoint and save it as .potx or .pptx';
  if (head.subarray(0, 4).toString('latin1') !== 'PK\x03\x04')
    return 'is not a PowerPoint template: a .potx or .pptx file is a zip package, and this file is not one';
  const detail = e instanceof Error ? e.message : String(e);
  return `is a damaged zip package (${detail}); save the template again from PowerPoint`;
}

/** The prefixes this reader uses for each namespace, Transitional and Strict Open XML alike. */
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/presentationml/2006/main': 'p',
  'http://purl.oclc.org/ooxml/presentationml/main': 'p',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
};

/**
 * Renames elements and attributes to the usual prefixes (a:, p:, r:) by their namespace, so
 * that a package written with other prefixes (or a default namespace) reads the same.
 */
function canonicalNames(root: XmlElement): XmlElement {
  const visit = (e: XmlElement, scope: Map<string, string>) => {
    let inner = scope;
    for (const [k, v] of e.attrs) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      if (inner === scope) inner = new Map(scope);
      inner.set(k === 'xmlns' ? '' : k.slice(6), v);
    }
    const rename = (name: string, isAttr: boolean) => {
      const colon = name.indexOf(':');
      if (name.startsWith('xmlns') || (isAttr && colon < 0)) return name;
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const uri = inner.get(prefix);
      const wanted = uri === undefined ? undefined : PREFIXES[uri];
      if (wanted === undefined) return name;
      const local = name.slice(colon + 1);
      return wanted ? `${wanted}:${local}` : local;
    };
    e.name = rename(e.name, false);
    for (const a of e.attrs) a[0] = rename(a[0], true);
    for (const c of e.children) if (typeof c !== 'string') visit(c, inner);
  };
  visit(root, new Map());
  return root;
}
