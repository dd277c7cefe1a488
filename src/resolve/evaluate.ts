import type { Origin } from '../sources/origin.js';
import { closest, listOf } from '../diagnostics/hints.js';
import type { Cell, DataEntry, DataSeries, DataTable } from '../model.js';
import type { ResolveContext } from './context.js';
import { isRowKey } from './row.js';
import { parseSelectors, type AggregateName, type Reference, type Selector } from './reference.js';
import { maxOf, minOf } from '../extremes.js';
import { qualified, qualifierOf, type Qualifier } from '../qualifier.js';

/** What a reference stands for once looked up: one value, or a series to draw or reduce. */
export type Resolved =
  | { kind: 'value'; value: number | string; unit?: string; name: string; qualifier?: Qualifier }
  | { kind: 'series'; entry: DataSeries; name: string }
  | { kind: 'table'; entry: DataTable; name: string };

/** Maps an offset inside the reference text to a position in the outline. */
export type Locate = (offset: number, length: number) => Origin;

type Want = 'value' | 'series' | 'table';
const WANT_WORDS: Record<Want, string> = { value: 'a single value', series: 'a series', table: 'a table' };

/** 12 significant digits: sums of decimals read 0.3, not 0.30000000000000004. */
const tidy = (n: number) => Number(n.toPrecision(12));

/**
 * Evaluates a parsed reference. Every entry it reads is cited in `sources` (through `ctx.lookup`),
 * so an aggregate cites the sources of all its inputs. Reports and returns undefined on error.
 */
export function evaluate(
  ref: Reference,
  text: string,
  want: readonly Want[],
  ctx: ResolveContext,
  locate: Locate,
  sources: string[],
  use: string,
): Resolved | undefined {
  const at = (r: { start: number; end: number }) => locate(r.start, r.end - r.start);
  if (ref.kind === 'call') {
    const name = text.slice(ref.start, ref.end);
    if (!want.includes('value')) {
      ctx.diagnostics.error(
        'data-kind-mismatch',
        `${use} needs ${want.map((w) => WANT_WORDS[w]).join(' or ')}, but \`${ref.fn}(…)\` gives a single value`,
        locate(ref.start, ref.nameEnd - ref.start),
      );
      return undefined;
    }
    if (ref.fn === 'change' || ref.fn === 'growth') {
      const [a, b] = ref.args.map((arg) => evaluate(arg, text, ['value'], ctx, locate, sources, `\`${ref.fn}\``));
      if (!a || !b || a.kind !== 'value' || b.kind !== 'value') return undefined;
      const numbers = [a, b].every((v, i) => {
        if (typeof v.value === 'number') return true;
        ctx.diagnostics.error(
          'data-kind-mismatch',
          `\`${v.name}\` holds text ("${v.value}"), not a number`,
          at(ref.args[i]!),
        );
        return false;
      });
      if (!numbers) return undefined;
      return compare(ref.fn, a as NumberValue, b as NumberValue, name, ctx, locate(ref.start, ref.end - ref.start));
    }
    const series = evaluate(ref.args[0]!, text, ['series'], ctx, locate, sources, `\`${ref.fn}\``);
    if (!series || series.kind !== 'series') return undefined;
    return reduce(ref.fn, series, name, ctx, at(ref.args[0]!));
  }

  const keyAt = locate(ref.start, ref.keyEnd - ref.start);
  // `row.column` is a cell of the deck's or slide's row, unless the data itself has such a key.
  if (isRowKey(ref.key) && (ctx.row || !ctx.data.entries.has(ref.key))) {
    const value = ctx.rowValue(ref, locate, sources);
    if (!value) return undefined;
    if (!want.includes('value')) {
      ctx.diagnostics.error(
        'data-kind-mismatch',
        `${use} needs ${want.map((w) => WANT_WORDS[w]).join(' or ')}, but \`${value.name}\` is one cell`,
        at(ref),
      );
      return undefined;
    }
    return value;
  }
  if (!ref.selectors.length) {
    const entry = ctx.lookup(ref.key, want, keyAt, sources, use);
    return entry && fromEntry(entry);
  }
  const entry = ctx.lookup(ref.key, ['series', 'table'], keyAt, sources, `\`${ref.key}[…]\``);
  if (!entry || entry.kind === 'value') return undefined;
  const picked = entry.kind === 'series' ? pickFromSeries(entry, ref, ctx, at) : pickFromTable(entry, ref, ctx, at);
  if (!picked) return undefined;
  if (!want.includes(picked.kind)) {
    ctx.diagnostics.error(
      'data-kind-mismatch',
      `${use} needs ${want.map((w) => WANT_WORDS[w]).join(' or ')}, but \`${text.slice(ref.start, ref.end)}\` is ${WANT_WORDS[picked.kind]}`,
      at(ref),
      picked.kind === 'series' ? 'name one point, as in `[-1]`, or reduce it: `sum(…)`, `last(…)`' : undefined,
    );
    return undefined;
  }
  return picked;
}

function fromEntry(entry: DataEntry): Resolved {
  if (entry.kind === 'value') {
    // A value's note is a qualifier only when it is one word of QUALIFIER_NOTES ("exceeded"), not a remark.
    const qualifier = typeof entry.value === 'number' && entry.note ? qualifierOf(entry.note) : undefined;
    return {
      kind: 'value',
      value: entry.value,
      name: entry.key,
      ...(entry.unit ? { unit: entry.unit } : {}),
      ...(qualifier ? { qualifier } : {}),
    };
  }
  return entry.kind === 'series'
    ? { kind: 'series', entry, name: entry.key }
    : { kind: 'table', entry, name: entry.key };
}

/** A position (0 first, -1 last) or a label among `names`; reports with the names listed. */
function pick(
  sel: Selector,
  names: readonly string[],
  what: { one: string; many: string; of: string },
  ctx: ResolveContext,
  at: Origin,
): number | undefined {
  if (sel.kind === 'all') return undefined;
  if (sel.kind === 'index') {
    const i = sel.value < 0 ? names.length + sel.value : sel.value;
    if (i >= 0 && i < names.length) return i;
    const asLabel = names.indexOf(String(sel.value));
    ctx.diagnostics.error(
      'unknown-data-key',
      `${what.of} has ${names.length} ${what.many}, so there is no position ${sel.value} (0 is the first, -1 the last)`,
      at,
      asLabel >= 0
        ? `a label is quoted: did you mean \`["${sel.value}"]\`?`
        : `its ${what.many}: ${listOf([...names], 8, 'and')}`,
    );
    return undefined;
  }
  const i = names.indexOf(sel.value);
  if (i >= 0) return i;
  const near = closest(sel.value, names);
  ctx.diagnostics.error(
    'unknown-data-key',
    `${what.of} has no ${what.one} \`${sel.value}\`; its ${what.many} are ${listOf([...names], 8, 'and')}`,
    at,
    near === undefined ? `write the ${what.one} exactly as the data file does, in quotes` : { expected: [near] },
  );
  return undefined;
}

function pickFromSeries(
  entry: DataSeries,
  ref: Extract<Reference, { kind: 'key' }>,
  ctx: ResolveContext,
  at: (r: { start: number; end: number }) => Origin,
): Resolved | undefined {
  const [pointSel, datasetSel] = ref.selectors as [Selector, Selector | undefined];
  const of = `\`${ref.key}\``;
  let d = 0;
  if (datasetSel) {
    const found = pick(
      datasetSel,
      entry.datasets.map((x) => x.label),
      { one: 'dataset', many: 'datasets', of },
      ctx,
      at(datasetSel),
    );
    if (found === undefined) {
      if (datasetSel.kind === 'all')
        ctx.diagnostics.error('data-invalid', 'name one dataset here, not `*`', at(datasetSel));
      return undefined;
    }
    d = found;
  } else if (entry.datasets.length > 1 && pointSel.kind !== 'all') {
    const names = entry.datasets.map((x) => x.label);
    ctx.diagnostics.error(
      'data-kind-mismatch',
      `${of} has ${names.length} datasets (${listOf(names, 8, 'and')}): name one after the point`,
      at(ref),
      `as in \`${ref.key}[${pointText(pointSel)}, "${names[0]}"]\``,
    );
    return undefined;
  }
  const dataset = entry.datasets[d]!;
  const unit = dataset.unit ?? entry.unit;
  if (pointSel.kind === 'all') {
    return {
      kind: 'series',
      name: `${ref.key}[*, "${dataset.label}"]`,
      entry: { ...entry, datasets: [dataset], ...(unit ? { unit } : {}) },
    };
  }
  const i = pick(pointSel, entry.labels, { one: 'point', many: 'points', of }, ctx, at(pointSel));
  if (i === undefined) return undefined;
  const qualifier = dataset.qualifiers?.[i];
  return {
    kind: 'value',
    value: dataset.values[i]!,
    name: `${ref.key}[${pointText(pointSel)}]`,
    ...(unit ? { unit } : {}),
    ...(qualifier ? { qualifier } : {}),
  };
}

function pointText(sel: Selector): string {
  return sel.kind === 'label' ? JSON.stringify(sel.value) : sel.kind === 'index' ? String(sel.value) : '*';
}

function pickFromTable(
  entry: DataTable,
  ref: Extract<Reference, { kind: 'key' }>,
  ctx: ResolveContext,
  at: (r: { start: number; end: number }) => Origin,
): Resolved | undefined {
  const [rowSel, columnSel] = ref.selectors as [Selector, Selector | undefined];
  const of = `\`${ref.key}\``;
  const rowNames = entry.rows.map((r) => String(r[0] ?? ''));
  let c: number | undefined;
  if (columnSel) {
    c = pick(columnSel, entry.columns, { one: 'column', many: 'columns', of }, ctx, at(columnSel));
    if (c === undefined) {
      if (columnSel.kind === 'all')
        ctx.diagnostics.error('data-invalid', 'name one column here, not `*`', at(columnSel));
      return undefined;
    }
  } else if (entry.columns.length === 2) c = 1;
  else {
    ctx.diagnostics.error(
      'data-kind-mismatch',
      `${of} is a table with ${entry.columns.length} columns: name the column after the row`,
      at(ref),
      `its columns: ${listOf(entry.columns)}, as in \`${ref.key}[${pointText(rowSel)}, "${entry.columns[1] ?? ''}"]\``,
    );
    return undefined;
  }
  const column = entry.columns[c]!;
  const cellText = (r: number) => `${ref.key}[${JSON.stringify(rowNames[r])}, ${JSON.stringify(column)}]`;
  if (rowSel.kind === 'all') {
    const values: number[] = [];
    for (let r = 0; r < entry.rows.length; r++) {
      const cell: Cell = entry.rows[r]![c]!;
      if (typeof cell !== 'number') {
        ctx.diagnostics.error(
          'data-kind-mismatch',
          `column \`${column}\` of ${of} is not all numbers: row \`${rowNames[r]}\` holds ${cell === null ? 'nothing' : `"${cell}"`}`,
          entry.cellAt[r]?.[c] ?? entry.at,
        );
        return undefined;
      }
      values.push(cell);
    }
    return {
      kind: 'series',
      name: `${ref.key}[*, ${JSON.stringify(column)}]`,
      entry: {
        kind: 'series',
        key: entry.key,
        at: entry.at,
        labels: rowNames,
        datasets: [{ label: column, values, ...columnQualifiers(entry, c) }],
        ...(entry.unit ? { unit: entry.unit } : {}),
        ...(entry.source ? { source: entry.source } : {}),
      },
    };
  }
  const r = pick(
    rowSel,
    rowNames,
    { one: `row (by its first column, \`${entry.columns[0]}\`)`, many: 'rows', of },
    ctx,
    at(rowSel),
  );
  if (r === undefined) return undefined;
  const cell = entry.rows[r]![c]!;
  if (cell === null) {
    ctx.diagnostics.error('data-invalid', `\`${cellText(r)}\` is an empty cell`, at(ref));
    return undefined;
  }
  const qualifier = entry.qualifiers?.[r]?.[c];
  return {
    kind: 'value',
    value: cell,
    name: cellText(r),
    ...(entry.unit ? { unit: entry.unit } : {}),
    ...(qualifier ? { qualifier } : {}),
  };
}

/** A table column's qualifiers, as a dataset carries them (absent when every cell is exact). */
function columnQualifiers(entry: DataTable, c: number): { qualifiers?: (Qualifier | undefined)[] } {
  const qualifiers = entry.rows.map((_, r) => entry.qualifiers?.[r]?.[c]);
  return qualifiers.some(Boolean) ? { qualifiers } : {};
}

/** Bounds in one direction add up to a bound; approximations to an approximation; mixed, nothing can be said. */
const SUM_QUALIFIER: Readonly<Record<Qualifier, 'low' | 'high' | 'near'>> = {
  over: 'low',
  'at-least': 'low',
  under: 'high',
  'up-to': 'high',
  nearly: 'near',
  about: 'near',
};

/** The qualifier of a sum of values with these qualifiers, or 'unknown' when they pull different ways. */
function sumQualifier(qualifiers: readonly (Qualifier | undefined)[]): Qualifier | undefined | 'unknown' {
  const given = qualifiers.filter((q): q is Qualifier => q !== undefined);
  if (!given.length) return undefined;
  const kinds = new Set(given.map((q) => SUM_QUALIFIER[q]));
  if (kinds.size > 1) return 'unknown';
  // "more than" wins over "at least", "less than" over "up to", "about" over "nearly" (a sum of nearlies may round up).
  const strongest: Qualifier[] = ['over', 'under', 'about', 'at-least', 'up-to', 'nearly'];
  return strongest.find((q) => given.includes(q));
}

/** An error for a figure computed from qualified values that cannot say how exact it is. */
function qualifiedFigure(message: string, ctx: ResolveContext, at: Origin): undefined {
  ctx.diagnostics.error('qualified-figure', message, at, 'use exact figures, or write the comparison in words');
  return undefined;
}

type NumberValue = Extract<Resolved, { kind: 'value' }> & { value: number };

function compare(
  fn: 'change' | 'growth',
  a: NumberValue,
  b: NumberValue,
  name: string,
  ctx: ResolveContext,
  at: Origin,
): Resolved | undefined {
  if (a.qualifier || b.qualifier)
    return qualifiedFigure(
      `\`${fn}\` of \`${a.name}\` and \`${b.name}\` is not known: \`${a.qualifier ? a.name : b.name}\` is qualified ("${qualified('', a.qualifier ?? b.qualifier, 'en').trim()}")`,
      ctx,
      at,
    );
  if (a.unit !== b.unit) {
    ctx.diagnostics.error(
      'unit-mismatch',
      `\`${fn}\` compares \`${a.name}\` (${a.unit ?? 'no unit'}) with \`${b.name}\` (${b.unit ?? 'no unit'})`,
      at,
      'compare figures in the same unit',
    );
    return undefined;
  }
  if (fn === 'change') {
    const unit = a.unit === '%' ? 'percentage points' : a.unit;
    return { kind: 'value', value: tidy(b.value - a.value), name, ...(unit ? { unit } : {}) };
  }
  if (a.value === 0) {
    ctx.diagnostics.error('data-invalid', `\`growth\` from \`${a.name}\` is undefined: it is 0`, at, 'use `change`');
    return undefined;
  }
  return { kind: 'value', value: tidy((b.value / a.value - 1) * 100), unit: '%', name };
}

function reduce(
  fn: Exclude<AggregateName, 'change' | 'growth'>,
  series: Extract<Resolved, { kind: 'series' }>,
  name: string,
  ctx: ResolveContext,
  at: Origin,
): Resolved | undefined {
  const { entry } = series;
  if (entry.datasets.length !== 1) {
    const names = entry.datasets.map((d) => d.label);
    ctx.diagnostics.error(
      'data-kind-mismatch',
      `\`${fn}\` needs one row of numbers, but \`${series.name}\` has ${names.length} datasets (${listOf(names, 8, 'and')})`,
      at,
      `pick one: \`${fn}(${entry.key}[*, "${names[0]}"])\``,
    );
    return undefined;
  }
  const dataset = entry.datasets[0]!;
  const values = dataset.values;
  if (!values.length) {
    ctx.diagnostics.error('empty-series', `\`${series.name}\` has no points to ${fn}`, at);
    return undefined;
  }
  const value =
    fn === 'sum'
      ? tidy(values.reduce((s, v) => s + v, 0))
      : fn === 'max'
        ? maxOf(values)
        : fn === 'min'
          ? minOf(values)
          : values[values.length - 1]!;
  const qualifiers = dataset.qualifiers ?? [];
  // The largest of bounds is not known; a sum of bounds one way is a bound; the last point keeps its own.
  let qualifier: Qualifier | undefined;
  if (fn === 'last') qualifier = qualifiers[values.length - 1];
  else if (fn === 'sum') {
    const q = sumQualifier(qualifiers);
    if (q === 'unknown')
      return qualifiedFigure(
        `the sum of \`${series.name}\` is not known: its values are qualified in opposite ways ("more than" and "less than")`,
        ctx,
        at,
      );
    qualifier = q;
  } else if (qualifiers.some(Boolean))
    return qualifiedFigure(
      `the ${fn} of \`${series.name}\` is not known: a value in it is qualified ("more than", "nearly" …)`,
      ctx,
      at,
    );
  const unit = dataset.unit ?? entry.unit;
  return { kind: 'value', value, name, ...(unit ? { unit } : {}), ...(qualifier ? { qualifier } : {}) };
}

/**
 * An aggregate written as a filter (`{{ trade.monthly | sum }}`, `| growth(0, -1)`): `change` and
 * `growth` take two points of the series (first and last when none are given).
 */
export function applyAggregateFilter(
  fn: AggregateName,
  arg: string | undefined,
  input: Resolved,
  ctx: ResolveContext,
  at: Origin,
): Resolved | undefined {
  if (input.kind !== 'series') {
    ctx.diagnostics.error(
      'data-kind-mismatch',
      `the \`${fn}\` filter needs a series, but \`${input.name}\` is ${WANT_WORDS[input.kind]}`,
      at,
      input.kind === 'table' ? `pick a column: \`${input.name}[*, "${input.entry.columns[1] ?? ''}"]\`` : undefined,
    );
    return undefined;
  }
  if (fn !== 'change' && fn !== 'growth') {
    if (arg !== undefined) {
      ctx.diagnostics.error('bad-filter-argument', `the \`${fn}\` filter takes no argument`, at);
      return undefined;
    }
    return reduce(fn, input, `${input.name} | ${fn}`, ctx, at);
  }
  const selectors = parseSelectors(arg ?? '');
  if ('error' in selectors) {
    ctx.diagnostics.error('bad-filter-argument', selectors.error, at);
    return undefined;
  }
  if (selectors.length !== 0 && selectors.length !== 2) {
    ctx.diagnostics.error(
      'bad-filter-argument',
      `\`${fn}\` takes two points, as in \`${fn}(0, -1)\` or \`${fn}("2023", "2024")\`, or none (first to last)`,
      at,
    );
    return undefined;
  }
  const { entry } = input;
  if (entry.datasets.length !== 1) {
    const names = entry.datasets.map((d) => d.label);
    ctx.diagnostics.error(
      'data-kind-mismatch',
      `\`${fn}\` needs one row of numbers, but \`${input.name}\` has ${names.length} datasets (${listOf(names, 8, 'and')})`,
      at,
      `pick one: \`${entry.key}[*, "${names[0]}"] | ${fn}\``,
    );
    return undefined;
  }
  const [from, to] = selectors.length
    ? (selectors as [Selector, Selector])
    : ([
        { kind: 'index', value: 0, start: 0, end: 0 },
        { kind: 'index', value: -1, start: 0, end: 0 },
      ] as [Selector, Selector]);
  const of = `\`${input.name}\``;
  const what = { one: 'point', many: 'points', of };
  const i = pick(from, entry.labels, what, ctx, at);
  const j = pick(to, entry.labels, what, ctx, at);
  if (i === undefined || j === undefined) return undefined;
  const dataset = entry.datasets[0]!;
  const unit = dataset.unit ?? entry.unit;
  const point = (k: number): NumberValue => ({
    kind: 'value',
    value: dataset.values[k]!,
    name: `${input.name}[${JSON.stringify(entry.labels[k])}]`,
    ...(unit ? { unit } : {}),
    ...(dataset.qualifiers?.[k] ? { qualifier: dataset.qualifiers[k] } : {}),
  });
  return compare(fn, point(i), point(j), `${input.name} | ${fn}`, ctx, at);
}
