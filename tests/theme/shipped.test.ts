import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../../src/a11y/contrast.js';
import { buildDeck } from '../../src/index.js';
import type { Theme } from '../../src/model.js';
import { openPptx } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { loadTheme, masterTexts } from './helpers.js';

const SHIPPED = readdirSync(join(REPO, 'templates'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

/** WCAG AA: 4.5:1 for body-size text, 3:1 for large text (18 pt, 14 pt bold) and chart elements. */
const BODY = 4.5;
const LARGE = 3;

/**
 * Every text and graphic colour a deck sets, with what it is set on and the contrast it needs.
 * Sizes decide: sources and footers are 8–10 pt (4.5:1); stat figures and titles are large (3:1).
 */
function pairsOf(t: Theme): { what: string; fg: string; bg: string; need: number }[] {
  const p = t.palette;
  const small = (what: string, fg: string, bg: string) => ({ what, fg, bg, need: BODY });
  const large = (what: string, fg: string, bg: string) => ({ what, fg, bg, need: LARGE });
  return [
    small('body text', p.text, p.background),
    // Titles are at least title_min (22 pt) and bold; table headers in the title colour are table size.
    small('title colour (table headers)', p.title, p.background),
    small('captions, sources, footer', p.muted, p.background),
    small('classification marking', p.emphasis, p.background),
    small('stat labels on their card', p.text, p.surface),
    large('stat figures on their card', p.accent, p.surface),
    large('highlighted chart bars', p.accent, p.background),
    large('chart bars not highlighted', p.inactive, p.background),
    large('title rule', p[t.geometry.titleRule.color], p.background),
    small('subtitle, byline on dividers', p.dividerText, p.dividerBackground),
    small('marking on dividers', p.dividerText, p.dividerBackground),
    large('accent bars on dividers', p[t.geometry.dividerRule.color], p.dividerBackground),
    small('text on the accent colour', p.accentText, p.accent),
    ...p.series.map((c, i) => large(`chart series ${i + 1}`, c, p.background)),
  ];
}

/**
 * A saturated colour of hue from −15° to 25°: red, crimson and red-orange (C2410C, B42318), not ochre,
 * orange or pink. Stricter than the ±12° a house template's accents are sorted by (from-template.ts
 * isRed), which takes what a template brings: briefdeck's own themes keep clear of the whole band.
 */
function inRedBand(colour: string): boolean {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(colour.replace('#', '').slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max !== r || max - min < 0.35 * max) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue > -15 && hue < 25;
}

describe('shipped themes', () => {
  it('are official, minimal and dark', () => {
    expect(SHIPPED).toEqual(expect.arrayContaining(['official', 'minimal', 'dark']));
  });

  it.each(SHIPPED)('%s passes WCAG AA contrast for every text and graphic colour on its background', async (name) => {
    const theme = await loadTheme(name);
    const failing = pairsOf(theme)
      .map((pair) => ({ ...pair, ratio: Math.round(contrast(pair.fg, pair.bg) * 100) / 100 }))
      .filter((pair) => pair.ratio < pair.need);
    expect(failing).toEqual([]);
  });

  it.each(SHIPPED)('%s draws no chart series in red, which reads as loss and is kept for targets', async (name) => {
    const { series } = (await loadTheme(name)).palette;
    expect(series.filter(inRedBand)).toEqual([]);
  });

  it('the red check knows red, red-orange and crimson from ochre, orange and pink', () => {
    expect(['C2410C', 'B42318', 'D12E35', 'E11D48'].filter(inRedBand)).toHaveLength(4);
    expect(['B07D1A', 'FB923C', 'F472B6', 'A16207', '1F4E79'].filter(inRedBand)).toEqual([]);
  });

  it('the contrast check fails a theme that is too pale', () => {
    const pale = { ...BASE_PALE };
    const failing = pairsOf(pale).filter((p) => contrast(p.fg, p.bg) < p.need);
    expect(failing.map((f) => f.what)).toContain('captions, sources, footer');
  });

  it.each(SHIPPED)(
    '%s builds the flagship and the Chinese flagship without a warning',
    async (name) => {
      const dir = tempProject({ 'briefdeck.yaml': '# project\n' }, ['decks']);
      for (const deck of ['opening-up', 'opening-up-zh']) {
        const r = await buildDeck(`decks/${deck}.yaml`, { cwd: dir, cacheDir: false, themeOverride: name });
        expect(r.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      }
      const zh = await openPptx(join(dir, 'out', 'opening-up-zh.pptx'));
      // The Chinese flagship names its own footer and marking; no English house text comes from the theme.
      for (const text of await masterTexts(zh)) expect(text).not.toMatch(/Policy Research Office|INTERNAL/);
      // A deck's classification is the outline's: every theme shows it (dark names none of its own).
      const en = await openPptx(join(dir, 'out', 'opening-up.pptx'));
      expect((await masterTexts(en)).join('|')).toContain('INTERNAL');
      expect((await masterTexts(zh)).join('|')).toContain('内部');
    },
    120_000,
  );
});

const BASE_PALE: Theme = await (async () => {
  const t = await loadTheme('official');
  return { ...t, palette: { ...t.palette, muted: 'B0B0B0' } };
})();
