// Draws assets/logo.png, the placeholder emblem of the example office. Run once; the PNG is committed.
import { createCanvas } from 'canvas';
import { writeFileSync } from 'node:fs';

const size = 192;
const c = createCanvas(size, size);
const g = c.getContext('2d');
g.fillStyle = '#14213D';
g.beginPath();
g.arc(size / 2, size / 2, size / 2 - 4, 0, Math.PI * 2);
g.fill();
g.strokeStyle = '#B3282D';
g.lineWidth = 10;
g.beginPath();
g.arc(size / 2, size / 2, size / 2 - 22, 0, Math.PI * 2);
g.stroke();
g.fillStyle = '#FFFFFF';
g.font = 'bold 76px "Carlito"';
g.textAlign = 'center';
g.textBaseline = 'middle';
g.fillText('PRO', size / 2, size / 2 + 4);
writeFileSync(new URL('../assets/logo.png', import.meta.url), c.toBuffer('image/png'));
