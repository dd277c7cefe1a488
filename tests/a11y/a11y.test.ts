import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPptx } from '../../src/a11y/index.js';
import { contrast } from '../../src/a11y/contrast.js';
import { main, type Io } from '../../src/cli/main.js';
import { checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { REPO, tempProject } from '../helpers/project.js';
import { buildShipped, SHIPPED, SHIPPED_DECKS } from '../office/decks.js';

const decks: string[] = [];
beforeAll(async () => {
  decks.push(...(await buildShipped()));
}, 120_000);

describe('check --a11y on the shipped decks', () => {
  it('finds nothing to report on any of them', async () => {
    for (const [i, { outline, row }] of SHIPPED_DECKS.entries()) {
      const name = SHIPPED[i]!;
      const r = await checkDeck(`decks/${outline}`, { cwd: REPO, cacheDir: false }, undefined, {
        a11y: true,
        ...(row === undefined ? {} : { row }),
      });
      expect(
        located(r).filter((d) => d.code.startsWith('a11y-')),
        name,
      ).toEqual([]);
      expect(r.ok, name).toBe(true);
    }
  });

  it('reads every shipped deck as accessible from its bytes too', async () => {
    for (const [i, name] of SHIPPED.entries()) {
      const lang = name.includes('-zh') ? 'zh-CN' : 'en';
      expect(await auditPptx(readFileSync(decks[i]!), { lang }), name).toEqual([]);
    }
  });

  it('exits 0 from the command line', async () => {
    let out = '';
    const io: Io = { stdout: (t) => (out += t), stderr: (t) => (out += t), color: false, cwd: REPO };
    expect(await main(['check', '--a11y', 'decks/'], io)).toBe(0);
    for (const s of SHIPPED) expect(out).toContain(`decks/${s}: ok, `);
  });
});

/** A deck an outline can make inaccessible: a repeated title, pale text, alt text without figures. */
const MISSES = {
  'deck.yaml': `title: Misses
theme: pale
data: data.yaml
sections:
  - title: One
    divider: false
    slides:
      - { type: bullets, title: Same title, bullets: [First] }
      - { type: bullets, title: Same title, bullets: [Second] }
      - type: chart
        title: A chart
        chart: { type: column, data: growth, alt: A chart of growth }
      - type: chart
        title: Another chart
        chart: { type: column, data: growth, alt: "Growth: A 1, B 2" }
      - type: table
        title: A table
        table: { columns: [Name, Value], rows: [[a, 1]] }
`,
  'data.yaml': `sources: { s: { title: S, publisher: P } }
source: s
growth: { unit: "%", series: { A: 1, B: 2 } }
`,
  'templates/pale.yaml': `extends: official
palette: { text: "#B0B0B0" }
`,
};

describe('check --a11y on a deck with misses', () => {
  it('reports each with the outline position of the slide that caused it', async () => {
    const dir = tempProject(MISSES);
    const r = await checkDeck('deck.yaml', { cwd: dir, cacheDir: false }, undefined, { a11y: true });
    expect(r.ok).toBe(false);
    const found = located(r)
      .filter((d) => d.code.startsWith('a11y-'))
      .map((d) => [d.code, d.line, d.column, d.message.replace(/“[^”]*”/g, '“…”')]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['a11y-title', 9, 9, "slide 3: the title “…” is also slide 2's: titles tell slides apart"],
        [
          'a11y-contrast',
          8,
          9,
          expect.stringMatching(/^slide 2: “…” \(#B0B0B0 on #FFFFFF, 22 pt\) has contrast 2\.\d+:1/),
        ],
        ['a11y-alt-text', 10, 9, 'slide 4: the alt text of the chart “…” gives none of its figures'],
        ['a11y-alt-text', 13, 9, 'slide 5: the alt text of the chart “…” gives its figures without their unit'],
        [
          'a11y-contrast',
          16,
          9,
          expect.stringMatching(/^slide 6: the table cell “…” \(#B0B0B0 on #[0-9A-F]{6}, 16 pt\)/),
        ],
      ]),
    );
    // Without --a11y the same deck checks clean: the audit is what finds these.
    const plain = await checkDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(plain.diagnostics.filter((d) => d.code.startsWith('a11y-'))).toEqual([]);
  });

  it('exits 1 from the command line and prints the positions', async () => {
    const dir = tempProject(MISSES);
    let err = '';
    const io: Io = { stdout: () => {}, stderr: (t) => (err += t), color: false, cwd: dir };
    expect(await main(['check', '--a11y', 'deck.yaml'], io)).toBe(1);
    expect(err).toContain("deck.yaml:9:9: error: slide 3: the title “Same title” is also slide 2's");
  });
});

/**
 * What the package always fixes (decorative flags, header rows, title order, notes language)
 * cannot be broken from an outline: undo each fix in a built deck and the audit must see it.
 */
describe('auditPptx on a deck with the fixes undone', () => {
  it('reports shapes not marked decorative, a table without a header row, a title read late and notes in the wrong language', async () => {
    const zh = decks[SHIPPED.indexOf('opening-up-zh.yaml')]!;
    const zip = await JSZip.loadAsync(readFileSync(zh));
    const edit = async (part: string, change: (xml: string) => string) => {
      const xml = await zip.file(part)!.async('string');
      const changed = change(xml);
      expect(changed, part).not.toBe(xml);
      zip.file(part, changed);
    };
    // Slide 3 (stats): the decorative flags removed.
    await edit('ppt/slides/slide3.xml', (x) => x.replace(/<a:extLst><a:ext uri="\{C183D7F6[\s\S]*?<\/a:extLst>/g, ''));
    // Slide 10 (table): no header row.
    await edit('ppt/slides/slide10.xml', (x) => x.replace(/ firstRow="1"/, ''));
    // Slide 2 (divider): the section number before the title.
    await edit('ppt/slides/slide2.xml', (x) => {
      const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="title"[\s\S]*?<\/p:sp>/.exec(x)![0];
      return x.replace(title, '').replace('</p:spTree>', `${title}</p:spTree>`);
    });
    // Slide 5's notes tagged English.
    await edit('ppt/notesSlides/notesSlide5.xml', (x) => x.replace(/lang="zh-CN"/g, 'lang="en-US"'));
    const issues = await auditPptx(await zip.generateAsync({ type: 'nodebuffer' }), { lang: 'zh-CN' });
    const kinds = [...new Set(issues.map((i) => `${i.slide} ${i.code}`))].sort();
    expect(kinds).toEqual(['10 a11y-table-header', '2 a11y-reading-order', '3 a11y-decorative', '5 a11y-language']);
    expect(issues.filter((i) => i.code === 'a11y-decorative').map((i) => i.message)).toContain(
      '“Stat 1 card” has no text or alt text and is not marked decorative',
    );
  });

  it('reports Chinese alt text that starts in English, and native chart fills below 3:1', async () => {
    const gallery = decks[SHIPPED.indexOf('chart-gallery.yaml')]!;
    const zip = await JSZip.loadAsync(readFileSync(gallery));
    const chart = await zip.file('ppt/charts/chart7.xml')!.async('string');
    zip.file('ppt/charts/chart7.xml', chart.replace(/<a:srgbClr val="1F4E79"\/>/, '<a:srgbClr val="EEEEEE"/>'));
    const issues = await auditPptx(await zip.generateAsync({ type: 'nodebuffer' }), { lang: 'en' });
    // The slide that shows chart7: the one whose relationships name it.
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n));
    let slide = 0;
    for (const rels of slides)
      if ((await zip.file(rels)!.async('string')).includes('charts/chart7.xml'))
        slide = Number(/slide(\d+)/.exec(rels)![1]);
    expect(issues.map((i) => [i.slide, i.code, i.message])).toContainEqual([
      slide,
      'a11y-contrast',
      'a chart series drawn in #EEEEEE has contrast 1.16:1 on #FFFFFF; at least 3:1 is needed',
    ]);
    const zhIssues = await auditPptx(readFileSync(gallery), { lang: 'zh-CN' });
    expect(zhIssues.filter((i) => i.code === 'a11y-alt-text').length).toBeGreaterThan(0);
  });
});

describe('contrast', () => {
  it('is the WCAG ratio', () => {
    expect(contrast('000000', 'FFFFFF')).toBe(21);
    expect(contrast('777777', 'FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrast('1F4E79', 'FFFFFF')).toBeCloseTo(contrast('FFFFFF', '1F4E79'), 10);
  });
});
