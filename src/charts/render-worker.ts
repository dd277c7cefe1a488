/** A worker thread that draws charts: receives { id, chart, style }, answers { id, png } or { id, error }. */
import 'canvas';
import { parentPort } from 'node:worker_threads';
import type { ChartModel } from '../model.js';
import type { ChartStyle } from './config.js';
import type { WorkerReply } from './pool.js';
import { ChartRenderer } from './render.js';

const renderer = new ChartRenderer();
const reply = (msg: WorkerReply) => parentPort!.postMessage(msg);
parentPort!.on('message', (task: { id: number; chart: ChartModel; style: ChartStyle }) => {
  renderer.render(task.chart, task.style).then(
    (png) => reply({ id: task.id, png }),
    (e: unknown) => reply({ id: task.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
