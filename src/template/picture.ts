import { createCanvas, loadImage } from 'canvas';

/** Sampled at this size: enough to know whether a backdrop picture is dark, cheap to decode. */
const SAMPLE = 16;

/** A PNG or JPEG drawn over white on a size × size canvas, as RGBA; undefined when it cannot be decoded. */
async function rasterOverWhite(data: Buffer, size: number): Promise<Uint8ClampedArray | undefined> {
  try {
    const image = await loadImage(data);
    const canvas = createCanvas(size, size);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#FFFFFF'; // transparent parts show the white slide behind
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(image, 0, 0, size, size);
    return ctx.getImageData(0, 0, size, size).data;
  } catch {
    return undefined;
  }
}

/** RRGGBB of the mean of n pixels whose channels add up to sum. */
function meanHex(sum: readonly number[], n: number): string {
  return sum
    .map((s) =>
      Math.round(s / n)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

/** The average colour of a PNG or JPEG as RRGGBB; undefined when it cannot be decoded. */
export async function averageImageColor(data: Buffer): Promise<string | undefined> {
  const pixels = await rasterOverWhite(data, SAMPLE);
  if (!pixels) return undefined;
  const sum = [0, 0, 0];
  for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += pixels[i + c]!;
  return meanHex(sum, pixels.length / 4);
}

/** Cells a picture is sampled in when the part under a box matters. */
const GRID = 48;

/**
 * A picture stretched over a slide, sampled on a GRID × GRID raster over white, for the colours
 * under one box of the slide: a backdrop picture is often light where text goes and dark at its
 * edges, so its average says little about the text on it.
 */
export interface PictureGrid {
  /** The average colours of a 3 × 3 split of the region (fractions of the picture, 0–1), as RRGGBB. */
  under(region: { x: number; y: number; w: number; h: number }): string[];
}

/**
 * The same raster as plain data (one RRGGBB per pixel, rows top to bottom), for a template's
 * layout to carry: layout is synchronous, and reads a backdrop's colours under a box from it.
 */
export interface PictureCells {
  size: number;
  cells: string[];
}

export async function pictureCells(data: Buffer): Promise<PictureCells | undefined> {
  const pixels = await rasterOverWhite(data, GRID);
  if (!pixels) return undefined;
  const cells: string[] = [];
  for (let i = 0; i < pixels.length; i += 4) cells.push(meanHex([pixels[i]!, pixels[i + 1]!, pixels[i + 2]!], 1));
  return { size: GRID, cells };
}

export async function pictureGrid(data: Buffer): Promise<PictureGrid | undefined> {
  const cells = await pictureCells(data);
  return cells && { under: (region) => cellsUnder(cells, region) };
}

/** The average colours of a 3 × 3 split of the region (fractions of the picture, 0–1), as RRGGBB. */
export function cellsUnder(
  { size, cells }: PictureCells,
  region: { x: number; y: number; w: number; h: number },
): string[] {
  const cell = (n: number) => Math.min(size - 1, Math.max(0, Math.floor(n * size)));
  const average = (x0: number, y0: number, x1: number, y1: number) => {
    const sum = [0, 0, 0];
    let n = 0;
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++, n++) {
        const hex = cells[y * size + x]!;
        for (let c = 0; c < 3; c++) sum[c]! += parseInt(hex.slice(c * 2, c * 2 + 2), 16);
      }
    return meanHex(sum, n);
  };
  const [x0, x1] = [cell(region.x), cell(region.x + region.w)];
  const [y0, y1] = [cell(region.y), cell(region.y + region.h)];
  const out = new Set<string>();
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      const xs = x0 + Math.floor(((x1 - x0 + 1) * i) / 3);
      const xe = Math.max(xs, x0 + Math.floor(((x1 - x0 + 1) * (i + 1)) / 3) - 1);
      const ys = y0 + Math.floor(((y1 - y0 + 1) * j) / 3);
      const ye = Math.max(ys, y0 + Math.floor(((y1 - y0 + 1) * (j + 1)) / 3) - 1);
      out.add(average(xs, ys, xe, ye));
    }
  return [...out];
}
