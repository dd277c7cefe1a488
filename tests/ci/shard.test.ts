import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard } from '../../src/cli/shard.js';
import { tempProject } from '../helpers/project.js';
import { buildJson, run } from './helpers.js';

const outline = (n: number) => `title: Deck ${n}
data: ../data/shared.yaml
sections:
  - title: One
    slides:
      - type: bullets
        title: Facts ${n}
        bullets: ["Exports reached {{ exports }}"]
`;

/** 50 outlines in five region folders, with the data folder beside them (not searched). */
function fiftyDecks(): string {
  const files: Record<string, string> = {
    'briefdeck.yaml': 'shards: 3\n',
    'decks/data/shared.yaml': 'sources: { s: { title: T, publisher: P } }\nsource: s\nexports: { value: 3.5 }\n',
  };
  for (let n = 1; n <= 50; n++) files[`decks/region-${n % 5}/deck-${String(n).padStart(2, '0')}.yaml`] = outline(n);
  return tempProject(files);
}

describe('--shard K/N', () => {
  it('splits a 50-deck folder so that shards 1/3, 2/3 and 3/3 build every deck exactly once', async () => {
    const dir = fiftyDecks();
    const built: string[][] = [];
    for (const k of [1, 2, 3]) {
      const r = await buildJson(['decks', '--shard', `${k}/3`], dir);
      expect(r.code).toBe(0);
      expect(r.decks.every((d) => d.status === 'built')).toBe(true);
      built.push(r.decks.map((d) => d.deck));
    }
    const all = built.flat();
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    // Every shard gets a fair part, not all of it.
    for (const part of built) expect(part.length).toBeGreaterThan(5);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.pptx'))).toHaveLength(50);
    // The shards share one manifest: afterwards no deck is stale, whichever shard built it.
    const status = await run(['status', 'decks'], dir);
    expect(status.out).toMatch(/\n0 decks of 50 to build\n$/);
    // The same split every time, and `--shard K` takes N from briefdeck.yaml's `shards: 3`.
    const again = await buildJson(['decks', '--shard', '2', '--force'], dir);
    expect(again.decks.map((d) => d.deck)).toEqual(built[1]);
  });

  it('refuses a shard that cannot be, with what would be right', async () => {
    expect(parseShard('4/3')).toBe('--shard 4/3: K must be from 1 to N');
    expect(parseShard('0/3')).toBe('--shard 0/3: K must be from 1 to N');
    expect(parseShard('1of3')).toBe('--shard takes K/N, such as 2/3 (the 2nd of 3 parts), not 1of3');
    const dir = tempProject({ 'decks/a.yaml': outline(1) });
    const r = await run(['build', 'decks', '--shard', '2'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--shard 2 needs the number of parts: write 2/N, or set shards: in briefdeck.yaml');
  });
});
