/** A worker thread that draws charts: receives { id, chart, style }, answers { id, png } or { id, error }. */
import 'canvas';
import { parentPort } from 'node:worker_threads';
import type { ChartModel } from '../model.js';
import type { ChartStyle } from './config.js';
import { ChartRenderer } from './render.js';

const renderer = new ChartRenderer();
parentPort!.on('message', (task: { id: number; chart: ChartModel; style: ChartStyle }) => {
  renderer.render(task.chart, task.style).then(
    (png) => parentPort!.postMessage({ id: task.id, png }),
    (e: unknown) => parentPort!.postMessage({ id: task.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
