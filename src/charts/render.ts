import { Canvas } from 'canvas';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { registerFontFiles } from '../fonts.js';
import type { ChartModel } from '../model.js';
import { chartConfig, type ChartStyle } from './config.js';

interface DrawnChart {
  canvas: Canvas;
  destroy(): void;
}

/**
 * Draws charts with chart.js through chartjs-node-canvas: the only module that imports it.
 * One renderer per build; it keeps one chart.js instance per picture size, since each
 * instance loads its own copy of chart.js.
 */
export class ChartRenderer {
  private readonly instances = new Map<string, ChartJSNodeCanvas>();

  private instance(style: ChartStyle): ChartJSNodeCanvas {
    const key = `${style.width}x${style.height}|${style.palette.background}`;
    let instance = this.instances.get(key);
    if (!instance) {
      instance = new ChartJSNodeCanvas({
        width: style.width,
        height: style.height,
        backgroundColour: `#${style.palette.background}`,
        plugins: { modern: ['chartjs-plugin-datalabels', 'chartjs-plugin-annotation'] },
      });
      this.instances.set(key, instance);
    }
    return instance;
  }

  /** A PNG of the chart at style.density times its CSS size. */
  render(chart: ChartModel, style: ChartStyle): Promise<Buffer> {
    // chartjs-node-canvas mutates the configuration: build a fresh one per render.
    registerFontFiles(style.fontFiles);
    const config = chartConfig(chart, style);
    const instance = this.instance(style);
    // renderToBuffer encodes with PNG row filters, which cost twice the time for flat chart
    // graphics and make bigger files; draw with its renderChart and encode without them.
    const draw = (instance as unknown as { renderChart?: (c: unknown) => DrawnChart }).renderChart;
    if (typeof draw !== 'function') return instance.renderToBuffer(config, 'image/png');
    const drawn = draw.call(instance, config);
    return new Promise((resolve, reject) => {
      drawn.canvas.toBuffer(
        (error, buffer) => {
          drawn.destroy();
          if (error) reject(error);
          else resolve(buffer);
        },
        'image/png',
        { filters: Canvas.PNG_FILTER_NONE },
      );
    });
  }
}
