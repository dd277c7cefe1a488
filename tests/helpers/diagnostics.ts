import { diagnosticsToJson, type DiagnosticJson } from '../../src/diagnostics/format.js';
import type { CompileResult } from '../../src/index.js';

/** A result's diagnostics with lines and columns, as a user reads them. */
export function located(r: Pick<CompileResult, 'diagnostics' | 'texts'>): DiagnosticJson[] {
  return diagnosticsToJson(r.diagnostics, r.texts);
}
