import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import type { CompileResult } from '../../src/index.js';

/** A one-slide outline with the given top-level lines added. */
export function outline(extra = '', slide = '{ type: quote, quote: Q, title: T }'): string {
  return `title: T\n${extra}sections:\n  - title: S\n    slides:\n      - ${slide}\n`;
}

/** Everything a user would read about a result: the formatted diagnostics, code frames included. */
export function printed(r: Pick<CompileResult, 'diagnostics' | 'texts'>): string {
  return formatDiagnostics(r.diagnostics, { color: false, sources: r.texts });
}

/** Every file under `dir` with its size and modification time, to prove nothing else was written. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const s = statSync(path, { throwIfNoEntry: false });
      if (!s) continue;
      if (s.isDirectory()) walk(path);
      else out.set(relative(dir, path), `${s.size}:${s.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}
