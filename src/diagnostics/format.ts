import pc from 'picocolors';
import { lineColumn, lineStarts, type Origin } from '../sources/origin.js';
import type { Diagnostic } from './diagnostic.js';

/** Texts of the files read, by the name diagnostics use: lines and columns are computed from them. */
export type SourceTexts = ReadonlyMap<string, string>;

export interface FormatOptions {
  color: boolean;
  sources: SourceTexts;
}

/** A point in a file as a person reads it: 1-based line and column, and the length to underline. */
export interface Located {
  file: string;
  line?: number;
  column?: number;
  length?: number;
  pointer?: string;
}

const startsCache = new WeakMap<object, Map<string, number[]>>();

function startsOf(sources: SourceTexts, file: string): number[] | undefined {
  let byFile = startsCache.get(sources);
  if (!byFile) {
    byFile = new Map();
    startsCache.set(sources, byFile);
  }
  let starts = byFile.get(file);
  const text = sources.get(file);
  if (!starts && text !== undefined) {
    starts = lineStarts(text);
    byFile.set(file, starts);
  }
  return starts;
}

/** Line, column and underline length of an origin, worked out from the text it points into. */
export function locate(origin: Origin, sources: SourceTexts): Located {
  if (origin.kind === 'uri') return { file: origin.uri, ...(origin.pointer ? { pointer: origin.pointer } : {}) };
  if (origin.kind === 'file') return { file: origin.file };
  const starts = startsOf(sources, origin.file);
  if (!starts) return { file: origin.file };
  const start = lineColumn(starts, origin.start);
  const end = lineColumn(starts, Math.max(origin.end, origin.start + 1));
  const text = sources.get(origin.file)!;
  // A range that runs past its line is underlined to the end of its first line.
  const lineEnd = (starts[start.line] ?? text.length + 1) - 1;
  const firstLine = text
    .slice(starts[start.line - 1], lineEnd)
    .replace(/\r$/, '')
    .trimEnd();
  const length =
    end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, firstLine.length - start.column + 1);
  return { file: origin.file, line: start.line, column: start.column, length };
}

function where(l: Located): string {
  if (l.pointer) return `${l.file}: ${l.pointer}`;
  return l.line === undefined ? l.file : `${l.file}:${l.line}:${l.column}`;
}

/** The help line of a diagnostic: its hint, or the value it expected. */
export function suggestionOf(d: Pick<Diagnostic, 'hint' | 'expected'>): string | undefined {
  if (d.hint !== undefined) return d.hint;
  if (!d.expected?.length) return undefined;
  if (d.expected.length === 1) return `did you mean \`${d.expected[0]}\`?`;
  return `expected one of ${d.expected.map((e) => `\`${e}\``).join(', ')}`;
}

/** The message, saying which row's deck it is about when an outline makes one deck per row. */
function messageOf(d: Diagnostic): string {
  return d.row === undefined ? d.message : `${d.message} (in the deck for row \`${d.row}\`)`;
}

/** `file:line:col: error: message [code]`, the source line, a caret, related places and the suggestion. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const c = pc.createColors(options.color);
  const at = d.at ? locate(d.at, options.sources) : undefined;
  const label = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const lines = [`${c.bold(at ? `${where(at)}: ` : '')}${label}: ${messageOf(d)} ${c.dim(`[${d.code}]`)}`];
  const text = at?.line !== undefined ? options.sources.get(at.file) : undefined;
  if (at?.line !== undefined && text !== undefined) {
    const sourceLine = text.split(/\r?\n/)[at.line - 1];
    if (sourceLine !== undefined) {
      const gutter = String(at.line);
      const pad = ' '.repeat(gutter.length);
      const shown = sourceLine.replace(/\t/g, ' ');
      const caretLength = Math.max(1, Math.min(at.length ?? 1, shown.length - at.column! + 1));
      lines.push(`${c.dim(`${gutter} |`)} ${shown}`);
      lines.push(`${c.dim(`${pad} |`)} ${' '.repeat(Math.max(0, at.column! - 1))}${c.red('^'.repeat(caretLength))}`);
    }
  }
  for (const r of d.related ?? [])
    lines.push(`  ${c.cyan('note')}: ${r.message}: ${where(locate(r.at, options.sources))}`);
  const suggestion = suggestionOf(d);
  if (suggestion) lines.push(`  ${c.cyan('hint')}: ${suggestion}`);
  return lines.join('\n');
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  return diagnostics.map((d) => formatDiagnostic(d, options)).join('\n\n');
}

/** "3 errors and 1 warning in decks/x.yaml" */
export function summaryLine(diagnostics: readonly Diagnostic[], sources: SourceTexts = new Map()): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = [
    ...new Set(diagnostics.map((d) => (d.at ? locate(d.at, sources).file : undefined)).filter((f) => !!f)),
  ];
  const parts: string[] = [];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  if (!parts.length) return 'no problems found';
  const place = files.length === 1 ? ` in ${files[0]}` : files.length > 1 ? ` in ${files.length} files` : '';
  return `${parts.join(' and ')}${place}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface DiagnosticJson {
  file: string | null;
  line: number | null;
  column: number | null;
  pointer?: string;
  severity: Diagnostic['severity'];
  code: Diagnostic['code'];
  message: string;
  suggestion: string | null;
  expected?: string[];
  related?: { file: string; line: number | null; column: number | null; message: string }[];
}

/** One JSON object per diagnostic, for machines: positions as lines and columns. */
export function diagnosticsToJson(
  diagnostics: readonly Diagnostic[],
  sources: SourceTexts = new Map(),
): DiagnosticJson[] {
  return diagnostics.map((d) => {
    const at = d.at ? locate(d.at, sources) : undefined;
    return {
      file: at?.file ?? null,
      line: at?.line ?? null,
      column: at?.column ?? null,
      ...(at?.pointer ? { pointer: at.pointer } : {}),
      severity: d.severity,
      code: d.code,
      message: messageOf(d),
      ...(d.row === undefined ? {} : { row: d.row }),
      suggestion: suggestionOf(d) ?? null,
      ...(d.expected ? { expected: d.expected } : {}),
      ...(d.related
        ? {
            related: d.related.map((r) => {
              const l = locate(r.at, sources);
              return { file: l.file, line: l.line ?? null, column: l.column ?? null, message: r.message };
            }),
          }
        : {}),
    };
  });
}
