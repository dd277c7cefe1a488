import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartService } from '../../src/charts/index.js';
import { chartStyleFor } from '../../src/charts/config.js';
import { ChartWorkerError, ChartWorkerPool } from '../../src/charts/pool.js';
import { buildInSession, createSession } from '../../src/index.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { barChart } from '../helpers/charts.js';
import { REPO, tempProject } from '../helpers/project.js';

/** Worker threads that die mid-render: the build must end, with a diagnostic or with the same deck. */

const services: ChartService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

function service(options: ConstructorParameters<typeof ChartService>[0]): ChartService {
  const s = new ChartService(options);
  services.push(s);
  return s;
}

function galleryProject(): string {
  return tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);
}

async function build(project: string, charts: ChartService, out = 'out') {
  const session = await createSession({ cwd: project, outDir: join(project, out) }, { charts });
  return buildInSession('decks/chart-gallery.yaml', session);
}

describe('a chart worker killed mid-render', () => {
  it('ends the build with chart-render-failed diagnostics, and no deck, when every worker dies', async () => {
    const project = galleryProject();
    let killed = 0;
    const charts = service({
      workers: 2,
      onWorkerTask: (worker) => {
        killed++;
        void worker.terminate();
      },
    });
    const result = await build(project, charts);
    expect(result.ok).toBe(false);
    const failed = result.diagnostics.filter((d) => d.code === 'chart-render-failed');
    // The gallery draws 16 different pictures; each is tried by two workers before it fails.
    expect(failed).toHaveLength(16);
    expect(killed).toBe(32);
    expect(failed[0]!.message).toMatch(
      /^the chart on slide \d+ could not be drawn: the chart worker stopped \(exit code \d+\) while drawing/,
    );
    expect(failed[0]!.at).toMatchObject({ file: 'decks/chart-gallery.yaml' });
    expect(existsSync(join(project, 'out', 'chart-gallery.pptx'))).toBe(false);
  });

  it('retries the chart on a new worker when one dies, and writes the same deck as an undisturbed build', async () => {
    const project = galleryProject();
    const threads = new Set<number>();
    let tasks = 0;
    const charts = service({
      workers: 2,
      onWorkerTask: (worker) => {
        threads.add(worker.threadId);
        if (tasks++ === 0) void worker.terminate();
      },
    });
    const result = await build(project, charts);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.report.charts.rendered).toBe(16);
    // 16 pictures plus those the dying worker held (it takes a second before its exit is seen); it was replaced.
    expect(tasks).toBeGreaterThan(16);
    expect(tasks).toBeLessThanOrEqual(16 + ChartWorkerPool.TASKS_PER_WORKER);
    expect(threads.size).toBe(3);

    const undisturbed = await build(project, service({ workers: 0 }), 'plain');
    expect(undisturbed.ok).toBe(true);
    expect(readFileSync(join(project, 'out', 'chart-gallery.pptx'))).toEqual(
      readFileSync(join(project, 'plain', 'chart-gallery.pptx')),
    );
    // Two builds of the 16-chart gallery, one with a worker lost: on a loaded 2-core machine over a minute.
  }, 150_000);
});

describe('a chart service kept across builds', () => {
  it('draws a second deck with the workers started for the first', async () => {
    const project = galleryProject();
    const threads: number[][] = [[], []];
    let build_ = 0;
    const charts = service({ workers: 2, onWorkerTask: (worker) => threads[build_]!.push(worker.threadId) });
    expect((await build(project, charts, 'a')).ok).toBe(true);
    build_ = 1;
    expect((await build(project, charts, 'b')).ok).toBe(true);
    expect(threads[0]).toHaveLength(16);
    expect(threads[1]).toHaveLength(16);
    expect(new Set(threads[1])).toEqual(new Set(threads[0]));
    expect(readFileSync(join(project, 'a', 'chart-gallery.pptx'))).toEqual(
      readFileSync(join(project, 'b', 'chart-gallery.pptx')),
    );
  });
});

describe('ChartWorkerPool', () => {
  const chart = barChart;
  const script = join(REPO, 'dist', 'charts', 'render-worker.js');

  it('hands each reply to the task it answers, however the replies are ordered', async () => {
    const pool = new ChartWorkerPool(1, script);
    try {
      // One worker holding a large and a small picture at once: the small one may well finish first.
      const sizes = [
        { w: 700, h: 400 },
        { w: 120, h: 90 },
        { w: 400, h: 300 },
      ];
      const pngs = await Promise.all(
        sizes.map((box, i) => pool.render(chart(3 + i), chartStyleFor(box, BASE_THEME.slide.width, BASE_THEME))),
      );
      pngs.forEach((png, i) => {
        const style = chartStyleFor(sizes[i]!, BASE_THEME.slide.width, BASE_THEME);
        const read = PNG.sync.read(png);
        expect([read.width, read.height]).toEqual([
          Math.round(style.width * style.density),
          Math.round(style.height * style.density),
        ]);
      });
    } finally {
      await pool.close();
    }
  });

  it('fails what is still queued when it is closed, instead of leaving it waiting', async () => {
    const pool = new ChartWorkerPool(1, script);
    const style = chartStyleFor({ w: 300, h: 200 }, BASE_THEME.slide.width, BASE_THEME);
    const pending = [1, 2, 3, 4].map((n) => pool.render(chart(n + 2), style));
    const settled = Promise.allSettled(pending);
    await pool.close();
    expect((await settled).every((s) => s.status === 'rejected')).toBe(true);
  });

  it('answers a chart that throws while drawing with its error, and draws the next one', async () => {
    const threads: number[] = [];
    const pool = new ChartWorkerPool(1, script, (worker) => threads.push(worker.threadId));
    const style = chartStyleFor({ w: 400, h: 300 }, BASE_THEME.slide.width, BASE_THEME);
    try {
      const broken = pool.render(chart(3), { ...style, fontFiles: undefined } as unknown as typeof style);
      await expect(broken).rejects.toBeInstanceOf(ChartWorkerError);
      await expect(broken).rejects.toThrow(/not iterable/);
      const png = await pool.render(chart(3), style);
      expect(PNG.sync.read(png).width).toBe(Math.round(style.width * style.density));
      // The same thread answered both: it did not die of the first.
      expect(threads).toHaveLength(2);
      expect(threads[0]).toBe(threads[1]);
    } finally {
      await pool.close();
    }
  });
});
