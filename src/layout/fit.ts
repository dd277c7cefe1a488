import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
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
  shrunk(what: string, from: number, to: number, at: Span, hint = 'shorten the text to keep the theme size'): void {
    if (to >= from) return;
    const message = `${what} set at ${to} pt instead of ${from} pt to fit`;
    if (this.first('shrunk', message, at)) this.stats.shrunk++;
    this.diagnostics.warn('text-shrunk', message, at, hint);
  }

  /** One slide's content continued over `pages` slides; nothing when it kept to one. */
  split(message: string, pages: number, at: Span, hint?: string): void {
    if (pages <= 1) return;
    if (this.first('split', message, at)) this.stats.split++;
    this.diagnostics.warn('content-split', message, at, hint);
  }

  private first(kind: string, message: string, at: Span): boolean {
    const key = JSON.stringify([kind, message, at]);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
