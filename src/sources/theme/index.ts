import { dirname, extname, join } from 'node:path';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import { didYouMean, listOf } from '../../diagnostics/hints.js';
import type { Host } from '../../host/types.js';
import type { FontFile, Theme } from '../../model.js';
import type { Locator } from '../../schema/locator.js';
import type { ThemeInputType } from '../../schema/theme.js';
import { imageSize } from '../image-size.js';
import type { Origin } from '../origin.js';
import { outsideProjectHint } from '../../project.js';
import { displayPath, resolveInside } from '../paths.js';
import { nearMissOf, readInputBytes } from '../read.js';
import type { ThemeAdapter } from './adapter.js';
import { yamlTheme } from './yaml.js';

export type ThemeFormat = 'yaml';

/** The theme formats briefdeck reads: adding one is adding a file and a row here. */
export const THEME_ADAPTERS = { yaml: yamlTheme } satisfies Record<ThemeFormat, ThemeAdapter>;

const THEME_EXTENSIONS = Object.values(THEME_ADAPTERS).flatMap((a) => a.extensions);

export interface ThemeLocations {
  host: Host;
  diagnostics: Diagnostics;
  texts: Map<string, string>;
  projectDir: string;
  /** The outline's folder: a project's templates/ is found beside it or one level up. */
  outlineDir?: string;
  /** briefdeck's own folder, holding the shipped templates/. */
  packageDir: string;
  cwd: string;
  allowOutside: boolean;
}

/** One theme file of a chain, as written, with where it is. */
export interface ThemeLink {
  input: ThemeInputType;
  /** The path users see. */
  file: string;
  /** Its folder: paths it names are relative to it. */
  dir: string;
  locate: Locator;
  fontFiles: FontFile[];
}

const MAX_CHAIN = 10;

/** briefdeck's own themes and assets, which its shipped themes name. */
function shippedFolders(loc: ThemeLocations): string[] {
  return [join(loc.packageDir, 'templates'), join(loc.packageDir, 'assets')];
}

/** Where a theme name is looked up: beside the outline, in the project, then briefdeck's own. */
function themeDirs(loc: ThemeLocations): string[] {
  const near = loc.outlineDir ? [join(loc.outlineDir, 'templates'), join(loc.outlineDir, '..', 'templates')] : [];
  return [...new Set([...near, join(loc.projectDir, 'templates'), join(loc.packageDir, 'templates')])];
}

const themeName = (f: string) => THEME_EXTENSIONS.find((e) => f.toLowerCase().endsWith(e)) && f.replace(/\.[^.]+$/, '');

/** Every theme name a user can write, for "did you mean". */
export async function availableThemes(loc: ThemeLocations): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of themeDirs(loc)) {
    if ((await loc.host.stat(dir))?.kind !== 'dir') continue;
    for (const f of await loc.host.list(dir)) {
      const name = themeName(f);
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

function isPath(given: string): boolean {
  return /[\\/]/.test(given) || THEME_EXTENSIONS.some((e) => given.toLowerCase().endsWith(e));
}

/** Finds a theme by name or path; reports an unknown name with the nearest known one. */
async function locateTheme(
  given: string,
  baseDir: string,
  at: Origin | undefined,
  loc: ThemeLocations,
): Promise<string | undefined> {
  if (isPath(given)) {
    const { path, outside } = await resolveInside(
      loc.host,
      loc.projectDir,
      baseDir,
      given,
      loc.allowOutside,
      shippedFolders(loc),
    );
    if (outside) {
      loc.diagnostics.error(
        'path-outside-project',
        `theme ${given} is outside the project folder`,
        at,
        outsideProjectHint(loc.projectDir, loc.cwd),
      );
      return undefined;
    }
    return path;
  }
  for (const dir of themeDirs(loc)) {
    for (const ext of THEME_EXTENSIONS) {
      const candidate = join(dir, given + ext);
      if (await loc.host.exists(candidate)) return candidate;
    }
  }
  const known = await availableThemes(loc);
  loc.diagnostics.error(
    'unknown-theme',
    `unknown theme \`${given}\``,
    at,
    didYouMean(given, known) ?? (known.length ? `themes: ${listOf(known)}` : undefined),
  );
  return undefined;
}

async function fontFilesOf(
  input: ThemeInputType,
  path: string,
  locate: Locator,
  loc: ThemeLocations,
): Promise<FontFile[]> {
  const out: FontFile[] = [];
  for (const [i, f] of (input.fonts?.files ?? []).entries()) {
    const at = locate.at(['fonts', 'files', i, 'file']);
    const { path: fontPath, outside } = await resolveInside(
      loc.host,
      loc.projectDir,
      dirname(path),
      f.file,
      loc.allowOutside,
      shippedFolders(loc),
    );
    if (outside) {
      loc.diagnostics.error(
        'path-outside-project',
        `font file ${f.file} is outside the project folder`,
        at,
        outsideProjectHint(loc.projectDir, loc.cwd),
      );
      continue;
    }
    if (!(await loc.host.exists(fontPath))) {
      loc.diagnostics.error(
        'asset-missing',
        `font file not found: ${displayPath(fontPath, loc.cwd)}`,
        at,
        await nearMissOf(loc.host, f.file, fontPath)(),
      );
      continue;
    }
    if (!/\.(ttf|otf|ttc)$/i.test(fontPath)) {
      loc.diagnostics.error('asset-missing', `font file ${f.file} is not a .ttf, .otf or .ttc file`, at);
      continue;
    }
    // Read through the host so the font counts as an input of the build.
    const data = await readInputBytes(loc.host, fontPath, 'font', displayPath(fontPath, loc.cwd), loc.diagnostics, at);
    if (!data) continue;
    out.push({ path: fontPath, family: f.family, weight: f.weight ?? 'normal', style: f.style ?? 'normal' });
  }
  return out;
}

/** Reads a theme and everything it extends, the most general first; resolve/theme.ts merges them. */
export async function loadThemeChain(
  given: string,
  baseDir: string,
  at: Origin | undefined,
  loc: ThemeLocations,
): Promise<ThemeLink[] | undefined> {
  const chain: ThemeLink[] = [];
  const seen: string[] = [];
  let next: { given: string; baseDir: string; at: Origin | undefined } | undefined = { given, baseDir, at };
  while (next) {
    const path = await locateTheme(next.given, next.baseDir, next.at, loc);
    if (!path) return undefined;
    if (seen.includes(path) || seen.length >= MAX_CHAIN) {
      loc.diagnostics.error(
        'theme-cycle',
        `theme ${displayPath(path, loc.cwd)} extends itself through ${seen.map((s) => displayPath(s, loc.cwd)).join(' → ')}`,
        next.at,
      );
      return undefined;
    }
    seen.push(path);
    const adapter =
      Object.values(THEME_ADAPTERS).find((a) => a.extensions.includes(extname(path).toLowerCase())) ?? yamlTheme;
    const file = displayPath(path, loc.cwd);
    const content = await adapter.read(path, file, loc, next.at);
    if (!content) return undefined;
    const { input, locate } = content;
    const fontFiles = await fontFilesOf(input, path, locate, loc);
    chain.unshift({ input, file, dir: dirname(path), locate, fontFiles });
    next = input.extends ? { given: input.extends, baseDir: dirname(path), at: locate.at(['extends']) } : undefined;
  }
  return chain;
}

/** The logo a merged theme names, read and checked: a PNG or JPEG. */
export async function loadLogo(
  logo: { given: string; baseDir: string; at: Origin },
  loc: ThemeLocations,
): Promise<Theme['logo'] | undefined> {
  const { path, outside } = await resolveInside(
    loc.host,
    loc.projectDir,
    logo.baseDir,
    logo.given,
    loc.allowOutside,
    shippedFolders(loc),
  );
  if (outside) {
    loc.diagnostics.error(
      'path-outside-project',
      `logo ${logo.given} is outside the project folder`,
      logo.at,
      outsideProjectHint(loc.projectDir, loc.cwd),
    );
    return undefined;
  }
  const file = displayPath(path, loc.cwd);
  const data = await readInputBytes(loc.host, path, 'asset', file, loc.diagnostics, logo.at);
  if (!data) return undefined;
  const size = imageSize(data);
  if (!size) {
    loc.diagnostics.error('asset-missing', `logo ${logo.given} is not a PNG or JPEG image`, logo.at);
    return undefined;
  }
  return { file, data, ...size };
}
