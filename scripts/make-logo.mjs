// Draws the shipped themes' neutral emblem: assets/logo.png for light slides and
// assets/logo-dark.png for dark ones. A plain mark with no letters, so that no deck carries
// a made-up office's initials; a house replaces it with its own (`logo:` in its theme).
// Run once; the PNGs are committed.
import { createCanvas } from 'canvas';
import { writeFileSync } from 'node:fs';

const size = 192;

/** A ring around a disc holding three rules of falling length: a briefing page, abstracted. */
function emblem(ink, paper, file) {
  const c = createCanvas(size, size);
  const g = c.getContext('2d');
  const mid = size / 2;
  g.strokeStyle = ink;
  g.lineWidth = 8;
  g.beginPath();
  g.arc(mid, mid, mid - 6, 0, Math.PI * 2);
  g.stroke();
  g.fillStyle = ink;
  g.beginPath();
  g.arc(mid, mid, mid - 22, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = paper;
  const lines = [
    [58, 68, 76],
    [58, 90, 60],
    [58, 112, 42],
  ];
  for (const [x, y, w] of lines) g.fillRect(x, y, w, 12);
  writeFileSync(new URL(`../assets/${file}`, import.meta.url), c.toBuffer('image/png'));
}

emblem('#14213D', '#FFFFFF', 'logo.png');
emblem('#FFFFFF', '#14213D', 'logo-dark.png');
