import pc from 'picocolors';
import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  color: boolean;
  /** Source texts by display path, for the quoted line and caret. */
  sources: ReadonlyMap<string, string>;
}

/** `file:line:col: error[code]: message`, the source line, a caret, and the suggestion. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const c = pc.createColors(options.color);
  // Line 0: a place without lines (a workbook cell, a query); the message names it.
  const where = d.at ? (d.at.line ? `${d.at.file}:${d.at.line}:${d.at.column}: ` : `${d.at.file}: `) : '';
  const label = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const lines = [`${c.bold(where)}${label}: ${d.message} ${c.dim(`[${d.code}]`)}`];
  const text = d.at ? options.sources.get(d.at.file) : undefined;
  if (d.at && text !== undefined) {
    const sourceLine = text.split(/\r?\n/)[d.at.line - 1];
    if (sourceLine !== undefined) {
      const gutter = String(d.at.line);
      const pad = ' '.repeat(gutter.length);
      const shown = sourceLine.replace(/\t/g, ' ');
      const caretLength = Math.max(1, Math.min(d.at.length ?? 1, shown.length - d.at.column + 1));
      lines.push(`${c.dim(`${gutter} |`)} ${shown}`);
      lines.push(`${c.dim(`${pad} |`)} ${' '.repeat(Math.max(0, d.at.column - 1))}${c.red('^'.repeat(caretLength))}`);
    }
  }
  if (d.suggestion) lines.push(`  ${c.cyan('hint')}: ${d.suggestion}`);
  return lines.join('\n');
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  return diagnostics.map((d) => formatDiagnostic(d, options)).join('\n\n');
}

/** "3 errors and 1 warning in decks/x.yaml" */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = [...new Set(diagnostics.map((d) => d.at?.file).filter((f): f is string => !!f))];
  const parts: string[] = [];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  if (!parts.length) return 'no problems found';
  const where = files.length === 1 ? ` in ${files[0]}` : files.length > 1 ? ` in ${files.length} files` : '';
  return `${parts.join(' and ')}${where}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One JSON object per diagnostic, for machines. */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): object[] {
  return diagnostics.map((d) => ({
    file: d.at?.file ?? null,
    line: d.at?.line ?? null,
    column: d.at?.column ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
    suggestion: d.suggestion ?? null,
  }));
}
