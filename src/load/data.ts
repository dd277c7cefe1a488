import { basename, extname } from 'node:path';
import { isMap, isScalar } from 'yaml';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/hints.js';
import type { Cell, DataEntry, DataSet, SourceRecord } from '../model.js';
import { DatasetsEntry, KEY_PART, SeriesEntry, SourceInfo, TableEntry, ValueEntry } from '../schema/data.js';
import { describe, validateAgainst } from '../schema/validate.js';
import { parseCsv } from './csv.js';
import { nearMissOf, readText } from './files.js';
import { displayPath, resolveInside } from './paths.js';
import { parseYamlSource, spanAt, toPlain, type Path, type YamlSource } from './yaml-source.js';

export interface DataFileRef {
  /** As written in the outline. */
  given: string;
  /** Namespace prefix for every key of the file (map form), or undefined. */
  namespace?: string;
  /** Where the outline names the file. */
  at: Span;
}

export interface LoadDataOptions {
  outlineDir: string;
  projectDir: string;
  cwd: string;
  allowOutside: boolean;
}

/** Reads every data file an outline names into one keyed set, reporting what is wrong where. */
export function loadData(
  refs: DataFileRef[],
  options: LoadDataOptions,
  diagnostics: Diagnostics,
  sourcesOut: Map<string, string>,
): DataSet {
  const set: DataSet = {
    entries: new Map(),
    sources: new Map(),
    invalidKeys: new Set(),
    failedFiles: 0,
    fileCount: refs.length,
  };
  const pendingSourceRefs: { id: string; at: Span }[] = [];
  for (const ref of refs) {
    const { path, outside } = resolveInside(options.projectDir, options.outlineDir, ref.given, options.allowOutside);
    const shown = displayPath(path, options.cwd);
    if (outside) {
      diagnostics.error(
        'path-outside-project',
        `data file ${ref.given} is outside the project folder`,
        ref.at,
        'move the file into the project, or build with --allow-outside-paths',
      );
      set.failedFiles++;
      continue;
    }
    const ext = extname(path).toLowerCase();
    if (!['.yaml', '.yml', '.json', '.csv'].includes(ext)) {
      diagnostics.error(
        'unsupported-file-type',
        `data file ${ref.given} is not .yaml, .yml, .json or .csv`,
        ref.at,
        ext === '.xlsx' || ext === '.xls' ? 'save the sheet as CSV (File › Save As › CSV UTF-8)' : undefined,
      );
      set.failedFiles++;
      continue;
    }
    const text = readText(path, shown, diagnostics, ref.at, nearMissOf(ref.given, path));
    if (text === undefined) {
      set.failedFiles++;
      continue;
    }
    sourcesOut.set(shown, text);
    const add = (entry: DataEntry) => {
      const previous = set.entries.get(entry.key);
      if (previous) {
        diagnostics.error(
          'duplicate-data-key',
          `data key \`${entry.key}\` is defined twice (also at ${previous.at.file}:${previous.at.line})`,
          entry.at,
          'rename one of them, or give each file a namespace: data: { ns: file }',
        );
        return;
      }
      set.entries.set(entry.key, entry);
    };
    if (ext === '.csv') {
      const table = parseCsv(shown, text, diagnostics);
      if (!table) {
        set.failedFiles++;
        continue;
      }
      const key = ref.namespace ?? basename(path, extname(path)).replace(/[^\w-]/g, '_');
      if (!/^[A-Za-z_]/.test(key)) {
        diagnostics.error(
          'invalid-value',
          `data file ${ref.given} would be the data key \`${key}\`, which an outline cannot name (keys start with a letter)`,
          ref.at,
          `give it a name: data: { trade_${key}: ${ref.given} }`,
        );
        set.failedFiles++;
        continue;
      }
      if (table.meta.source) pendingSourceRefs.push({ id: table.meta.source, at: table.metaAt.source! });
      add({
        kind: 'table',
        key,
        columns: table.columns,
        rows: table.rows,
        rowAt: table.rowAt,
        cellAt: table.cellAt,
        at: table.at,
        ...optional({ source: table.meta.source, unit: table.meta.unit, note: table.meta.note }),
      });
      continue;
    }
    const source = parseYamlSource(shown, path, text, diagnostics);
    if (!source) {
      set.failedFiles++;
      continue;
    }
    readDataDocument(source, ref.namespace, set, add, pendingSourceRefs, diagnostics);
  }
  for (const { id, at } of pendingSourceRefs) {
    if (!set.sources.has(id)) {
      diagnostics.error(
        'unknown-source',
        `unknown source \`${id}\``,
        at,
        didYouMean(id, set.sources.keys()) ??
          (set.sources.size ? undefined : 'define it under `sources:` at the top of a data file'),
      );
    }
  }
  return set;
}

function optional<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

function readDataDocument(
  source: YamlSource,
  namespace: string | undefined,
  set: DataSet,
  add: (e: DataEntry) => void,
  sourceRefs: { id: string; at: Span }[],
  diagnostics: Diagnostics,
): void {
  const read = toPlain(source, diagnostics);
  if (!read) {
    set.failedFiles++;
    return;
  }
  const plain = read.value;
  if (plain === null || plain === undefined) {
    diagnostics.error(
      'wrong-type',
      `data file ${source.file} is empty; it should hold a map of keys`,
      { file: source.file, line: 1, column: 1 },
      'write entries such as `goods_2024: { value: 6.16, unit: USD trillion }`',
    );
    set.failedFiles++;
    return;
  }
  if (typeof plain !== 'object' || Array.isArray(plain)) {
    diagnostics.error('wrong-type', `a data file should be a map of keys, not ${describe(plain)}`, spanAt(source, []));
    return;
  }
  const top = plain as Record<string, unknown>;
  if (top.sources !== undefined) readSources(source, top.sources, set, diagnostics);
  const walk = (
    node: Record<string, unknown>,
    path: Path,
    prefix: string,
    defaultSource: string | undefined,
    isTop: boolean,
  ) => {
    const groupSource = typeof node.source === 'string' ? node.source : defaultSource;
    // A default source is checked once, where it is written, not at every entry that inherits it.
    if (typeof node.source === 'string') sourceRefs.push({ id: node.source, at: spanAt(source, [...path, 'source']) });
    for (const [name, value] of Object.entries(node)) {
      if (isTop && name === 'sources') continue;
      if (name === 'source' && typeof value === 'string') continue;
      const here = [...path, name];
      const at = spanAt(source, here, 'key');
      if (!prefix && /^[0-9-]/.test(name)) {
        diagnostics.error(
          'invalid-value',
          `top-level data key \`${name}\` must start with a letter or _, or an outline cannot name it`,
          at,
          `write it as \`_${name}\` or put it in a group`,
        );
        set.invalidKeys.add(name);
        continue;
      }
      if (!KEY_PART.test(name)) {
        diagnostics.error(
          'invalid-value',
          `data key \`${name}\` may only use letters, digits, _ and -`,
          at,
          `write it as \`${name.trim().replace(/[^\w-]+/g, '_')}\``,
        );
        continue;
      }
      const key = prefix ? `${prefix}.${name}` : name;
      const meta = { key, at };
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
          diagnostics.error(
            'not-finite',
            `\`${key}\` is not a finite number`,
            spanAt(source, here),
            'write a number, or leave the entry out',
          );
          set.invalidKeys.add(key);
        } else add({ kind: 'value', value, ...meta, ...optional({ source: groupSource }) });
      } else if (typeof value === 'string') {
        add({ kind: 'value', value, ...meta, ...optional({ source: groupSource }) });
      } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        diagnostics.error(
          'wrong-type',
          `\`${key}\` is ${describe(value)}; a data entry is a number, text, a series, a table or a group of entries`,
          spanAt(source, here),
          Array.isArray(value)
            ? 'for a chart, write `series: { label: number, … }` or `labels:` with `datasets:`'
            : undefined,
        );
        set.invalidKeys.add(key);
      } else {
        const entry = readEntry(source, value as Record<string, unknown>, here, meta, groupSource, diagnostics);
        const own = (value as Record<string, unknown>).source;
        if (entry && entry !== 'group' && typeof own === 'string')
          sourceRefs.push({ id: own, at: spanAt(source, [...here, 'source']) });
        if (entry && entry !== 'group' && Array.isArray(own))
          own.forEach((id: string, i) => sourceRefs.push({ id, at: spanAt(source, [...here, 'source', i]) }));
        if (entry === 'group') walk(value as Record<string, unknown>, here, key, groupSource, false);
        else if (entry) add(entry);
        else set.invalidKeys.add(key);
      }
    }
  };
  walk(top, [], namespace ?? '', typeof top.source === 'string' ? top.source : undefined, true);
}

function readEntry(
  source: YamlSource,
  value: Record<string, unknown>,
  path: Path,
  meta: { key: string; at: Span },
  defaultSource: string | undefined,
  diagnostics: Diagnostics,
): DataEntry | 'group' | undefined {
  const common = (v: { unit?: string; source?: string | string[]; as_of?: string | number; note?: string }) =>
    optional({
      unit: v.unit,
      source: v.source ?? defaultSource,
      asOf: v.as_of === undefined ? undefined : String(v.as_of),
      note: v.note,
    });
  if ('value' in value) {
    const v = validateAgainst(ValueEntry, value, source, diagnostics, path);
    return v && { kind: 'value', value: v.value, ...meta, ...common(v) };
  }
  if ('series' in value) {
    const v = validateAgainst(SeriesEntry, value, source, diagnostics, path);
    if (!v) return undefined;
    // Keys that look like numbers ("2021") are reordered by JavaScript objects; take the file's order.
    const labels = keysInOrder(source, [...path, 'series']) ?? Object.keys(v.series);
    return {
      kind: 'series',
      labels,
      datasets: [{ label: meta.key.split('.').pop()!, values: labels.map((l) => v.series[l]!) }],
      ...meta,
      ...common(v),
    };
  }
  if ('datasets' in value || 'labels' in value) {
    const v = validateAgainst(DatasetsEntry, value, source, diagnostics, path);
    if (!v) return undefined;
    let ok = true;
    v.datasets.forEach((d, i) => {
      if (d.values.length !== v.labels.length) {
        diagnostics.error(
          'data-invalid',
          `dataset \`${d.label}\` has ${d.values.length} values but there are ${v.labels.length} labels`,
          spanAt(source, [...path, 'datasets', i, 'values']),
          'give one value per label',
        );
        ok = false;
      }
    });
    return ok
      ? {
          kind: 'series',
          labels: v.labels.map(String),
          datasets: v.datasets.map((d) => ({ label: d.label, values: d.values, ...optional({ unit: d.unit }) })),
          ...meta,
          ...common(v),
        }
      : undefined;
  }
  if ('columns' in value || 'rows' in value) {
    const v = validateAgainst(TableEntry, value, source, diagnostics, path);
    if (!v) return undefined;
    let ok = true;
    v.rows.forEach((row, i) => {
      if (row.length !== v.columns.length) {
        diagnostics.error(
          'data-invalid',
          `table row has ${row.length} cells but there are ${v.columns.length} columns (${v.columns.join(', ')})`,
          spanAt(source, [...path, 'rows', i]),
          'give every row one cell per column; use null for an empty cell',
        );
        ok = false;
      }
    });
    const rowAt = v.rows.map((_, i) => spanAt(source, [...path, 'rows', i]));
    const cellAt = v.rows.map((row, i) => row.map((_, c) => spanAt(source, [...path, 'rows', i, c])));
    return ok
      ? { kind: 'table', columns: v.columns, rows: v.rows as Cell[][], rowAt, cellAt, ...meta, ...common(v) }
      : undefined;
  }
  return 'group';
}

function keysInOrder(source: YamlSource, path: Path): string[] | undefined {
  const node = source.doc.getIn(path, true);
  if (!isMap(node)) return undefined;
  return node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
}

function readSources(source: YamlSource, value: unknown, set: DataSet, diagnostics: Diagnostics): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.error(
      'wrong-type',
      `\`sources\` should be a map of source ids, not ${describe(value)}`,
      spanAt(source, ['sources']),
    );
    return;
  }
  for (const [id, info] of Object.entries(value as Record<string, unknown>)) {
    const v = validateAgainst(SourceInfo, info, source, diagnostics, ['sources', id]);
    if (!v) continue;
    const at = spanAt(source, ['sources', id], 'key');
    const previous = set.sources.get(id);
    if (previous) {
      diagnostics.error(
        'duplicate-data-key',
        `source \`${id}\` is defined twice (also at ${previous.at.file}:${previous.at.line})`,
        at,
      );
      continue;
    }
    const record: SourceRecord = {
      id,
      title: v.title,
      at,
      ...optional({
        author: v.author,
        publisher: v.publisher,
        date: v.date === undefined ? undefined : String(v.date),
        page: v.page === undefined ? undefined : String(v.page),
        url: v.url,
      }),
    };
    set.sources.set(id, record);
  }
}
