import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartService } from '../../src/charts/index.js';
import { DiskChartStore } from '../../src/host/chart-store.js';
import { chartStyleFor, type ChartStyle } from '../../src/charts/config.js';
import { ChartRenderer } from '../../src/charts/render.js';
import { buildInSession, checkInSession, createSession, planDecks } from '../../src/index.js';
import type { ChartModel, LaidOutDeck } from '../../src/model.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { barChart } from '../helpers/charts.js';
import { tempProject } from '../helpers/project.js';

/**
 * A worker thread started while the outline is read draws the pictures while the main thread
 * writes the deck around them: the same deck as drawing in the main thread, byte for byte.
 */

const services: ChartService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

/** A chart service that notes when the build hints that pictures are coming, and when it draws. */
class WatchedService extends ChartService {
  readonly events: string[] = [];
  override async prepare(): Promise<void> {
    this.events.push('prepare');
    await super.prepare();
    this.events.push(`prepared with ${this.threads} worker`);
  }
  override draw(deck: LaidOutDeck) {
    this.events.push('draw');
    return super.draw(deck);
  }
  override ahead(chart: ChartModel, style: ChartStyle): void {
    this.events.push('ahead');
    super.ahead(chart, style);
  }
}

function watched(options: ConstructorParameters<typeof ChartService>[0]): WatchedService {
  const s = new WatchedService(options);
  services.push(s);
  return s;
}

const galleryProject = () => tempProject({}, ['decks/chart-gallery.yaml', 'decks/data/chart-gallery.yaml']);

async function build(project: string, charts: ChartService, out: string) {
  const session = await createSession({ cwd: project, outDir: join(project, out) }, { charts });
  return buildInSession('decks/chart-gallery.yaml', session);
}

/** The deck built into `out` has the bytes of the same deck drawn in the main thread, nothing ahead. */
async function expectSameAsMainThread(project: string, out: string): Promise<void> {
  expect((await build(project, watched({ workers: 0 }), 'main')).ok).toBe(true);
  expect(readFileSync(join(project, out, 'chart-gallery.pptx'))).toEqual(
    readFileSync(join(project, 'main', 'chart-gallery.pptx')),
  );
}

describe('drawing while the deck is written', () => {
  it('starts one worker as soon as the outline is read, and that worker draws every picture', async () => {
    const project = galleryProject();
    const threads = new Set<number>();
    let tasks = 0;
    const charts = watched({
      workers: 1,
      onWorkerTask: (worker) => {
        tasks++;
        threads.add(worker.threadId);
      },
    });
    const result = await build(project, charts, 'out');
    expect(result.ok).toBe(true);
    expect(result.report.charts.rendered).toBe(16);
    // The hint comes before drawing, and the worker it started is the only one.
    expect(charts.events.indexOf('prepare')).toBeLessThan(charts.events.indexOf('draw'));
    expect(charts.events).toContain('prepared with 1 worker');
    expect(threads.size).toBe(1);
    // Layout handed the pictures over as it placed them (probe pass and final pass: 32), and
    // each picture was drawn once.
    expect(charts.events.filter((e) => e === 'ahead')).toHaveLength(32);
    expect(charts.events.indexOf('ahead')).toBeLessThan(charts.events.indexOf('draw'));
    expect(tasks).toBe(16);
    // The stages overlap; the report's elapsed time is the whole compile, not their sum.
    expect(result.report.elapsed).toBeGreaterThan(0);
    expect(result.report.elapsed).toBeLessThan(result.report.timings.charts! + result.report.timings.pptx! + 60_000);
  });

  it('writes the same bytes as drawing every picture in the main thread', async () => {
    const project = galleryProject();
    expect((await build(project, watched({ workers: 1 }), 'worker')).ok).toBe(true);
    await expectSameAsMainThread(project, 'worker');
  });

  it('writes the same bytes when every picture arrives after the text parts are finished', async () => {
    const project = galleryProject();
    let late = 0;
    class Late extends WatchedService {
      override async draw(deck: LaidOutDeck) {
        const drawing = await super.draw(deck);
        const slides = drawing.deck.slides.map((slide) => ({
          ...slide,
          elements: slide.elements.map((e) =>
            e.kind === 'picture'
              ? {
                  ...e,
                  image: new Promise<Buffer>((resolve) =>
                    setTimeout(() => {
                      late++;
                      resolve(e.image);
                    }, 300),
                  ),
                }
              : e,
          ),
        }));
        return { ...drawing, deck: { ...drawing.deck, slides } };
      }
    }
    const slow = new Late({ workers: 0 });
    services.push(slow);
    expect((await build(project, slow, 'late')).ok).toBe(true);
    expect(late).toBeGreaterThanOrEqual(16);
    await expectSameAsMainThread(project, 'late');
  });

  it('drops a picture drawn ahead at a size the deck did not keep', async () => {
    const project = galleryProject();
    let tasks = 0;
    class Misled extends WatchedService {
      override ahead(chart: ChartModel, style: ChartStyle): void {
        // As if the probe pass had placed every chart 40 px wider than the deck keeps it.
        super.ahead(chart, { ...style, width: style.width + 40 });
      }
    }
    const misled = new Misled({ workers: 1, onWorkerTask: () => tasks++ });
    services.push(misled);
    expect((await build(project, misled, 'misled')).ok).toBe(true);
    // 16 drawn ahead at the wrong size (all of them dropped), 16 drawn again at the kept size.
    expect(tasks).toBe(32);
    await expectSameAsMainThread(project, 'misled');
  });

  it('gives no hint, and starts no worker, for a check or for a deck whose charts are all native', async () => {
    const project = galleryProject();
    const checking = watched({ workers: 1 });
    const session = await createSession({ cwd: project, outDir: join(project, 'out') }, { charts: checking });
    expect((await checkInSession('decks/chart-gallery.yaml', session)).ok).toBe(true);
    expect(checking.events).not.toContain('prepare');
    expect(checking.threads).toBe(0);

    const nativeProject = tempProject({
      'decks/n.yaml':
        'title: Native\ncharts: native\ndata: d.yaml\nsections:\n  - title: One\n    slides:\n' +
        '      - { type: chart, title: Shares, chart: { type: column, data: share } }\n',
      'decks/d.yaml':
        'sources: { s: { title: Survey, publisher: Office, date: 2025-01-13 } }\nsource: s\n' +
        'share: { unit: "%", series: { A: 40, B: 35, C: 25 } }\n',
    });
    const native = watched({ workers: 1 });
    const nativeSession = await createSession(
      { cwd: nativeProject, outDir: join(nativeProject, 'out') },
      { charts: native },
    );
    const built = await buildInSession('decks/n.yaml', nativeSession);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.report.charts.native).toBe(1);
    expect(native.events).not.toContain('prepare');
    expect(native.threads).toBe(0);
  });

  it('starts no worker ahead when the chart store holds pictures already', async () => {
    const cache = join(tempProject({}), 'cache');
    const empty = watched({ workers: 1, store: new DiskChartStore(cache) });
    await empty.prepare();
    expect(empty.threads).toBe(1);
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'a.png'), 'not even a picture: any entry says the store is in use');
    const filled = watched({ workers: 1, store: new DiskChartStore(cache) });
    await filled.prepare();
    expect(filled.threads).toBe(0);
  });

  it('starts the worker when planning a build reads an outline with chart slides, before parsing it', async () => {
    const project = galleryProject();
    const planned = watched({ workers: 1 });
    const session = await createSession({ cwd: project, outDir: join(project, 'out') }, { charts: planned });
    await planDecks('decks/chart-gallery.yaml', session);
    expect(planned.events).toEqual([]);
    await planDecks('decks/chart-gallery.yaml', session, { build: true });
    expect(planned.events).toContain('prepare');
    await vi.waitFor(() => expect(planned.threads).toBe(1));
  });

  it('leaves no worker running when the service is closed while one is starting', async () => {
    const charts = watched({ workers: 1 });
    const preparing = charts.prepare();
    await charts.close();
    await preparing;
    expect(charts.threads).toBe(0);
  });

  it('starts no worker where drawing stays in the main thread', async () => {
    const charts = watched({ workers: 0 });
    await charts.prepare();
    expect(charts.threads).toBe(0);
  });
});

describe('the pictures', () => {
  it('are opaque RGB PNGs, with the background colour in every corner', async () => {
    const style = chartStyleFor({ w: 400, h: 300 }, BASE_THEME.slide.width, BASE_THEME);
    const png = await new ChartRenderer().render(barChart(2), style);
    // Colour type 2: RGB without alpha (a quarter fewer bytes to compress than RGBA).
    expect(png[25]).toBe(2);
    const read = PNG.sync.read(png);
    const background = style.palette.background.match(/../g)!.map((h) => parseInt(h, 16));
    for (const [x, y] of [
      [0, 0],
      [read.width - 1, 0],
      [0, read.height - 1],
      [read.width - 1, read.height - 1],
    ]) {
      const i = (y! * read.width + x!) * 4;
      expect([...read.data.subarray(i, i + 3)]).toEqual(background);
    }
  });
});
