import { distance } from 'fastest-levenshtein';

/**
 * The closest known name to a misspelt one, or undefined when nothing is close enough
 * to be a plausible typo (a third of the name's length, at least 1, at most 4 edits).
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.min(4, Math.max(1, Math.floor(name.length / 3)));
  if (best === undefined || bestDistance > limit) {
    // A key given by its last part only (`goods_2024` for `trade.goods_2024`) is a common slip.
    for (const candidate of known) {
      if (candidate.endsWith(`.${name}`)) return candidate;
    }
    return undefined;
  }
  return best;
}

/** The value meant, as data for the diagnostic: the formatter says "did you mean `x`?". */
export function didYouMean(name: string, known: Iterable<string>): { expected: string[] } | undefined {
  const match = closest(name, known);
  return match === undefined ? undefined : { expected: [match] };
}

/** "a, b or c" for a short list of allowed names; the first few and a count otherwise. */
export function listOf(names: readonly string[], max = 8, conjunction: 'or' | 'and' = 'or'): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length > max) return `${quoted.slice(0, max).join(', ')} … (${quoted.length} in all)`;
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
