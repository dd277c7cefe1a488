import { crc32 } from 'node:zlib';

/** Pixel size of a PNG or JPEG from its header; undefined for anything else. */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  const checked = inspectImage(data);
  return checked.ok ? { width: checked.width, height: checked.height } : undefined;
}

export type ImageCheck =
  { ok: true; mime: 'png' | 'jpeg'; width: number; height: number } | { ok: false; reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Decodes an image's structure far enough to prove it is what it claims: a PNG whose chunks
 * are whole, with matching checksums, up to IEND; a JPEG whose segments are whole, with a frame
 * header, up to its end marker. A truncated or foreign file fails here rather than in PowerPoint.
 */
export function inspectImage(data: Buffer): ImageCheck {
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return inspectPng(data);
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) return inspectJpeg(data);
  return { ok: false, reason: 'it is not a PNG or JPEG image' };
}

function inspectPng(data: Buffer): ImageCheck {
  let width = 0;
  let height = 0;
  for (let i = 8, first = true; ; first = false) {
    if (i + 12 > data.length) return { ok: false, reason: 'the PNG is cut short (no IEND chunk)' };
    const length = data.readUInt32BE(i);
    const type = data.toString('latin1', i + 4, i + 8);
    if (length > 0x7fffffff || i + 12 + length > data.length)
      return { ok: false, reason: `the PNG is cut short (chunk ${JSON.stringify(type)} runs past the end)` };
    if (first && (type !== 'IHDR' || length !== 13)) return { ok: false, reason: 'the PNG does not start with IHDR' };
    if (crc32(data.subarray(i + 4, i + 8 + length)) !== data.readUInt32BE(i + 8 + length))
      return { ok: false, reason: `the PNG is damaged (checksum of chunk ${JSON.stringify(type)} is wrong)` };
    if (first) {
      width = data.readUInt32BE(i + 8);
      height = data.readUInt32BE(i + 12);
      if (!width || !height) return { ok: false, reason: 'the PNG has no pixels (width or height 0)' };
    }
    if (type === 'IEND') return { ok: true, mime: 'png', width, height };
    i += 12 + length;
  }
}

function inspectJpeg(data: Buffer): ImageCheck {
  let size: { width: number; height: number } | undefined;
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return { ok: false, reason: 'the JPEG is damaged (a segment does not start with 0xFF)' };
    const marker = data[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = data.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > data.length) return { ok: false, reason: 'the JPEG is cut short' };
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && length >= 7)
      size = { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    i += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data follows the scan header: find its end marker (a 0xFF not stuffed or a restart).
      while (
        i + 1 < data.length &&
        !(data[i] === 0xff && data[i + 1] !== 0 && !(data[i + 1]! >= 0xd0 && data[i + 1]! <= 0xd7))
      )
        i++;
      if (i + 1 >= data.length) return { ok: false, reason: 'the JPEG is cut short (no end marker)' };
    }
  }
  if (!(i + 2 <= data.length && data[i] === 0xff && data[i + 1] === 0xd9))
    return { ok: false, reason: 'the JPEG is cut short (no end marker)' };
  if (!size) return { ok: false, reason: 'the JPEG has no frame header' };
  if (!size.width || !size.height) return { ok: false, reason: 'the JPEG has no pixels (width or height 0)' };
  return { ok: true, mime: 'jpeg', ...size };
}

/** The sfnt flavours a font file may start with: TrueType, OpenType (CFF), Apple 'true', a collection. */
const FONT_TAGS = new Set([0x00010000, 0x4f54544f, 0x74727565, 0x74746366]);

/**
 * Proves a font file is a font before anything hands it to a renderer: a known sfnt tag and a
 * table directory whose tables lie inside the file. undefined when it is, else what is wrong.
 */
export function fontProblem(data: Buffer): string | undefined {
  if (data.length < 12 || !FONT_TAGS.has(data.readUInt32BE(0))) return 'it is not a TrueType or OpenType font';
  if (data.readUInt32BE(0) === 0x74746366) {
    const count = data.readUInt32BE(8);
    if (count < 1 || 12 + count * 4 > data.length) return 'the font collection is cut short';
    return undefined;
  }
  const tables = data.readUInt16BE(4);
  if (tables < 1 || 12 + tables * 16 > data.length) return 'the font is cut short (table directory)';
  for (let t = 0; t < tables; t++) {
    const rec = 12 + t * 16;
    const offset = data.readUInt32BE(rec + 8);
    const length = data.readUInt32BE(rec + 12);
    if (offset + length > data.length) return 'the font is cut short (a table runs past the end)';
  }
  return undefined;
}
