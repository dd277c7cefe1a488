import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

const DATA = `sources: { nbs: { title: Communiqué, publisher: NBS, date: 2025-02-28 } }
source: nbs
provinces:
  unit: CNY trillion
  columns: [Province, GDP, Real growth (%)]
  rows:
    - [Guangdong, 14.16, 3.5]
    - [Jiangsu, 13.7, 5.8]
    - [Shandong, 9.86, 5.7]
none: { columns: [Province, GDP], rows: [] }
`;

const outline = (slides: string) => `title: Provinces
data: data.yaml
sections:
  - title: One slide per province
    slides:
${slides}`;

const PER_PROVINCE = `      - type: stats
        repeat: provinces
        title: "{{ row.Province }}"
        stats:
          - { value: row.GDP, label: "GDP of {{ row.Province }}" }
          - { value: 'row["Real growth (%)"]', label: real growth, format: number }
        notes: "{{ row.Province }} grew {{ row.real_growth | number }} per cent."
`;

describe('repeat: one slide per row', () => {
  it('makes the slide once per row, in order, each with its own row', async () => {
    const dir = tempProject({ 'deck.yaml': outline(PER_PROVINCE), 'data.yaml': DATA.replace(/\nnone:.*\n/, '\n') });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.slideCount).toBe(6); // title, divider, three provinces, sources
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.slides.slice(2, 5).map((s) => s.title)).toEqual(['Guangdong', 'Jiangsu', 'Shandong']);
    const jiangsu = deck.slides[3]!;
    // The unit stays on the card, set small beside its figure.
    expect(jiangsu.texts).toEqual(expect.arrayContaining(['13.7', '\u00a0trillion yuan', 'GDP of Jiangsu', '5.8']));
    expect(jiangsu.notes).toContain('Jiangsu grew 5.8 per cent.');
    expect(jiangsu.texts.join(' ')).toContain('Source: NBS, 28 February 2025');
  });

  it('warns about an empty table and makes no slide for it', async () => {
    const slides = `${PER_PROVINCE}      - type: bullets
        repeat: none
        title: "{{ row.Province }}"
        bullets: ["{{ row.GDP }}"]
`;
    const dir = tempProject({ 'deck.yaml': outline(slides), 'data.yaml': DATA });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    expect(r.slideCount).toBe(6);
    expect(located(r).find((d) => d.code === 'empty-repeat')).toMatchObject({
      severity: 'warning',
      line: 14,
      column: 17,
      message: '`none` has no rows, so this slide is left out',
    });
  });

  it('reports an unknown column at its position in each row, and a repeat past the slide limit', async () => {
    const typo = PER_PROVINCE.replace('GDP of {{ row.Province }}', 'GDP of {{ row.Provnce }}');
    const dir = tempProject({ 'deck.yaml': outline(typo), 'data.yaml': DATA });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    const errors = located(r).filter((d) => d.severity === 'error');
    // The same mistake in each of the three slides is one error.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'unknown-data-key',
      line: 10,
      column: 53,
      message: 'unknown column `Provnce` in the row of `provinces`',
      suggestion: 'did you mean `Province`?',
    });
    const limited = await checkDeck('deck.yaml', { cwd: dir, limits: { maxSlides: 2 } });
    expect(located(limited).find((d) => d.code === 'input-too-large')).toMatchObject({
      line: 7,
      column: 17,
      message: '`provinces` has 3 rows: one slide each is too many',
    });
  });

  it('says where `row.` has no row to read', async () => {
    const dir = tempProject({
      'deck.yaml': outline('      - type: bullets\n        title: T\n        bullets: ["{{ row.GDP }}"]\n'),
      'data.yaml': DATA,
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r).find((d) => d.severity === 'error')).toMatchObject({
      code: 'unknown-data-key',
      line: 8,
      column: 23,
      message: '`row.GDP` names a column of a row, but this is not a deck or slide made per row',
    });
  });
});
