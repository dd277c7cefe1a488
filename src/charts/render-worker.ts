/** A worker thread that draws charts: receives { id, chart, style }, answers { id, png } or { id, error }. */
import 'canvas';
import { parentPort } from 'node:worker_threads';
import type { ChartModel } from '../model.js';
import type { ChartStyle } from './config.js';
import type { WorkerReply } from './pool.js';
import { IN_FLIGHT } from './in-flight.js';
import { ChartRenderer } from './render.js';

interface Task {
  id: number;
  chart: ChartModel;
  style: ChartStyle;
}

const renderer = new ChartRenderer();
// chart.js and its plugins load now, before the first chart arrives (see ChartService.prepare).
renderer.warm();
const reply = (msg: WorkerReply) => parentPort!.postMessage(msg);

// The pool hands over several charts at once, so that this thread never waits for the main one
// to answer; drawn here a few at a time, so only those canvases are alive (see IN_FLIGHT).
const waiting: Task[] = [];
let active = 0;
function next(): void {
  while (active < IN_FLIGHT && waiting.length) {
    const task = waiting.shift()!;
    active++;
    // A chart that throws while being drawn is answered with the error, like one that fails to encode.
    Promise.resolve()
      .then(() => renderer.render(task.chart, task.style))
      .then(
        (png) => reply({ id: task.id, png }),
        (e: unknown) => reply({ id: task.id, error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        active--;
        next();
      });
  }
}
parentPort!.on('message', (task: Task) => {
  waiting.push(task);
  next();
});
