// Joins slide renders into one small strip for the README's pictures of the shipped themes:
//   node scripts/theme-strip.mjs docs/theme-dark.png out/preview/opening-up-slide-{01,07,12,17}.png
// (the slide PNGs come from `briefdeck build decks/opening-up.yaml --theme dark --preview`).
import { createCanvas, loadImage } from 'canvas';
import { writeFileSync } from 'node:fs';

const [out, ...slides] = process.argv.slice(2);
const w = 320;
const h = 180;
const gap = 8;
const c = createCanvas(slides.length * (w + gap) + gap, h + 2 * gap);
const g = c.getContext('2d');
g.fillStyle = '#E5E7EB';
g.fillRect(0, 0, c.width, c.height);
for (const [i, file] of slides.entries()) g.drawImage(await loadImage(file), gap + i * (w + gap), gap, w, h);
writeFileSync(out, c.toBuffer('image/png', { compressionLevel: 9 }));
