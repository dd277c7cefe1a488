import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { tempProject } from '../helpers/project.js';
import { located } from '../helpers/diagnostics.js';

const CALADEA = '/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf';

describe('font files named by a theme', () => {
  it('are registered with canvas and measured under the family name the theme gives them', () => {
    const text = 'Opening up is an important driving force';
    const registered = createMeasurer({
      latinMetric: 'Briefdeck Test Serif',
      eastAsianMetric: 'Noto Sans CJK SC',
      files: [{ path: CALADEA, family: 'Briefdeck Test Serif', weight: 'normal', style: 'normal' }],
    });
    const installed = createMeasurer({ latinMetric: 'Caladea', eastAsianMetric: 'Noto Sans CJK SC' });
    const fallback = createMeasurer({ latinMetric: 'No Such Face Anywhere', eastAsianMetric: 'Noto Sans CJK SC' });
    expect(registered.width(text, 20)).toBeCloseTo(installed.width(text, 20), 6);
    expect(Math.abs(registered.width(text, 20) - fallback.width(text, 20))).toBeGreaterThan(5);
  });

  it('are read from the project, and a missing one is reported where the theme names it', async () => {
    const dir = tempProject({
      'templates/serif.yaml': `extends: official
fonts:
  latin: Cambria
  latin_metric: Project Serif
  files:
    - { file: ../assets/fonts/Caladea-Regular.ttf, family: Project Serif }
    - { file: ../assets/fonts/Caladea-Bold.ttf, family: Project Serif, weight: bold }
`,
      'deck.yaml': `title: Serif deck\ntheme: serif\nsections:\n  - title: S\n    slides:\n      - { type: bullets, title: Points, bullets: [One, Two] }\n`,
    });
    mkdirSync(join(dir, 'assets', 'fonts'), { recursive: true });
    copyFileSync(CALADEA, join(dir, 'assets', 'fonts', 'Caladea-Regular.ttf'));
    const missing = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(missing.ok).toBe(false);
    expect(located(missing)[0]).toMatchObject({
      code: 'asset-missing',
      file: 'templates/serif.yaml',
      line: 7,
      column: 15,
    });

    copyFileSync(CALADEA.replace('Regular', 'Bold'), join(dir, 'assets', 'fonts', 'Caladea-Bold.ttf'));
    const ok = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(ok.diagnostics).toEqual([]);
  });

  it('name the chart cache key by the bytes read, so a font replaced under the same name redraws the chart', async () => {
    const dir = tempProject({
      'templates/serif.yaml': `extends: official
fonts:
  chart: Project Serif, Noto Sans CJK SC
  files:
    - { file: ../assets/fonts/face.ttf, family: Project Serif }
`,
      'data.yaml':
        'sources: { s: { title: S } }\nsource: s\nv: { labels: [a, b], datasets: [{ label: V, values: [1, 2] }] }\n',
      'deck.yaml': `title: Serif deck\ntheme: serif\ndata: data.yaml\nsections:\n  - title: S\n    slides:\n      - { type: chart, title: Chart, chart: { type: bar, data: v } }\n`,
    });
    mkdirSync(join(dir, 'assets', 'fonts'), { recursive: true });
    const font = join(dir, 'assets', 'fonts', 'face.ttf');
    const build = () => buildDeck('deck.yaml', { cwd: dir, cacheDir: join(dir, 'cache') });
    copyFileSync(CALADEA, font);
    const first = await build();
    expect(first.diagnostics).toEqual([]);
    expect(first.report?.charts).toMatchObject({ rendered: 1, cached: 0 });
    expect((await build()).report?.charts).toMatchObject({ rendered: 0, cached: 1 });
    copyFileSync(CALADEA.replace('Regular', 'Bold'), font);
    expect((await build()).report?.charts).toMatchObject({ rendered: 1, cached: 0 });
  });
});
