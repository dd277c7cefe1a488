import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../emit.js';
import { NodeHost } from '../host/node.js';
import { isHostError } from '../host/types.js';
import { importedThemeYaml } from '../sources/theme/import.js';
import { readTemplate } from '../template/read.js';
import { templateLogoImage } from '../template/logo.js';
import { TemplateError, type HouseTemplate } from '../template/types.js';

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
  let template: HouseTemplate;
  try {
    template = await readTemplate(bytes, shown(path, io.cwd));
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    io.stderr(`${e.file}: ${e.message}\n`);
    return 1;
  }
  // The template's logo goes into a file beside the theme, which names it: the theme then shows
  // it on decks built without the template too. The same file from an earlier import is kept.
  const image = templateLogoImage(template);
  const logo =
    image && 'data' in image
      ? {
          path: join(dirname(out), `assets/${basename(file, extname(file))}-logo.${image.extension}`),
          data: image.data,
        }
      : undefined;
  let logoWritten = false;
  if (logo) {
    const existing = (await host.exists(logo.path)) ? await host.readBytes(logo.path, 'asset') : undefined;
    if (existing && !existing.equals(logo.data) && !flags.force) {
      io.stderr(
        `briefdeck: ${shown(logo.path, io.cwd)} exists and is not the template's logo; add --force to replace it, or move it\n`,
      );
      return 2;
    }
    logoWritten = !existing?.equals(logo.data);
  }
  // The theme names the template and the logo relative to itself, as every path in a theme is.
  const ref = (to: string) => relative(dirname(out), to).split(sep).join('/');
  const yaml = importedThemeYaml(
    template,
    themeName(out),
    ref(path),
    logo && template.logo ? { ref: ref(logo.path), box: template.logo.box } : undefined,
  );
  if (logo && logoWritten) writeFileAtomic(logo.path, logo.data);
  writeFileAtomic(out, Buffer.from(yaml));
  io.stdout(`wrote ${shown(out, io.cwd)}: build with \`theme: ${shown(out, io.cwd)}\` (relative to the outline)\n`);
  if (logo) io.stdout(`logo: ${shown(logo.path, io.cwd)}, the picture the template's ${logoSource(template)} shows\n`);
  else if (image && 'problem' in image) io.stdout(`no logo written: ${template.file} ${image.problem}\n`);
  else io.stdout(`no logo written: ${template.file} shows no picture on its slide master or title layout\n`);
  return 0;
}

const logoSource = (t: HouseTemplate) => (t.logo?.on.includes('slideMaster') ? 'slide master' : 'title layout');

const shown = (path: string, cwd: string) => relative(cwd, path).split(sep).join('/') || path;
const themeName = (out: string) => basename(out, extname(out));
const join = (dir: string, name: string) => (dir === '.' ? name : `${dir}/${name}`);
