import { basename, dirname } from 'node:path';
import type { Diagnostics, DiagnosticExtra } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/hints.js';
import { isHostError, type Host, type InputKind } from '../host/types.js';
import type { Origin } from './origin.js';

/** What to say about a file that is not there: the near miss in its folder, if any. */
export type NearMiss = () => Promise<DiagnosticExtra>;

/** Reads a text input; a missing or unreadable file becomes a diagnostic at `at`. */
export async function readInputText(
  host: Host,
  path: string,
  kind: InputKind,
  shownAs: string,
  diagnostics: Diagnostics,
  at?: Origin,
  nearMiss?: NearMiss,
): Promise<string | undefined> {
  try {
    return await host.readText(path, kind);
  } catch (e) {
    if (!isHostError(e)) throw e;
    if (e.code === 'ENOENT') diagnostics.error('file-not-found', `file not found: ${shownAs}`, at, await nearMiss?.());
    else if (e.code === 'EISDIR') diagnostics.error('file-unreadable', `${shownAs} is a folder, not a file`, at);
    else diagnostics.error('file-unreadable', `cannot read ${shownAs} (${e.code})`, at);
    return undefined;
  }
}

/** Reads a binary input (an image, a font); a missing one is an `asset-missing` diagnostic. */
export async function readInputBytes(
  host: Host,
  path: string,
  kind: InputKind,
  shownAs: string,
  diagnostics: Diagnostics,
  at?: Origin,
): Promise<Buffer | undefined> {
  try {
    return await host.readBytes(path, kind);
  } catch (e) {
    if (!isHostError(e)) throw e;
    const missing = e.code === 'ENOENT';
    diagnostics.error(
      missing ? 'asset-missing' : 'file-unreadable',
      `${missing ? 'file not found' : 'cannot read'}: ${shownAs}`,
      at,
    );
    return undefined;
  }
}

/** "did you mean `data/trade.yaml`?" for a file name that is nearly one in the same folder. */
export function nearMissOf(host: Host, given: string, path: string): NearMiss {
  return async () => {
    try {
      const match = closest(basename(path), await host.list(dirname(path)));
      if (!match) return undefined;
      const folder = given.includes('/') ? given.slice(0, given.lastIndexOf('/') + 1) : '';
      return { expected: [`${folder}${match}`] };
    } catch {
      return undefined;
    }
  };
}
