import type { Chart, Plugin } from 'chart.js';

/**
 * Titles of upright axes, set horizontally above the plot: the left axis's at its top-left, a
 * second axis's at its top-right. chart.js turns an upright axis's title on its side, which is
 * hard to read and wrong for Chinese ("较2020年增长（%）" read sideways); a horizontal axis keeps
 * chart.js's title, centred under its labels. The editable chart places its titles by the same rule.
 */

export interface UprightTitles {
  /** Title of the left axis (`y`). */
  left?: string;
  /** Title of the second axis (`y2`), on the right. */
  right?: string;
  font: { family: string; size: number };
  colour: string;
}

/** Room between the title's foot and the plot's top, CSS px: the top tick label stands half above the plot. */
export const titleGap = (size: number) => Math.round(size * 0.6) + 4;

export const titleLineHeight = (size: number) => Math.round(size * 1.25);

/** A layout box between the legend and the plot (chart.js puts lower weights nearer the plot). */
export function axisTitlePlugin(titles: UprightTitles): Plugin {
  const gap = titleGap(titles.font.size);
  const height = titleLineHeight(titles.font.size) + gap;
  return {
    id: 'briefdeckAxisTitles',
    beforeInit(chart: Chart) {
      if (!titles.left && !titles.right) return;
      const draw = () => {
        const ctx = chart.ctx;
        ctx.save();
        ctx.font = `${titles.font.size}px ${titles.font.family}`;
        ctx.fillStyle = `#${titles.colour}`;
        ctx.textBaseline = 'bottom';
        const foot = box.bottom - gap;
        const left = chart.scales.y;
        const right = chart.scales.y2;
        if (titles.left && left) {
          ctx.textAlign = 'left';
          ctx.fillText(titles.left, left.left, foot);
        }
        if (titles.right && right) {
          ctx.textAlign = 'right';
          ctx.fillText(titles.right, right.right, foot);
        }
        ctx.restore();
      };
      const box = {
        position: 'top' as const,
        weight: 100,
        fullSize: false,
        top: 0,
        left: 0,
        bottom: 0,
        right: 0,
        width: 0,
        height: 0,
        options: {},
        isHorizontal: () => true,
        update(maxWidth: number) {
          box.width = maxWidth;
          box.height = height;
          return { width: box.width, height: box.height };
        },
        draw,
        // What chart.js's layouts.addBox gives a box (importing chart.js here would load it
        // wherever layout reads the chart config).
        _layers: () => [{ z: 0, draw }],
      };
      const holder = chart as unknown as { boxes?: unknown[] };
      (holder.boxes ??= []).push(box);
    },
  };
}
