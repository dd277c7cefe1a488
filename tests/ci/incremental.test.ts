import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/incremental/manifest.js';
import { REPO, tempProject } from '../helpers/project.js';
import { buildJson, run, statuses } from './helpers.js';

const FONTS = '/usr/share/fonts/truetype/crosextra';

/** Two decks: `a` with its own theme chain (theme → parent → official), logo and font; `b` on the default theme. */
function project(): string {
  const outline = (theme: string) => `title: A deck
data: data/shared.yaml
${theme}sections:
  - title: One
    slides:
      - type: bullets
        title: Facts
        bullets: ["Exports reached {{ exports }}"]
`;
  const dir = tempProject({
    'briefdeck.yaml': '# project root\n',
    'decks/a.yaml': outline('theme: ../templates/house.yaml\n'),
    'decks/b.yaml': outline(''),
    'decks/data/shared.yaml': 'sources: { s: { title: T, publisher: P } }\nsource: s\nexports: { value: 3.5 }\n',
    'templates/house.yaml': `extends: parent.yaml
logo: logo.png
fonts:
  latin_metric: Carlito
  files:
    - { file: fonts/Body.ttf, family: Carlito }
`,
    'templates/parent.yaml': 'extends: official\npalette: { accent: "#1F4E79" }\n',
  });
  copyFileSync(join(REPO, 'assets/logo.png'), join(dir, 'templates/logo.png'));
  mkdirSync(join(dir, 'templates/fonts'));
  copyFileSync(join(FONTS, 'Carlito-Regular.ttf'), join(dir, 'templates/fonts/Body.ttf'));
  return dir;
}

describe('incremental builds', () => {
  it('skip every deck whose inputs are unchanged, and rebuild for a change to any one kind of input', async () => {
    const dir = project();
    const first = await buildJson(['decks'], dir);
    expect(first.err).toBe('');
    expect(statuses(first.decks)).toEqual({ 'a.pptx': 'built', 'b.pptx': 'built' });
    expect(statuses((await buildJson(['decks'], dir)).decks)).toEqual({ 'a.pptx': 'unchanged', 'b.pptx': 'unchanged' });

    // Each change, the decks it must rebuild, and the reason given.
    const cases: [string, () => void, Record<string, string>, RegExp][] = [
      [
        'outline',
        () => appendFileSync(join(dir, 'decks/a.yaml'), '# a comment\n'),
        { 'a.pptx': 'built' },
        /outline changed: decks\/a\.yaml/,
      ],
      [
        'data',
        () =>
          writeFileSync(
            join(dir, 'decks/data/shared.yaml'),
            readFileSync(join(dir, 'decks/data/shared.yaml'), 'utf8').replace('3.5', '3.6'),
          ),
        { 'a.pptx': 'built', 'b.pptx': 'built' },
        /data changed: decks\/data\/shared\.yaml/,
      ],
      [
        'theme',
        () => appendFileSync(join(dir, 'templates/house.yaml'), 'palette: { title: "#222222" }\n'),
        { 'a.pptx': 'built' },
        /theme changed: templates\/house\.yaml/,
      ],
      [
        'theme parent',
        () => appendFileSync(join(dir, 'templates/parent.yaml'), '# darker\n'),
        { 'a.pptx': 'built' },
        /theme changed: templates\/parent\.yaml/,
      ],
      [
        'asset',
        () => appendFileSync(join(dir, 'templates/logo.png'), Buffer.from([0])),
        { 'a.pptx': 'built' },
        /asset changed: templates\/logo\.png/,
      ],
      [
        'font',
        () => copyFileSync(join(FONTS, 'Caladea-Regular.ttf'), join(dir, 'templates/fonts/Body.ttf')),
        { 'a.pptx': 'built' },
        /font changed: templates\/fonts\/Body\.ttf/,
      ],
      [
        'a theme appearing where it would be found first',
        () =>
          writeFileSync(
            join(dir, 'decks/templates/official.yaml'),
            readFileSync(join(REPO, 'templates/official.yaml'), 'utf8').replace(/^logo: .*$/m, 'logo: none'),
          ),
        // a's theme chain ends in `official` too, named by its parent: both decks would now use it.
        { 'a.pptx': 'built', 'b.pptx': 'built' },
        /decks\/templates\/official\.yaml appeared/,
      ],
      ['the deck removed', () => rmSync(join(dir, 'out/b.pptx')), { 'b.pptx': 'built' }, /out\/b\.pptx is missing/],
      [
        'the deck edited by hand',
        () => appendFileSync(join(dir, 'out/a.pptx'), 'x'),
        { 'a.pptx': 'built' },
        /out\/a\.pptx changed since it was built/,
      ],
      [
        'the briefdeck version',
        () => {
          const path = join(dir, 'out', MANIFEST_FILE);
          writeFileSync(path, readFileSync(path, 'utf8').replace(/"briefdeck": "[^"]+"/g, '"briefdeck": "0.0.1"'));
        },
        { 'a.pptx': 'built', 'b.pptx': 'built' },
        /briefdeck 0\.0\.1 → /,
      ],
      [
        'a setting in briefdeck.yaml that changes output',
        () => writeFileSync(join(dir, 'briefdeck.yaml'), 'theme: templates/parent.yaml\n'),
        { 'a.pptx': 'built', 'b.pptx': 'built' },
        /option theme changed \(official → \.\.\/templates\/parent\.yaml\)/,
      ],
    ];
    for (const [name, change, rebuilt, reason] of cases) {
      if (name.startsWith('a theme appearing')) mkdirSync(join(dir, 'decks/templates'));
      change();
      const status = await run(['status', 'decks'], dir);
      expect(status.out, name).toMatch(reason);
      const r = await buildJson(['decks'], dir);
      expect(r.code, `${name}: ${JSON.stringify(r.decks)}`).toBe(0);
      const expected = { 'a.pptx': 'unchanged', 'b.pptx': 'unchanged', ...rebuilt };
      expect(statuses(r.decks), name).toEqual(expected);
      const rebuiltDeck = r.decks.find((d) => d.status === 'built')!;
      expect(rebuiltDeck.reasons.join('\n'), name).toMatch(reason);
      // And once rebuilt, it is unchanged again.
      expect(statuses((await buildJson(['decks'], dir)).decks), `${name}, again`).toEqual({
        'a.pptx': 'unchanged',
        'b.pptx': 'unchanged',
      });
    }
  });

  it('rebuild with --force, and when an option that changes the outcome changes (--strict)', async () => {
    const dir = project();
    await buildJson(['decks'], dir);
    const before = readFileSync(join(dir, 'out/a.pptx'));
    expect(statuses((await buildJson(['decks', '--force'], dir)).decks)).toEqual({
      'a.pptx': 'built',
      'b.pptx': 'built',
    });
    // Same inputs, same bytes: what lets the manifest's output hash stand for the deck.
    expect(readFileSync(join(dir, 'out/a.pptx')).equals(before)).toBe(true);
    const strict = await buildJson(['decks', '--strict'], dir);
    expect(strict.decks.map((d) => d.reasons.join())).toEqual([
      'option strict changed (false → true)',
      'option strict changed (false → true)',
    ]);
  });

  it('do not record a failed deck: it is built again next time', async () => {
    const dir = project();
    writeFileSync(join(dir, 'decks/data/shared.yaml'), 'exports: { value: 3.5 }\nbroken: [\n');
    const r = await buildJson(['decks'], dir);
    expect(r.code).toBe(1);
    expect(statuses(r.decks)).toEqual({ 'a.pptx': 'failed', 'b.pptx': 'failed' });
    expect(statuses((await buildJson(['decks'], dir)).decks)).toEqual({ 'a.pptx': 'failed', 'b.pptx': 'failed' });
  });

  it('status lists stale decks and why, and says when all are up to date', async () => {
    const dir = project();
    expect((await run(['status', 'decks'], dir)).out).toBe(
      'decks/a.yaml: stale\n  not built before (no entry in the manifest)\n' +
        'decks/b.yaml: stale\n  not built before (no entry in the manifest)\n2 decks of 2 to build\n',
    );
    await buildJson(['decks'], dir);
    expect((await run(['status', 'decks'], dir)).out).toBe(
      'decks/a.yaml: up to date (out/a.pptx)\ndecks/b.yaml: up to date (out/b.pptx)\n0 decks of 2 to build\n',
    );
  });
});
