import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeHost } from '../../src/host/node.js';
import { findProjectDir } from '../../src/project.js';
import { tempProject } from '../helpers/project.js';
import { run } from './helpers.js';

const OUTLINE = (extra = '') => `title: A deck
data: data/facts.yaml
${extra}sections:
  - title: One
    slides:
      - type: bullets
        title: Facts
        bullets: ["Exports reached {{ exports }}"]
`;
const DATA = 'sources: { s: { title: T, publisher: P } }\nsource: s\nexports: { value: 3.5 }\n';

describe('a project is where its outlines are', () => {
  it('is the nearest folder above the outline with briefdeck.yaml, package.json or .git, else the outline folder', async () => {
    const dir = tempProject({
      'repo/package.json': '{}',
      'repo/decks/a.yaml': OUTLINE(),
      'repo/decks/sub/briefdeck.yaml': '',
      'repo/decks/sub/b.yaml': OUTLINE(),
      'loose/c.yaml': OUTLINE(),
    });
    mkdirSync(join(dir, 'git/.git'), { recursive: true });
    const host = new NodeHost();
    expect(await findProjectDir(join(dir, 'repo/decks/a.yaml'), host)).toEqual({
      dir: join(dir, 'repo'),
      reason: 'package.json',
    });
    expect(await findProjectDir(join(dir, 'repo/decks/sub/b.yaml'), host)).toEqual({
      dir: join(dir, 'repo/decks/sub'),
      reason: 'briefdeck.yaml',
    });
    expect(await findProjectDir(join(dir, 'git/x/y/d.yaml'), host)).toEqual({ dir: join(dir, 'git'), reason: '.git' });
    expect(await findProjectDir(join(dir, 'loose/c.yaml'), host)).toEqual({
      dir: join(dir, 'loose'),
      reason: 'outline folder',
    });
  });

  it('builds an outline from any working folder, with out/ at its project root', async () => {
    const dir = tempProject({
      'decks-repo/package.json': '{"private": true}',
      'decks-repo/decks/a.yaml': OUTLINE('theme: ../templates/house.yaml\n'),
      'decks-repo/decks/data/facts.yaml': DATA,
      'decks-repo/templates/house.yaml': 'extends: official\n',
      'elsewhere/.keep': '',
    });
    const r = await run(['build', '../decks-repo/decks/a.yaml', '--no-cache'], join(dir, 'elsewhere'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'decks-repo/out/a.pptx'))).toBe(true);
  });

  it('says which folder is the project, and the options, when a path leads out of it', async () => {
    const dir = tempProject({
      'shared/facts.yaml': DATA,
      'decks/a.yaml': OUTLINE().replace('data/facts.yaml', '../shared/facts.yaml'),
    });
    const r = await run(['check', 'decks/a.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('decks/a.yaml:2:7: error: data file ../shared/facts.yaml is outside the project folder');
    expect(r.err).toContain(
      `hint: the project folder is decks (the nearest folder above the outline with briefdeck.yaml, package.json or .git, else the outline's own folder): move the file into it, name a wider one with --project DIR, or build with --allow-outside-paths`,
    );
    expect((await run(['check', 'decks/a.yaml', '--project', '.'], dir)).code).toBe(0);
  });

  it('takes defaults from briefdeck.yaml: output folder, theme, strict, and the decks to build', async () => {
    const dir = tempProject({
      'briefdeck.yaml': 'out: build/decks\ntheme: templates/house.yaml\ndecks: [decks]\n',
      'templates/house.yaml': 'extends: official\npalette: { title: "#AA0000" }\n',
      'decks/a.yaml': OUTLINE(),
      'decks/data/facts.yaml': DATA,
    });
    const r = await run(['build', '--no-cache'], dir);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^wrote build\/decks\/a\.pptx/);
    const zip = await import('jszip').then((m) => m.default.loadAsync(readFileSync(join(dir, 'build/decks/a.pptx'))));
    const slide3 = await zip.file('ppt/slides/slide3.xml')!.async('string');
    expect(slide3).toContain('AA0000');

    const strict = tempProject({
      'briefdeck.yaml': 'strict: true\n',
      'decks/a.yaml': OUTLINE(),
      'decks/data/facts.yaml': `${DATA}unused: 1\n`,
    });
    const s = await run(['check', 'decks'], strict);
    expect(s.code).toBe(1);
    expect(s.err).toContain('error: data value `unused` is not used by any slide [unused-data]');
  });

  it('reports mistakes in briefdeck.yaml at their line and column, and builds nothing from that project', async () => {
    const dir = tempProject({
      'briefdeck.yaml': 'out: build\nstrict: yes please\nshard: 3\n',
      'decks/a.yaml': OUTLINE(),
      'decks/data/facts.yaml': DATA,
    });
    const r = await run(['build', 'decks'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('briefdeck.yaml:2:9: error:');
    expect(r.err).toMatch(/briefdeck\.yaml:3:1: error: .*`shard`.*\n(.*\n)*.*did you mean `shards`\?/);
    expect(r.err).toContain('fix briefdeck.yaml first');
    expect(existsSync(join(dir, 'build'))).toBe(false);
  });
});
