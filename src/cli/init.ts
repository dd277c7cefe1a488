import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { writeFileAtomic } from '../emit.js';
import { isInside } from '../sources/paths.js';
import { listThemes } from './themes.js';

interface InitIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The starter outline: one slide of each common kind, every figure from the data file. */
const outline = (name: string, theme: string) => `# A starter deck: build it with  briefdeck build ${name}.yaml
# Replace the text and the figures in data/${name}.yaml; the README lists every slide type.
title: ${name}
subtitle: A briefing in three slides
author: Your office
lang: en
theme: ${theme}
data: data/${name}.yaml
sections:
  - title: The picture
    slides:
      - type: bullets
        title: Key messages
        bullets:
          - "Output reached {{ output.latest }} in the latest year"
          - Write each message as one short sentence
      - type: stats
        title: The year at a glance
        stats:
          - { value: output.latest, label: output in the latest year }
          - { value: output.growth, label: growth on the year before }
      - type: chart
        title: Output has risen every year
        chart: { type: bar, data: output.by_year }
`;

const data = `# The figures of the deck, each with its source.
sources:
  office:
    title: Annual report
    publisher: Your statistics office
    date: 2025-01-31
source: office

output:
  latest: { value: 6.1, unit: CNY trillion }
  growth: { value: 4.2, unit: "%" }
  by_year:
    unit: CNY trillion
    series:
      "2021": 4.9
      "2022": 5.3
      "2023": 5.7
      "2024": 6.1
`;

/** Files a shipped theme names by relative path (logos, fonts): copied along so the copy builds. */
function namedFiles(themeText: string): string[] {
  const doc = parse(themeText) as Record<string, unknown> | null;
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v !== 'none') out.push(v);
  };
  add(doc?.logo);
  add(doc?.logo_dark);
  if (doc?.logo && typeof doc.logo === 'object') for (const v of Object.values(doc.logo)) add(v);
  const files = (doc?.fonts as { files?: { file?: unknown }[] } | undefined)?.files ?? [];
  for (const f of files) add(f.file);
  return out;
}

/**
 * `briefdeck init NAME [--theme X]`: NAME.yaml and data/NAME.yaml in the working folder, and
 * with a shipped theme, an editable copy in templates/ (with the files it names). Writes
 * nothing if any of these exists. 0 written; 2 a bad name, an unknown theme or a file in the way.
 */
export async function initCommand(name: string, flags: { theme?: string }, io: InitIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`briefdeck: ${message}\n`);
    return 2;
  };
  if (!NAME.test(name)) return fail(`a deck name is letters, digits, - and _ (not "${name}")`);
  const cwd = resolve(io.cwd);
  const writes: { path: string; bytes: Buffer }[] = [
    { path: join(cwd, `${name}.yaml`), bytes: Buffer.from(outline(name, flags.theme ?? 'official')) },
    { path: join(cwd, 'data', `${name}.yaml`), bytes: Buffer.from(data) },
  ];
  if (flags.theme) {
    const themes = await listThemes(cwd);
    const theme = themes.find((t) => t.name === flags.theme);
    if (!theme) return fail(`unknown theme \`${flags.theme}\`; themes: ${themes.map((t) => t.name).join(', ')}`);
    // A project theme is used where it is; a shipped one is copied so the project can adjust it.
    if (theme.shipped) {
      const text = readFileSync(theme.file, 'utf8');
      const target = join(cwd, 'templates', `${theme.name}.yaml`);
      writes.push({ path: target, bytes: Buffer.from(text) });
      for (const file of namedFiles(text)) {
        const from = resolve(dirname(theme.file), file);
        const to = resolve(dirname(target), file);
        if (!isInside(cwd, to)) return fail(`theme ${theme.name} names ${file}, which would land outside this folder`);
        if (existsSync(to) && readFileSync(to).equals(readFileSync(from))) continue;
        writes.push({ path: to, bytes: readFileSync(from) });
      }
    }
  }
  const inTheWay = writes.filter((w) => existsSync(w.path)).map((w) => relative(cwd, w.path));
  if (inTheWay.length) return fail(`not overwriting ${inTheWay.join(', ')}: choose another name or move it`);
  for (const w of writes) writeFileAtomic(w.path, w.bytes);
  io.stdout(
    `wrote ${writes.map((w) => relative(cwd, w.path)).join(', ')}\nbuild it with: briefdeck build ${name}.yaml\n`,
  );
  return 0;
}
