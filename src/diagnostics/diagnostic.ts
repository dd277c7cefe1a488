/** Diagnostics are data: collected during a build, formatted only at the edge. */
import { originFile, type Origin } from '../sources/origin.js';

export type { Origin };

export type Severity = 'error' | 'warning';

/** Another place that explains this diagnostic ("first defined here"). */
export interface Related {
  at: Origin;
  message: string;
}

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  at?: Origin;
  /** The right value(s), e.g. the key meant: rendered as "did you mean `trade.goods_2024`?". */
  expected?: string[];
  /** What to do, in words, when there is no value to name. */
  hint?: string;
  related?: Related[];
  /** The row id of the deck it came from, when an outline makes one deck per row (`each:`). */
  row?: string;
}

/** What a diagnostic may add to its message: a hint in words, or structured help. */
export type DiagnosticExtra = string | { hint?: string; expected?: string[]; related?: Related[] } | undefined;

/** The closed set of codes. Each names one kind of mistake a user can make. */
export const DIAGNOSTIC_CODES = {
  // files and paths
  'file-not-found': 'a file named by the outline or on the command line does not exist',
  'file-unreadable': 'a file exists but cannot be read',
  'path-outside-project': 'a path leads outside the project folder',
  'unsupported-file-type': 'a data file is not .yaml, .yml, .json or .csv',
  'file-encoding': 'a text file that is not UTF-8 (UTF-16, Latin-1, …)',
  'input-too-large': 'an input over a size limit (file bytes, slides, chart points, table cells, …)',
  'yaml-tag': 'a YAML tag (!name) outside the core schema: outlines and data are plain data',
  'bidi-control': 'an invisible bidirectional control character that can reorder the text shown',
  // syntax
  'yaml-syntax': 'the file is not valid YAML or JSON',
  'yaml-duplicate-key': 'the same key appears twice in one map',
  'csv-syntax': 'the CSV file cannot be parsed',
  'csv-ragged': 'a CSV row has a different number of cells than the header',
  'csv-empty': 'a CSV file has no header row',
  // schema
  'unknown-field': 'a field that this place does not take',
  'missing-field': 'a required field is absent',
  'wrong-type': 'a value of the wrong kind (text where a list is needed, …)',
  'invalid-value': 'a value outside the allowed set or range',
  'unknown-slide-type': 'a slide type briefdeck does not know',
  'unknown-chart-type': 'a chart type briefdeck does not know',
  // data
  'unknown-data-key': 'a data key that no data file defines',
  'duplicate-data-key': 'two data files define the same key',
  'data-kind-mismatch':
    'a data key holds the wrong kind of value for its use (a number where a chart needs a series, …)',
  'data-invalid': 'a data entry is malformed (ragged table, mismatched series lengths, …)',
  'not-finite': 'a number that is NaN or infinite',
  'unit-mismatch': 'values with different units shown together',
  'unknown-source': 'a source id that the sources map does not define',
  'negative-in-pie': 'a pie or doughnut chart with a negative value',
  'qualified-figure': 'a figure computed from a qualified value ("more than 80") whose result cannot be said',
  'qualified-share': 'shares asked of a chart whose data has a qualified value ("more than 80"): values are shown',
  'empty-series': 'a chart with no data points',
  'empty-repeat': 'a slide repeated per row (`repeat:`) of a table that has no rows',
  'duplicate-row-id': 'two rows of an `each:` table that would write the same deck',
  // templates
  'template-syntax': 'a malformed {{ … }} placeholder',
  'unknown-filter': 'a filter name inside {{ … | filter }} that does not exist',
  'bad-filter-argument': 'a filter argument that is not valid',
  // theme and assets
  'unknown-theme': 'a theme name that matches no template',
  'theme-cycle': 'themes that extend each other in a loop',
  'bad-colour': 'a colour that is not a 6-digit hex value',
  'asset-missing': 'an image or font file named by a theme is missing',
  'template-unreadable':
    'a .potx/.pptx house template that briefdeck cannot use (not a PowerPoint package, damaged, no masters)',
  'unknown-layout': "a layout name that the theme's house template does not have",
  // layout
  'text-does-not-fit': 'text that cannot fit even at the smallest allowed size',
  'text-shrunk': 'text set smaller than the theme size so that it fits',
  'content-split': 'content continued on extra slides so that it fits',
  // advisory
  'unused-data': 'a data value that no slide uses',
  'unused-source': 'a source that no slide cites',
  'no-source': 'a data value shown without a source',
  'no-title': 'a slide without a title',
  'too-many-categories': 'a chart with more categories than can be read',
  'uneven-time-steps':
    'a line or area chart over periods with gaps (2019, 2020, 2024): equal steps misstate the slopes',
  'chart-labels-dropped': 'chart value labels left out because they would cover a value or each other',
  'chart-target-not-drawn': 'a target line that an editable chart of its kind cannot draw (a sideways combo)',
  'foreign-house-text':
    "a theme's footer, marking or words shown in a deck of another language (English in a Chinese deck)",
  'logo-on-dark': 'a dark slide showing the logo made for light slides: the theme has no dark variant',
  'logo-not-drawn': "a theme's logo on a deck built on a template that shows none: the logo is left out",
  // build
  'chart-render-failed': 'a chart could not be drawn (its drawing thread failed or died)',
  'write-failed': 'the deck could not be written',
  'too-many-errors': 'more errors than are worth listing',
  // accessibility (check --a11y)
  'a11y-title': 'a slide without a title in its title placeholder, or with the title of another slide',
  'a11y-reading-order': 'a slide whose first shape in reading order is not its title',
  'a11y-table-header': 'a table that does not mark its header row',
  'a11y-decorative': 'a shape without text or alt text that is not marked decorative',
  'a11y-alt-text': "a picture or chart without alt text in the deck's language, with its figures and units",
  'a11y-language': 'text tagged with a language other than that of its script',
  'a11y-contrast': 'text or chart colours below WCAG AA contrast against their background',
  'stale-data': "a figure older, by its as_of, than the outline's max_age allows",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The advisory codes: what builds but is probably wrong. An outline may silence these (`ignore:`). */
export const WARNING_CODES = [
  'unused-data',
  'unused-source',
  'no-source',
  'no-title',
  'too-many-categories',
  'chart-labels-dropped',
  'chart-target-not-drawn',
  'foreign-house-text',
  'logo-on-dark',
  'logo-not-drawn',
  'text-shrunk',
  'content-split',
  'stale-data',
  'empty-repeat',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const MAX_ERRORS = 100;

function normalise(extra: DiagnosticExtra): Pick<Diagnostic, 'hint' | 'expected' | 'related'> {
  if (extra === undefined) return {};
  if (typeof extra === 'string') return { hint: extra };
  const out: Pick<Diagnostic, 'hint' | 'expected' | 'related'> = {};
  if (extra.hint !== undefined) out.hint = extra.hint;
  if (extra.expected?.length) out.expected = extra.expected;
  if (extra.related?.length) out.related = extra.related;
  return out;
}

/** Collects the diagnostics of one build. One per build: no module-level state. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];
  private readonly ignored = new Set<DiagnosticCode>();
  /** Warnings that --strict raised to errors: they fail the build but need not stop its checks. */
  private readonly raised = new WeakSet<Diagnostic>();
  /** strict: warnings are raised to errors (--strict). */
  constructor(private readonly strict = false) {}

  /** Silences advisory codes for this build (an outline's `ignore:` list). */
  ignore(codes: readonly WarningCode[]): void {
    for (const c of codes) this.ignored.add(c);
    this.items.splice(0, this.items.length, ...this.items.filter((d) => !this.ignored.has(d.code)));
  }

  error(code: DiagnosticCode, message: string, at?: Origin, extra?: DiagnosticExtra): void {
    this.push({ severity: 'error', code, message, ...(at ? { at } : {}), ...normalise(extra) });
  }

  warn(code: DiagnosticCode, message: string, at?: Origin, extra?: DiagnosticExtra): void {
    if (this.ignored.has(code)) return;
    const d: Diagnostic = {
      severity: this.strict ? 'error' : 'warning',
      code,
      message,
      ...(at ? { at } : {}),
      ...normalise(extra),
    };
    if (this.strict) this.raised.add(d);
    this.push(d);
  }

  private push(d: Diagnostic): void {
    const dup = this.items.some((o) => o.code === d.code && o.message === d.message && sameOrigin(o.at, d.at));
    if (!dup) this.items.push(d);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.items.filter((d) => d.severity === 'warning').length;
  }

  hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Errors in the input itself, not warnings raised by --strict: these make later stages unreliable. */
  hasInputErrors(): boolean {
    return this.items.some((d) => d.severity === 'error' && !this.raised.has(d));
  }

  /** Sorted by file and position; errors past MAX_ERRORS folded into one line. */
  sorted(): Diagnostic[] {
    const all = [...this.items].sort(compareDiagnostics);
    const errors = all.filter((d) => d.severity === 'error');
    if (errors.length <= MAX_ERRORS) return all;
    const keep = new Set(errors.slice(0, MAX_ERRORS));
    const kept = all.filter((d) => d.severity !== 'error' || keep.has(d));
    kept.push({
      severity: 'error',
      code: 'too-many-errors',
      message: `${errors.length - MAX_ERRORS} more errors not shown; fix the ones above first`,
    });
    return kept;
  }
}

function sameOrigin(a?: Origin, b?: Origin): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'range' && b.kind === 'range') return a.file === b.file && a.start === b.start;
  if (a.kind === 'file' && b.kind === 'file') return a.file === b.file;
  return a.kind === 'uri' && b.kind === 'uri' && a.uri === b.uri && a.pointer === b.pointer;
}

const position = (o: Origin | undefined): number => (o?.kind === 'range' ? o.start : -1);

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.at ? originFile(a.at) : '\uffff';
  const fb = b.at ? originFile(b.at) : '\uffff';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return position(a.at) - position(b.at);
}
