import { main, type Io } from '../../src/cli/main.js';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in `cwd`, capturing what it prints. */
export async function run(argv: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, cwd };
  const code = await main(argv, io);
  return { code, out, err };
}

export interface JsonDeck {
  outline: string;
  deck: string;
  status: 'built' | 'unchanged' | 'failed';
  reasons: string[];
  changes?: {
    values: { name: string; key: string; before?: string; after?: string; slides: number[] }[];
    slidesAdded: { slide: number; label: string }[];
    slidesRemoved: { slide: number; label: string }[];
  };
}

/** `build --format json`, and the decks it reports. */
export async function buildJson(
  args: string[],
  cwd: string,
): Promise<{ code: number; decks: JsonDeck[]; err: string }> {
  const r = await run(['build', ...args, '--format', 'json', '--no-cache'], cwd);
  const decks = r.out ? (JSON.parse(r.out) as { decks: JsonDeck[] }).decks : [];
  return { code: r.code, decks, err: r.err };
}

/** Deck name → status, for short assertions. */
export const statuses = (decks: JsonDeck[]) => Object.fromEntries(decks.map((d) => [d.deck, d.status]));
