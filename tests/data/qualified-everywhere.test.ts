import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { openPptx, shapesOf, type OpenedDeck } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/**
 * A qualified value (`{ value: 80, note: more than }`) reads with its qualifier wherever the deck
 * shows it: a chart given as `datasets:`, a table cell (from a table or a series), a stat card,
 * text that names the value, a point or a cell, alt text and speaker notes; in English and Chinese.
 * Each case is built for real and read back from the package's XML.
 */

const DATA = `sources:
  s: { title: Test figures }
source: s
invest:
  inbound: { value: 80, unit: USD billion, note: exceeded }
  outbound: { value: 160, unit: USD billion }
  partners: { value: 30, note: more than }
  split:
    unit: USD billion
    labels: [Into partners, Into China]
    datasets: [{ label: Investment, values: [160, { value: 80, note: more than }] }]
  summary:
    unit: USD billion
    columns: [Flow, Amount]
    rows: [[Into partners, 160], [Into China, { value: 80, note: 超过 }]]
  growth:
    unit: "%"
    series: { Goods: 38, Services: { value: 40, note: nearly } }
`;

const outline = (lang: string) => `title: Qualified
lang: ${lang}
data: data.yaml
sections:
  - title: Part
    slides:
      - type: chart
        title: Datasets chart
        chart: { type: column, data: invest.split, render: image }
      - type: table
        title: Table cells
        table: invest.summary
      - type: table
        title: Series as a table
        table: invest.growth
      - type: stats
        title: Stat cards
        stats:
          - { value: invest.inbound, label: into China }
          - { value: invest.outbound, label: into partners }
      - type: bullets
        title: Bullets
        bullets:
          - "Inbound: {{ invest.inbound }}"
          - "Cell: {{ invest.summary[\\"Into China\\"] }}"
          - "Point: {{ invest.growth[\\"Services\\"] }}"
          - "Already said: more than {{ invest.inbound }}"
          - "已写明：超过{{ invest.inbound }}，{{ invest.outbound }}"
          - "Sum: {{ invest.split | sum }}"
          - "Now past {{ invest.partners }}; {{ invest.partners }}多个国际组织; with {{ invest.partners }}"
        notes: "Investment into China {{ invest.inbound }}."
`;

async function build(lang: string): Promise<OpenedDeck> {
  const dir = tempProject({ 'data.yaml': DATA, 'deck.yaml': outline(lang) });
  const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, workers: 0 });
  expect(located(r).filter((d) => d.severity === 'error')).toEqual([]);
  return openPptx(join(dir, 'out', 'deck.pptx'));
}

const slide = (deck: OpenedDeck, title: string) => deck.slides.find((s) => s.title === title)!;

describe('qualified values everywhere', () => {
  it('says the qualifier in English on every kind of slide', async () => {
    const deck = await build('en');
    expect(slide(deck, 'Datasets chart').altTexts.join(' ')).toContain('Into China more than US$80 billion');
    expect(slide(deck, 'Table cells').texts).toContain('more than 80');
    expect(slide(deck, 'Series as a table').texts).toContain('nearly 40');
    expect(slide(deck, 'Series as a table').texts).toContain('38');
    // On a stat card the qualifier stands before the figure, smaller, on its baseline.
    const [first, second] = ['Stat 1 value', 'Stat 2 value'].map((name) =>
      [
        ...shapesOf(slide(deck, 'Stat cards').xml)
          .find((sh) => sh.name === name)!
          .xml.matchAll(/<a:rPr\b[^>]*\bsz="(\d+)"[\s\S]*?<a:t>([^<]*)<\/a:t>/g),
      ].map((m) => ({ size: Number(m[1]), text: m[2] })),
    );
    expect(first![0]!.text).toBe('more than ');
    // The figure follows, its currency and unit in runs of their own at half its size.
    const figure = first!.slice(1);
    expect(figure.map((r) => r.text).join('')).toMatch(/^(US\$)?80/);
    expect(first![0]!.size).toBeLessThan(Math.max(...figure.map((r) => r.size)) * 0.5);
    expect(second!.map((r) => r.text).join('')).not.toContain('more than');
    const bullets = slide(deck, 'Bullets');
    const text = bullets.texts.join('|').replace(/\u00a0/g, ' ');
    expect(text).toContain('Inbound: more than US$80 billion');
    expect(text).toContain('Cell: more than US$80 billion');
    expect(text).toContain('Point: nearly 40%');
    expect(text).toContain('Already said: more than US$80 billion');
    expect(text).not.toContain('more than more than');
    expect(text).toContain('已写明：超过US$80 billion，US$160 billion');
    expect(text).toContain('Sum: more than US$240 billion');
    expect(text).toContain('Now past 30; 30多个国际组织; with more than 30');
    expect(bullets.notes).toContain('Investment into China more than US$80 billion.');
  }, 60_000);

  it('says it in Chinese in a Chinese deck', async () => {
    const deck = await build('zh-CN');
    expect(slide(deck, 'Table cells').texts).toContain('超过80');
    expect(slide(deck, 'Series as a table').texts).toContain('近40');
    expect(slide(deck, 'Datasets chart').altTexts.join(' ')).toContain('超过800亿美元');
    expect(slide(deck, 'Stat cards').texts.join('|')).toMatch(/超过/);
    const text = slide(deck, 'Bullets').texts.join('|');
    expect(text).toContain('超过800亿美元');
    expect(text).not.toContain('超过超过');
    expect(slide(deck, 'Bullets').notes).toContain('超过800亿美元');
  }, 60_000);

  it('refuses a figure computed from a qualified value that cannot say how exact it is', async () => {
    const deck = `title: Computed
data: data.yaml
sections:
  - title: Part
    slides:
      - type: bullets
        title: Computed
        bullets:
          - "{{ invest.growth | max }}"
          - "{{ growth(invest.inbound, invest.outbound) }}"
          - "{{ invest.growth | last }}"
`;
    const dir = tempProject({ 'data.yaml': DATA, 'deck.yaml': deck });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false, workers: 0 });
    const errors = located(r).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line])).toEqual([
      ['qualified-figure', 9],
      ['qualified-figure', 10],
    ]);
    expect(errors[0]!.message).toBe(
      'the max of `invest.growth` is not known: a value in it is qualified ("more than", "nearly" …)',
    );
    expect(errors[1]!.message).toContain('`invest.inbound` is qualified ("more than")');
  });
});
