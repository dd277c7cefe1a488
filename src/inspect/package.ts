import { posix } from 'node:path';
import JSZip from 'jszip';
import { attr, kids, parseXml, type Element } from './xml.js';

/** A .pptx opened for reading: parts by name and relationship targets resolved to part names. */
export interface OpenPackage {
  has(part: string): boolean;
  xml(part: string): Promise<Element>;
  bytes(part: string): Promise<Buffer>;
  /** Relationships of a part: id → { type (last path segment), target part name }. */
  rels(part: string): Promise<Map<string, { type: string; target: string }>>;
}

export async function openPackage(bytes: Buffer): Promise<OpenPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const file = (part: string) => {
    const f = zip.file(part);
    if (!f) throw new Error(`the package has no part ${part}`);
    return f;
  };
  return {
    has: (part) => zip.file(part) !== null,
    xml: async (part) => parseXml(await file(part).async('string'), part),
    bytes: (part) => file(part).async('nodebuffer'),
    async rels(part) {
      const relsPart = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
      const out = new Map<string, { type: string; target: string }>();
      if (!zip.file(relsPart)) return out;
      const root = parseXml(await zip.file(relsPart)!.async('string'), relsPart);
      for (const rel of kids(root, 'Relationship')) {
        const target = attr(rel, 'Target') ?? '';
        if (attr(rel, 'TargetMode') === 'External') continue;
        out.set(attr(rel, 'Id') ?? '', {
          type: (attr(rel, 'Type') ?? '').split('/').pop()!,
          target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(part), target)),
        });
      }
      return out;
    },
  };
}
