import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import type { LayoutStats } from '../model.js';
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
 * The one shrink-to-fit loop: `attempt` at `size`, then half a point smaller each time (PowerPoint
 * shows sizes to 0.5 pt) down to `minSize`, which comes from the theme. Returns the first attempt
 * that fits, else the one at the smallest size. A minimum above the size means: this size only.
 */
export function shrinkToFit<T extends { fits: boolean }>(
  size: number,
  minSize: number,
  attempt: (size: number) => T,
): T & { size: number } {
  const min = Math.min(minSize, size);
  let last = { ...attempt(size), size };
  for (let s = size - 0.5; !last.fits && s >= min - 1e-9; s -= 0.5) last = { ...attempt(s), size: s };
  return last;
}

/** The largest size from `size` down to `minSize` at which the blocks fit the box without breaking a word. */
export function fitBlocks(req: FitRequest, m: TextMeasurer): Measured & { fits: boolean } {
  return shrinkToFit(req.size, req.minSize, (size) => {
    const r = measureBlocks(req.blocks, req.width, size, m);
    const linesOk = req.maxLines === undefined || r.lines.every((l) => l.length <= req.maxLines!);
    return { ...r, fits: r.height <= req.height + 1e-6 && !r.brokeWord && linesOk };
  });
}

/**
 * What layout had to do to make the deck fit, counted here and warned about: the report's
 * counts stay true when an outline ignores the warnings.
 */
export class FitLog {
  readonly stats: LayoutStats = { shrunk: 0, split: 0 };
  /** A text laid out twice (a title on every page of a split slide) is one shrink, as it is one warning. */
  private readonly seen = new Set<string>();
  constructor(private readonly diagnostics: Diagnostics) {}

  /** A text set below its theme size; nothing when it kept its size. */
  shrunk(what: string, from: number, to: number, at: Origin, hint = 'shorten the text to keep the theme size'): void {
    if (to >= from) return;
    const message = `${what} set at ${to} pt instead of ${from} pt to fit`;
    if (this.first('shrunk', message, at)) this.stats.shrunk++;
    this.diagnostics.warn('text-shrunk', message, at, hint);
  }

  /** One slide's content continued over `pages` slides; nothing when it kept to one. */
  split(message: string, pages: number, at: Origin, hint?: string): void {
    if (pages <= 1) return;
    if (this.first('split', message, at)) this.stats.split++;
    this.diagnostics.warn('content-split', message, at, hint);
  }

  private first(kind: string, message: string, at: Origin): boolean {
    const key = JSON.stringify([kind, message, at]);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
