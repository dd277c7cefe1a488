// The floor for `npm run bench`: the least a deck builder must do to make the same deck.
// Reads the slides briefdeck laid out (written by bench.mjs as JSON), draws the same chart.js
// configurations at the same pixel sizes (all started together, PNGs encoded on libuv's pool
// without row filters), writes the same texts, tables and pictures with pptxgenjs, and saves
// the file. No outline, no data, no layout, no cache, no post-processing. Its PNGs are compressed
// at briefdeck's level, so that a smaller or larger file is never counted as speed.
//
//   node scripts/bench-floor.mjs <slides.json> <out.pptx>
import { readFileSync, writeFileSync } from 'node:fs';
import { Canvas, registerFont } from 'canvas';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import PptxGenJS from 'pptxgenjs';
import { chartConfig } from '../dist/charts/config.js';
import { PNG_COMPRESSION_LEVEL } from '../dist/charts/render.js';

const [input, output] = process.argv.slice(2);
const deck = JSON.parse(readFileSync(input, 'utf8'));
const inch = (pt) => pt / 72;
const geometry = (b) => ({ x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) });

const fonts = new Set();
const instances = new Map();
function draw({ chart, style }) {
  for (const f of style.fontFiles) {
    if (fonts.has(f.path)) continue;
    registerFont(f.path, { family: f.family, weight: f.weight, style: f.style });
    fonts.add(f.path);
  }
  const size = `${style.width}x${style.height}`;
  if (!instances.has(size))
    instances.set(
      size,
      new ChartJSNodeCanvas({
        width: style.width,
        height: style.height,
        backgroundColour: `#${style.palette.background}`,
        plugins: { modern: ['chartjs-plugin-datalabels', 'chartjs-plugin-annotation'] },
      }),
    );
  const drawn = instances.get(size).renderChart(chartConfig(chart, style));
  return new Promise((resolve, reject) =>
    drawn.canvas.toBuffer(
      (error, png) => {
        drawn.destroy();
        if (error) reject(error);
        else resolve(png);
      },
      'image/png',
      { filters: Canvas.PNG_FILTER_NONE, compressionLevel: PNG_COMPRESSION_LEVEL },
    ),
  );
}

// Every picture started at once; drawing is synchronous, encoding overlaps on the pool.
const charts = deck.slides.flatMap((s) => s.elements.filter((e) => e.kind === 'chart'));
const pngs = new Map(await Promise.all(charts.map(async (e) => [e, await draw(e)])));

const pptx = new PptxGenJS();
pptx.defineLayout({ name: 'FLOOR', width: inch(deck.width), height: inch(deck.height) });
pptx.layout = 'FLOOR';
for (const s of deck.slides) {
  const slide = pptx.addSlide();
  for (const e of s.elements) {
    if (e.kind === 'text') slide.addText(e.text, { ...geometry(e.box), fontSize: e.size, fontFace: e.face });
    else if (e.kind === 'table')
      slide.addTable(
        e.rows.map((r) => r.map((text) => ({ text }))),
        { ...geometry(e.box), fontSize: e.size },
      );
    else if (e.kind === 'picture') slide.addImage({ ...geometry(e.box), data: `image/png;base64,${e.data}` });
    else if (e.kind === 'native')
      slide.addChart(
        pptx.ChartType.bar,
        e.series.map((d) => ({ name: d.name, labels: d.labels ?? [], values: d.values })),
        geometry(e.box),
      );
    else if (e.kind === 'chart')
      slide.addImage({ ...geometry(e.box), data: `image/png;base64,${pngs.get(e).toString('base64')}` });
  }
  if (s.notes) slide.addNotes(s.notes);
}
writeFileSync(output, await pptx.write({ outputType: 'nodebuffer' }));
