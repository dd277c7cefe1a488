import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contrast,
  isEastAsianFace,
  latinMetricFor,
  isRed,
  themeInputFromTemplate,
} from '../../src/sources/theme/from-template.js';
import { readTemplate } from '../../src/template/index.js';
import { REPO } from '../helpers/project.js';

const TEMPLATES = [
  'pandoc-reference.pptx',
  'impress-midnightblue.potx',
  'impress-debian-4x3.potx',
  'east-asian-dark.pptx',
];
const themeOf = async (name: string) =>
  themeInputFromTemplate(await readTemplate(readFileSync(join(REPO, 'tests/fixtures/templates', name)), name), 'x');

describe('the theme a template implies', () => {
  it('puts a red accent last among the series: red data reads as loss (east-asian-dark)', async () => {
    const series = (await themeOf('east-asian-dark.pptx')).palette!.series!;
    expect(series.some((c) => isRed(c))).toBe(true);
    expect(isRed(series[0]!)).toBe(false);
    const firstRed = series.findIndex((c) => isRed(c));
    expect(series.slice(firstRed).every((c) => isRed(c))).toBe(true);
    expect(['#B3282D', '#D12E35', '#B71C1C', '#C62828'].every(isRed)).toBe(true);
    expect(['#1F4E79', '#B07D1A', '#C2410C', '#8E5572', '#7F8C9A', '#FFFFFF'].some(isRed)).toBe(false);
  });

  it.each(TEMPLATES)('%s: every text pair reads at WCAG AA and every series at 3:1 on the background', async (name) => {
    const p = (await themeOf(name)).palette!;
    const pairs: [string, string, number][] = [
      [p.text!, p.background!, 4.5],
      [p.title!, p.background!, 4.5],
      [p.muted!, p.background!, 4.5],
      [p.text!, p.surface!, 4.5],
      [p.emphasis!, p.background!, 4.5],
      [p.divider_text!, p.divider_background!, 4.5],
      ...p.series!.map((s): [string, string, number] => [s, p.background!, 3]),
    ];
    for (const [fg, bg, ratio] of pairs) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(ratio);
  });

  it('scales text sizes with the slide, never below what reads when projected; titles at the template’s own size', async () => {
    const pandoc = await themeOf('pandoc-reference.pptx'); // 720 × 405 pt = 0.75 of 960 × 540
    // Scaled: body 16.5, deck title 30; floored: bullets 16, source 9 (7.5 scaled), footer 9;
    // the title at the master's 33 pt title style, no larger than briefdeck's own 30.
    expect(pandoc.sizes).toMatchObject({ title: 30, body: 16.5, body_min: 16, deck_title: 30, source: 9, footer: 9 });
    const four3 = await themeOf('impress-debian-4x3.potx'); // 793.75 wide: the width limits
    expect(four3.sizes!.body).toBe(Math.round(22 * (793.75 / 960) * 2) / 2);
    // Midnightblue's master title (LibreOffice writes it on the placeholder) is 27 pt.
    expect((await themeOf('impress-midnightblue.potx')).sizes!.title).toBe(27);
  });

  it('measures faces by their metric twins, unknown faces by the wider Liberation Sans', () => {
    expect(['Calibri', 'Cambria', 'Arial', 'Times New Roman', 'DejaVu Sans', 'Frutiger'].map(latinMetricFor)).toEqual([
      'Carlito',
      'Caladea',
      'Liberation Sans',
      'Liberation Serif',
      'DejaVu Sans',
      'Liberation Sans',
    ]);
  });

  it('knows Chinese, Japanese and Korean faces by their names, and LibreOffice’s DejaVu Sans is not one', () => {
    for (const face of [
      '宋体',
      'Microsoft YaHei',
      'SimHei',
      '等线',
      'Noto Sans CJK SC',
      'FZXiaoBiaoSong-B05S',
      'ＭＳ Ｐゴシック',
    ])
      expect(isEastAsianFace(face), face).toBe(true);
    for (const face of ['DejaVu Sans', 'Arial', 'Calibri']) expect(isEastAsianFace(face), face).toBe(false);
  });

  it('uses the East Asian face of the template, or Microsoft YaHei when it has none for Chinese', async () => {
    expect((await themeOf('east-asian-dark.pptx')).fonts).toMatchObject({
      east_asian: 'Microsoft YaHei',
      east_asian_metric: 'Noto Sans CJK SC',
    });
    // pandoc's Office theme: no ea face, 宋体 for Hans, a serif face measured with the serif CJK face.
    expect((await themeOf('pandoc-reference.pptx')).fonts).toMatchObject({
      east_asian: '宋体',
      east_asian_metric: 'Noto Serif CJK SC',
    });
    expect((await themeOf('impress-midnightblue.potx')).fonts).toMatchObject({ east_asian: 'Microsoft YaHei' });
  });
});
