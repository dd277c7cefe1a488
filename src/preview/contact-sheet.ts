import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from 'canvas';
import { maxOf } from '../extremes.js';

export interface ContactSheetOptions {
  /** Thumbnail width in pixels; heights keep each slide's proportions. */
  thumbWidth?: number;
  columns?: number;
}

const GAP = 12;
const LABEL = 22;

/**
 * Draws the slides as numbered thumbnails in a grid, left to right, top to bottom, on a grey
 * ground so that white slides keep their edges. Returns PNG bytes.
 */
export async function drawContactSheet(pngs: string[], options: ContactSheetOptions = {}): Promise<Buffer> {
  const thumbWidth = options.thumbWidth ?? 320;
  const columns = Math.max(1, Math.min(options.columns ?? 4, pngs.length));
  const images = await Promise.all(pngs.map((p) => loadImage(readFileSync(p))));
  const thumbHeight = Math.round(
    thumbWidth *
      maxOf(
        images.map((i) => i.height / i.width),
        9 / 16,
      ),
  );
  const rows = Math.ceil(images.length / columns);
  const canvas = createCanvas(GAP + columns * (thumbWidth + GAP), GAP + rows * (thumbHeight + LABEL + GAP));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#E6E6E6';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  images.forEach((img, i) => {
    const x = GAP + (i % columns) * (thumbWidth + GAP);
    const y = GAP + Math.floor(i / columns) * (thumbHeight + LABEL + GAP);
    const h = Math.round((img.height / img.width) * thumbWidth);
    ctx.drawImage(img, x, y, thumbWidth, h);
    ctx.strokeStyle = '#9A9A9A';
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, thumbWidth - 1, h - 1);
    ctx.fillStyle = '#222222';
    ctx.font = 'bold 14px sans-serif';
    ctx.textBaseline = 'top';
    ctx.fillText(String(i + 1), x, y + thumbHeight + 4);
  });
  return canvas.toBuffer('image/png');
}
