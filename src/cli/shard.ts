import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

/** `--shard K/N`: this runner builds the K-th of N parts (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** `K/N`, or `K` when the count comes from briefdeck.yaml's `shards:`; what is wrong, as text, when invalid. */
export function parseShard(text: string, defaultCount?: number): Shard | string {
  const m = /^(\d+)(?:\/(\d+))?$/.exec(text.trim());
  if (!m) return `--shard takes K/N, such as 2/3 (the 2nd of 3 parts), not ${text}`;
  const index = Number(m[1]);
  const count = m[2] !== undefined ? Number(m[2]) : defaultCount;
  if (count === undefined)
    return `--shard ${text} needs the number of parts: write ${text}/N, or set shards: in briefdeck.yaml`;
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: K must be from 1 to N`;
  return { index, count };
}

/**
 * Whether an outline falls in a shard: by a hash of its path within the project, so that every
 * runner of a matrix, each deciding alone, agrees, and adding a deck moves no other deck.
 */
export function inShard(outlinePath: string, projectDir: string, shard: Shard, row?: string): boolean {
  // A deck per row (`each:`) is a unit of its own: `decks/brief.yaml#east`.
  const path = relative(projectDir, outlinePath).split(sep).join('/');
  const name = row === undefined ? path : `${path}#${row}`;
  const hash = createHash('sha256').update(name).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}
