import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../emit.js';
import { NodeHost } from '../host/node.js';
import { isHostError } from '../host/types.js';
import { importedThemeYaml } from '../sources/theme/import.js';
import { readTemplate } from '../template/read.js';
import { TemplateError } from '../template/types.js';

interface ImportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/**
 * `briefdeck theme import house.potx [--out templates/house.yaml]`: 0 written; 1 a template
 * briefdeck cannot use; 2 usage (no such file, not .potx/.pptx, an existing output without --force).
 */
export async function themeImportCommand(
  file: string,
  flags: { out?: string; force?: boolean },
  io: ImportIo,
): Promise<number> {
  const path = resolve(io.cwd, file);
  if (!['.potx', '.pptx'].includes(extname(path).toLowerCase())) {
    io.stderr(`briefdeck: ${file} is not a .potx or .pptx file\n`);
    return 2;
  }
  const out = resolve(io.cwd, flags.out ?? join(dirname(file), `${basename(file, extname(file))}.yaml`));
  if (extname(out).toLowerCase() !== '.yaml' && extname(out).toLowerCase() !== '.yml') {
    io.stderr(`briefdeck: --out ${flags.out} should end in .yaml\n`);
    return 2;
  }
  const host = new NodeHost();
  if (!flags.force && (await host.exists(out))) {
    io.stderr(`briefdeck: ${shown(out, io.cwd)} exists; add --force to replace it, or name another with --out\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await host.readBytes(path, 'template');
  } catch (e) {
    if (!isHostError(e)) throw e;
    io.stderr(`briefdeck: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}\n`);
    return 2;
  }
  let yaml: string;
  try {
    const template = await readTemplate(bytes, shown(path, io.cwd));
    // The theme names the template relative to itself, as every path in a theme is.
    const ref = relative(dirname(out), path).split(sep).join('/');
    yaml = importedThemeYaml(template, themeName(out), ref);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    io.stderr(`${e.file}: ${e.message}\n`);
    return 1;
  }
  writeFileAtomic(out, Buffer.from(yaml));
  io.stdout(`wrote ${shown(out, io.cwd)}: build with \`theme: ${shown(out, io.cwd)}\` (relative to the outline)\n`);
  return 0;
}

const shown = (path: string, cwd: string) => relative(cwd, path).split(sep).join('/') || path;
const themeName = (out: string) => basename(out, extname(out));
const join = (dir: string, name: string) => (dir === '.' ? name : `${dir}/${name}`);
