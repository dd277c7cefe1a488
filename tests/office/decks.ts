import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildInSession, createSession, planDecks } from '../../src/index.js';
import { REPO, tempProject } from '../helpers/project.js';

/** A deck the repository ships: an outline's, or one row's of an outline with `each:`. */
export interface ShippedDeck {
  /** The outline's file name in decks/. */
  outline: string;
  row?: string;
  /** The .pptx it writes. */
  deck: string;
}

const OUTLINES = readdirSync(join(REPO, 'decks'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

async function plan(): Promise<ShippedDeck[]> {
  const session = await createSession({ cwd: REPO, cacheDir: false });
  try {
    const out: ShippedDeck[] = [];
    for (const outline of OUTLINES) {
      const p = await planDecks(`decks/${outline}`, session);
      if (p.failed) throw new Error(`decks/${outline} did not plan: ${JSON.stringify(p.failed.diagnostics)}`);
      for (const d of p.decks) out.push({ outline, deck: d.deckName, ...(d.row === undefined ? {} : { row: d.row }) });
    }
    return out;
  } finally {
    await session.close();
  }
}

/** Every deck shipped in decks/, outlines in file-name order, an `each:` outline's rows in its table's order. */
export const SHIPPED_DECKS: ShippedDeck[] = await plan();

/** Each shipped deck by name: its outline's file name, with `[row]` after it for a deck per row. */
export const SHIPPED = SHIPPED_DECKS.map((d) => (d.row === undefined ? d.outline : `${d.outline} [${d.row}]`));

/**
 * Builds the shipped decks from the repository's own files into a temporary folder and returns
 * the .pptx paths in SHIPPED order. Fails loudly: a deck that does not build is a test failure.
 * `reported`, when given, receives each deck's diagnostics (`code: message`) by SHIPPED name.
 */
export async function buildShipped(
  outDir = join(tempProject(), 'out'),
  reported?: Map<string, string[]>,
): Promise<string[]> {
  const session = await createSession({ cwd: REPO, outDir, cacheDir: join(outDir, '..', 'cache') });
  try {
    const paths: string[] = [];
    for (const d of SHIPPED_DECKS) {
      const r = await buildInSession(`decks/${d.outline}`, session, d.row);
      if (!r.ok) throw new Error(`decks/${d.outline} ${d.row ?? ''} did not build: ${JSON.stringify(r.diagnostics)}`);
      reported?.set(
        SHIPPED[paths.length]!,
        r.diagnostics.map((x) => `${x.code}: ${x.message}`),
      );
      paths.push(join(outDir, d.deck));
    }
    return paths;
  } finally {
    await session.close();
  }
}
