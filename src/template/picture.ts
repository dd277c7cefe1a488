import { createCanvas, loadImage } from 'canvas';

/** Sampled at this size: enough to know whether a backdrop picture is dark, cheap to decode. */
const SAMPLE = 16;

/** The average colour of a PNG or JPEG as RRGGBB; undefined when it cannot be decoded. */
export async function averageImageColor(data: Buffer): Promise<string | undefined> {
  try {
    const image = await loadImage(data);
    const canvas = createCanvas(SAMPLE, SAMPLE);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#FFFFFF'; // transparent parts show the white slide behind
    ctx.fillRect(0, 0, SAMPLE, SAMPLE);
    ctx.drawImage(image, 0, 0, SAMPLE, SAMPLE);
    const pixels = ctx.getImageData(0, 0, SAMPLE, SAMPLE).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < pixels.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += pixels[i + c]!;
    const n = pixels.length / 4;
    return sum
      .map((s) =>
        Math.round(s / n)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
      .toUpperCase();
  } catch {
    return undefined;
  }
}
