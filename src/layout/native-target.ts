import type { AxisRange } from '../charts/axes.js';
import { textWidth } from '../charts/plan.js';
import type { Box, NativeDrawnTarget, Typeface } from '../model.js';
import { GAP, round5, type NativePlot } from './native-plot.js';

/**
 * A target across sideways bars in an editable chart. PowerPoint draws a scatter series on
 * secondary axes upright over horizontal bars, LibreOffice turns it with the bars (and a line
 * series the other way round), so no series draws it alike in both. Instead the plot area gets
 * a fixed place in the chart (c:manualLayout, inner) and the line is drawn in the chart's own
 * drawing (c:userShapes) at the target's place on the value axis as written: both keep it there
 * when the chart is moved or resized; a rescaled axis or a changed target leaves it behind,
 * which its description says.
 */

export interface SidewaysTargetInput {
  box: Box;
  /** The plot area as layout fixed it (native-plot.ts). */
  plot: NativePlot;
  /** The value axis as written (its c:min, c:max). */
  axis: AxisRange;
  /** The target, in the axis's units. */
  value: number;
  label: string;
  /** Chart text size, points. */
  size: number;
  face: Typeface;
  lang: string;
  color: string;
  /** The line's description: `{target}`, `{min}`, `{max}` filled in here. */
  description: string;
  tick: (v: number) => string;
}

/** Width of the drawn line, points (the target series' width elsewhere). */
const LINE = 2;

/**
 * The drawn target, in fractions of the chart's box: the line stands at
 * plot-left + (value − min) / (max − min) × plot-width, from the label's foot to the plot's bottom.
 */
export function sidewaysTarget(input: SidewaysTargetInput): NativeDrawnTarget {
  const { box, axis, size } = input;
  const { plot, fractions: plotArea } = input.plot;
  const share = (Math.min(Math.max(input.value, axis.min), axis.max) - axis.min) / (axis.max - axis.min);
  // From the plot area as written, so that the line is where the axis puts the value.
  const at = round5(plotArea.x + share * plotArea.w);
  const x = at * box.w;
  const labelH = size * 1.25;
  const labelW = textWidth(input.label, size) + 4;
  // Centred on the line, moved in where the chart's edge would cut it.
  const labelX = Math.min(Math.max(x - labelW / 2, 0), box.w - labelW);
  const labelY = plot.y - GAP - labelH;
  const description = input.description
    .replace('{target}', () => input.label)
    .replace('{min}', () => input.tick(axis.min))
    .replace('{max}', () => input.tick(axis.max));
  return {
    x: at,
    top: round5((plot.y - GAP / 2) / box.h),
    bottom: round5(plotArea.y + plotArea.h),
    color: input.color,
    width: LINE,
    label: {
      x: round5(labelX / box.w),
      y: round5(labelY / box.h),
      w: round5(labelW / box.w),
      h: round5(labelH / box.h),
      text: input.label,
      font: input.face,
      size,
      color: input.color,
      lang: input.lang,
    },
    description,
  };
}
