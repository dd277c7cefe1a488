import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/hints.js';
import type { Locator, Path } from '../schema/locator.js';
import type { DataEntry, DataSet, DataTable } from '../model.js';
import type { AggregateName } from './reference.js';
import { DEFAULT_FORMAT, FILTERS, formatValue, parseFilter, specFromFilters, type FormatSpec } from '../format.js';
import { parseTemplate } from './template.js';
import { applyAggregateFilter, evaluate, type Locate, type Resolved } from './evaluate.js';
import { isAggregate, parseReference, type Reference } from './reference.js';
import { columnNames, findColumn, isRowKey, rowLabel, type RowScope } from './row.js';
import type { Limits } from '../limits.js';
import { alreadyQualified, qualified } from '../qualifier.js';

type Kind = DataEntry['kind'];
type FilterProblem = Extract<ReturnType<typeof specFromFilters>, { error: string }>;

const KIND_WORDS: Record<Kind, string> = { value: 'a single value', series: 'a series', table: 'a table' };

/** What resolving one outline needs: where its values were written, its data, and the build's diagnostics. */
export class ResolveContext {
  readonly usedKeys = new Set<string>();
  private readonly warnedNoSource = new Set<string>();
  /** Keys used other than as the table of `row.…`: a deck per row that reads its table only so needs only its row. */
  readonly directKeys = new Set<string>();
  private viaRow = false;
  /** The row `{{ row.column }}` reads: the deck's (`each:`), or a repeated slide's while it is resolved. */
  row: RowScope | undefined;

  constructor(
    readonly locate: Locator,
    readonly data: DataSet,
    readonly diagnostics: Diagnostics,
    readonly lang: string,
    readonly limits?: Readonly<Limits>,
  ) {}

  /**
   * `row.column` (or `row["Column name"]`): the cell of the current row. Cites the table's sources.
   * An unknown column is reported at the column's name, with the nearest one.
   */
  rowValue(
    ref: Extract<Reference, { kind: 'key' }>,
    locate: Locate,
    sources: string[],
  ): Extract<Resolved, { kind: 'value' }> | undefined {
    const row = this.row;
    const column = ref.key.slice(4);
    if (!row) {
      this.diagnostics.error(
        'unknown-data-key',
        `\`${ref.key}\` names a column of a row, but this is not a deck or slide made per row`,
        locate(ref.start, ref.keyEnd - ref.start),
        'add `each: TABLE` to the outline (a deck per row) or `repeat: TABLE` to the slide (a slide per row)',
      );
      return undefined;
    }
    const { table } = row;
    const names = columnNames(table.columns);
    const label = ref.selectors[0]?.kind === 'label' ? ref.selectors[0] : undefined;
    const name = ref.key === 'row' ? label?.value : column;
    if (name === undefined || (ref.key === 'row' ? ref.selectors.length !== 1 : ref.selectors.length > 0)) {
      this.diagnostics.error(
        'template-syntax',
        'name one column of the row: `row.region`, or `row["Column name"]` for a name with spaces',
        locate(ref.start, ref.end - ref.start),
        `its columns: ${listOfNames(names)}`,
      );
      return undefined;
    }
    const nameAt = label ? locate(label.start, label.end - label.start) : locate(ref.start + 4, column.length);
    const c = findColumn(table.columns, name);
    if (c === undefined) {
      this.diagnostics.error(
        'unknown-data-key',
        `unknown column \`${name}\` in the row of \`${table.key}\``,
        nameAt,
        didYouMean(name, names) ?? `its columns: ${listOfNames(names)}`,
      );
      return undefined;
    }
    this.viaRow = true;
    try {
      this.lookup(table.key, ['table'], nameAt, sources, '`row`');
    } finally {
      this.viaRow = false;
    }
    const cell = table.rows[row.index]?.[c] ?? null;
    const qualifier = table.qualifiers?.[row.index]?.[c];
    const shown = `row.${names[c]}`;
    if (cell === null || cell === '') {
      this.diagnostics.error(
        'data-invalid',
        `\`${shown}\` is empty in the row \`${row.label}\` of \`${table.key}\``,
        nameAt,
        {
          hint: 'fill in the cell, or leave the row out of the table',
          related: [{ at: table.cellAt[row.index]?.[c] ?? table.rowAt[row.index] ?? table.at, message: 'the cell' }],
        },
      );
      return undefined;
    }
    return {
      kind: 'value',
      value: cell,
      name: shown,
      ...(typeof cell === 'number' && table.unit ? { unit: table.unit } : {}),
      ...(qualifier ? { qualifier } : {}),
    };
  }

  /**
   * A data key written with `{{ row.column }}` parts (`regions.{{ row.id }}_monthly`), filled in
   * with the row's cells as written; undefined after reporting.
   */
  fillKey(key: string, locate: Locate): string | undefined {
    if (!key.includes('{{')) return key;
    const parsed = parseTemplate(key);
    if ('error' in parsed) {
      this.diagnostics.error('template-syntax', parsed.error, locate(parsed.offset, parsed.length));
      return undefined;
    }
    let out = '';
    for (const part of parsed.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const ref = parseReference(part.key);
      const at: Locate = (offset, length) => locate(part.keyOffset + offset, length);
      if ('error' in ref || ref.kind !== 'key' || !isRowKey(ref.key) || part.filters.length) {
        this.diagnostics.error(
          'template-syntax',
          'only `{{ row.column }}` can be filled into a data key',
          locate(part.start, part.end - part.start),
          'write the key itself here, such as `trade.goods_2024`',
        );
        return undefined;
      }
      const value = this.rowValue(ref, at, []);
      if (!value) return undefined;
      out += String(value.value);
    }
    return out.trim();
  }

  at(path: Path, which: 'value' | 'key' = 'value'): Origin {
    return this.locate.at(path, which);
  }

  /**
   * The entry behind a data key, or undefined after reporting why not. `kinds` are the
   * kinds this use accepts; `sources` collects the slide's citations.
   */
  lookup(given: string, kinds: readonly Kind[], at: Origin, sources: string[], use: string): DataEntry | undefined {
    const key = this.fillKey(given, () => at);
    if (key === undefined) return undefined;
    const entry = this.data.entries.get(key);
    if (!entry) {
      // An invalid entry, or a data file that did not load, was reported already: a second error here is noise.
      if (this.data.failedFiles > 0 || [...this.data.invalidKeys].some((k) => key === k || key.startsWith(`${k}.`)))
        return undefined;
      const groupMembers = [...this.data.entries.keys()].filter((k) => k.startsWith(`${key}.`));
      if (groupMembers.length) {
        this.diagnostics.error(
          'data-kind-mismatch',
          `\`${key}\` is a group of data entries, not one entry`,
          at,
          `name one of its entries, such as \`${groupMembers[0]}\``,
        );
        return undefined;
      }
      this.diagnostics.error(
        'unknown-data-key',
        `unknown data key \`${key}\``,
        at,
        didYouMean(key, this.data.entries.keys()) ??
          (this.data.fileCount ? undefined : 'this outline has no data: add `data: path/to/file.yaml`'),
      );
      return undefined;
    }
    this.usedKeys.add(key);
    if (!this.viaRow) this.directKeys.add(key);
    if (!kinds.includes(entry.kind)) {
      this.diagnostics.error(
        'data-kind-mismatch',
        `${use} needs ${kinds.map((k) => KIND_WORDS[k]).join(' or ')}, but \`${key}\` holds ${KIND_WORDS[entry.kind]}`,
        at,
        {
          ...(kinds.includes('value')
            ? {}
            : { hint: 'a series is `series: { label: number, … }`; a table has `columns:` and `rows:`' }),
          related: [{ at: entry.at, message: `\`${key}\` is defined here` }],
        },
      );
      return undefined;
    }
    const ids = sourceIds(entry);
    if (ids.length) {
      for (const id of ids) if (!sources.includes(id)) sources.push(id);
    } else if (!this.warnedNoSource.has(key)) {
      this.warnedNoSource.add(key);
      this.diagnostics.warn(
        'no-source',
        `\`${key}\` is shown on a slide but has no source`,
        entry.at,
        'add `source: id` to the entry, its group or the top of its data file',
      );
    }
    return entry;
  }

  /**
   * Resolves a reference written as the whole string at `path` (a stat's `value`, a target line's
   * `value`): a key, a point or cell, or an aggregate. Errors point into the string.
   */
  reference(given: string, path: Path, kinds: readonly Kind[], sources: string[], use: string): Resolved | undefined {
    // Filled in from the row, the text's offsets no longer match the outline: errors then point at all of it.
    const filled = this.fillKey(given, (offset, length) => this.locate.inString(path, offset, length));
    if (filled === undefined) return undefined;
    const text = filled;
    const locate: Locate =
      filled === given ? (offset, length) => this.locate.inString(path, offset, length) : () => this.locate.at(path);
    const parsed = parseReference(text);
    if ('error' in parsed) {
      this.diagnostics.error('template-syntax', parsed.error, locate(parsed.offset, parsed.length), REFERENCE_HINT);
      return undefined;
    }
    return evaluate(parsed, text, kinds, this, locate, sources, use);
  }

  /** Parses a filter chain given as text (a chart's or stat's `format`). */
  formatSpec(format: string | undefined, at: Origin): FormatSpec {
    if (!format) return DEFAULT_FORMAT;
    const spec = specFromFilters(
      format
        .split('|')
        .map((f) => f.trim())
        .filter(Boolean)
        .map(parseFilter),
    );
    if ('error' in spec) {
      this.filterError(spec, at);
      return DEFAULT_FORMAT;
    }
    return spec;
  }

  /** An unknown filter (with the nearest name, or the list) or a bad filter argument. */
  private filterError(problem: FilterProblem, at: Origin): void {
    const unknown = problem.kind === 'unknown';
    this.diagnostics.error(
      unknown ? 'unknown-filter' : 'bad-filter-argument',
      problem.error,
      at,
      unknown ? (didYouMean(problem.filter, FILTERS) ?? `filters: ${FILTERS.join(', ')}`) : undefined,
    );
  }

  /** Replaces every `{{ key | filter }}` in the text at `path`; reports problems at the placeholder. */
  text(text: string, path: Path, sources: string[]): string {
    const parsed = parseTemplate(text);
    if ('error' in parsed) {
      this.diagnostics.error(
        'template-syntax',
        parsed.error,
        this.locate.inString(path, parsed.offset, parsed.length),
        'a placeholder looks like {{ trade.goods_2024 }} or {{ trade.goods_2024 | number }}',
      );
      return text;
    }
    let out = '';
    for (const [index, part] of parsed.parts.entries()) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const keyAt = this.locate.inString(path, part.keyOffset, part.key.length);
      const aggregates = part.filters.filter((f) => isAggregate(f.call.name));
      const formats = part.filters.filter((f) => !isAggregate(f.call.name));
      const spec = specFromFilters(formats.map((f) => f.call));
      if ('error' in spec) {
        const bad = formats.find((f) => f.call.name === spec.filter) ?? formats[0]!;
        this.filterError(spec, this.locate.inString(path, bad.offset, bad.length));
      }
      const parsedRef = parseReference(part.key);
      const locate: Locate = (offset, length) => this.locate.inString(path, part.keyOffset + offset, length);
      if ('error' in parsedRef) {
        this.diagnostics.error(
          'template-syntax',
          parsedRef.error,
          locate(parsedRef.offset, parsedRef.length),
          REFERENCE_HINT,
        );
        out += text.slice(part.start, part.end);
        continue;
      }
      let resolved = evaluate(
        parsedRef,
        part.key,
        aggregates.length ? ['value', 'series', 'table'] : ['value'],
        this,
        locate,
        sources,
        'text',
      );
      for (const f of aggregates) {
        if (!resolved) break;
        const at = this.locate.inString(path, f.offset, f.length);
        resolved = applyAggregateFilter(f.call.name as AggregateName, f.call.arg, resolved, this, at);
      }
      if (resolved && resolved.kind !== 'value') {
        this.diagnostics.error(
          'data-kind-mismatch',
          `text needs a single value, but \`${resolved.name}\` is a ${resolved.kind}`,
          keyAt,
          'name one point, as in `[-1]`, or reduce it with a filter: `| sum`, `| last`, `| growth`',
        );
        resolved = undefined;
      }
      if (!resolved || resolved.kind !== 'value') {
        out += text.slice(part.start, part.end);
        continue;
      }
      const entry = resolved;
      const format = 'error' in spec ? DEFAULT_FORMAT : spec;
      if (typeof entry.value === 'string' && (format.percent || format.compact || format.decimals !== undefined)) {
        this.diagnostics.error(
          'data-kind-mismatch',
          `\`${entry.name}\` holds text ("${entry.value}"), which number filters cannot format`,
          keyAt,
        );
      }
      const after = parsed.parts[index + 1];
      // The data's qualifier goes with the figure unless the text says it already ("more than {{ x }}").
      const said = alreadyQualified(out, typeof after === 'string' ? after : '');
      out += qualified(
        formatValue(entry.value, entry.unit, format, this.lang),
        said ? undefined : entry.qualifier,
        this.lang,
      );
    }
    return out;
  }
}

const listOfNames = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');

/** The row a repeated slide or a deck is made for, for messages: `east` of `regions.list`. */
export function rowScope(table: DataTable, index: number, label = rowLabel(table, index)): RowScope {
  return { table, index, label };
}

const REFERENCE_HINT =
  'a reference looks like `trade.goods_2024`, `trade.monthly[-1]`, `invest.summary["Actual use", "Figure"]` or `sum(trade.monthly)`';

/** The source ids an entry cites: one, several (`source: [a, b]`) or none. */
export function sourceIds(entry: { source?: string | readonly string[] }): string[] {
  const s = entry.source;
  return s === undefined ? [] : typeof s === 'string' ? [s] : [...s];
}
