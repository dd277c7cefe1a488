import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx, shapesOf, textsOf } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

describe('a chart slide with more side bullets than fit beside the chart', () => {
  it('builds, keeps the chart, and continues the bullets on a "(cont.)" slide, each once and in order', async () => {
    const bullets = Array.from(
      { length: 9 },
      (_, i) => `Point ${i + 1} about the chart, written out at some length so that it wraps`,
    );
    const dir = tempProject({
      'deck.yaml':
        'title: T\ndata: d.yaml\nsections:\n  - title: S\n    slides:\n' +
        `      - { type: chart, title: Trade, chart: { type: bar, data: s, render: native }, bullets: ${JSON.stringify(bullets)} }\n`,
      'd.yaml': 'sources: { x: { title: X } }\nsource: x\ns: { series: { a: 1, b: 2 } }\n',
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    const split = located(r).find((d) => d.code === 'content-split');
    expect(split?.message).toMatch(/^bullets beside the chart continued over \d+ slides$/);
    expect(split?.line).toBe(6);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const pages = deck.slides.filter((s) => s.title.startsWith('Trade'));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(1).every((p) => p.title === 'Trade (cont.)')).toBe(true);
    expect(pages[0]!.charts.length).toBe(1);
    const shown = pages.flatMap((p) =>
      shapesOf(p.xml)
        .filter((s) => s.name === 'Body')
        .flatMap((s) => textsOf(s.xml)),
    );
    expect(shown.map((t) => Number(/Point (\d+)/.exec(t)![1]))).toEqual(bullets.map((_, i) => i + 1));
    // Held at one size on every page: continuing is instead of shrinking.
    const sizes = new Set(
      pages.flatMap((p) =>
        shapesOf(p.xml)
          .filter((s) => s.name === 'Body')
          .flatMap((s) => [...s.xml.matchAll(/<a:rPr [^>]*sz="(\d+)"/g)].map((m) => m[1])),
      ),
    );
    expect(sizes.size).toBe(1);
  });
});
