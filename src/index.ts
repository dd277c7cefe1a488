/** The library API: build or check an outline. Never reads argv, never prints. */
import { runPipeline, type BuildOptions, type BuildResult } from './pipeline.js';

export type { BuildOptions, BuildReport, BuildResult } from './pipeline.js';
export type { Diagnostic, DiagnosticCode, Severity, Span } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES } from './diagnostics/diagnostic.js';
export { formatDiagnostics, diagnosticsToJson, summaryLine } from './diagnostics/format.js';

/** Builds one outline into `<outDir>/<outline-name>.pptx`. Input errors come back as diagnostics, not exceptions. */
export function buildDeck(outlinePath: string, options: BuildOptions = {}): Promise<BuildResult> {
  return runPipeline(outlinePath, options, true);
}

/** Everything a build checks (YAML, schema, data keys, theme, assets, fit), without writing. */
export function checkDeck(outlinePath: string, options: BuildOptions = {}): Promise<BuildResult> {
  return runPipeline(outlinePath, options, false);
}
