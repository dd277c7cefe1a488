#!/usr/bin/env node
import { main } from './main.js';

const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  color,
  progress: Boolean(process.stderr.isTTY),
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
