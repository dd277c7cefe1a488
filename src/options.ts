import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Host } from './host/types.js';
import { resolveLimits, type Limits } from './limits.js';
import type { ProjectSettings } from './project.js';

/**
 * briefdeck's own folder (holding templates/ and assets/): the parent of the src/ or dist/ this
 * module runs from, also when it is bundled into dist/cli/ (a folder deeper).
 */
export const PACKAGE_DIR = packageDirOf(import.meta.url);

function packageDirOf(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!['src', 'dist'].includes(basename(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  return dirname(dir);
}

/** What a caller may ask of a build; every field has a default. */
export interface BuildOptions {
  /** Folder for the .pptx; default `<projectDir>/out`. */
  outDir?: string;
  /** Paths named by outlines and themes must stay inside this folder; default the working folder. */
  projectDir?: string;
  cwd?: string;
  /** Warnings count as errors. */
  strict?: boolean;
  allowOutsidePaths?: boolean;
  /** Chart cache folder; false for none. Default BRIEFDECK_CACHE_DIR or node_modules/.cache/briefdeck. */
  cacheDir?: string | false;
  /** The time written into the package. Default SOURCE_DATE_EPOCH, else the outline's date, else 2000-01-01. */
  timestamp?: Date;
  /** Worker threads for chart drawing: a number, or 'auto' (the default): use them when enough charts need drawing. */
  workers?: number | 'auto';
  /** The theme of outlines that name none (default `official`). */
  theme?: string;
  /**
   * The settings of the project's briefdeck.yaml (see src/project.ts), with `projectDir` its folder:
   * defaults below the options above and the environment, above briefdeck's own.
   */
  settings?: ProjectSettings;
  /** Let data files read JSON over HTTPS (`url:` entries). Off by default. */
  allowNetwork?: boolean;
  /** Extra certificate authorities (PEM) for HTTPS data, e.g. an intranet server's. */
  networkCa?: string;
  /** Longest a data query or download may take, in milliseconds (default 10 s for queries, 15 s for downloads). */
  dataTimeoutMs?: number;
  /** Ceilings on input sizes and deck contents (src/limits.ts); each error names the one it hit. */
  limits?: Partial<Limits>;
}

/** The environment variables briefdeck reads, and only here. */
export interface Environment {
  SOURCE_DATE_EPOCH?: string | undefined;
  BRIEFDECK_CACHE_DIR?: string | undefined;
  XDG_CACHE_HOME?: string | undefined;
  HOME?: string | undefined;
  /** Connection strings named by `postgres:` data entries are read from here too. */
  [name: string]: string | undefined;
}

/** Every option worked out once, shared by the CLI and the library. Read-only. */
export interface ResolvedBuildOptions {
  readonly cwd: string;
  readonly projectDir: string;
  readonly outDir: string;
  readonly strict: boolean;
  readonly allowOutsidePaths: boolean;
  /** Absent: no chart cache. */
  readonly cacheDir?: string;
  /** Given or from SOURCE_DATE_EPOCH; absent, each deck takes its outline's date. */
  readonly timestamp?: Date;
  readonly workers: number | 'auto';
  readonly packageDir: string;
  /** The theme of outlines that name none: a name, or an absolute path. */
  readonly theme: string;
  readonly allowNetwork: boolean;
  readonly networkCa?: string;
  readonly dataTimeoutMs?: number;
  /** A `postgres:` entry's environment variable: its connection string (a function: options hold no secrets). */
  readonly connectionString: (variable: string) => string | undefined;
  readonly limits: Readonly<Limits>;
}

/** Zip entries cannot record times before 1980; later than 2099 they wrap. */
export function zipSafe(date: Date): Date | undefined {
  const t = date.getTime();
  return Number.isFinite(t) && t >= Date.UTC(1980, 0, 1) && t < Date.UTC(2100, 0, 1) ? date : undefined;
}

/**
 * $BRIEFDECK_CACHE_DIR; else the project's node_modules/.cache when it has one; else the user's
 * cache folder; none for a user with no home (HOME unset and no passwd entry, as in some containers).
 */
async function defaultCacheDir(projectDir: string, env: Environment, host: Host): Promise<string | undefined> {
  if (env.BRIEFDECK_CACHE_DIR) return env.BRIEFDECK_CACHE_DIR;
  if ((await host.stat(join(projectDir, 'node_modules')))?.kind === 'dir')
    return join(projectDir, 'node_modules', '.cache', 'briefdeck');
  const home = env.HOME || homeOrUndefined();
  const base = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
  return base ? join(base, 'briefdeck') : undefined;
}

function homeOrUndefined(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** Options with their defaults, from the caller's choices and the environment: the only reader of process.env. */
export async function resolveOptions(
  options: BuildOptions,
  host: Host,
  env: Environment = process.env,
): Promise<ResolvedBuildOptions> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const projectDir = resolve(cwd, options.projectDir ?? cwd);
  const settings = options.settings ?? {};
  const epoch = env.SOURCE_DATE_EPOCH;
  const timestamp =
    (options.timestamp && zipSafe(options.timestamp)) ??
    (epoch && /^\d+$/.test(epoch) ? zipSafe(new Date(Number(epoch) * 1000)) : undefined);
  // An option, then $BRIEFDECK_CACHE_DIR, then briefdeck.yaml, then the default.
  const cacheChoice =
    options.cacheDir ??
    (env.BRIEFDECK_CACHE_DIR || settings.cache === undefined
      ? await defaultCacheDir(projectDir, env, host)
      : settings.cache && resolve(projectDir, settings.cache));
  const cacheDir = cacheChoice === false || cacheChoice === undefined ? undefined : resolve(cwd, cacheChoice);
  // A theme path in briefdeck.yaml is relative to the project, whichever folder the outline is in.
  const theme =
    options.theme ??
    (settings.theme && /[\\/]|\.ya?ml$/i.test(settings.theme) ? resolve(projectDir, settings.theme) : settings.theme);
  return Object.freeze({
    cwd,
    projectDir,
    outDir: resolve(cwd, options.outDir ?? resolve(projectDir, settings.out ?? 'out')),
    strict: options.strict ?? settings.strict ?? false,
    allowOutsidePaths: options.allowOutsidePaths ?? false,
    ...(cacheDir ? { cacheDir } : {}),
    ...(timestamp ? { timestamp } : {}),
    workers: options.workers ?? 'auto',
    packageDir: PACKAGE_DIR,
    theme: theme ?? 'official',
    allowNetwork: options.allowNetwork ?? false,
    ...(options.networkCa ? { networkCa: options.networkCa } : {}),
    ...(options.dataTimeoutMs ? { dataTimeoutMs: options.dataTimeoutMs } : {}),
    connectionString: (variable: string) => env[variable],
    limits: Object.freeze(resolveLimits(options.limits)),
  });
}
