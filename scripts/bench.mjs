// `npm run bench`: briefdeck as its users run it, side by side with the floor.
//
// Whole processes (exec to exit, peak RSS by /usr/bin/time) for the flagship deck, a generated
// 30-slide/10-chart deck, the chart gallery and a generated 200-slide deck, each
//   cold       a fresh output folder and an empty chart cache: everything is built;
//   unchanged  the same command again: the manifest the cold build left shows nothing changed;
//   cached     the same again with --force: everything rebuilt but the charts, from the cache
//              (what an edit to a slide's text costs);
// alternated in the same rounds with the floor (scripts/bench-floor.mjs: the same chart.js
// renders and the same pptxgenjs write, nothing else). Then the same builds in one process
// (stage timings from the build report), and a batch of 50 generated decks: 50 processes
// against one. Prints medians with their spread and the ratios issue 16 sets targets for;
// writes JSON to out/bench/.
//
// BENCH_RUNS (default 5) sets the rounds; the 200-slide deck runs once a third of them.
// BENCH_ONLY=30-slide (a comma-separated list of deck ids) measures only those decks as whole
// processes against their floor and skips the rest: for paired before/after runs of one change.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck } from './bench-decks.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/cli/briefdeck.js');
const FLOOR = join(ROOT, 'scripts/bench-floor.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BIG_RUNS = Math.ceil(RUNS / 3);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));
const started = performance.now();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

// ---------------------------------------------------------------------------- the decks

const gen = join(tmp, 'gen');
const ONLY = process.env.BENCH_ONLY?.split(',');
const allDecks = [
  { id: 'flagship', cwd: ROOT, outline: 'decks/opening-up.yaml' },
  { id: '30-slide', cwd: gen, outline: generateDeck(gen, { name: 'd30', slides: 30, charts: 10, seed: 1 }) },
  { id: 'gallery', cwd: ROOT, outline: 'decks/chart-gallery.yaml' },
  { id: '200-slide', cwd: gen, outline: generateDeck(gen, { name: 'd200', slides: 200, charts: 67, seed: 2 }) },
];
const decks = ONLY ? allDecks.filter((d) => ONLY.includes(d.id)) : allDecks;
if (decks.length === 0) throw new Error(`BENCH_ONLY names no deck of: ${allDecks.map((d) => d.id).join(', ')}`);
const batchDir = join(tmp, 'batch');
for (let i = 0; i < BATCH; i++) generateDeck(batchDir, { name: `region-${i}`, slides: 12, charts: 4, seed: 100 + i });

// ---------------------------------------------------------------------------- whole processes

/**
 * Runs a process to its exit: wall milliseconds, CPU milliseconds (user + system: less
 * disturbed than wall time when other work shares the machine) and peak RSS in MB.
 */
function processRun(args, cwd) {
  const rssFile = join(tmp, 'rss.txt');
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rss, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpuMs: (user + sys) * 1000, rssMb: rss / 1024 };
}

const build = (deck, out, cache, force = false) => [
  BIN,
  'build',
  deck.outline,
  '--project',
  deck.cwd,
  '--out',
  out,
  ...(cache ? ['--cache-dir', cache] : ['--no-cache']),
  ...(force ? ['--force'] : []),
];
const KINDS = ['cold', 'unchanged', 'cached', 'floor'];

/** The slides briefdeck lays out for a deck, as the floor script reads them. */
async function floorInput(deck) {
  let laidOut;
  class Capture extends ChartService {
    draw(d) {
      laidOut = d;
      return super.draw(d);
    }
  }
  const charts = new Capture({ workers: 0 });
  const session = await createSession(
    { cwd: deck.cwd, projectDir: deck.cwd, outDir: join(tmp, 'capture'), cacheDir: false },
    { charts },
  );
  const r = await buildInSession(deck.outline, session);
  await session.close();
  if (!r.ok) throw new Error(`${deck.id}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  const element = (e) => {
    if (e.kind === 'text') {
      const runs = e.paragraphs.flatMap((p) => p.runs);
      const text = e.paragraphs.map((p) => p.runs.map((x) => x.text).join('')).join('\n');
      return { kind: 'text', box: e.box, text, size: runs[0]?.size ?? 12, face: runs[0]?.font.latin };
    }
    if (e.kind === 'table') {
      const rows = e.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)));
      return { kind: 'table', box: e.box, rows, size: e.size };
    }
    if (e.kind === 'picture') return { kind: 'picture', box: e.box, data: e.image.toString('base64') };
    if (e.kind === 'native-chart') return { kind: 'native', box: e.box, series: e.spec.series };
    if (e.kind === 'chart') return { kind: 'chart', box: e.box, chart: e.chart, style: e.style };
    return undefined;
  };
  const file = join(tmp, `floor-${deck.id}.json`);
  const slides = laidOut.slides.map((s) => ({ notes: s.notes, elements: s.elements.map(element).filter(Boolean) }));
  const { width, height } = laidOut.style.slide;
  writeFileSync(file, JSON.stringify({ width, height, slides }));
  return file;
}

const { buildDeck, buildInSession, createSession } = await import('../dist/index.js');
const { ChartService } = await import('../dist/charts/index.js');
for (const deck of decks) deck.floor = await floorInput(deck);

const whole = Object.fromEntries(decks.map((d) => [d.id, Object.fromEntries(KINDS.map((k) => [k, []]))]));
for (let round = 0; round < RUNS; round++) {
  for (const deck of decks) {
    if (deck.id === '200-slide' && round % 3 !== 0) continue;
    // A fresh output folder as well as a fresh cache: a folder's manifest would make the next
    // "cold" build a skip.
    const cache = join(tmp, `cache-${deck.id}-${round}`);
    const out = join(tmp, `out-${deck.id}-${round}`);
    // Alternate where the floor runs, so a slow patch of the machine does not always hit the same one.
    const order = round % 2 ? ['floor', 'cold', 'unchanged', 'cached'] : ['cold', 'unchanged', 'cached', 'floor'];
    for (const kind of order) {
      const args =
        kind === 'floor' ? [FLOOR, deck.floor, join(tmp, 'floor.pptx')] : build(deck, out, cache, kind === 'cached');
      whole[deck.id][kind].push(processRun(args, deck.cwd));
    }
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

if (ONLY) {
  const m = (runs, key) => median(runs.map((r) => r[key]));
  console.log(
    `whole processes, ${RUNS} alternated rounds, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const d of decks) {
    const x = whole[d.id];
    const cells = KINDS.map((k) => `${k} ${m(x[k], 'ms').toFixed(0)}/${m(x[k], 'cpuMs').toFixed(0)}`);
    console.log(`  ${d.id.padEnd(10)} ${cells.join('  ')}  (wall/CPU ms)`);
    const r = (key) => (m(x.cold, key) / m(x.floor, key)).toFixed(2);
    console.log(`  ${''.padEnd(10)} cold ÷ floor ${r('ms')} wall, ${r('cpuMs')} CPU`);
  }
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

// ---------------------------------------------------------------------------- in one process

/**
 * Builds in this process: after a warm-up, so module loading is not counted; stage timings from
 * the report. The library has no manifest: the second build draws no chart (all from the cache)
 * and does everything else again.
 */
async function inProcess(deck, runs) {
  const series = { cold: [], cached: [] };
  const options = (cacheDir) => ({ cwd: deck.cwd, projectDir: deck.cwd, outDir: join(tmp, 'inproc'), cacheDir });
  await buildDeck(deck.outline, options(false));
  for (let i = 0; i < runs; i++) {
    const cache = join(tmp, `inproc-cache-${deck.id}-${i}`);
    for (const kind of ['cold', 'cached']) {
      const start = performance.now();
      const r = await buildDeck(deck.outline, options(cache));
      if (!r.ok) throw new Error(`${deck.id} failed in process`);
      series[kind].push({ ms: performance.now() - start, stages: r.report.timings });
    }
    rmSync(cache, { recursive: true, force: true });
  }
  return series;
}
const inproc = {};
for (const deck of decks) inproc[deck.id] = await inProcess(deck, deck.id === '200-slide' ? BIG_RUNS : RUNS);

// ---------------------------------------------------------------------------- a batch of decks

const separate = [];
const together = [];
for (let round = 0; round < (process.env.BENCH_BATCH_RUNS ? Number(process.env.BENCH_BATCH_RUNS) : 1); round++) {
  // Each its own fresh output folder: with a shared one, the manifest the first left would make
  // the second skip every deck.
  const batchOut = join(tmp, `batch-out-${round}`);
  const start = performance.now();
  let rss = 0;
  let cpu = 0;
  for (let i = 0; i < BATCH; i++) {
    const deck = { cwd: batchDir, outline: join(batchDir, `region-${i}.yaml`) };
    const run = processRun(build(deck, batchOut), batchDir);
    rss = Math.max(rss, run.rssMb);
    cpu += run.cpuMs;
  }
  separate.push({ ms: performance.now() - start, cpuMs: cpu, rssMb: rss });
  rmSync(batchOut, { recursive: true, force: true });
  together.push(processRun([BIN, 'build', batchDir, '--project', batchDir, '--out', batchOut, '--no-cache'], batchDir));
  rmSync(batchOut, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------- report

const ms = (runs) => ({
  ...stats(runs.map((r) => r.ms)),
  ...(runs[0].cpuMs === undefined ? {} : { cpuMedian: median(runs.map((r) => r.cpuMs)) }),
});
const rss = (runs) => Math.max(...runs.map((r) => r.rssMb));
const stageMedians = (runs) =>
  Object.fromEntries(Object.keys(runs[0].stages).map((k) => [k, median(runs.map((r) => r.stages[k] ?? 0))]));
const result = {
  machine: {
    node: process.version,
    cpus: cpus().length,
    parallelism: availableParallelism(),
    cpu: cpus()[0]?.model,
    loadavg: loadavg(),
    runs: RUNS,
  },
  whole: Object.fromEntries(
    decks.map((d) => [
      d.id,
      Object.fromEntries(KINDS.map((k) => [k, { ...ms(whole[d.id][k]), peakRssMb: rss(whole[d.id][k]) }])),
    ]),
  ),
  inProcess: Object.fromEntries(
    decks.map((d) => [
      d.id,
      Object.fromEntries(
        ['cold', 'cached'].map((k) => [k, { ...ms(inproc[d.id][k]), stages: stageMedians(inproc[d.id][k]) }]),
      ),
    ]),
  ),
  batch: {
    decks: BATCH,
    separate: { ...ms(separate), cpuMs: median(separate.map((r) => r.cpuMs)), peakRssMb: rss(separate) },
    oneProcess: { ...ms(together), peakRssMb: rss(together) },
  },
};
const w = result.whole;
const ratio = (a, b) => Math.round((a / b) * 100) / 100;
result.ratios = [
  ['cold 30-slide ÷ floor', ratio(w['30-slide'].cold.median, w['30-slide'].floor.median), '≤ 1.1'],
  ['cold 30-slide ÷ floor, CPU time', ratio(w['30-slide'].cold.cpuMedian, w['30-slide'].floor.cpuMedian), ''],
  ['cold flagship ÷ floor', ratio(w.flagship.cold.median, w.flagship.floor.median), ''],
  ['cold gallery ÷ floor', ratio(w.gallery.cold.median, w.gallery.floor.median), ''],
  ['gallery unchanged ÷ cold, processes', ratio(w.gallery.unchanged.median, w.gallery.cold.median), '≤ 0.5'],
  ['gallery unchanged ÷ cold, processes, CPU', ratio(w.gallery.unchanged.cpuMedian, w.gallery.cold.cpuMedian), ''],
  ['gallery charts cached ÷ cold, processes', ratio(w.gallery.cached.median, w.gallery.cold.median), ''],
  ['gallery charts cached ÷ cold, processes, CPU', ratio(w.gallery.cached.cpuMedian, w.gallery.cold.cpuMedian), ''],
  [
    'gallery charts cached ÷ cold, in process',
    ratio(result.inProcess.gallery.cached.median, result.inProcess.gallery.cold.median),
    '≤ 0.3',
  ],
  [`${BATCH} processes ÷ one process`, ratio(result.batch.separate.median, result.batch.oneProcess.median), '≥ 1.7'],
  ['cold 200-slide ÷ cold 30-slide', ratio(w['200-slide'].cold.median, w['30-slide'].cold.median), '≤ 7'],
  ['batch: processes ÷ one, CPU', ratio(result.batch.separate.cpuMs, result.batch.oneProcess.cpuMedian), ''],
  ['peak RSS 30-slide, MB', Math.round(w['30-slide'].cold.peakRssMb), '≤ 200'],
  ['peak RSS batch in one process, MB', Math.round(result.batch.oneProcess.peakRssMb), '≤ 400'],
].map(([what, value, target]) => ({ what, value, target }));
result.seconds = Math.round((performance.now() - started) / 1000);

const f = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const line = (...cols) => console.log(cols[0].padEnd(12), ...cols.slice(1).map((c) => String(c).padStart(20)));
console.log(
  `briefdeck bench — ${result.machine.cpus} CPUs, Node ${result.machine.node}, load ${result.machine.loadavg.map((l) => l.toFixed(1)).join(' ')}; ms, median (min–max)\n`,
);
console.log(`whole processes, ${RUNS} alternated rounds (200-slide: ${BIG_RUNS}); peak RSS in MB`);
line('deck', 'cold', 'unchanged', 'charts cached', 'floor', 'CPU cold/unch/cach/floor', 'RSS cold/floor');
for (const d of decks) {
  const x = w[d.id];
  const cpu = [x.cold, x.unchanged, x.cached, x.floor].map((k) => k.cpuMedian.toFixed(0)).join('/');
  line(
    d.id,
    f(x.cold),
    f(x.unchanged),
    f(x.cached),
    f(x.floor),
    cpu,
    `${x.cold.peakRssMb.toFixed(0)}/${x.floor.peakRssMb.toFixed(0)}`,
  );
}
console.log(`\nin one process, after a warm-up`);
line('deck', 'cold', 'charts cached', 'charts cold', 'pptx cold');
for (const d of decks) {
  const x = result.inProcess[d.id];
  line(d.id, f(x.cold), f(x.cached), x.cold.stages.charts?.toFixed(0), x.cold.stages.pptx?.toFixed(0));
}
console.log(
  `\nbatch of ${BATCH} decks (12 slides, 4 charts each), no cache: ${BATCH} processes ${f(result.batch.separate)}, one process ${f(result.batch.oneProcess)} (peak RSS ${result.batch.oneProcess.peakRssMb.toFixed(0)} MB)`,
);
console.log('\nratios');
for (const r of result.ratios)
  console.log(`  ${r.what.padEnd(40)} ${String(r.value).padStart(6)}   target ${r.target || '—'}`);
console.log(`\n${result.seconds} s`);

const dir = join(ROOT, 'out', 'bench');
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(result, null, 2)}\n`;
writeFileSync(join(dir, 'latest.json'), json);
writeFileSync(join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), json);
rmSync(tmp, { recursive: true, force: true });
