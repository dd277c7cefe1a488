import type { AxisRange } from '../charts/axes.js';
import { textWidth } from '../charts/plan.js';
import type { Box, NativeDrawnTarget, Typeface } from '../model.js';

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
  /** Category names, beside the value axis. */
  categories: readonly string[];
  /** Tick labels at the axis ends, and the widest value label (beyond a bar's end). */
  ticks: readonly string[];
  widestValue: string;
  title: boolean;
  valueTitle: boolean;
  categoryTitle: boolean;
  legend?: { position: 'b' | 't' | 'l' | 'r'; entries: readonly string[] };
  /** The line's description: `{target}`, `{min}`, `{max}` filled in here. */
  description: string;
  tick: (v: number) => string;
}

/** Space around the plot, points: chart edge to text, text to axis. */
const EDGE = 8;
const GAP = 6;
/** Width of the drawn line, points (the target series' width elsewhere). */
const LINE = 2;

const round = (v: number) => Number(v.toFixed(5));

/**
 * The plot area in points within the chart's box, with room around it for what PowerPoint and
 * LibreOffice draw there themselves: category names left, tick labels and the value axis's title
 * below, the chart's title and the target's label above, the legend on its side.
 */
export function sidewaysPlot(input: SidewaysTargetInput): Box {
  const { box, size } = input;
  const line = size * 1.25;
  let top = EDGE + (input.title ? (size + 2) * 1.3 + GAP : 0) + line + GAP;
  let bottom = EDGE + line + GAP + (input.valueTitle ? line + GAP : 0);
  let left =
    EDGE +
    Math.max(0, ...input.categories.map((c) => textWidth(c, size))) +
    GAP +
    (input.categoryTitle ? line + GAP : 0);
  const endTick = textWidth(input.ticks[input.ticks.length - 1] ?? '', size) / 2;
  let right = EDGE + Math.max(endTick, textWidth(input.widestValue, size) + GAP);
  if (input.legend) {
    const widest = Math.max(0, ...input.legend.entries.map((e) => textWidth(e, size) + size * 2));
    if (input.legend.position === 't') top += line + 10;
    else if (input.legend.position === 'b') bottom += line + 10;
    else if (input.legend.position === 'r') right += widest + 12;
    else left += widest + 12;
  }
  const w = Math.max(40, box.w - left - right);
  const h = Math.max(30, box.h - top - bottom);
  return { x: left, y: top, w, h };
}

/**
 * The plot area and the drawn target, in fractions of the chart's box: the line stands at
 * plot-left + (value − min) / (max − min) × plot-width, from the label's foot to the plot's bottom.
 */
export function sidewaysTarget(input: SidewaysTargetInput): { plotArea: Box; drawnTarget: NativeDrawnTarget } {
  const { box, axis, size } = input;
  const plot = sidewaysPlot(input);
  const plotArea = {
    x: round(plot.x / box.w),
    y: round(plot.y / box.h),
    w: round(plot.w / box.w),
    h: round(plot.h / box.h),
  };
  const share = (Math.min(Math.max(input.value, axis.min), axis.max) - axis.min) / (axis.max - axis.min);
  // From the plot area as written, so that the line is where the axis puts the value.
  const at = round(plotArea.x + share * plotArea.w);
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
    plotArea,
    drawnTarget: {
      x: at,
      top: round((plot.y - GAP / 2) / box.h),
      bottom: round(plotArea.y + plotArea.h),
      color: input.color,
      width: LINE,
      label: {
        x: round(labelX / box.w),
        y: round(labelY / box.h),
        w: round(labelW / box.w),
        h: round(labelH / box.h),
        text: input.label,
        font: input.face,
        size,
        color: input.color,
        lang: input.lang,
      },
      description,
    },
  };
}
