// canvas must be loaded in the main thread before any worker that loads it exits, or
// canvas 3.2.3 crashes the process (see shared/design/library-notes.md).
import 'canvas';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartModel } from '../model.js';
import type { ChartStyle } from './config.js';

interface Task {
  id: number;
  chart: ChartModel;
  style: ChartStyle;
  resolve: (png: Buffer) => void;
  reject: (e: Error) => void;
}

/** The compiled worker script; running from source (tests), the compiled copy in dist/. */
export function workerScript(): string | undefined {
  const candidates = import.meta.url.endsWith('.ts') ? ['../../dist/charts/render-worker.js'] : ['./render-worker.js'];
  for (const c of candidates) {
    const path = fileURLToPath(new URL(c, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** A fixed set of worker threads drawing charts; one per build, closed when the build ends. */
export class ChartWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 0;

  constructor(size: number, script: string) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
        const task = this.busy.get(worker);
        this.busy.delete(worker);
        if (task) {
          if (msg.png) task.resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
          else task.reject(new Error(msg.error ?? 'chart worker failed'));
        }
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on('error', (e) => {
        const task = this.busy.get(worker);
        this.busy.delete(worker);
        task?.reject(e);
      });
      this.idle.push(worker);
    }
  }

  render(chart: ChartModel, style: ChartStyle): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, chart, style, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage({ id: task.id, chart: task.chart, style: task.style });
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }
}
