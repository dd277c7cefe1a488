import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The zip container of a .pptx, read and written with Node's own zlib: native deflate and CRC
 * instead of JavaScript ones (JSZip and pako took twice the time on ~140 small parts), and a
 * layout fixed here, so the same parts and time give the same bytes.
 * Only what Office packages use: no ZIP64, no encryption, no spanning.
 */

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8 = 0x0800;

/**
 * Bounds for a zip from outside (a user's template): sizes are checked against the central
 * directory before anything is inflated, so a zip bomb costs nothing, and `only` leaves parts
 * the reader does not need (media) compressed.
 */
export interface ZipReadOptions {
  only?: (name: string) => boolean;
  maxEntries?: number;
  /** Largest inflated size of one entry read. */
  maxEntryBytes?: number;
}

/** The entries of a zip (folders left out), in the order of its central directory. */
export function readZip(bytes: Buffer, options: ZipReadOptions = {}): ZipEntry[] {
  if (bytes.length < 22) throw new Error('not a zip file: too short');
  // The end record is the last 22 bytes unless the archive has a comment (up to 64 KiB).
  let end = bytes.length - 22;
  const stop = Math.max(0, end - 0xffff);
  while (end >= stop && bytes.readUInt32LE(end) !== END) end--;
  if (end < stop) throw new Error('not a zip file: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  if (options.maxEntries !== undefined && count > options.maxEntries)
    throw new Error(`zip has ${count} entries, more than ${options.maxEntries}`);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw new Error('zip central directory is damaged');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (name.endsWith('/') || (options.only && !options.only(name))) continue;
    if (options.maxEntryBytes !== undefined && size > options.maxEntryBytes)
      throw new Error(`zip entry ${name} is ${size} bytes, more than ${options.maxEntryBytes}`);
    // Sizes come from the central directory: local headers may defer them to a data descriptor.
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL)
      throw new Error(`zip entry ${name} is damaged`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + compressed);
    let data: Buffer;
    if (method === STORED) data = Buffer.from(raw);
    // The declared size bounds the output: a damaged or hostile entry cannot inflate past it.
    else if (method === DEFLATED) data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
    else throw new Error(`zip entry ${name} uses compression method ${method}`);
    if (data.length !== size) throw new Error(`zip entry ${name} has the wrong size`);
    entries.push({ name, data });
  }
  return entries;
}

/** A date as MS-DOS writes it in zip headers, in UTC so that the bytes do not depend on the time zone. */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * A zip of the entries in the order given, every one with the same time. `store` entries are
 * kept as they are (already-compressed media gain nothing from deflate); the rest are deflated.
 */
/** An entry's data deflated as writeZip deflates it: ahead of writing, or when writing. */
export function deflateAhead(data: Buffer): Buffer {
  return deflateRawSync(data, { level: 6 });
}

/**
 * `store`: written as it is (already-compressed media); else deflated, or given `deflated` (the
 * data deflated ahead by deflateAhead).
 */
export function writeZip(
  entries: readonly (ZipEntry & { store: boolean; deflated?: Buffer })[],
  timestamp: Date,
): Buffer {
  if (entries.length > 0xffff) throw new Error('too many parts for a zip without ZIP64');
  const when = dosDateTime(timestamp);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.store ? entry.data : (entry.deflated ?? deflateAhead(entry.data));
    const crc = crc32(entry.data);
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      h.writeUInt16LE(/[^\x20-\x7e]/.test(entry.name) ? UTF8 : 0, at + 2);
      h.writeUInt16LE(entry.store ? STORED : DEFLATED, at + 4);
      h.writeUInt16LE(when.time, at + 6);
      h.writeUInt16LE(when.date, at + 8);
      h.writeUInt32LE(crc, at + 10);
      h.writeUInt32LE(body.length, at + 14);
      h.writeUInt32LE(entry.data.length, at + 18);
      h.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    fields(local, 4);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    fields(dir, 6);
    dir.writeUInt32LE(offset, 42);
    if (offset + 30 + name.length + body.length > 0xffffffff)
      throw new Error('package too large for a zip without ZIP64');
    chunks.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
