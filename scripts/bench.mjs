// Benchmarks of whole builds and of the chart stage, medians of several runs.
// Run with `npm run bench` (which compiles first). Prints a table and writes out/bench.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeck } from '../dist/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));

async function timeBuild(outline, options) {
  const start = performance.now();
  const r = await buildDeck(outline, { cwd: ROOT, outDir: join(tmp, 'out'), ...options });
  if (!r.ok) throw new Error(`${outline} failed: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return { total: performance.now() - start, charts: r.report.timings.charts, report: r.report };
}

async function series(label, outline, options, prepare = () => {}) {
  const totals = [];
  const charts = [];
  let report;
  await timeBuild(outline, options); // warm-up: module loading, first canvas
  for (let i = 0; i < RUNS; i++) {
    prepare();
    const t = await timeBuild(outline, options);
    totals.push(t.total);
    charts.push(t.charts);
    report = t.report;
  }
  return {
    label,
    build_ms: median(totals),
    charts_ms: median(charts),
    rendered: report.charts.rendered,
    cached: report.charts.cached,
    native: report.charts.native,
  };
}

const cache = join(tmp, 'cache');
const clearCache = () => rmSync(cache, { recursive: true, force: true });
const rows = [];
rows.push(await series('flagship, cold (no cache)', 'decks/opening-up.yaml', { cacheDir: cache }, clearCache));
rows.push(
  await series(
    'flagship, cold, 2 worker threads',
    'decks/opening-up.yaml',
    { cacheDir: cache, workers: 2 },
    clearCache,
  ),
);
rows.push(await series('flagship, cached charts', 'decks/opening-up.yaml', { cacheDir: cache }));
rows.push(
  await series('gallery, charts one at a time (1 worker)', 'decks/chart-gallery.yaml', { cacheDir: false, workers: 1 }),
);
rows.push(
  await series('gallery, charts together in one thread', 'decks/chart-gallery.yaml', { cacheDir: false, workers: 0 }),
);
rows.push(await series('gallery, 2 worker threads', 'decks/chart-gallery.yaml', { cacheDir: false, workers: 2 }));
rows.push(await series('gallery, cached charts', 'decks/chart-gallery.yaml', { cacheDir: cache }));

// A deck of 40 different charts, for where worker threads start to pay.
const many = join(tmp, 'many');
mkdirSync(join(many, 'data'), { recursive: true });
const types = ['bar', 'horizontal-bar', 'line', 'pie', 'stacked-bar'];
writeFileSync(
  join(many, 'data', 'd.yaml'),
  `sources: { s: { title: Synthetic } }\nsource: s\n${Array.from({ length: 40 }, (_, i) => `c${i}: { unit: "%", labels: [A, B, C, D, E, F], datasets: [{ label: X, values: [${[1, 2, 3, 4, 5, 6].map((k) => ((k * 7 + i * 3) % 50) + 1)}] }, { label: Y, values: [${[1, 2, 3, 4, 5, 6].map((k) => ((k * 11 + i * 5) % 40) + 1)}] }] }`).join('\n')}\n`,
);
writeFileSync(
  join(many, 'many.yaml'),
  `title: Many charts\ndata: data/d.yaml\nsections:\n  - title: Charts\n    slides:\n${Array.from({ length: 40 }, (_, i) => `      - { type: chart, title: Chart ${i}, chart: { type: ${types[i % types.length]}, data: c${i} } }`).join('\n')}\n`,
);
const manyOutline = join(many, 'many.yaml');
for (const workers of [0, 2]) {
  rows.push(
    await series(`40 charts, ${workers ? `${workers} worker threads` : 'together in one thread'}`, manyOutline, {
      cacheDir: false,
      workers,
      projectDir: many,
    }),
  );
}

// Whole process, as a user or CI job runs it: node start, module loading, build, write.
function processTime(args) {
  const times = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const start = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'dist/cli/bin.js'), ...args], { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  return median(times);
}
const cli = {
  flagship_cold_process_ms: processTime(['build', 'decks/opening-up.yaml', '--out', join(tmp, 'cli'), '--no-cache']),
  flagship_cached_process_ms: processTime([
    'build',
    'decks/opening-up.yaml',
    '--out',
    join(tmp, 'cli'),
    '--cache-dir',
    cache,
  ]),
};

const machine = {
  node: process.version,
  cpus: cpus().length,
  parallelism: availableParallelism(),
  cpu: cpus()[0]?.model,
  NODE_EXTRA_CA_CERTS: Boolean(process.env.NODE_EXTRA_CA_CERTS),
  runs: RUNS,
};
console.log(
  `briefdeck bench — median of ${RUNS} runs (in-process, after one warm-up) — ${machine.cpus} CPUs, Node ${machine.node}`,
);
console.log('');
console.log('case'.padEnd(44), 'build ms'.padStart(9), 'charts ms'.padStart(10), '  drawn/cached/native');
for (const r of rows)
  console.log(
    r.label.padEnd(44),
    r.build_ms.toFixed(0).padStart(9),
    r.charts_ms.toFixed(0).padStart(10),
    `  ${r.rendered}/${r.cached}/${r.native}`,
  );
console.log('');
console.log(
  `whole process (node start to deck written), median of ${Math.min(RUNS, 5)}: flagship cold ${cli.flagship_cold_process_ms.toFixed(0)} ms, cached ${cli.flagship_cached_process_ms.toFixed(0)} ms${machine.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS set: ~40 ms of each start)' : ''}`,
);
mkdirSync(join(ROOT, 'out'), { recursive: true });
writeFileSync(join(ROOT, 'out', 'bench.json'), `${JSON.stringify({ machine, rows, cli }, null, 2)}\n`);
rmSync(tmp, { recursive: true, force: true });
