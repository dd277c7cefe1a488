import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');

/** A throw-away project folder with the given files (path → text), for builds that write to out/. */
export function tempProject(files: Record<string, string> = {}, copyFromRepo: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-test-'));
  for (const rel of copyFromRepo) cpSync(join(REPO, rel), join(dir, rel), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
