import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempProject } from '../helpers/project.js';

const OUTLINE = `title: A deck
sections:
  - title: One
    slides:
      - type: bullets
        title: Facts
        bullets: ["No figures here"]
`;

async function build(progress: boolean, cwd: string): Promise<{ out: string; err: string; order: string[] }> {
  let out = '';
  let err = '';
  const order: string[] = [];
  await main(['build', 'decks', '--no-cache'], {
    stdout: (t) => ((out += t), order.push(`out:${t}`)),
    stderr: (t) => ((err += t), order.push(`err:${t}`)),
    color: false,
    progress,
    cwd,
  });
  return { out, err, order };
}

describe('progress of a batch', () => {
  it('on a terminal, says which deck is being built on one rewritten line, cleared before each deck is reported', async () => {
    const dir = tempProject({ 'briefdeck.yaml': '', 'decks/a.yaml': OUTLINE, 'decks/b.yaml': OUTLINE });
    const r = await build(true, dir);
    expect(r.order.filter((o) => o.startsWith('err:'))).toEqual([
      'err:\r\x1b[K[1/2] building decks/a.yaml…',
      'err:\r\x1b[K',
      'err:\r\x1b[K[2/2] building decks/b.yaml…',
      'err:\r\x1b[K',
    ]);
    // Each deck's line comes as soon as it is built, between the progress lines.
    expect(r.order[2]).toMatch(/^out:wrote out\/a\.pptx/);
  });

  it('in CI (no terminal), prints plain lines only: one per deck as it finishes, then the count', async () => {
    const dir = tempProject({ 'briefdeck.yaml': '', 'decks/a.yaml': OUTLINE, 'decks/b.yaml': OUTLINE });
    const r = await build(false, dir);
    expect(r.err).toBe('');
    expect(r.out).toMatch(
      /^wrote out\/a\.pptx: .*\nwrote out\/b\.pptx: .*\n2 decks: 2 built, 0 unchanged, 0 failed\n$/,
    );
  });
});
