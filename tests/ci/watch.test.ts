import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempProject } from '../helpers/project.js';

const OUTLINE = `title: A deck
data: data/facts.yaml
sections:
  - title: One
    slides:
      - type: bullets
        title: Facts
        bullets: ["Exports reached {{ exports }}"]
`;
const DATA = 'sources: { s: { title: T, publisher: P } }\nsource: s\nexports: { value: 3.5 }\n';

/** Runs `watch` until stopped; `until(text)` waits for stdout to hold `text` n times. */
function startWatch(cwd: string) {
  let out = '';
  let err = '';
  const waiting: { text: string; count: number; resolve: () => void }[] = [];
  const seen = (text: string) => out.split(text).length - 1;
  const check = () => {
    for (const w of [...waiting]) {
      if (seen(w.text) < w.count) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  const stop = new AbortController();
  const done = main(['watch', 'decks/a.yaml', '--no-cache'], {
    stdout: (t) => ((out += t), check()),
    stderr: (t) => (err += t),
    color: false,
    cwd,
    stop: stop.signal,
  });
  return {
    until: (text: string, count = 1) =>
      new Promise<void>((resolve) => {
        waiting.push({ text, count, resolve });
        check();
      }),
    stop: async () => (stop.abort(), done),
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}

describe('briefdeck watch', () => {
  it('builds, then rebuilds when a file the deck uses is saved, reporting what changed, until stopped', async () => {
    const dir = tempProject({ 'briefdeck.yaml': '', 'decks/a.yaml': OUTLINE, 'decks/data/facts.yaml': DATA });
    const w = startWatch(dir);
    await w.until('for changes (Ctrl-C to stop)\n');
    expect(w.out).toMatch(/^wrote out\/a\.pptx: 4 slides/);
    // The outline, its data, the theme and its two logos, and the places a nearer theme would be found
    // (templates/official.yaml, .yml, .potx or .pptx beside the outline and one folder up).
    expect(w.out).toContain('watching 13 files for changes');

    writeFileSync(join(dir, 'decks/data/facts.yaml'), DATA.replace('3.5', '3.7'));
    await w.until('for changes (Ctrl-C to stop)\n', 2);
    expect(w.out).toContain('\ndecks/data/facts.yaml changed\n');
    expect(w.out).toContain('  exports: 3.5 → 3.7 (slide 3)\n');

    // A mistake is printed, and the watch goes on.
    writeFileSync(join(dir, 'decks/a.yaml'), OUTLINE.replace('{{ exports }}', '{{ exprts }}'));
    await w.until('for changes (Ctrl-C to stop)\n', 3);
    expect(w.err).toContain('unknown data key `exprts`');
    writeFileSync(join(dir, 'decks/a.yaml'), OUTLINE);
    await w.until('for changes (Ctrl-C to stop)\n', 4);
    expect(w.out.split('wrote out/a.pptx')).toHaveLength(4);
    expect(await w.stop()).toBe(0);
  });

  it('rebuilds the deck of the row that changed, and builds a deck for a row added', async () => {
    const each = `title: "{{ row.region }}"
data: data/regions.csv
each: regions
sections:
  - title: One
    slides:
      - type: bullets
        title: Facts
        bullets: ["GDP {{ row.gdp }}"]
`;
    const csv = '# source: s\nregion,gdp\nEast,14.2\nWest,6.5\n';
    const dir = tempProject({
      'briefdeck.yaml': '',
      'decks/a.yaml': each,
      'decks/data/regions.csv': csv,
      'decks/data/sources.yaml': 'sources: { s: { title: T, publisher: P } }\n',
    });
    writeFileSync(join(dir, 'decks/a.yaml'), each.replace('data/regions.csv', '[data/sources.yaml, data/regions.csv]'));
    const w = startWatch(dir);
    await w.until('for changes (Ctrl-C to stop)\n');
    expect(w.out).toMatch(/^wrote out\/a-east\.pptx: 4 slides.*\nwrote out\/a-west\.pptx: 4 slides/);

    writeFileSync(join(dir, 'decks/data/regions.csv'), csv.replace('West,6.5', 'West,6.6'));
    await w.until('for changes (Ctrl-C to stop)\n', 2);
    expect(w.out).toContain('unchanged a-east.pptx (decks/a.yaml)');
    expect(w.out).toContain('  regions[West, gdp]: 6.5 → 6.6 (slides 1, 3)\n');

    writeFileSync(join(dir, 'decks/data/regions.csv'), `${csv.replace('West,6.5', 'West,6.6')}North,3.1\n`);
    await w.until('for changes (Ctrl-C to stop)\n', 3);
    expect(w.out).toContain('wrote out/a-north.pptx: 4 slides');
    expect(await w.stop()).toBe(0);
  });
});
