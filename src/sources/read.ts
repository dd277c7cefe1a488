import { basename, dirname } from 'node:path';
import type { Diagnostics, DiagnosticExtra } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/hints.js';
import { isHostError, type Host, type HostError, type InputKind } from '../host/types.js';
import { limitOption } from '../limits.js';
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
    else reportUnreadable(e, shownAs, diagnostics, at, kind);
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
    if (e.code === 'ENOENT') diagnostics.error('asset-missing', `file not found: ${shownAs}`, at);
    else reportUnreadable(e, shownAs, diagnostics, at, kind);
    return undefined;
  }
}

const megabytes = (n: number) =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A file that is there but that briefdeck will not read: what it is, and what to do. */
export function reportUnreadable(
  e: HostError,
  shownAs: string,
  diagnostics: Diagnostics,
  at?: Origin,
  kind?: InputKind,
): void {
  switch (e.code) {
    case 'EISDIR':
      diagnostics.error('file-unreadable', `${shownAs} is a folder, not a file`, at);
      return;
    case 'ENOTREG':
      diagnostics.error(
        'file-unreadable',
        `${shownAs} is not a regular file (a pipe, device or socket); briefdeck reads only regular files`,
        at,
        'name a file saved on disk',
      );
      return;
    case 'EFBIG':
      diagnostics.error(
        'input-too-large',
        `${shownAs} is ${typeof e.detail === 'number' ? megabytes(e.detail) : 'too large'}, over the size limit for one input file`,
        at,
        `if this file is meant to be read, raise the limit with ${limitOption(kind === 'font' ? 'maxFontBytes' : 'maxInputBytes')}`,
      );
      return;
    case 'EENCODING':
      diagnostics.error(
        'file-encoding',
        `${shownAs} is not UTF-8 text: it looks like ${String(e.detail ?? 'another encoding')}`,
        at,
        'save it as UTF-8 (in Excel: Save As › CSV UTF-8; in an editor: Save with Encoding › UTF-8)',
      );
      return;
    default:
      diagnostics.error('file-unreadable', `cannot read ${shownAs} (${e.code})`, at);
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
