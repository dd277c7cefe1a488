// canvas must be loaded in the main thread before any worker that loads it exits, or
// canvas 3.2.3 crashes the process (see shared/design/library-notes.md).
import 'canvas';
import { Worker } from 'node:worker_threads';
import type { ChartModel } from '../model.js';
import type { ChartStyle } from './config.js';

/** A chart a worker could not draw: it answered with an error, or died while drawing and again on the retry. */
export class ChartWorkerError extends Error {}

interface Task {
  id: number;
  chart: ChartModel;
  style: ChartStyle;
  /** Workers that took this task and died before answering. */
  attempts: number;
  resolve: (png: Buffer) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks handed to this worker and not yet answered, by id. */
  tasks: Map<number, Task>;
  error?: Error;
}

export interface WorkerReply {
  id: number;
  png?: Uint8Array;
  error?: string;
}

/**
 * Worker threads drawing charts, kept for as long as their owner (a build, or a session's
 * batch of builds). Replies are matched to tasks by id. A worker that dies (a crash, an
 * exit, a terminate) hands its unanswered tasks back to the queue once, then fails them,
 * and is replaced while there is work: a task never waits on a worker that is gone.
 */
export class ChartWorkerPool {
  /**
   * Tasks each worker holds at once: more than it draws at once (IN_FLIGHT), so that it has the
   * next chart at hand when one is done, instead of waiting for this thread, which may be busy
   * writing the deck, to hand it over.
   */
  static readonly TASKS_PER_WORKER = 8;
  /** Workers a task may outlive: the first death may be bad luck, the second is the chart. */
  static readonly MAX_ATTEMPTS = 2;

  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  /**
   * @param script the worker module (compiled JavaScript: see workerScript in index.ts)
   * @param onTask called as each task is handed to a worker: a hook for tests that kill workers mid-render
   */
  constructor(
    private size: number,
    private readonly script: string,
    private readonly onTask?: (worker: Worker, taskId: number) => void,
  ) {}

  /** Lets the pool start up to `size` workers (never fewer than it may already). */
  grow(size: number): void {
    this.size = Math.max(this.size, size);
  }

  get threads(): number {
    return this.slots.size;
  }

  /** Starts a worker now, if none is running: it loads its modules while the caller does other work. */
  warm(): void {
    if (this.closed || this.slots.size) return;
    // Idle, it must not keep the process alive should its owner forget to close the pool.
    this.spawn().worker.unref();
  }

  render(chart: ChartModel, style: ChartStyle): Promise<Buffer> {
    if (this.closed) return Promise.reject(new ChartWorkerError('the chart worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, chart, style, attempts: 0, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script), tasks: new Map() };
    this.slots.add(slot);
    slot.worker.on('message', (msg: WorkerReply) => {
      const task = slot.tasks.get(msg.id);
      if (!task) return;
      slot.tasks.delete(msg.id);
      // An idle worker does not keep the process alive, should its owner forget to close the pool.
      if (!slot.tasks.size) slot.worker.unref();
      if (msg.png) task.resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
      else task.reject(new ChartWorkerError(msg.error ?? 'the chart worker failed without saying why'));
      this.dispatch();
    });
    // 'exit' always follows 'error': keep the reason for it.
    slot.worker.on('error', (e) => (slot.error = e));
    slot.worker.on('exit', (code) => this.lost(slot, code));
    return slot;
  }

  /** A worker is gone: its tasks go back to the queue (or fail), and another worker takes its place. */
  private lost(slot: Slot, code: number): void {
    this.slots.delete(slot);
    const why = slot.error ? `failed: ${slot.error.message}` : `stopped (exit code ${code})`;
    for (const task of slot.tasks.values()) {
      task.attempts++;
      if (this.closed) task.reject(new ChartWorkerError('the chart worker pool was closed while drawing'));
      else if (task.attempts >= ChartWorkerPool.MAX_ATTEMPTS)
        task.reject(new ChartWorkerError(`the chart worker ${why} while drawing this chart`));
      else this.queue.unshift(task);
    }
    slot.tasks.clear();
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length) {
      // The least busy worker, unless a new one may be started and every worker has work.
      const least = [...this.slots].sort((a, b) => a.tasks.size - b.tasks.size)[0];
      const slot =
        least && (least.tasks.size === 0 || this.slots.size >= this.size)
          ? least
          : this.slots.size < this.size
            ? this.spawn()
            : undefined;
      if (!slot || slot.tasks.size >= ChartWorkerPool.TASKS_PER_WORKER) return;
      const task = this.queue.shift()!;
      slot.tasks.set(task.id, task);
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, chart: task.chart, style: task.style });
      this.onTask?.(slot.worker, task.id);
    }
  }

  /** Stops every worker; tasks still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ChartWorkerError('the chart worker pool was closed'));
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
  }
}
