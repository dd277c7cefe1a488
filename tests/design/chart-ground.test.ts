import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { buildDeck } from '../../src/index.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { join } from 'node:path';

/** The colour of a picture's pixel as RRGGBB. */
function pixel(png: PNG, x: number, y: number): string {
  const i = (y * png.width + x) * 4;
  return [0, 1, 2]
    .map((c) => png.data[i + c]!.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

describe('a chart picture on a tinted or dark slide', () => {
  it.each([
    ['dark', '0F172A'],
    ['cream', 'FBF6EC'],
  ])('is drawn on the slide’s own background (%s), so no box shows around it', async (name, ground) => {
    const theme = name === 'dark' ? 'dark' : 'cream';
    const dir = tempProject(
      {
        'templates/cream.yaml': `extends: official\npalette: { background: "#${ground}" }\n`,
        'data.yaml': 'sources: { s: { title: S } }\nsource: s\ng: { unit: "%", series: { A: 3, B: 5, C: 8 } }\n',
        'deck.yaml': `title: T\ntheme: ${theme}\ndata: data.yaml\nsections:\n  - title: S\n    slides:\n      - { type: chart, title: Growth, chart: { type: column, data: g } }\n`,
      },
      ['templates', 'assets'],
    );
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const chartSlide = deck.slides.find((s) => s.title === 'Growth')!;
    // The slide's ground: its own background, else its layout's or master's.
    const parts = [
      chartSlide.xml,
      ...(await Promise.all(
        deck.names.filter((n) => /slide(Layout|Master)\d+\.xml$/.test(n)).map((n) => deck.file(n)),
      )),
    ];
    expect(parts.some((xml) => new RegExp(`<p:bg>(?:(?!</p:bg>).)*?<a:srgbClr val="${ground}"/>`, 's').test(xml))).toBe(
      true,
    );
    const [media] = chartSlide.images.filter((m) => m.endsWith('.png'));
    const png = PNG.sync.read(await deck.bytes(media!));
    // All four corners lie outside the plot: they show the ground the chart was drawn on.
    for (const [x, y] of [
      [0, 0],
      [png.width - 1, 0],
      [0, png.height - 1],
      [png.width - 1, png.height - 1],
    ])
      expect(pixel(png, x!, y!), `${x},${y}`).toBe(ground);
  });
});
