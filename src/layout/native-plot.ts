import { textWidth } from '../charts/plan.js';
import type { Box } from '../model.js';

/**
 * Where an editable chart's plot area goes when layout fixes it (c:manualLayout, inner: the
 * plot without its tick labels), with room around it for what PowerPoint and LibreOffice draw
 * there themselves. Fixed when something is placed from it: a target line drawn over sideways
 * bars, or an upright axis's title set horizontally above the plot (left by PowerPoint and
 * LibreOffice, a horizontal title beside an axis takes the plot's width in LibreOffice).
 */

export interface NativePlotInput {
  box: Box;
  /** Chart text size, points. */
  size: number;
  title: boolean;
  legend?: { position: 'b' | 't' | 'l' | 'r'; entries: readonly string[] };
  /** Labels beside the left axis (ticks, or the categories of sideways bars). */
  left: readonly string[];
  /** Tick labels of a second axis, on the right. */
  right?: readonly string[];
  /** Labels under the plot: their texts and how many lines they take. */
  bottom: { texts: readonly string[]; lines: number };
  /** A title under the bottom axis's labels. */
  bottomTitle: boolean;
  /** Titles of the upright axes, set above the plot. */
  upright: { left?: string; right?: string };
  /** A label above the plot (a sideways target's). */
  topLabel: boolean;
  /** Text reaching past the plot's right edge (a value label beyond a bar's end, a line's name). */
  pastRight?: string;
}

export interface NativePlot {
  /** Points, within the chart's box. */
  plot: Box;
  /** Fractions of the chart's box. */
  fractions: Box;
  /** Upright titles' top-left corners, fractions of the chart's box. */
  titles: { left?: { x: number; y: number }; right?: { x: number; y: number } };
}

/** Chart edge to text, and text to axis, points. */
export const EDGE = 8;
export const GAP = 6;

export const round5 = (v: number) => Number(v.toFixed(5));

export function nativePlot(input: NativePlotInput): NativePlot {
  const { box, size } = input;
  const line = size * 1.25;
  const widest = (texts: readonly string[]) => Math.max(0, ...texts.map((t) => textWidth(t, size)));
  // The top tick label stands half above the plot; a title above it keeps clear of it.
  const titleRoom = input.upright.left || input.upright.right ? line + line / 2 + GAP : 0;
  let top = EDGE + (input.title ? (size + 2) * 1.3 + GAP : 0) + Math.max(titleRoom, input.topLabel ? line + GAP : 0);
  if (!titleRoom && !input.topLabel) top += line / 2;
  let bottom = EDGE + input.bottom.lines * line + GAP + (input.bottomTitle ? line + GAP : 0);
  let left = EDGE + widest(input.left) + GAP;
  const endTick = widest(input.bottom.texts.slice(-1)) / 2;
  let right =
    EDGE +
    Math.max(
      endTick,
      input.right ? widest(input.right) + GAP : 0,
      input.pastRight ? textWidth(input.pastRight, size) + GAP : 0,
    );
  if (input.legend) {
    const entries = Math.max(0, ...input.legend.entries.map((e) => textWidth(e, size) + size * 2));
    if (input.legend.position === 't') top += line + 10;
    else if (input.legend.position === 'b') bottom += line + 10;
    else if (input.legend.position === 'r') right += entries + 12;
    else left += entries + 12;
  }
  const plot = { x: left, y: top, w: Math.max(40, box.w - left - right), h: Math.max(30, box.h - top - bottom) };
  const fractions = {
    x: round5(plot.x / box.w),
    y: round5(plot.y / box.h),
    w: round5(plot.w / box.w),
    h: round5(plot.h / box.h),
  };
  const titleY = round5((plot.y - line / 2 - GAP - line) / box.h);
  const titles: NativePlot['titles'] = {};
  if (input.upright.left) titles.left = { x: round5((plot.x - widest(input.left) - GAP) / box.w), y: titleY };
  if (input.upright.right) {
    const end = plot.x + plot.w + GAP + widest(input.right ?? []);
    titles.right = { x: round5(Math.max(0, end - textWidth(input.upright.right, size)) / box.w), y: titleY };
  }
  return { plot, fractions, titles };
}
