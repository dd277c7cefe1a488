#!/usr/bin/env node
// First: V8's tiering is set before any other module's code runs.
import './tiering.js';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';

export const EXIT_BUG = 70;

/**
 * stdout or stderr gone (a closed pipe: `briefdeck … | head`; a full device): there is no one
 * left to tell, and the files are written or not as they would be. End quietly, with the code
 * a shell expects, instead of an unhandled 'error' event and a stack trace.
 */
function endOnStreamError(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    process.exitCode = e.code === 'EPIPE' ? 141 : 74;
    process.exit();
  });
}
endOnStreamError(process.stdout);
endOnStreamError(process.stderr);

/** Saves the full trace of a bug where the user can attach it to a report; the path, or undefined. */
function saveTrace(e: unknown): string | undefined {
  const path = join(tmpdir(), `briefdeck-crash-${process.pid}-${Date.now().toString(36)}.txt`);
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    writeFileSync(
      path,
      `briefdeck internal error\nargs: ${JSON.stringify(process.argv.slice(2))}\ncwd: ${process.cwd()}\nnode: ${process.version}\n\n${detail}\n`,
      { mode: 0o600 },
    );
    return path;
  } catch {
    return undefined;
  }
}

function reportBug(e: unknown): void {
  const path = saveTrace(e);
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
  process.stderr.write(
    `briefdeck: internal error (a bug in briefdeck, not in your files): ${first}; ${path ? `full trace saved to ${path}` : 'the trace could not be saved'} — please report it with the outline that caused it\n`,
  );
  process.exitCode = EXIT_BUG;
}

process.on('uncaughtException', (e) => {
  reportBug(e);
  process.exit();
});

const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
// Ctrl-C ends `watch` cleanly (its watchers closed, exit code 0), and a second one at once;
// other commands keep Node's own Ctrl-C.
const stop = new AbortController();
if (process.argv[2] === 'watch') {
  process.once('SIGINT', () => {
    stop.abort();
    process.once('SIGINT', () => process.exit(130));
  });
}
main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  color,
  progress: Boolean(process.stderr.isTTY),
  stop: stop.signal,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  // Only a bug in briefdeck gets here: user mistakes come back as diagnostics.
  reportBug,
);
