import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import { wrapText } from './linebreak.js';
import type { TextMeasurer } from './measure.js';

/** Line pitch as a multiple of the font size; written as exact spacing so every viewer agrees. */
export const LINE_HEIGHT = 1.2;
/**
 * Wrap against a slightly narrower width than the box: PowerPoint's and LibreOffice's
 * shaping differ from Pango's by a percent or so, and a word that just fits here must
 * not wrap there.
 */
export const WIDTH_SAFETY = 0.97;

export interface Block {
  text: string;
  /** Left indent in points (bullets' marL). */
  indent: number;
  bold?: boolean;
  /** Extra space before this paragraph, as a multiple of the font size. */
  spaceBefore?: number;
}

export interface Measured {
  size: number;
  lines: string[][];
  height: number;
  /** A single word wider than the box. */
  brokeWord: boolean;
}

/** Lays out blocks at one size: the lines of each and the total height. */
export function measureBlocks(blocks: readonly Block[], width: number, size: number, m: TextMeasurer): Measured {
  let height = 0;
  let brokeWord = false;
  const lines = blocks.map((b, i) => {
    const r = wrapText(b.text, Math.max(1, (width - b.indent) * WIDTH_SAFETY), (t) => m.width(t, size, b.bold));
    brokeWord ||= r.brokeWord || r.widestWord > (width - b.indent) * WIDTH_SAFETY;
    height += r.lines.length * size * LINE_HEIGHT + (i > 0 ? (b.spaceBefore ?? 0) * size : 0);
    return r.lines;
  });
  return { size, lines, height, brokeWord };
}

export interface FitRequest {
  blocks: readonly Block[];
  width: number;
  height: number;
  size: number;
  minSize: number;
  /** Most lines allowed per block (titles: 2), or undefined for any. */
  maxLines?: number;
}

/**
 * The largest size from `size` down to `minSize` at which the blocks fit the box without
 * breaking a word. Half-point steps: PowerPoint shows sizes to 0.5 pt.
 */
export function fitBlocks(req: FitRequest, m: TextMeasurer): Measured & { fits: boolean } {
  let last: Measured | undefined;
  // A minimum above the starting size means: this size only.
  const minSize = Math.min(req.minSize, req.size);
  for (let size = req.size; size >= minSize - 1e-9; size -= 0.5) {
    const r = measureBlocks(req.blocks, req.width, size, m);
    last = r;
    const linesOk = req.maxLines === undefined || r.lines.every((l) => l.length <= req.maxLines!);
    if (r.height <= req.height + 1e-6 && !r.brokeWord && linesOk) return { ...r, fits: true };
  }
  return { ...(last ?? measureBlocks(req.blocks, req.width, minSize, m)), fits: false };
}

/** Records a shrink in the build's warnings, so a user knows which slides are tight. */
export function noteShrink(what: string, from: number, to: number, at: Span, diagnostics: Diagnostics): void {
  if (to < from)
    diagnostics.warn(
      'text-shrunk',
      `${what} set at ${to} pt instead of ${from} pt to fit`,
      at,
      'shorten the text to keep the theme size',
    );
}
