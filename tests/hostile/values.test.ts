import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { outline } from './helpers.js';

const SOURCES = 'sources: { s: { title: S } }\nsource: s\n';

describe('YAML is plain data, of bounded size', () => {
  it('reports tags outside the core schema at the tag', async () => {
    const dir = tempProject({
      'deck.yaml': outline('author: !!js/function "function () { return 1 }"\nsubtitle: !custom x\n'),
      'bin.yaml': outline('notes: !!binary aGVsbG8=\n'),
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)).toEqual([
      expect.objectContaining({ code: 'yaml-tag', line: 2, column: 9 }),
      expect.objectContaining({ code: 'yaml-tag', line: 3, column: 11 }),
    ]);
    expect(r.diagnostics[0]!.message).toContain('!!js/function');
    const bin = await checkDeck('bin.yaml', { cwd: dir });
    expect(located(bin)).toEqual([expect.objectContaining({ code: 'yaml-tag', line: 2, column: 8 })]);
  });

  it('lets 150 ordinary aliases through, and stops an alias bomb by its expanded size', async () => {
    const uses = Array.from({ length: 150 }, (_, i) => `  k${i}: *base`).join('\n');
    const dir = tempProject({
      'deck.yaml': outline(
        'data: data.yaml\nignore: [unused-data]\n',
        '{ type: quote, quote: "{{ g.k1 }}", title: T }',
      ),
      'data.yaml': `${SOURCES}base: &base { value: 1, unit: x }\ng:\n${uses}\n`,
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(r.diagnostics).toEqual([]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++)
      bomb.push(
        `${'abcdefg'[i]}: &${'abcdefg'[i]} [${Array(10)
          .fill(`*${'abcdefg'[i - 1]}`)
          .join(', ')}]`,
      );
    writeFileSync(join(dir, 'data.yaml'), `${bomb.join('\n')}\n`);
    const b = await checkDeck('deck.yaml', { cwd: dir });
    expect(b.diagnostics[0]!.message).toMatch(/expands to [\d,]+ values/);
    expect(b.diagnostics[0]!.hint).toContain('limits.maxAliasExpansion');
  });

  it('bounds nesting, naming the limit', async () => {
    const deep = `${'['.repeat(80)}1${']'.repeat(80)}`;
    const dir = tempProject({ 'deck.yaml': outline(`notes: ${deep}\n`) });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)[0]).toMatchObject({ code: 'input-too-large', line: 2 });
    expect(r.diagnostics[0]!.hint).toContain('limits.maxYamlDepth');
  });

  it('reads a 100,000-key data file in linear time and still finds a duplicate key', async () => {
    const lines = [SOURCES];
    for (let i = 0; i < 100_000; i++) lines.push(`k${i}: { value: ${i}, unit: x }\n`);
    lines.push('k99998: { value: 0, unit: x }\n');
    const dir = tempProject({
      'deck.yaml': outline('data: data.yaml\nignore: [unused-data]\n', '{ type: quote, quote: "{{ k5 }}", title: T }'),
      'data.yaml': lines.join(''),
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)).toEqual([
      expect.objectContaining({ code: 'yaml-duplicate-key', file: 'data.yaml', line: 100_003, column: 1 }),
    ]);
  }, 120_000);

  it('warns about bidirectional control characters where they are', async () => {
    const dir = tempProject({ 'deck.yaml': outline('subtitle: "pay \u202Eecivni"\n') });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)).toEqual([
      expect.objectContaining({ code: 'bidi-control', severity: 'warning', line: 2, column: 16 }),
    ]);
  });
});

describe('values are checked as what they mean', () => {
  it('suggests the language tag meant, once', async () => {
    const dir = tempProject({
      'cn.yaml': outline('lang: cn\n'),
      'gb.yaml': outline('lang: en_GB\n'),
      'ok.yaml': outline('lang: zh-cn\n'),
    });
    const cn = await checkDeck('cn.yaml', { cwd: dir });
    expect(located(cn)).toEqual([
      expect.objectContaining({ code: 'invalid-value', line: 2, column: 7, suggestion: 'did you mean `zh-CN`?' }),
    ]);
    const gb = await checkDeck('gb.yaml', { cwd: dir });
    expect(located(gb)).toEqual([
      expect.objectContaining({ code: 'invalid-value', suggestion: 'did you mean `en-GB`?' }),
    ]);
    expect((await checkDeck('ok.yaml', { cwd: dir })).ok).toBe(true);
    // Accepted in any case, written in the canonical one: every run and the notes say zh-CN.
    const built = await buildDeck('ok.yaml', { cwd: dir, cacheDir: false });
    const deck = await openPptx(join(dir, 'out', 'ok.pptx'));
    const xml = (await Promise.all(deck.names.filter((n) => n.endsWith('.xml')).map((n) => deck.file(n)))).join('');
    expect(built.ok).toBe(true);
    expect(xml).toMatch(/lang="zh-CN"/);
    expect(xml).not.toMatch(/lang="zh-cn"/);
  });

  it('accepts ISO dates only, and only dates that exist', async () => {
    const dir = tempProject({
      'feb.yaml': outline('date: 2025-02-30\n'),
      'dmy.yaml': outline('date: 27/10/2025\n'),
      'ok.yaml': outline('date: 2024-02-29\n'),
    });
    const feb = await checkDeck('feb.yaml', { cwd: dir });
    expect(located(feb)).toEqual([expect.objectContaining({ code: 'invalid-value', line: 2, column: 7 })]);
    expect(feb.diagnostics[0]!.message).toMatch(/February 2025 has 28 days/);
    const dmy = await checkDeck('dmy.yaml', { cwd: dir });
    expect(located(dmy)[0]).toMatchObject({ suggestion: 'did you mean `2025-10-27`?' });
    expect((await checkDeck('ok.yaml', { cwd: dir })).ok).toBe(true);
  });

  it('refuses a CSV number too long to be finite, at its cell', async () => {
    const dir = tempProject({
      'deck.yaml': outline('data: t.csv\n', '{ type: table, title: T, table: t }'),
      't.csv': `# source: s\nyear,value\n2024,${'9'.repeat(400)}\n`,
    });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)).toContainEqual(
      expect.objectContaining({ code: 'not-finite', file: 't.csv', line: 3, column: 6 }),
    );
  });
});

describe('deck limits, each naming the option that raises it', () => {
  const seriesData = (n: number) =>
    JSON.stringify({
      sources: { s: { title: 'S' } },
      source: 's',
      big: {
        labels: Array.from({ length: n }, (_, i) => i),
        datasets: [{ label: 'A', values: Array.from({ length: n }, (_, i) => i % 7) }],
      },
    });

  it('stops a 150,000-point series before it reaches the chart renderer', async () => {
    const dir = tempProject({
      'deck.yaml': outline('data: d.json\n', '{ type: chart, title: Big, chart: { type: line, data: big } }'),
      'd.json': seriesData(150_000),
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(false);
    expect(located(r)).toEqual([expect.objectContaining({ code: 'input-too-large', file: 'deck.yaml', line: 6 })]);
    expect(r.diagnostics[0]!.message).toContain('150,000 values');
    expect(r.diagnostics[0]!.hint).toContain('--limit chart-points=N (limits.maxChartPoints)');
  }, 120_000);

  it('reduces a 150,000-point series in text without spreading it into arguments', async () => {
    const dir = tempProject({
      'deck.yaml': outline(
        'data: d.json\n',
        '{ type: bullets, title: Big, bullets: ["peak {{ max(big) }}, low {{ min(big) }}"] }',
      ),
      'd.json': seriesData(150_000),
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(located(r)).toEqual([]);
    expect(r.ok).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    expect(deck.slides.flatMap((s) => s.texts).join(' ')).toContain('peak 6, low 0');
  }, 120_000);

  it('reports table cells, slides and unbroken words over their limits', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i}`).join('\n');
    const dir = tempProject({
      'deck.yaml': outline(
        'data: [t.csv, sources.yaml]\nignore: [unused-data]\n',
        '{ type: table, title: T, table: t }',
      ),
      't.csv': `# source: s\na,b\n${rows}\n`,
      'sources.yaml': 's: { value: 1 }\nsources: { s: { title: S } }\n',
      'word.yaml': outline('', `{ type: quote, title: T, quote: "${'x'.repeat(300)}" }`),
      'zh.yaml': outline('lang: zh-CN\n', `{ type: quote, title: T, quote: "${'中文'.repeat(200)}" }`),
    });
    const t = await checkDeck('deck.yaml', { cwd: dir, limits: { maxTableCells: 50 } });
    expect(t.diagnostics.map((d) => d.hint)).toContainEqual(expect.stringContaining('limits.maxTableCells'));
    const s = await checkDeck('deck.yaml', { cwd: dir, limits: { maxSlides: 1 } });
    expect(s.diagnostics.map((d) => d.hint)).toContainEqual(expect.stringContaining('limits.maxSlides'));
    const w = await checkDeck('word.yaml', { cwd: dir });
    expect(w.diagnostics[0]!.message).toMatch(/a word of 300 characters/);
    expect((await checkDeck('zh.yaml', { cwd: dir })).diagnostics.map((d) => d.code)).not.toContain('input-too-large');
  });
});
