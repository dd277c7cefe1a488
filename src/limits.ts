/**
 * Ceilings on what one build will read and make. Each protects the machine (memory, time) or the
 * reader (a deck nobody can read), and each is named in the error that reports it, with the
 * option that raises it: a legitimate deck bigger than the default is one option away.
 */
export interface Limits {
  /** Bytes of one input file (outline, data, theme, image, font). */
  maxInputBytes: number;
  /** Depth of nested maps and lists in one YAML or JSON file. */
  maxYamlDepth: number;
  /** Nodes a YAML file may expand to once its aliases (*name) are followed. */
  maxAliasExpansion: number;
  /** Slides in one deck. */
  maxSlides: number;
  /** Values in one chart (all series together). */
  maxChartPoints: number;
  /** Cells in one table. */
  maxTableCells: number;
  /** Characters in one word with no place to break it. */
  maxWordChars: number;
  /** Width or height of an image, in pixels. */
  maxImagePixels: number;
  /** Bytes of one font file. */
  maxFontBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxInputBytes: 20 * MB,
  maxYamlDepth: 64,
  maxAliasExpansion: 100_000,
  maxSlides: 1000,
  maxChartPoints: 10_000,
  maxTableCells: 5_000,
  maxWordChars: 200,
  maxImagePixels: 20_000,
  maxFontBytes: 64 * MB,
});

/** The option as a user writes it: in BuildOptions (`limits.maxSlides`) and on the command line. */
export function limitOption(name: keyof Limits): string {
  const flag = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `--limit ${flag.replace(/^max-/, '')}=N (limits.${name})`;
}

/** "raise it with …": the tail every limit error ends with. */
export function raiseHint(name: keyof Limits, limits: Limits): string {
  return `the limit is ${limits[name].toLocaleString('en')}; if this is intended, raise it with ${limitOption(name)}`;
}

/** Caller's limits over the defaults; non-positive or non-finite values keep the default. */
export function resolveLimits(given: Partial<Limits> | undefined): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(given ?? {}) as [keyof Limits, unknown][]) {
    if (k in DEFAULT_LIMITS && typeof v === 'number' && Number.isFinite(v) && v > 0) out[k] = Math.floor(v);
  }
  return out;
}

/** `--limit input-bytes=50000000` → ['maxInputBytes', 50000000]; undefined when malformed. */
export function parseLimitFlag(text: string): [keyof Limits, number] | undefined {
  const m = /^([a-z-]+)=(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const name = `max-${m[1]}`.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof Limits;
  const n = Number(m[2]);
  return name in DEFAULT_LIMITS && Number.isSafeInteger(n) && n > 0 ? [name, n] : undefined;
}

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];
