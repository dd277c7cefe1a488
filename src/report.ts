import type { BuildReport } from './compile.js';

// Apart from compile.ts so that the CLI can make a failed deck's report without loading the pipeline.
/** The report of a deck that made nothing yet: counts at zero, only the stage timings. */
export function emptyReport(timings: Record<string, number> = {}): BuildReport {
  return {
    slides: 0,
    charts: { rendered: 0, cached: 0, native: 0 },
    layout: { shrunk: 0, split: 0 },
    dataKeysUsed: 0,
    sourcesCited: 0,
    timings,
    elapsed: 0,
  };
}
