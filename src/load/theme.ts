import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import { didYouMean, listOf } from '../diagnostics/hints.js';
import type { FontFile, Theme } from '../model.js';
import { ThemeInput, type ThemeInputType } from '../schema/theme.js';
import { validateAgainst } from '../schema/validate.js';
import { nearMissOf, readBytes, readText } from './files.js';
import { imageSize } from './image-size.js';
import { displayPath, resolveInside } from './paths.js';
import { parseYamlSource, spanAt, toPlain } from './yaml-source.js';

export interface ThemeLocations {
  projectDir: string;
  /** The outline's folder: a project's templates/ is found beside it or one level up. */
  outlineDir?: string;
  /** briefdeck's own folder, holding the shipped templates/. */
  packageDir: string;
  cwd: string;
  allowOutside: boolean;
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

/** Every theme name a user can write, for "did you mean". */
export function availableThemes(loc: ThemeLocations): string[] {
  const names = new Set<string>();
  for (const dir of themeDirs(loc)) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/\.ya?ml$/.test(f)) names.add(f.replace(/\.ya?ml$/, ''));
  }
  return [...names].sort();
}

function isPath(given: string): boolean {
  return /[\\/]/.test(given) || /\.ya?ml$/i.test(given);
}

/** Finds a theme by name or path; reports an unknown name with the nearest known one. */
function locate(
  given: string,
  baseDir: string,
  at: Span | undefined,
  loc: ThemeLocations,
  diagnostics: Diagnostics,
): string | undefined {
  if (isPath(given)) {
    const { path, outside } = resolveInside(loc.projectDir, baseDir, given, loc.allowOutside, shippedFolders(loc));
    if (outside) {
      diagnostics.error(
        'path-outside-project',
        `theme ${given} is outside the project folder`,
        at,
        'copy the theme into templates/, or build with --allow-outside-paths',
      );
      return undefined;
    }
    return path;
  }
  for (const dir of themeDirs(loc)) {
    for (const ext of ['.yaml', '.yml']) {
      const candidate = join(dir, given + ext);
      if (existsSync(candidate)) return candidate;
    }
  }
  const known = availableThemes(loc);
  diagnostics.error(
    'unknown-theme',
    `unknown theme \`${given}\``,
    at,
    didYouMean(given, known) ?? (known.length ? `themes: ${listOf(known)}` : undefined),
  );
  return undefined;
}

export interface ThemeChain {
  /** The theme files, the most general first. */
  inputs: { input: ThemeInputType; file: string; fontFiles: FontFile[] }[];
  logo?: Theme['logo'];
}

/** Reads a theme and everything it extends; resolve/theme.ts merges them. */
export function loadThemeChain(
  given: string,
  baseDir: string,
  at: Span | undefined,
  loc: ThemeLocations,
  diagnostics: Diagnostics,
  sourcesOut: Map<string, string>,
): ThemeChain | undefined {
  const chain: { input: ThemeInputType; file: string; fontFiles: FontFile[] }[] = [];
  const seen: string[] = [];
  let logo: Theme['logo'];
  // The nearest theme that says anything about the logo decides it; `none` means no logo.
  let logoDecided = false;
  let next: { given: string; baseDir: string; at: Span | undefined } | undefined = { given, baseDir, at };
  while (next) {
    const path = locate(next.given, next.baseDir, next.at, loc, diagnostics);
    if (!path) return undefined;
    if (seen.includes(path) || seen.length >= MAX_CHAIN) {
      diagnostics.error(
        'theme-cycle',
        `theme ${displayPath(path, loc.cwd)} extends itself through ${seen.map((s) => displayPath(s, loc.cwd)).join(' → ')}`,
        next.at,
      );
      return undefined;
    }
    seen.push(path);
    const shown = displayPath(path, loc.cwd);
    const text = readText(path, shown, diagnostics, next.at);
    if (text === undefined) return undefined;
    sourcesOut.set(shown, text);
    const source = parseYamlSource(shown, path, text, diagnostics);
    if (!source) return undefined;
    const plain = toPlain(source, diagnostics);
    if (!plain) return undefined;
    const input = validateAgainst(ThemeInput, plain.value ?? {}, source, diagnostics);
    if (!input) return undefined;
    const fontFiles = (input.fonts?.files ?? []).flatMap((f, i): FontFile[] => {
      const at = spanAt(source, ['fonts', 'files', i, 'file']);
      const { path: fontPath, outside } = resolveInside(
        loc.projectDir,
        dirname(path),
        f.file,
        loc.allowOutside,
        shippedFolders(loc),
      );
      if (outside) {
        diagnostics.error('path-outside-project', `font file ${f.file} is outside the project folder`, at);
        return [];
      }
      if (!existsSync(fontPath)) {
        diagnostics.error(
          'asset-missing',
          `font file not found: ${displayPath(fontPath, loc.cwd)}`,
          at,
          nearMissOf(f.file, fontPath)(),
        );
        return [];
      }
      if (!/\.(ttf|otf|ttc)$/i.test(fontPath)) {
        diagnostics.error('asset-missing', `font file ${f.file} is not a .ttf, .otf or .ttc file`, at);
        return [];
      }
      return [{ path: fontPath, family: f.family, weight: f.weight ?? 'normal', style: f.style ?? 'normal' }];
    });
    chain.unshift({ input, file: shown, fontFiles });
    if ((input.logo === null || input.logo === 'none') && !logoDecided) logoDecided = true;
    if (typeof input.logo === 'string' && input.logo !== 'none' && !logoDecided) {
      logoDecided = true;
      const logoAt = spanAt(source, ['logo']);
      const { path: logoPath, outside } = resolveInside(
        loc.projectDir,
        dirname(path),
        input.logo,
        loc.allowOutside,
        shippedFolders(loc),
      );
      if (outside) {
        diagnostics.error('path-outside-project', `logo ${input.logo} is outside the project folder`, logoAt);
      } else {
        const data = readBytes(logoPath, displayPath(logoPath, loc.cwd), diagnostics, logoAt);
        if (data) {
          const size = imageSize(data);
          if (!size) diagnostics.error('asset-missing', `logo ${input.logo} is not a PNG or JPEG image`, logoAt);
          else logo = { file: displayPath(logoPath, loc.cwd), data, ...size };
        }
      }
    }
    next = input.extends
      ? { given: input.extends, baseDir: dirname(path), at: spanAt(source, ['extends']) }
      : undefined;
  }
  return { inputs: chain, ...(logo ? { logo } : {}) };
}
