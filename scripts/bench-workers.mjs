// Where worker threads start to pay for drawing charts: whole-process cold builds of generated
// decks with more and more charts, drawn in the main thread (-j 0) and by two workers (-j 2),
// alternated round by round. `node scripts/bench-workers.mjs` after `npm run build`;
// BENCH_RUNS rounds (default 3). The answer sets WORKER_THRESHOLD in src/charts/index.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDeck } from './bench-decks.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const COUNTS = (process.env.BENCH_CHARTS ?? '4,10,20,40').split(',').map(Number);
const tmp = mkdtempSync(join(tmpdir(), 'briefdeck-workers-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(outline, jobs) {
  const times = join(tmp, 'time.txt');
  const start = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %U %S', '-o', times, process.execPath, join(ROOT, 'dist/cli/briefdeck.js'), 'build', outline].concat([
      '--project',
      tmp,
      '--out',
      join(tmp, 'out'),
      '--no-cache',
      '-j',
      String(jobs),
    ]),
    { cwd: tmp, stdio: 'ignore' },
  );
  if (r.status !== 0) throw new Error(`build failed: ${outline}`);
  const [rss, user, sys] = readFileSync(times, 'utf8').trim().split(' ').map(Number);
  return { ms: performance.now() - start, cpuMs: (user + sys) * 1000, rssMb: rss / 1024 };
}

console.log('charts   main thread ms (CPU, RSS MB)   2 workers ms (CPU, RSS MB)');
for (const charts of COUNTS) {
  const outline = generateDeck(tmp, { name: `w${charts}`, slides: charts * 3, charts, seed: charts });
  const series = { 0: [], 2: [] };
  for (let i = 0; i < RUNS; i++) for (const j of i % 2 ? [2, 0] : [0, 2]) series[j].push(run(outline, j));
  const show = (xs) =>
    `${median(xs.map((x) => x.ms)).toFixed(0)} (${median(xs.map((x) => x.cpuMs)).toFixed(0)}, ${Math.max(...xs.map((x) => x.rssMb)).toFixed(0)})`;
  console.log(String(charts).padStart(6), show(series[0]).padStart(28), show(series[2]).padStart(28));
}
rmSync(tmp, { recursive: true, force: true });
