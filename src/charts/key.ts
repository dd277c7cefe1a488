import { createHash } from 'node:crypto';

/** A chart cache key: a hash of everything that decides a picture's pixels. */
export function chartKey(parts: unknown): string {
  return createHash('sha256').update(stableJson(parts)).digest('hex').slice(0, 40);
}

/** JSON with sorted keys, so equal values hash equally whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * The picture's size in pixels: chart.js scales the canvas by devicePixelRatio and rounds
 * down. A cached picture of any other size was not drawn for this chart.
 */
export function picturePixels(style: { width: number; height: number; density: number }): {
  width: number;
  height: number;
} {
  return { width: Math.floor(style.width * style.density), height: Math.floor(style.height * style.density) };
}
