import { createHash } from 'node:crypto';
import { dirname, extname, join } from 'node:path';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import { didYouMean, listOf } from '../../diagnostics/hints.js';
import type { Host } from '../../host/types.js';
import type { FontFile, Theme } from '../../model.js';
import type { Locator } from '../../schema/locator.js';
import type { ThemeInputType } from '../../schema/theme.js';
import { DEFAULT_LIMITS, raiseHint, type Limits } from '../../limits.js';
import { fontProblem, inspectImage } from '../image-size.js';
import type { Origin } from '../origin.js';
import { outsideProjectHint } from '../../project.js';
import { displayPath, isInside, resolveInside } from '../paths.js';
import { nearMissOf, readInputBytes } from '../read.js';
import type { ThemeAdapter } from './adapter.js';
import type { HouseTemplate } from '../../template/types.js';
import { templateTheme } from './template.js';
import { yamlTheme } from './yaml.js';

export type ThemeFormat = 'yaml' | 'template';

/** The theme formats briefdeck reads: adding one is adding a file and a row here. */
export const THEME_ADAPTERS = { yaml: yamlTheme, template: templateTheme } satisfies Record<ThemeFormat, ThemeAdapter>;

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
  limits?: Readonly<Limits>;
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
  /** The house template this link is (a .potx theme) or brings in (`template:` in a theme YAML). */
  template?: HouseTemplate;
}

const MAX_CHAIN = 10;

/** briefdeck's own themes and assets, which its shipped themes name. */
function shippedFolders(loc: ThemeLocations): string[] {
  return [join(loc.packageDir, 'templates'), join(loc.packageDir, 'assets')];
}

/**
 * Where a theme name is looked up: beside the outline, in the project, then briefdeck's own.
 * A folder outside the project (`../templates` of an outline at the project root) is not
 * searched: a file planted there must not change a deck's theme or its classification marking.
 */
async function themeDirs(loc: ThemeLocations): Promise<string[]> {
  const near = loc.outlineDir ? [join(loc.outlineDir, 'templates'), join(loc.outlineDir, '..', 'templates')] : [];
  const all = [...new Set([...near, join(loc.projectDir, 'templates'), join(loc.packageDir, 'templates')])];
  if (loc.allowOutside) return all;
  const out: string[] = [];
  for (const dir of all) if (await isConfined(dir, loc)) out.push(dir);
  return out;
}

/** Inside the project or briefdeck's own folders once symbolic links are followed. */
async function isConfined(path: string, loc: ThemeLocations): Promise<boolean> {
  const real = await loc.host.realpath(path);
  const roots = await Promise.all([loc.projectDir, ...shippedFolders(loc)].map((d) => loc.host.realpath(d)));
  return roots.some((root) => isInside(root, real));
}

const themeName = (f: string) => THEME_EXTENSIONS.find((e) => f.toLowerCase().endsWith(e)) && f.replace(/\.[^.]+$/, '');

/** Every theme name a user can write, for "did you mean". */
export async function availableThemes(loc: ThemeLocations): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of await themeDirs(loc)) {
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
    return pathInside(loc, baseDir, given, 'theme', at);
  }
  for (const dir of await themeDirs(loc)) {
    for (const ext of THEME_EXTENSIONS) {
      const candidate = join(dir, given + ext);
      if (!(await loc.host.exists(candidate))) continue;
      // A link in templates/ to a file elsewhere: refused before it is read, so that none of
      // its text can reach a message (a CI log) through a code frame.
      if (!loc.allowOutside && !(await isConfined(candidate, loc))) {
        loc.diagnostics.error(
          'path-outside-project',
          `theme \`${given}\` (${displayPath(candidate, loc.cwd)}) is a link to a file outside the project folder`,
          at,
          'copy the theme into templates/, or build with --allow-outside-paths',
        );
        return undefined;
      }
      return candidate;
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

/**
 * A path a theme names, resolved (symlinks followed) inside the project or briefdeck's shipped
 * folders; outside them an error at `at` and undefined (`--allow-outside-paths` lifts it).
 */
async function pathInside(
  loc: ThemeLocations,
  baseDir: string,
  given: string,
  what: string,
  at: Origin | undefined,
): Promise<string | undefined> {
  const { path, outside } = await resolveInside(
    loc.host,
    loc.projectDir,
    baseDir,
    given,
    loc.allowOutside,
    shippedFolders(loc),
  );
  if (!outside) return path;
  loc.diagnostics.error(
    'path-outside-project',
    `${what} ${given} is outside the project folder`,
    at,
    outsideProjectHint(loc.projectDir, loc.cwd),
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
    const fontPath = await pathInside(loc, dirname(path), f.file, 'font file', at);
    if (fontPath === undefined) continue;
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
    const limits = loc.limits ?? DEFAULT_LIMITS;
    const size = (await loc.host.stat(fontPath))?.size ?? 0;
    if (size > limits.maxFontBytes) {
      loc.diagnostics.error(
        'input-too-large',
        `font file ${f.file} is ${(size / 1024 / 1024).toFixed(1)} MB, larger than a font should be`,
        at,
        raiseHint('maxFontBytes', limits),
      );
      continue;
    }
    const data = await readInputBytes(loc.host, fontPath, 'font', displayPath(fontPath, loc.cwd), loc.diagnostics, at);
    if (!data) continue;
    // Checked here, before canvas or the measurer parse it: their errors are not diagnostics.
    const problem = fontProblem(data);
    if (problem) {
      loc.diagnostics.error('asset-missing', `font file ${f.file} cannot be used: ${problem}`, at);
      continue;
    }
    out.push({
      path: fontPath,
      sha256: createHash('sha256').update(data).digest('hex'),
      family: f.family,
      weight: f.weight ?? 'normal',
      style: f.style ?? 'normal',
    });
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
    chain.unshift({
      input,
      file,
      dir: dirname(path),
      locate,
      fontFiles,
      ...(content.template ? { template: content.template } : {}),
    });
    // `template: house.potx`: the template's theme comes just before this file, which adjusts it.
    if (input.template) {
      const link = await templateLink(input.template, dirname(path), locate.at(['template']), loc);
      if (!link) return undefined;
      chain.unshift(link);
    }
    next = input.extends ? { given: input.extends, baseDir: dirname(path), at: locate.at(['extends']) } : undefined;
  }
  return chain;
}

/** The theme link of a template a theme YAML names, with the path confined like every theme path. */
async function templateLink(
  given: string,
  baseDir: string,
  at: Origin,
  loc: ThemeLocations,
): Promise<ThemeLink | undefined> {
  if (!templateTheme.extensions.includes(extname(given).toLowerCase())) {
    loc.diagnostics.error('template-unreadable', `template ${given} is not a .potx or .pptx file`, at);
    return undefined;
  }
  const path = await pathInside(loc, baseDir, given, 'template', at);
  if (path === undefined) return undefined;
  if (!(await loc.host.exists(path))) {
    loc.diagnostics.error(
      'file-not-found',
      `template not found: ${displayPath(path, loc.cwd)}`,
      at,
      await nearMissOf(loc.host, given, path)(),
    );
    return undefined;
  }
  const file = displayPath(path, loc.cwd);
  const content = await templateTheme.read(path, file, loc, at);
  if (!content?.template) return undefined;
  return {
    input: content.input,
    file,
    dir: dirname(path),
    locate: content.locate,
    fontFiles: [],
    template: content.template,
  };
}

/** The logo a merged theme names, read and checked: a PNG or JPEG. */
export async function loadLogo(
  logo: { given: string; baseDir: string; at: Origin },
  loc: ThemeLocations,
): Promise<Theme['logo'] | undefined> {
  const path = await pathInside(loc, logo.baseDir, logo.given, 'logo', logo.at);
  if (path === undefined) return undefined;
  const file = displayPath(path, loc.cwd);
  const data = await readInputBytes(loc.host, path, 'asset', file, loc.diagnostics, logo.at);
  if (!data) return undefined;
  const image = inspectImage(data);
  if (!image.ok) {
    loc.diagnostics.error('asset-missing', `logo ${logo.given} cannot be used: ${image.reason}`, logo.at, {
      hint: 'save the logo again as a PNG or JPEG',
    });
    return undefined;
  }
  const limits = loc.limits ?? DEFAULT_LIMITS;
  if (Math.max(image.width, image.height) > limits.maxImagePixels) {
    loc.diagnostics.error(
      'input-too-large',
      `logo ${logo.given} is ${image.width} × ${image.height} pixels, larger than briefdeck uses`,
      logo.at,
      `scale it down; ${raiseHint('maxImagePixels', limits)}`,
    );
    return undefined;
  }
  return { file, data, width: image.width, height: image.height };
}
