import { crc32 } from 'node:zlib';
import type { DroppedLabel } from './plan.js';

/**
 * A note carried inside a chart's PNG, in a private ancillary chunk (lower-case first letter:
 * viewers skip it), so that what the drawing found travels with the picture into the cache and
 * back: a cached picture reports what its drawing reported.
 */

const SIGNATURE = 8;

/** One PNG chunk: length, type, data and its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** The picture with `text` in a chunk of `type` just before IEND; unchanged if it has no IEND at its end. */
export function withNote(png: Buffer, type: string, text: string): Buffer {
  const iend = png.length - 12;
  if (iend < SIGNATURE || png.toString('latin1', iend + 4, iend + 8) !== 'IEND') return png;
  return Buffer.concat([png.subarray(0, iend), pngChunk(type, Buffer.from(text, 'utf8')), png.subarray(iend)]);
}

/** The text of the first chunk of `type`, if the picture has one. */
export function noteOf(png: Buffer, type: string): string | undefined {
  for (let at = SIGNATURE; at + 12 <= png.length;) {
    const length = png.readUInt32BE(at);
    const name = png.toString('latin1', at + 4, at + 8);
    if (name === type) return png.toString('utf8', at + 8, at + 8 + length);
    if (name === 'IEND') return undefined;
    at += 12 + length;
  }
  return undefined;
}

/** The chunk that lists the labels the drawing found no place for. */
const UNPLACED = 'bdUl';

/** The picture noting the labels its drawing left out (unchanged when there are none). */
export function withUnplaced(png: Buffer, unplaced: readonly DroppedLabel[]): Buffer {
  return unplaced.length ? withNote(png, UNPLACED, JSON.stringify(unplaced)) : png;
}

/**
 * The labels a drawn picture left out because the label plugin found no free place for them
 * (the plan's rules leave out what they can foresee; this is the rest), read from the picture.
 */
export function unplacedLabels(png: Buffer): DroppedLabel[] {
  const note = noteOf(png, UNPLACED);
  if (!note) return [];
  try {
    const list = JSON.parse(note) as unknown;
    return Array.isArray(list) ? (list as DroppedLabel[]) : [];
  } catch {
    return [];
  }
}
