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
    // A query's result or a download cannot be hashed again without running it: such a deck is always built.
    if (input.kind === 'query' || input.kind === 'http') {
      reasons.push(`${input.kind === 'query' ? 'a database query' : 'a download'} is read afresh at each build`);
      continue;
    }
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
  return reasons;
}

/** The deck's path in the output folder. */
export const deckPathOf = (outDir: string, deckName: string) => join(outDir, deckName);
