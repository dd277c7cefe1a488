import { createHash } from 'node:crypto';
import { inspectImage } from '../sources/image-size.js';

/**
 * The chart cache as the renderer sees it (src/host/chart-store.ts implements it on disk). Kept
 * structural here, sync or async, so that the verifier wraps any store.
 */
export interface ChartStoreLike {
  /** Entries other than pictures (the sidecars) go through the same get and put. */
  get(key: string): Buffer | undefined | Promise<Buffer | undefined>;
  put(key: string, png: Buffer): void | Promise<void>;
}

/** Pixel size a chart's picture must have: what the renderer was asked to draw. */
export interface ExpectedSize {
  width: number;
  height: number;
}

/** Why an entry was not used: for a report, and for tests. */
export type Rejection = 'no-sidecar' | 'hash-mismatch' | 'not-png' | 'wrong-size';

const SIDECAR = (key: string) => `${key}.sha256`;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * A cache entry is used only if briefdeck could have made it: its bytes hash to the sidecar
 * written with it, it decodes as a whole PNG (chunks and checksums up to IEND), and its
 * header says the size this chart is drawn at (given, or recorded in the sidecar when drawn).
 * Anything else (a truncated write, an empty file, a foreign picture put under the key) is
 * ignored, and the chart is drawn afresh and put back. The hash catches damage and careless
 * writers; it does not stop someone who can write both files on purpose (nothing stored beside
 * the entries can): a cache shared with people you do not trust should not be shared.
 */
export class VerifiedChartStore {
  readonly rejected: { key: string; why: Rejection }[] = [];

  constructor(private readonly inner: ChartStoreLike) {}

  async get(key: string, expected?: ExpectedSize): Promise<Buffer | undefined> {
    const [png, sidecar] = await Promise.all([this.inner.get(key), this.inner.get(SIDECAR(key))]);
    if (!png) return undefined;
    const why = this.problem(png, sidecar, expected);
    if (why) {
      this.rejected.push({ key, why });
      return undefined;
    }
    return png;
  }

  async put(key: string, png: Buffer): Promise<void> {
    // The picture first: a reader that sees the new sidecar with the old picture rejects it.
    await this.inner.put(key, png);
    const image = inspectImage(png);
    const size = image.ok ? ` ${image.width}x${image.height}` : '';
    await this.inner.put(SIDECAR(key), Buffer.from(`${sha256(png)}${size}`));
  }

  private problem(png: Buffer, sidecar: Buffer | undefined, expected?: ExpectedSize): Rejection | undefined {
    if (!sidecar) return 'no-sidecar';
    const [hash, size] = sidecar.toString('latin1').trim().split(' ');
    if (hash !== sha256(png)) return 'hash-mismatch';
    const image = inspectImage(png);
    if (!image.ok || image.mime !== 'png') return 'not-png';
    const want = expected ? `${expected.width}x${expected.height}` : size;
    if (want !== `${image.width}x${image.height}`) return 'wrong-size';
    return undefined;
  }
}
