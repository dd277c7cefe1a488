import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/hints.js';
import type { Locator, Path } from '../schema/locator.js';
import type { DataEntry, DataSet } from '../model.js';
import { DEFAULT_FORMAT, FILTERS, formatValue, parseFilter, specFromFilters, type FormatSpec } from '../format.js';
import { parseTemplate } from './template.js';

type Kind = DataEntry['kind'];
type FilterProblem = Extract<ReturnType<typeof specFromFilters>, { error: string }>;

const KIND_WORDS: Record<Kind, string> = { value: 'a single value', series: 'a series', table: 'a table' };

/** What resolving one outline needs: where its values were written, its data, and the build's diagnostics. */
export class ResolveContext {
  readonly usedKeys = new Set<string>();
  private readonly warnedNoSource = new Set<string>();

  constructor(
    readonly locate: Locator,
    readonly data: DataSet,
    readonly diagnostics: Diagnostics,
    readonly lang: string,
  ) {}

  at(path: Path, which: 'value' | 'key' = 'value'): Origin {
    return this.locate.at(path, which);
  }

  /**
   * The entry behind a data key, or undefined after reporting why not. `kinds` are the
   * kinds this use accepts; `sources` collects the slide's citations.
   */
  lookup(key: string, kinds: readonly Kind[], at: Origin, sources: string[], use: string): DataEntry | undefined {
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
    if (entry.source) {
      if (!sources.includes(entry.source)) sources.push(entry.source);
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
    for (const part of parsed.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const keyAt = this.locate.inString(path, part.keyOffset, part.key.length);
      const spec = specFromFilters(part.filters.map((f) => f.call));
      if ('error' in spec) {
        const bad = part.filters.find((f) => f.call.name === spec.filter) ?? part.filters[0]!;
        this.filterError(spec, this.locate.inString(path, bad.offset, bad.length));
      }
      const entry = this.lookup(part.key, ['value'], keyAt, sources, 'text');
      if (!entry || entry.kind !== 'value') {
        out += text.slice(part.start, part.end);
        continue;
      }
      const format = 'error' in spec ? DEFAULT_FORMAT : spec;
      if (typeof entry.value === 'string' && (format.percent || format.compact || format.decimals !== undefined)) {
        this.diagnostics.error(
          'data-kind-mismatch',
          `\`${part.key}\` holds text ("${entry.value}"), which number filters cannot format`,
          keyAt,
        );
      }
      out += formatValue(entry.value, entry.unit, format, this.lang);
    }
    return out;
  }
}
