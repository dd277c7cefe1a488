import { registerFont } from 'canvas';
import type { FontFile } from './model.js';

/**
 * canvas keeps one font registry for the whole process (Pango's font map); this set mirrors
 * it so that each file is registered once, however many builds a process runs.
 */
const registered = new Set<string>();

/** Makes a theme's font files available to canvas by the family names the theme gives them. */
export function registerFontFiles(files: readonly FontFile[]): void {
  for (const f of files) {
    const key = `${f.path}|${f.family}|${f.weight}|${f.style}`;
    if (registered.has(key)) continue;
    registerFont(f.path, { family: f.family, weight: f.weight, style: f.style });
    registered.add(key);
  }
}
