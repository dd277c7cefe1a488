import { HostError } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text inputs are UTF-8 (a BOM is dropped: it would shift every column by one). Anything else is
 * refused with what it looks like, rather than read as U+FFFD or as a string of NULs: a UTF-16
 * file would otherwise be reported as "should be a map", and Latin-1 text printed with holes.
 */
export function decodeText(data: Buffer, path: string): string {
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)))
    throw new HostError('EENCODING', path, `${path} is UTF-16`, data[0] === 0xff ? 'UTF-16 LE' : 'UTF-16 BE');
  if (looksUtf16WithoutBom(data)) throw new HostError('EENCODING', path, `${path} is UTF-16`, 'UTF-16');
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    // Bytes 0x80–0xFF standing alone: a single-byte code page, almost always Latin-1 or Windows-1252.
    const bad = firstInvalidUtf8(data);
    const where = bad
      ? ` (byte 0x${bad.byte.toString(16).toUpperCase()} at line ${bad.line}, column ${bad.column})`
      : '';
    throw new HostError('EENCODING', path, `${path} is not UTF-8`, `Latin-1 or Windows-1252${where}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** ASCII text saved as UTF-16 without a BOM: every other byte is NUL. */
function looksUtf16WithoutBom(data: Buffer): boolean {
  const n = Math.min(data.length, 512);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (data[i] === 0) zeros++;
  return zeros * 3 >= n;
}

/** The line and column of the first byte that is not UTF-8, for the message. */
export function firstInvalidUtf8(data: Buffer): { line: number; column: number; byte: number } | undefined {
  let line = 1;
  let column = 1;
  for (let i = 0; i < data.length;) {
    const b = data[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let ok = len > 0 && i + len <= data.length;
    for (let k = 1; ok && k < len; k++) ok = (data[i + k]! & 0xc0) === 0x80;
    if (!ok) return { line, column, byte: b };
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return undefined;
}
