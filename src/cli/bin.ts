#!/usr/bin/env node
import { main } from './main.js';

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
  (e: unknown) => {
    // Only a bug in briefdeck gets here: user mistakes come back as diagnostics.
    process.stderr.write(
      `briefdeck: internal error — please report it with the outline that caused it\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 70;
  },
);
