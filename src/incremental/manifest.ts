import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../emit.js';
import type { Host } from '../host/types.js';
import type { ResolvedBuildOptions } from '../options.js';
import type { Probe } from './probe-host.js';
import type { DeckSnapshot } from './snapshot.js';

/**
 * The manifest in the output folder: for each deck, everything it was built from (with hashes),
 * what it looked for and did not find, the options and briefdeck version that shaped it, the
 * hash of the deck written, and what a report of changes compares next time.
 */
export const MANIFEST_FILE = 'briefdeck-manifest.json';
const FORMAT = 1;

const InputEntry = z.object({
  path: z.string(),
  sha256: z.string(),
  kind: z.enum(['outline', 'data', 'theme', 'asset', 'font', 'template', 'query', 'http']),
});

const DeckEntry = z.object({
  /** The outline, relative to the manifest's folder (as every path here). */
  outline: z.string(),
  /** For a deck per row of the outline's `each:` table: the row's id. */
  row: z.string().optional(),
  /** What that deck's data said (see dataFingerprint): a data file that changed elsewhere need not rebuild it. */
  rowData: z.object({ scoped: z.boolean(), sha256: z.string() }).optional(),
  briefdeck: z.string(),
  /** The options that change a deck's bytes or whether it builds. */
  options: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
  inputs: z.array(InputEntry),
  probes: z.array(z.object({ path: z.string(), found: z.string() })),
  output: z.object({ sha256: z.string() }),
  slides: z.number(),
  warnings: z.number(),
  snapshot: z.object({
    values: z.record(z.string(), z.string()),
    uses: z.record(z.string(), z.array(z.number())),
    slides: z.array(z.string()),
  }),
});

const ManifestSchema = z.object({ format: z.literal(FORMAT), decks: z.record(z.string(), DeckEntry) });

export type ManifestDeck = z.infer<typeof DeckEntry>;
export type Manifest = z.infer<typeof ManifestSchema>;

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The options a deck's bytes (or its building at all) depend on; the chart cache and workers do not. */
export function outputOptions(options: ResolvedBuildOptions): ManifestDeck['options'] {
  return {
    timestamp: options.timestamp?.toISOString() ?? null,
    strict: options.strict,
    allowOutsidePaths: options.allowOutsidePaths,
    projectDir: toManifestPath(options.outDir, options.projectDir),
    theme: isAbsolute(options.theme) ? toManifestPath(options.outDir, options.theme) : options.theme,
    ...(options.themeOverride
      ? {
          themeOverride: isAbsolute(options.themeOverride)
            ? toManifestPath(options.outDir, options.themeOverride)
            : options.themeOverride,
        }
      : {}),
  };
}

/** Paths are kept relative to the manifest, so that an output folder restored elsewhere still matches. */
export const toManifestPath = (outDir: string, path: string) => relative(outDir, path).split(sep).join('/');
export const fromManifestPath = (outDir: string, path: string) => resolve(outDir, path);

/** The manifest of an output folder; empty when there is none or it cannot be used (every deck is then stale). */
export async function readManifest(host: Host, outDir: string): Promise<Manifest> {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(await host.readText(join(outDir, MANIFEST_FILE), 'data')));
    if (parsed.success) return parsed.data;
  } catch {
    // Absent or unreadable: the first build, or one after a crash.
  }
  return { format: FORMAT, decks: {} };
}

/** Writes the manifest atomically, decks in name order, so the same builds write the same bytes. */
export function writeManifest(outDir: string, manifest: Manifest): void {
  const decks = Object.fromEntries(Object.entries(manifest.decks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomic(join(outDir, MANIFEST_FILE), Buffer.from(`${JSON.stringify({ format: FORMAT, decks }, null, 2)}\n`));
}

export interface DeckRecordInput {
  outDir: string;
  outlinePath: string;
  row?: string;
  rowData?: { scoped: boolean; sha256: string };
  version: string;
  options: ResolvedBuildOptions;
  inputs: readonly { path: string; sha256: string; kind: ManifestDeck['inputs'][number]['kind'] }[];
  probes: readonly Probe[];
  bytes: Buffer;
  slides: number;
  warnings: number;
  snapshot: DeckSnapshot;
}

/** The manifest entry of a deck just built. */
export function deckRecord(d: DeckRecordInput): ManifestDeck {
  const rel = (p: string) => toManifestPath(d.outDir, p);
  const read = new Set(d.inputs.map((i) => i.path));
  return {
    outline: rel(d.outlinePath),
    ...(d.row === undefined ? {} : { row: d.row }),
    ...(d.rowData === undefined ? {} : { rowData: d.rowData }),
    briefdeck: d.version,
    options: outputOptions(d.options),
    // A query (database#query) or an address is not a file: kept as it is.
    inputs: d.inputs.map((i) => ({
      path: i.kind === 'query' || i.kind === 'http' ? i.path : rel(i.path),
      sha256: i.sha256,
      kind: i.kind,
    })),
    // A file both looked at and read is checked by its hash; the look adds nothing.
    probes: d.probes.filter((p) => !read.has(p.path)).map((p) => ({ path: rel(p.path), found: p.found })),
    output: { sha256: sha256(d.bytes) },
    slides: d.slides,
    warnings: d.warnings,
    snapshot: d.snapshot,
  };
}
