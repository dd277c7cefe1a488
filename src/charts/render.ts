import { Canvas } from 'canvas';
import type { Plugin } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { registerFontFiles } from '../fonts.js';
import type { ChartModel } from '../model.js';
import { chartConfig, type ChartStyle } from './config.js';
import { placedLabels } from './labels.js';
import type { DroppedLabel } from './plan.js';
import { withUnplaced } from './png-note.js';

interface DrawnChart {
  canvas: Canvas;
  destroy(): void;
}

/** What the drawn chart left out, named as the build reports it. */
function unplacedOf(drawn: unknown, chart: ChartModel): DroppedLabel[] {
  const placed = placedLabels(drawn as Parameters<typeof placedLabels>[0]);
  return (placed?.unplaced ?? []).map((l) => ({
    dataset: chart.datasets[l.dataset]?.label ?? '',
    category: (chart.type === 'scatter' ? chart.pointLabels?.[l.index] : chart.labels[l.index]) ?? '',
    text: l.text,
    reason: 'the picture has no free place for it',
  }));
}

/**
 * Fills the picture with the background colour before anything is drawn. chart.js clears the
 * canvas just before 'beforeDraw' and the annotation and label plugins draw nothing then, so a
 * plain fill on the empty canvas gives the very pixels chartjs-node-canvas's 'destination-over'
 * fill gave, without Cairo compositing each one.
 */
function plainBackground(colour: string): Plugin {
  return {
    id: 'briefdeck-background',
    beforeDraw(chart) {
      const { ctx, canvas } = chart;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.restore();
    },
  };
}

/**
 * Clips the whole drawing away: chart.js lays the chart out and the label plugin places its
 * labels (measuring text as ever), but Cairo paints no pixel. Listed first, so it clips before
 * any other plugin draws, and restores after everything.
 */
const paintNothing: Plugin = {
  id: 'briefdeck-paint-nothing',
  beforeDraw(chart) {
    chart.ctx.save();
    chart.ctx.beginPath();
    chart.ctx.rect(0, 0, 0, 0);
    chart.ctx.clip();
  },
  afterDraw(chart) {
    chart.ctx.restore();
  },
};

type ChartJs = ReturnType<ChartJSNodeCanvas['initialize']>;

/**
 * chartjs-node-canvas loads a fresh copy of chart.js and its plugins for every instance (so
 * that one instance's changes to chart.js's defaults cannot reach another), and it needs an
 * instance per picture size: each new size cost about 25 ms and drew with cold code. briefdeck
 * changes no defaults and registers the same plugins everywhere, so every size shares the
 * first copy.
 */
class SharedChartJsCanvas extends ChartJSNodeCanvas {
  private static shared: ChartJs | undefined;

  constructor(options: ConstructorParameters<typeof ChartJSNodeCanvas>[0]) {
    super(options);
    // Pictures are opaque (plainBackground fills every pixel): a canvas without an alpha channel
    // encodes a quarter fewer bytes into a PNG 12 % smaller, the pixels unchanged.
    const create = this._createCanvas;
    (this as unknown as { _createCanvas: typeof create })._createCanvas = (width, height, type) => {
      const canvas = create(width, height, type);
      canvas.getContext('2d', { pixelFormat: 'RGB24' });
      return canvas;
    };
  }

  protected override initialize(options: ConstructorParameters<typeof ChartJSNodeCanvas>[0]): ChartJs {
    SharedChartJsCanvas.shared ??= super.initialize(options);
    return SharedChartJsCanvas.shared;
  }
}

/**
 * zlib's level for the pictures. Encoding dominated drawing at the default level 6: for the ten
 * full-width charts of the benchmark's 30-slide deck, 330 ms of encoding against 210 ms of
 * drawing; level 3 takes 120 ms, for PNGs 41 % larger (970 KB against 686 KB for the ten;
 * levels 1-3 share zlib's fast matcher and differ by under 3 %).
 */
export const PNG_COMPRESSION_LEVEL = 3;

const PLUGINS = { modern: ['chartjs-plugin-datalabels', 'chartjs-plugin-annotation'] };

/**
 * Draws charts with chart.js through chartjs-node-canvas: the only module that imports it.
 * One renderer per session, with an instance per picture size, all on one copy of chart.js.
 */
export class ChartRenderer {
  private readonly instances = new Map<string, ChartJSNodeCanvas>();

  /** Loads chart.js and its plugins now (a worker does, while the main thread reads the outline). */
  warm(): void {
    new SharedChartJsCanvas({ width: 8, height: 8, plugins: PLUGINS });
  }

  private instance(style: ChartStyle): ChartJSNodeCanvas {
    const key = `${style.width}x${style.height}`;
    let instance = this.instances.get(key);
    if (!instance) {
      // No backgroundColour: its plugin paints with 'destination-over', which Cairo blends pixel
      // by pixel (14-26 ms a chart); plainBackground fills the same colour in 5-9 ms.
      instance = new SharedChartJsCanvas({ width: style.width, height: style.height, plugins: PLUGINS });
      this.instances.set(key, instance);
    }
    return instance;
  }

  /**
   * The labels the picture would leave out, found by laying the chart out and drawing it exactly
   * as render does, without the PNG encoding (two thirds of a picture's time): for `check`.
   */
  unplaced(chart: ChartModel, style: ChartStyle): DroppedLabel[] {
    registerFontFiles(style.fontFiles);
    const config = chartConfig(chart, style);
    // Layout and placement run as for the picture; painting is clipped away (no background either).
    config.plugins = [paintNothing, ...(config.plugins ?? [])];
    const draw = (this.instance(style) as unknown as { renderChart: (c: unknown) => DrawnChart }).renderChart;
    const drawn = draw.call(this.instance(style), config);
    try {
      return unplacedOf(drawn, chart);
    } finally {
      drawn.destroy();
    }
  }

  /** A PNG of the chart at style.density times its CSS size. */
  render(chart: ChartModel, style: ChartStyle): Promise<Buffer> {
    // chartjs-node-canvas mutates the configuration: build a fresh one per render.
    registerFontFiles(style.fontFiles);
    const config = chartConfig(chart, style);
    config.plugins = [...(config.plugins ?? []), plainBackground(`#${style.palette.background}`)];
    const instance = this.instance(style);
    // renderToBuffer encodes with PNG row filters, which cost twice the time for flat chart
    // graphics and make bigger files; draw with its renderChart and encode without them.
    const draw = (instance as unknown as { renderChart?: (c: unknown) => DrawnChart }).renderChart;
    if (typeof draw !== 'function') return instance.renderToBuffer(config, 'image/png');
    const drawn = draw.call(instance, config);
    const unplaced = unplacedOf(drawn, chart);
    return new Promise((resolve, reject) => {
      drawn.canvas.toBuffer(
        (error, buffer) => {
          drawn.destroy();
          if (error) reject(error);
          else resolve(withUnplaced(buffer, unplaced));
        },
        'image/png',
        { filters: Canvas.PNG_FILTER_NONE, compressionLevel: PNG_COMPRESSION_LEVEL },
      );
    });
  }
}
