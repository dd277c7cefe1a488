import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { run } from '../ci/helpers.js';

describe('decks/regional-stats.yaml', () => {
  it('builds cleanly from the shipped workbook and SQLite database, and cites both', async () => {
    const dir = tempProject({}, ['decks', 'templates', 'assets']);
    const r = await buildDeck('decks/regional-stats.yaml', {
      cwd: dir,
      cacheDir: false,
      timestamp: new Date(Date.UTC(2025, 2, 10)),
    });
    expect(located(r)).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'regional-stats.pptx'));
    const glance = deck.slides.find((s) => s.title === '2024 at a glance')!;
    // The stat card's unit, too wide at the figure size, moves into its label (issue 9).
    expect(glance.texts.map((t) => t.replace(/\u00a0/g, ' '))).toEqual(
      expect.arrayContaining(['134.9', 'Gross domestic product (trillion yuan)', '5.0%', '56.7%']),
    );
    expect(glance.texts).toContain('GDP grew 5.4% in the fourth quarter, up from 4.6% in the third');
    const provinces = deck.slides.find((s) => s.title === 'Five provinces above CNY 6 trillion')!;
    expect(provinces.altTexts[0]).toMatch(/^Bar chart\. Guangdong 14\.16 trillion yuan; Jiangsu 13\.7 trillion yuan/);
    expect(provinces.texts.find((t) => t.startsWith('Sources'))).toBe(
      'Sources: Provincial statistics bureaus; regional.db, retrieved 10 March 2025; National Bureau of Statistics, 28 February 2025; regional.xlsx, 28 February 2025',
    );
    expect(r.inputs.map((i) => [i.path.replace(`${dir}/`, ''), i.kind])).toEqual(
      expect.arrayContaining([
        ['decks/data/regional.xlsx', 'data'],
        [expect.stringMatching(/^sqlite:.*regional\.db#/), 'query'],
      ]),
    );
  });

  it('decks/province-briefs.yaml makes one brief per province from the same query, each with its own figures', async () => {
    const dir = tempProject({ 'briefdeck.yaml': '# project root\n' }, ['decks', 'templates', 'assets']);
    const r = await run(['build', 'decks/province-briefs.yaml', '--no-cache'], dir);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/5 decks: 5 built, 0 unchanged, 0 failed\n$/);
    for (const [id, name, gdp] of [
      ['guangdong', 'Guangdong', '14.16'],
      ['sichuan', 'Sichuan', '6.47'],
    ] as const) {
      const deck = await openPptx(join(dir, 'out', `province-briefs-${id}.pptx`));
      expect(deck.slides[0]!.title).toBe(`${name}: the economy in 2024`);
      const glance = deck.slides.find((s) => s.title === `${name} in 2024`)!;
      expect(glance.texts).toContain(gdp);
      const chart = deck.slides.find((s) => s.title === `${name} among the five largest provincial economies`)!;
      expect(chart.texts).toContain(`${name}: ${gdp}\u00a0trillion\u00a0yuan`);
    }
    // Unchanged query results: nothing to build again.
    expect((await run(['build', 'decks/province-briefs.yaml', '--no-cache'], dir)).out).toMatch(
      /5 decks: 0 built, 5 unchanged, 0 failed\n$/,
    );
  });
});
