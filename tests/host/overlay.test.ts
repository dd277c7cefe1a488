import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmptyHost, OverlayHost } from '../../src/host/overlay.js';
import { NodeHost } from '../../src/host/node.js';
import { compile, createSession } from '../../src/index.js';
import { openPptx } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The flagship's inputs, held in memory under their real paths. */
function flagshipInMemory(): OverlayHost {
  const overlay = new OverlayHost(new EmptyHost());
  for (const rel of [
    'decks/opening-up.yaml',
    'decks/data/opening-up.yaml',
    'templates/official.yaml',
    'assets/logo.png',
    'assets/logo-dark.png',
  ]) {
    overlay.set(join(REPO, rel), readFileSync(join(REPO, rel)));
  }
  return overlay;
}

describe('inputs behind a host', () => {
  it('builds the flagship entirely from an overlay host, with nothing read from disk, byte-identical to a disk build', async () => {
    const overlay = flagshipInMemory();
    const memory = await createSession({ cwd: REPO, cacheDir: false }, { host: overlay });
    const disk = await createSession({ cwd: REPO, cacheDir: false });
    try {
      const fromMemory = await compile('decks/opening-up.yaml', memory);
      const fromDisk = await compile('decks/opening-up.yaml', disk);
      expect(fromMemory.diagnostics).toEqual([]);
      expect(fromMemory.ok).toBe(true);
      expect(sha(fromMemory.bytes!)).toBe(sha(fromDisk.bytes!));
      const deck = await openPptx(fromMemory.bytes!);
      expect(deck.slides).toHaveLength(28);
      // Every input the deck read, with its kind and the hash of what was served.
      expect(fromMemory.inputs.map((i) => [i.path.slice(REPO.length + 1), i.kind])).toEqual([
        ['decks/opening-up.yaml', 'outline'],
        ['decks/data/opening-up.yaml', 'data'],
        ['templates/official.yaml', 'theme'],
        ['assets/logo.png', 'asset'],
        ['assets/logo-dark.png', 'asset'],
      ]);
      for (const input of fromMemory.inputs) expect(input.sha256).toBe(sha(readFileSync(input.path)));
    } finally {
      await memory.close();
      await disk.close();
    }
  });

  it('builds unsaved text over the files on disk: the buffer wins, and its hash is the one recorded', async () => {
    const dir = tempProject({
      'deck.yaml':
        'title: Saved\nsections:\n  - title: S\n    slides:\n      - { type: bullets, title: One, bullets: [a] }\n',
    });
    const unsaved =
      'title: Unsaved edit\nsections:\n  - title: S\n    slides:\n      - { type: bullets, title: One, bullets: [b] }\n';
    const overlay = new OverlayHost(new NodeHost()).set(join(dir, 'deck.yaml'), unsaved);
    const session = await createSession({ cwd: dir, cacheDir: false }, { host: overlay });
    try {
      const r = await compile('deck.yaml', session);
      expect(r.ok).toBe(true);
      const deck = await openPptx(r.bytes!);
      expect(deck.slides[0]!.title).toBe('Unsaved edit');
      expect(r.inputs.find((i) => i.kind === 'outline')?.sha256).toBe(sha(unsaved));
    } finally {
      await session.close();
    }
  });

  it('reports a file missing from the overlay as a diagnostic, with the near miss the overlay lists', async () => {
    const overlay = new OverlayHost().set(
      '/p/deck.yaml',
      'title: T\ndata: data/trade.yml\nsections:\n  - title: S\n    slides:\n      - { type: bullets, bullets: ["{{ x }}"] }\n',
    );
    overlay.set('/p/data/trade.yaml', 'x: 1\n');
    const session = await createSession({ cwd: '/p', cacheDir: false }, { host: overlay });
    const r = await compile('deck.yaml', session, { render: false });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'file-not-found', expected: ['data/trade.yaml'] });
  });
});
