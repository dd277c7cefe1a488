/* eslint-disable no-control-regex -- the tests look for control characters in the package. */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, checkDeck } from '../../src/index.js';
import { xmlSafe } from '../../src/pptx/xml.js';
import { openPptx } from '../helpers/pptx.js';
import { tempProject } from '../helpers/project.js';
import { located } from '../helpers/diagnostics.js';

describe('hostile or careless input', () => {
  it('reports a YAML alias bomb instead of expanding it', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
    ])
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const dir = tempProject({ 'deck.yaml': `${levels.join('\n')}\ntitle: T\nsections: [*e]\n` });
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(r.ok).toBe(false);
    expect(located(r)[0]).toMatchObject({ code: 'yaml-syntax', file: 'deck.yaml', line: 1, column: 1 });
    expect(r.diagnostics[0]!.message).toContain('aliases');
  });

  it('writes well-formed XML when text carries control characters pasted from a word processor', async () => {
    const dir = tempProject({
      'deck.yaml':
        'title: "Title\\u000Bwith a vertical tab"\nsections:\n  - title: S\n    slides:\n      - type: bullets\n        title: "Bell\\u0007 and NUL\\u0000"\n        bullets: ["Word line\\u000Bbreak", "form\\u000Cfeed"]\n        notes: "notes\\u0001"\n',
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    for (const name of deck.names.filter((n) => /\.(xml|rels)$/.test(n))) {
      expect(await deck.file(name), name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
    expect(deck.slides[2]!.texts).toEqual(expect.arrayContaining(['Word line break', 'form feed']));
    expect(deck.slides[2]!.title).toBe('Bell and NUL');
  });

  it('escapes an author such as R&D in every package part, and refuses font names that would break the XML', async () => {
    const dir = tempProject({
      'deck.yaml':
        'title: "Q&A <draft>"\nauthor: "R&D \\"Unit\\""\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q, title: T }\n',
      'templates/bad.yaml': 'fonts: { latin: "Gill Sans & Co" }\n',
      'bad.yaml':
        'title: T\ntheme: bad\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q, title: T }\n',
    });
    const r = await buildDeck('deck.yaml', { cwd: dir, cacheDir: false });
    expect(r.ok).toBe(true);
    const deck = await openPptx(join(dir, 'out', 'deck.pptx'));
    // The company is the theme's footer office; the outline's author is the document's author.
    expect(await deck.file('docProps/core.xml')).toContain('<dc:creator>R&amp;D &quot;Unit&quot;</dc:creator>');
    expect(await deck.file('docProps/core.xml')).toContain('<dc:title>Q&amp;A &lt;draft&gt;</dc:title>');
    const bad = await checkDeck('bad.yaml', { cwd: dir });
    expect(located(bad)[0]).toMatchObject({
      code: 'invalid-value',
      file: 'templates/bad.yaml',
      line: 1,
      column: 17,
    });
  });

  it('drops lone surrogates and keeps real pairs', () => {
    expect(xmlSafe('a\uD800b')).toBe('ab');
    expect(xmlSafe('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('follows symbolic links before deciding that a path stays inside the project', async () => {
    const outside = tempProject({ 'secret.yaml': 'secret: { value: 42, source: s }\nsources: { s: { title: S } }\n' });
    const dir = tempProject({
      'deck.yaml':
        'title: T\ndata: lnk/secret.yaml\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: "{{ secret }}", title: T }\n',
    });
    symlinkSync(outside, join(dir, 'lnk'));
    const r = await checkDeck('deck.yaml', { cwd: dir });
    expect(located(r)[0]).toMatchObject({
      code: 'path-outside-project',
      file: 'deck.yaml',
      line: 2,
      column: 7,
    });
  });

  it('keeps data and themes inside the project unless allowed', async () => {
    const dir = tempProject({
      'decks/deck.yaml':
        'title: T\ndata: ../../outside.yaml\nsections:\n  - title: S\n    slides:\n      - { type: quote, quote: Q, title: T }\n',
    });
    const r = await checkDeck('decks/deck.yaml', { cwd: dir });
    expect(r.diagnostics.map((d) => d.code)).toContain('path-outside-project');
    const allowed = await checkDeck('decks/deck.yaml', { cwd: dir, allowOutsidePaths: true });
    expect(allowed.diagnostics.map((d) => d.code)).toContain('file-not-found');
  });
});
