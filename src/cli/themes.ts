import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { NodeHost } from '../host/node.js';
import type { Host } from '../host/types.js';
import { PACKAGE_DIR } from '../options.js';
import { findProjectDir } from '../project.js';
import { displayPath } from '../sources/paths.js';
import { THEME_ADAPTERS } from '../sources/theme/index.js';

interface ThemesIo {
  stdout: (text: string) => void;
  cwd: string;
}

export interface ThemeEntry {
  /** What an outline writes: `theme: NAME`. */
  name: string;
  description?: string;
  file: string;
  shipped: boolean;
}

const EXTENSIONS = Object.values(THEME_ADAPTERS).flatMap((a) => a.extensions);

/** A theme file's own description, if it is YAML and says one; a file that does not parse has none. */
async function describe(host: Host, path: string): Promise<string | undefined> {
  if (!/\.ya?ml$/i.test(path)) return undefined;
  try {
    const doc: unknown = parse(await host.readText(path, 'theme'));
    const d = (doc as { description?: unknown } | null)?.description;
    return typeof d === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The themes in the project's templates/ and briefdeck's own, the project's first: a project
 * theme of the same name is the one an outline gets, and hides the shipped one.
 */
export async function listThemes(projectDir: string, host: Host = new NodeHost()): Promise<ThemeEntry[]> {
  const out: ThemeEntry[] = [];
  const dirs = [join(projectDir, 'templates'), join(PACKAGE_DIR, 'templates')];
  for (const dir of [...new Set(dirs)]) {
    if ((await host.stat(dir))?.kind !== 'dir') continue;
    for (const f of (await host.list(dir)).sort()) {
      const ext = EXTENSIONS.find((e) => f.toLowerCase().endsWith(e));
      if (!ext) continue;
      const name = f.slice(0, -ext.length);
      if (out.some((t) => t.name === name)) continue;
      const description = await describe(host, join(dir, f));
      out.push({
        name,
        file: join(dir, f),
        shipped: dir === join(PACKAGE_DIR, 'templates'),
        ...(description ? { description } : {}),
      });
    }
  }
  return out;
}

/** `briefdeck themes`: one line per theme, name and description, then where it lives. */
export async function themesCommand(flags: { project?: string }, io: ThemesIo): Promise<number> {
  const host = new NodeHost();
  const projectDir = flags.project ?? (await findProjectDir(join(io.cwd, 'outline.yaml'), host)).dir;
  const themes = await listThemes(projectDir, host);
  const width = Math.max(...themes.map((t) => t.name.length), 4);
  for (const t of themes) {
    const where = t.shipped ? 'briefdeck' : displayPath(t.file, io.cwd);
    io.stdout(`${t.name.padEnd(width)}  ${t.description ?? basename(t.file)}  (${where})\n`);
  }
  if (!themes.length) io.stdout('no themes found\n');
  return 0;
}
