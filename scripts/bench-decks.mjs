// Generated decks for `npm run bench`: a briefing of `slides` slides, one in three a chart,
// the rest bullets and tables, with data that varies by `seed` so no two decks share a picture.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = ['column', 'horizontal-bar', 'stacked-bar', 'line', 'pie', 'bar'];
const REGIONS = ['North', 'South', 'East', 'West', 'Centre', 'Coast', 'Hills', 'Plains'];

/** A tiny deterministic generator, so the same seed writes the same deck. */
function random(seed) {
  let s = seed * 2654435761 + 1;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * Writes `<dir>/<name>.yaml` and `<dir>/data/<name>.yaml`; returns the outline path.
 * `charts` of the `slides` slides are chart slides, spread evenly.
 */
export function generateDeck(dir, { name, slides, charts, seed = 1 }) {
  const rnd = random(seed);
  const value = (lo, hi) => Math.round((lo + rnd() * (hi - lo)) * 10) / 10;
  mkdirSync(join(dir, 'data'), { recursive: true });
  const data = [
    `sources:`,
    `  stats: { title: Regional statistics bulletin ${seed}, publisher: Bench office }`,
    `source: stats`,
  ];
  const body = [];
  let chart = 0;
  for (let i = 0; i < slides; i++) {
    const isChart = chart < charts && Math.floor(((i + 1) * charts) / slides) > chart;
    if (isChart) {
      const type = TYPES[chart % TYPES.length];
      const n = type === 'pie' ? 4 : 4 + (chart % 5);
      const labels = REGIONS.slice(0, n);
      const sets = type === 'pie' ? 1 : 1 + (chart % 3);
      const datasets = Array.from(
        { length: sets },
        (_, k) => `{ label: Series ${k + 1}, values: [${labels.map(() => value(5, 95)).join(', ')}] }`,
      );
      data.push(`c${chart}: { unit: "%", labels: [${labels.join(', ')}], datasets: [${datasets.join(', ')}] }`);
      body.push(
        `      - type: chart`,
        `        title: "Indicator ${chart + 1}: regional shares, deck ${seed}"`,
        `        chart: { type: ${type}, data: c${chart} }`,
        `        caption: "Share of the regional total, by region"`,
      );
      chart++;
    } else if (i % 3 === 1) {
      body.push(
        `      - type: table`,
        `        title: "Key figures ${i + 1}"`,
        `        table:`,
        `          columns: [Region, Output, Change, Note]`,
        `          rows:`,
        ...REGIONS.slice(0, 5).map(
          (r) =>
            `            - [${r}, "${value(10, 900)}", "${value(-5, 12)} %", "Revised figure for ${r.toLowerCase()}"]`,
        ),
      );
    } else {
      body.push(
        `      - type: bullets`,
        `        title: "Finding ${i + 1}: what moved this quarter"`,
        `        bullets:`,
        `          - Output in the eastern regions grew by ${value(1, 9)} % over the year`,
        `          - Investment held steady while services trade picked up in the second half`,
        `          - "Risks: external demand, property, and local government finances"`,
        `          - The next bulletin adds county figures for the coastal provinces`,
      );
    }
  }
  writeFileSync(join(dir, 'data', `${name}.yaml`), `${data.join('\n')}\n`);
  const outline = join(dir, `${name}.yaml`);
  writeFileSync(
    outline,
    [
      `title: Regional briefing ${seed}`,
      `subtitle: ${slides} slides, ${charts} charts`,
      `date: 2025-10-27`,
      `data: data/${name}.yaml`,
      `ignore: [unused-data, unused-source, text-shrunk, content-split]`,
      `sections:`,
      `  - title: The quarter in figures`,
      `    slides:`,
      ...body,
      '',
    ].join('\n'),
  );
  return outline;
}
