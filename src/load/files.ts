import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { didYouMean } from '../diagnostics/hints.js';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';

/** Reads a UTF-8 text file; a missing or unreadable file becomes a diagnostic at `at`. */
export function readText(
  path: string,
  shownAs: string,
  diagnostics: Diagnostics,
  at?: Span,
  suggestion?: () => string | undefined,
): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    // A byte-order mark would shift every column by one.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') diagnostics.error('file-not-found', `file not found: ${shownAs}`, at, suggestion?.());
    else if (code === 'EISDIR') diagnostics.error('file-unreadable', `${shownAs} is a folder, not a file`, at);
    else diagnostics.error('file-unreadable', `cannot read ${shownAs} (${code ?? 'unknown error'})`, at);
    return undefined;
  }
}

export function readBytes(path: string, shownAs: string, diagnostics: Diagnostics, at?: Span): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    diagnostics.error(
      code === 'ENOENT' ? 'asset-missing' : 'file-unreadable',
      `${code === 'ENOENT' ? 'file not found' : 'cannot read'}: ${shownAs}`,
      at,
    );
    return undefined;
  }
}

/** "did you mean `data/trade.yaml`?" for a file name that is nearly one in the same folder. */
export function nearMissOf(given: string, path: string): () => string | undefined {
  return () => {
    try {
      const match = didYouMean(basename(path), readdirSync(dirname(path)));
      if (!match) return undefined;
      const name = /`(.*)`/.exec(match)![1]!;
      const folder = given.includes('/') ? given.slice(0, given.lastIndexOf('/') + 1) : '';
      return `did you mean \`${folder}${name}\`?`;
    } catch {
      return undefined;
    }
  };
}
