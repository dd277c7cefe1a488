import { createHash } from 'node:crypto';
import { inspectImage } from '../sources/image-size.js';
import { pngChunk } from './png-note.js';

/**
 * The chart cache as the renderer sees it (src/host/chart-store.ts implements it on disk). Kept
 * structural here, sync or async, so that the verifier wraps any store.
 */
export interface ChartStoreLike {
  get(key: string): Buffer | undefined | Promise<Buffer | undefined>;
  put(key: string, png: Buffer): void | Promise<void>;
  holdsAny?(): boolean | Promise<boolean>;
}

/** Pixel size a chart's picture must have: what the renderer was asked to draw. */
export interface ExpectedSize {
  width: number;
  height: number;
}

/** Why an entry was not used: for a report, and for tests. */
export type Rejection = 'not-png' | 'no-seal' | 'hash-mismatch' | 'wrong-size';

/**
 * A private ancillary PNG chunk (lower-case first and second letters: viewers skip it) holding
 * `<sha256 of the picture without the chunk> <width>x<height>`. In the entry itself, not a
 * sidecar, so an entry is still one ordinary PNG file and cannot lose its hash.
 */
const SEAL = 'bdSm';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The picture with the seal inserted before IEND; the picture unchanged if it has no IEND at its end. */
export function seal(png: Buffer): Buffer {
  const image = inspectImage(png);
  const iend = png.length - 12;
  if (!image.ok || image.mime !== 'png' || png.toString('latin1', iend + 4, iend + 8) !== 'IEND') return png;
  const text = Buffer.from(`${sha256(png)} ${image.width}x${image.height}`, 'latin1');
  return Buffer.concat([png.subarray(0, iend), pngChunk(SEAL, text), png.subarray(iend)]);
}

/** The picture without its seal, and what the seal says; undefined without a seal just before IEND. */
function unseal(entry: Buffer): { png: Buffer; hash: string; size: string } | undefined {
  const iend = entry.length - 12;
  if (iend < 8 + 12 || entry.toString('latin1', iend + 4, iend + 8) !== 'IEND') return undefined;
  // The seal's text has a fixed length: 64 hex digits, a space, and the size.
  for (let length = 68; length <= 90; length++) {
    const start = iend - 12 - length;
    if (start < 8) break;
    if (entry.readUInt32BE(start) !== length || entry.toString('latin1', start + 4, start + 8) !== SEAL) continue;
    const [hash = '', size = ''] = entry.toString('latin1', start + 8, start + 8 + length).split(' ');
    return { png: Buffer.concat([entry.subarray(0, start), entry.subarray(iend)]), hash, size };
  }
  return undefined;
}

/**
 * A cache entry is used only if briefdeck could have made it: it is a whole PNG (chunks and
 * checksums up to IEND), it carries the seal written when it was drawn, the picture hashes to
 * the seal, and its header says the size this chart is drawn at (given, or recorded in the
 * seal). Anything else (a truncated write, an empty file, a foreign picture put under the key)
 * is ignored, and the chart is drawn afresh and put back. The picture handed out is the one
 * drawn, without the seal, so a deck is byte-identical whether its charts came from the cache.
 * The hash catches damage and careless writers; it does not stop someone who can write the
 * cache on purpose (nothing stored in it can): do not share a cache with people you do not trust.
 */
export class VerifiedChartStore {
  readonly rejected: { key: string; why: Rejection }[] = [];

  constructor(private readonly inner: ChartStoreLike) {}

  async get(key: string, expected?: ExpectedSize): Promise<Buffer | undefined> {
    const entry = await this.inner.get(key);
    if (!entry) return undefined;
    const checked = this.check(entry, expected);
    if (typeof checked === 'string') {
      this.rejected.push({ key, why: checked });
      return undefined;
    }
    return checked;
  }

  async put(key: string, png: Buffer): Promise<void> {
    await this.inner.put(key, seal(png));
  }

  async holdsAny(): Promise<boolean> {
    return (await this.inner.holdsAny?.()) ?? false;
  }

  private check(entry: Buffer, expected?: ExpectedSize): Buffer | Rejection {
    const image = inspectImage(entry);
    if (!image.ok || image.mime !== 'png') return 'not-png';
    const sealed = unseal(entry);
    if (!sealed) return 'no-seal';
    if (sealed.hash !== sha256(sealed.png)) return 'hash-mismatch';
    const actual = `${image.width}x${image.height}`;
    if (actual !== (expected ? `${expected.width}x${expected.height}` : sealed.size)) return 'wrong-size';
    return sealed.png;
  }
}
