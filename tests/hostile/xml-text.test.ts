/* eslint-disable no-control-regex -- the test plants control characters and looks for them in the package. */
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { xmlSafeTexts } from '../../src/pptx/xml.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';

/** Characters XML 1.0 forbids, as a word processor or a database export might hand them over. */
const BAD = '\u0001\u0007\u000B\u000C\u001F\uFFFE\uD800';
const bad = (text: string) => `${text}${BAD}`;
const q = (text: string) => JSON.stringify(bad(text));
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

/** Parses strictly: any error or warning of the parser fails. */
function parseStrict(xml: string, name: string): void {
  const problems: string[] = [];
  new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(
    xml,
    'text/xml',
  );
  expect(problems, name).toEqual([]);
}

describe('every text that reaches the package is made safe for XML in one place', () => {
  it('keeps the package well-formed with control characters in every kind of text, charts and workbooks included', async () => {
    const data = `sources: { s: { title: ${q('Source title')}, publisher: ${q('Publisher')} } }
source: s
growth: { unit: ${q('pct')}, series: { ${q('Alpha')}: 3, ${q('Beta')}: 5 } }
points:
  unit: "%"
  columns: [Tariff, Share, Economy]
  rows:
    - [2.1, 48, ${q('Alpha')}]
    - [3.4, 41, ${q('Beta')}]
regions:
  columns: [${q('region')}, goods]
  rows:
    - [${q('East')}, 4120.5]
    - [${q('West')}, 980.4]
total: { value: 12, unit: ${q('units')} }
`;
    const slides = [
      `{ type: bullets, title: ${q('Bullets')}, bullets: [${q('one')}, ${q('two')}], notes: ${q('notes')} }`,
      `{ type: chart, title: ${q('Picture')}, chart: { type: column, data: growth, title: ${q('chart title')} }, caption: ${q('cap')} }`,
      `{ type: chart, title: ${q('Native')}, chart: { type: column, data: growth, render: native, target: { value: 4, label: ${q('target')} } } }`,
      `{ type: chart, title: ${q('Scatter')}, chart: { type: scatter, data: points, label_by: Economy, x_label: ${q('x')}, y_label: ${q('y')}, render: native } }`,
      `{ type: table, title: ${q('Table')}, table: regions }`,
      `{ type: stats, title: ${q('Stats')}, stats: [ { value: total, label: ${q('label')} } ] }`,
      `{ type: quote, quote: ${q('Quote')}, by: ${q('Someone')} }`,
    ];
    const dir = tempProject({
      'templates/t.yaml': `extends: official\nfooter: { text: ${q('Office')}, classification: ${q('MARK')} }\n`,
      'data.yaml': data,
      'deck.yaml': `title: ${q('Deck')}\nsubtitle: ${q('Sub')}\nauthor: ${q('Author')}\ntheme: t\ndata: data.yaml\nsections:\n  - title: ${q('Section')}\n    slides:\n${slides.map((s) => `      - ${s}\n`).join('')}`,
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    const parts: [string, string][] = [];
    for (const name of deck.names) {
      if (/\.(xml|rels)$/.test(name)) parts.push([name, await deck.file(name)]);
      if (name.endsWith('.xlsx')) {
        const inner = await JSZip.loadAsync(await deck.bytes(name));
        for (const n of Object.keys(inner.files).filter((n) => /\.(xml|rels)$/.test(n)))
          parts.push([`${name}!${n}`, await inner.file(n)!.async('string')]);
      }
    }
    expect(parts.some(([n]) => n.includes('.xlsx!'))).toBe(true);
    for (const [name, xml] of parts) {
      expect(NOT_XML.test(xml), name).toBe(false);
      parseStrict(xml, name);
    }
    // The words survive, without the characters around them.
    const all = parts.map(([, xml]) => xml).join('\n');
    for (const word of ['Bullets', 'Alpha', 'Beta', 'East', 'Office', 'MARK', 'Someone', 'Source title'])
      expect(all, word).toContain(word);
  }, 60_000);
});

describe('xmlSafeTexts', () => {
  it('cleans every string of a plain value and passes pictures, dates and maps through unchanged', () => {
    const picture = Buffer.from([1, 2, 3]);
    const when = new Date(0);
    const value = { a: 'x\u0001y', list: ['p\u000Bq', { deep: '\uD800z' }], picture, when, n: 3, none: undefined };
    const safe = xmlSafeTexts(value);
    expect(safe).toEqual({ a: 'xy', list: ['p q', { deep: 'z' }], picture, when, n: 3, none: undefined });
    expect(safe.picture).toBe(picture);
    expect(safe.when).toBe(when);
  });
});
