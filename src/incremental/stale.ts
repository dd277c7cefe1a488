import { extname, join } from 'node:path';
import type { Host, InputKind, InputRecord } from '../host/types.js';
import type { ResolvedBuildOptions } from '../options.js';
import { displayPath } from '../sources/paths.js';
import { fromManifestPath, outputOptions, sha256, type ManifestDeck } from './manifest.js';
import { probeAgain, type Probe } from './probe-host.js';

const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.woff', '.woff2']);

/**
 * A compile's inputs plus the files it only looked at (a font file is checked and handed to the
 * renderer by path, not read through the host): their contents count as much as what was read.
 */
export async function withLookedAtFiles(
  host: Host,
  inputs: readonly InputRecord[],
  probes: readonly Probe[],
): Promise<InputRecord[]> {
  const out = [...inputs];
  const read = new Set(inputs.map((i) => i.path));
  for (const p of probes) {
    if (p.found !== 'file' || read.has(p.path)) continue;
    const kind: InputKind = FONT_EXTENSIONS.has(extname(p.path).toLowerCase()) ? 'font' : 'asset';
    try {
      out.push({ path: p.path, sha256: sha256(await host.readBytes(p.path, kind)), kind });
      read.add(p.path);
    } catch {
      // Gone since the compile looked: the probe itself records that it was there.
    }
  }
  return out;
}

export interface StaleCheck {
  host: Host;
  outDir: string;
  outlinePath: string;
  deckPath: string;
  version: string;
  options: ResolvedBuildOptions;
  /** The row of an `each:` outline the deck is for. */
  row?: string;
  /**
   * The query results and downloads the deck would read now (running the queries, fetching
   * the addresses); undefined when they cannot be read. Asked only when the last build read some.
   */
  linked?: () => Promise<readonly InputRecord[] | undefined>;
  /** For a deck per row: what its data says now (see dataFingerprint). */
  rowData?: (scoped: boolean) => string | undefined;
}

const LINKED_WORDS = { query: 'the result of a database query', http: 'a download' } as const;

/** Why a deck that read queries or downloads is stale: each result is read again and compared by its hash. */
async function linkedReasons(entry: ManifestDeck, c: StaleCheck): Promise<string[]> {
  const linked = entry.inputs.filter((i) => i.kind === 'query' || i.kind === 'http');
  if (!linked.length) return [];
  const now = c.linked ? await c.linked() : undefined;
  if (!now) return ['its queries and downloads could not be read again to compare'];
  const reasons: string[] = [];
  for (const input of linked) {
    const what = LINKED_WORDS[input.kind as keyof typeof LINKED_WORDS];
    const current = now.find((i) => i.path === input.path);
    if (!current) reasons.push(`${what} is no longer read, or failed: ${input.path}`);
    else if (current.sha256 !== input.sha256) reasons.push(`${what} changed: ${input.path}`);
  }
  return reasons;
}

/**
 * Why a deck must be built again; empty when everything it was built from is as it was and its
 * deck is still the one written. Every input is hashed again, through the host.
 */
export async function staleReasons(entry: ManifestDeck | undefined, c: StaleCheck): Promise<string[]> {
  if (!entry) return ['not built before (no entry in the manifest)'];
  const shown = (p: string) => displayPath(p, c.options.cwd);
  const reasons: string[] = [];
  if (fromManifestPath(c.outDir, entry.outline) !== c.outlinePath)
    reasons.push(`last built from another outline (${shown(fromManifestPath(c.outDir, entry.outline))})`);
  if (entry.row !== c.row)
    reasons.push(`last built for ${entry.row === undefined ? 'the whole outline' : `the row \`${entry.row}\``}`);
  if (entry.briefdeck !== c.version) reasons.push(`briefdeck ${entry.briefdeck} → ${c.version}`);
  const now = outputOptions(c.options);
  for (const key of new Set([...Object.keys(now), ...Object.keys(entry.options)])) {
    if (now[key] !== entry.options[key])
      reasons.push(`option ${key} changed (${String(entry.options[key] ?? 'unset')} → ${String(now[key] ?? 'unset')})`);
  }
  try {
    if (sha256(await c.host.readBytes(c.deckPath, 'asset')) !== entry.output.sha256)
      reasons.push(`${shown(c.deckPath)} changed since it was built`);
  } catch {
    reasons.push(`${shown(c.deckPath)} is missing`);
  }
  for (const input of entry.inputs) {
    // Compared below, by running the query or fetching the address again.
    if (input.kind === 'query' || input.kind === 'http') continue;
    const path = fromManifestPath(c.outDir, input.path);
    try {
      if (sha256(await c.host.readBytes(path, input.kind)) !== input.sha256)
        reasons.push(`${input.kind} changed: ${shown(path)}`);
    } catch {
      reasons.push(`${input.kind} removed: ${shown(path)}`);
    }
  }
  for (const probe of entry.probes) {
    const path = fromManifestPath(c.outDir, probe.path);
    const found = await probeAgain(c.host, { path, found: probe.found as Probe['found'] });
    if (found === probe.found) continue;
    if (probe.found.startsWith('list:')) reasons.push(`files added or removed in ${shown(path)}`);
    else if (probe.found === 'absent') reasons.push(`${shown(path)} appeared (it would be used)`);
    else reasons.push(`${shown(path)} is gone`);
  }
  reasons.push(...(await linkedReasons(entry, c)));
  return withoutOtherRows(reasons, entry, c);
}

/**
 * A deck per row whose data files changed, but not what its data says (another row of its
 * table changed): not stale for that.
 */
function withoutOtherRows(reasons: string[], entry: ManifestDeck, c: StaleCheck): string[] {
  const isData = (r: string) => r.startsWith('data changed: ');
  if (!entry.rowData || !c.rowData || !reasons.some(isData)) return reasons;
  if (c.rowData(entry.rowData.scoped) !== entry.rowData.sha256) return reasons;
  return reasons.filter((r) => !isData(r));
}

/** The deck's path in the output folder. */
export const deckPathOf = (outDir: string, deckName: string) => join(outDir, deckName);
