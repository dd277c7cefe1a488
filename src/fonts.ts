import { createRequire } from 'node:module';
import type * as Canvas from 'canvas';
import type { FontFile } from './model.js';

let canvas: typeof Canvas | undefined;

/**
 * node-canvas, loaded on first use: its native library (Cairo, Pango, fontconfig) costs start-up
 * time that a command which neither lays out nor draws (an unchanged rebuild, `check` of a
 * broken outline, `--version`) should not pay. Synchronous, so measuring stays synchronous.
 */
export function canvasModule(): typeof Canvas {
  canvas ??= createRequire(import.meta.url)('canvas') as typeof Canvas;
  return canvas;
}

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
    canvasModule().registerFont(f.path, { family: f.family, weight: f.weight, style: f.style });
    registered.add(key);
  }
}
