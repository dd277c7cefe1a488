import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Cell, DataEntry, SourceRecord } from '../model.js';
import type { Origin } from '../sources/origin.js';
import { DatasetsEntry, KEY_PART, SeriesEntry, SourceInfo, TableEntry, ValueEntry } from './data.js';
import type { Locator, Path } from './locator.js';
import { describe, validateAgainst } from './validate.js';
import { QUALIFIER_NOTES, qualifierOf, type Qualifier } from '../qualifier.js';
import { didYouMean } from '../diagnostics/hints.js';
import { isLink, schemaOf, type LinkSpec } from './links.js';
import { pickText } from '../resolve/house-text.js';

/** What one data file defines, checked: its entries, its sources, and the source ids it names. */
export interface DataFileContent {
  entries: DataEntry[];
  sources: SourceRecord[];
  /** Source ids named by entries, groups or the file: checked against every file's sources. */
  sourceRefs: { id: string; at: Origin }[];
  /** Keys whose entries were reported invalid: using them is not a second error. */
  invalidKeys: string[];
  /** Source ids whose citation was reported invalid: citing them is not a second error. */
  invalidSources?: string[];
  /** The file as a whole is unusable (empty, or not a map): any key might have been in it. */
  failed?: boolean;
  /** Entries that name a workbook, a query or a web address: read after checking (see sources/data/linked.ts). */
  links?: PendingLink[];
}

/** A checked link entry, waiting to be read. */
export interface PendingLink {
  spec: LinkSpec;
  key: string;
  path: Path;
  at: Origin;
  /** The source of its group or file, when it names none itself. */
  defaultSource?: string;
  /** Finds its fields, for errors inside a query or at a file name. */
  locate: Locator;
}

function optional<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/**
 * Walks a data document (a YAML or JSON file as plain values): nested maps are groups, and
 * maps with `value`, `series`, `labels`/`datasets` or `columns`/`rows` are entries.
 */
export function validateDataDocument(
  plain: unknown,
  file: string,
  namespace: string | undefined,
  locate: Locator,
  diagnostics: Diagnostics,
): DataFileContent {
  const out: DataFileContent = { entries: [], sources: [], sourceRefs: [], invalidKeys: [] };
  if (plain === null || plain === undefined) {
    diagnostics.error(
      'wrong-type',
      `data file ${file} is empty; it should hold a map of keys`,
      locate.at([]),
      'write entries such as `goods_2024: { value: 6.16, unit: USD trillion }`',
    );
    return { ...out, failed: true };
  }
  if (typeof plain !== 'object' || Array.isArray(plain)) {
    diagnostics.error('wrong-type', `a data file should be a map of keys, not ${describe(plain)}`, locate.at([]));
    return out;
  }
  const top = plain as Record<string, unknown>;
  if (top.sources !== undefined) {
    out.sources = readSources(top.sources, locate, diagnostics);
    const read = new Set(out.sources.map((r) => r.id));
    const invalid = Object.keys(isObject(top.sources) ? top.sources : {}).filter((id) => !read.has(id));
    if (invalid.length) out.invalidSources = invalid;
  }
  const walk = (
    node: Record<string, unknown>,
    path: Path,
    prefix: string,
    defaultSource: string | undefined,
    isTop: boolean,
  ) => {
    const groupSource = typeof node.source === 'string' ? node.source : defaultSource;
    // A default source is checked once, where it is written, not at every entry that inherits it.
    if (typeof node.source === 'string') out.sourceRefs.push({ id: node.source, at: locate.at([...path, 'source']) });
    for (const [name, value] of Object.entries(node)) {
      if (isTop && name === 'sources') continue;
      if (name === 'source' && typeof value === 'string') continue;
      if (name === 'source') {
        reportGroupSource(
          value,
          [...path, name],
          isTop,
          Object.keys(isObject(top.sources) ? top.sources : {}),
          locate,
          diagnostics,
        );
        continue;
      }
      const here = [...path, name];
      const at = locate.at(here, 'key');
      if (!prefix && /^[0-9-]/.test(name)) {
        diagnostics.error(
          'invalid-value',
          `top-level data key \`${name}\` must start with a letter or _, or an outline cannot name it`,
          at,
          `write it as \`_${name}\` or put it in a group`,
        );
        out.invalidKeys.push(name);
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
            locate.at(here),
            'write a number, or leave the entry out',
          );
          out.invalidKeys.push(key);
        } else out.entries.push({ kind: 'value', value, ...meta, ...optional({ source: groupSource }) });
      } else if (typeof value === 'string') {
        out.entries.push({ kind: 'value', value, ...meta, ...optional({ source: groupSource }) });
      } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        diagnostics.error(
          'wrong-type',
          `\`${key}\` is ${describe(value)}; a data entry is a number, text, a series, a table or a group of entries`,
          locate.at(here),
          Array.isArray(value)
            ? 'for a chart, write `series: { label: number, … }` or `labels:` with `datasets:`'
            : undefined,
        );
        out.invalidKeys.push(key);
      } else {
        const own = (value as Record<string, unknown>).source;
        if (isLink(value as Record<string, unknown>)) {
          const spec = validateAgainst(schemaOf(value as Record<string, unknown>), value, locate, diagnostics, here);
          if (!spec) out.invalidKeys.push(key);
          else {
            (out.links ??= []).push({ spec, key, path: here, at, locate, ...optional({ defaultSource: groupSource }) });
            if (typeof own === 'string') out.sourceRefs.push({ id: own, at: locate.at([...here, 'source']) });
            if (Array.isArray(own))
              own.forEach((id: string, i) => out.sourceRefs.push({ id, at: locate.at([...here, 'source', i]) }));
          }
          continue;
        }
        const entry = readEntry(value as Record<string, unknown>, here, meta, groupSource, locate, diagnostics);
        if (entry && entry !== 'group' && typeof own === 'string') {
          out.sourceRefs.push({ id: own, at: locate.at([...here, 'source']) });
        }
        if (entry && entry !== 'group' && Array.isArray(own))
          own.forEach((id: string, i) => out.sourceRefs.push({ id, at: locate.at([...here, 'source', i]) }));
        if (entry === 'group') walk(value as Record<string, unknown>, here, key, groupSource, false);
        else if (entry) out.entries.push(entry);
        else out.invalidKeys.push(key);
      }
    }
  };
  walk(top, [], namespace ?? '', typeof top.source === 'string' ? top.source : undefined, true);
  return out;
}

/** A file's or group's default `source:` that is not one id: reported, with the ids it could name. */
function reportGroupSource(
  value: unknown,
  path: Path,
  isTop: boolean,
  ids: readonly string[],
  locate: Locator,
  diagnostics: Diagnostics,
): void {
  const example = `\`source: ${ids[0] ?? 'id'}\``;
  diagnostics.error(
    'wrong-type',
    `the default \`source\` of ${isTop ? 'a data file' : 'a group'} is one source id, not ${describe(value)}`,
    locate.at(path),
    Array.isArray(value)
      ? `write ${example} here, and give an entry that combines several its own \`source: [a, b]\``
      : ids.length
        ? `write ${example}, one of the ids under \`sources:\` (${ids.join(', ')})`
        : `write ${example} and define the id under \`sources:\``,
  );
}

type Written = number | { value: number; note: string };
const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * Reports every `note:` of a value (`{ value: 80, note: more than }`) that is not a qualifier, at
 * its place. Reads the entry as written, so these are reported even when other fields are wrong.
 */
function checkNotes(values: readonly { x: unknown; path: Path }[], locate: Locator, diagnostics: Diagnostics): boolean {
  let ok = true;
  for (const { x, path } of values) {
    if (!isObject(x) || typeof x.note !== 'string' || qualifierOf(x.note)) continue;
    ok = false;
    const known = Object.keys(QUALIFIER_NOTES);
    diagnostics.error(
      'data-invalid',
      `\`note: ${x.note}\` is not a qualifier that can be written before the number`,
      locate.at([...path, 'note']),
      didYouMean(x.note, known) ?? `write one of: ${known.join(', ')}`,
    );
  }
  return ok;
}

/** The numbers of values as written, and their qualifiers when any value has one. */
function numbersOf(written: readonly Written[]): { values: number[]; qualifiers?: (Qualifier | undefined)[] } {
  const values = written.map((x) => (typeof x === 'number' ? x : x.value));
  const qualifiers = written.map((x) => (typeof x === 'number' ? undefined : qualifierOf(x.note)));
  return qualifiers.some(Boolean) ? { values, qualifiers } : { values };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function readEntry(
  value: Record<string, unknown>,
  path: Path,
  meta: { key: string; at: Origin },
  defaultSource: string | undefined,
  locate: Locator,
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
    const v = validateAgainst(ValueEntry, value, locate, diagnostics, path);
    return v && { kind: 'value', value: v.value, ...meta, ...common(v) };
  }
  if ('series' in value) {
    // Every check runs on the entry as written, so one wrong field does not hide the others.
    const written = isObject(value.series) ? value.series : {};
    const notesOk = checkNotes(
      Object.keys(written).map((l) => ({ x: written[l], path: [...path, 'series', l] })),
      locate,
      diagnostics,
    );
    const v = validateAgainst(SeriesEntry, value, locate, diagnostics, path);
    if (!v || !notesOk) return undefined;
    // Keys that look like numbers ("2021") are reordered by JavaScript objects; take the file's order.
    const labels = locate.keysInOrder([...path, 'series']) ?? Object.keys(v.series);
    return {
      kind: 'series',
      labels,
      datasets: [{ label: meta.key.split('.').pop()!, ...numbersOf(labels.map((l) => v.series[l]!)) }],
      ...meta,
      ...common(v),
    };
  }
  if ('datasets' in value || 'labels' in value) {
    const labelCount = Array.isArray(value.labels) ? value.labels.length : undefined;
    const datasets = Array.isArray(value.datasets) ? value.datasets : [];
    let ok = true;
    datasets.forEach((d: unknown, i) => {
      const values = isObject(d) && Array.isArray(d.values) ? d.values : undefined;
      if (!values) return;
      const where = [...path, 'datasets', i, 'values'];
      if (
        !checkNotes(
          values.map((x: unknown, j) => ({ x, path: [...where, j] })),
          locate,
          diagnostics,
        )
      )
        ok = false;
      if (labelCount !== undefined && values.length !== labelCount) {
        const label = isObject(d) && typeof d.label === 'string' ? `\`${d.label}\`` : String(i + 1);
        diagnostics.error(
          'data-invalid',
          `dataset ${label} has ${plural(values.length, 'value')} but there ${labelCount === 1 ? 'is' : 'are'} ${plural(labelCount, 'label')}`,
          locate.at(where),
          'give one value per label',
        );
        ok = false;
      }
    });
    const v = validateAgainst(DatasetsEntry, value, locate, diagnostics, path);
    return v && ok
      ? {
          kind: 'series',
          labels: v.labels.map(String),
          datasets: v.datasets.map((d) => ({ label: d.label, ...numbersOf(d.values), ...optional({ unit: d.unit }) })),
          ...meta,
          ...common(v),
        }
      : undefined;
  }
  if ('columns' in value || 'rows' in value) {
    const columns = Array.isArray(value.columns) ? value.columns : undefined;
    const written = Array.isArray(value.rows) ? value.rows : [];
    let ok = true;
    written.forEach((row: unknown, i) => {
      if (!Array.isArray(row)) return;
      if (
        !checkNotes(
          row.map((x: unknown, c) => ({ x, path: [...path, 'rows', i, c] })),
          locate,
          diagnostics,
        )
      )
        ok = false;
      if (columns && row.length !== columns.length) {
        diagnostics.error(
          'data-invalid',
          `table row has ${plural(row.length, 'cell')} but there ${columns.length === 1 ? 'is' : 'are'} ${plural(columns.length, 'column')} (${columns.join(', ')})`,
          locate.at([...path, 'rows', i]),
          'give every row one cell per column; use null for an empty cell',
        );
        ok = false;
      }
    });
    const v = validateAgainst(TableEntry, value, locate, diagnostics, path);
    if (!v || !ok) return undefined;
    const rowAt = v.rows.map((_, i) => locate.at([...path, 'rows', i]));
    const cellAt = v.rows.map((row, i) => row.map((_, c) => locate.at([...path, 'rows', i, c])));
    const rows: Cell[][] = v.rows.map((row) => row.map((x) => (isObject(x) ? x.value : x)));
    const qualifiers = v.rows.map((row) => row.map((x) => (isObject(x) ? qualifierOf(x.note) : undefined)));
    return {
      kind: 'table',
      columns: v.columns,
      rows,
      rowAt,
      cellAt,
      ...(qualifiers.some((r) => r.some(Boolean)) ? { qualifiers } : {}),
      ...meta,
      ...common(v),
    };
  }
  return 'group';
}

function readSources(value: unknown, locate: Locator, diagnostics: Diagnostics): SourceRecord[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.error(
      'wrong-type',
      `\`sources\` should be a map of source ids, not ${describe(value)}`,
      locate.at(['sources']),
    );
    return [];
  }
  const records: SourceRecord[] = [];
  for (const [id, info] of Object.entries(value as Record<string, unknown>)) {
    const v = validateAgainst(SourceInfo, info, locate, diagnostics, ['sources', id]);
    if (!v) continue;
    // Per-language forms are kept for the deck's language; the plain fields hold English, else the first form.
    const fallback = (t: string | Record<string, string> | undefined) =>
      t === undefined || typeof t === 'string' ? t : pickText(t, 'en', true);
    const languages = optional({
      title: typeof v.title === 'object' ? v.title : undefined,
      author: typeof v.author === 'object' ? v.author : undefined,
      publisher: typeof v.publisher === 'object' ? v.publisher : undefined,
    });
    records.push({
      id,
      title: fallback(v.title)!,
      at: locate.at(['sources', id], 'key'),
      ...(Object.keys(languages).length ? { languages } : {}),
      ...optional({
        author: fallback(v.author),
        publisher: fallback(v.publisher),
        date: v.date === undefined ? undefined : String(v.date),
        page: v.page === undefined ? undefined : String(v.page),
        url: v.url,
      }),
    });
  }
  return records;
}
