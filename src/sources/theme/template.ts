import { basename, extname } from 'node:path';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/hints.js';
import type { Host } from '../../host/types.js';
import type { Theme } from '../../model.js';
import type { Locator } from '../../schema/locator.js';
import { readTemplate } from '../../template/read.js';
import { layoutByName } from '../../template/choose.js';
import { TemplateError, type HouseTemplate } from '../../template/types.js';
import { fileOrigin, type Origin } from '../origin.js';
import { readInputBytes } from '../read.js';
import type { ThemeAdapter } from './adapter.js';
import type { ThemeLink } from './index.js';
import { themeInputFromTemplate } from './from-template.js';

/** Reads a .potx/.pptx through the host; a file briefdeck cannot use becomes a diagnostic. */
export async function loadHouseTemplate(
  path: string,
  file: string,
  ctx: { host: Host; diagnostics: Diagnostics },
  at?: Origin,
): Promise<HouseTemplate | undefined> {
  const bytes = await readInputBytes(ctx.host, path, 'template', file, ctx.diagnostics, at);
  if (!bytes) return undefined;
  try {
    return await readTemplate(bytes, file);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    ctx.diagnostics.error('template-unreadable', `template ${file} ${e.message}`, at ?? fileOrigin(file));
    return undefined;
  }
}

/** A locator for a theme that is not a text: every value is "in the file". */
function wholeFileLocator(file: string): Locator {
  return {
    at: () => fileOrigin(file),
    inString: () => fileOrigin(file),
    keysInOrder: () => undefined,
    commentedValue: () => false,
  };
}

/** An organisation's PowerPoint template named as the theme: `theme: templates/house.potx`. */
export const templateTheme: ThemeAdapter = {
  extensions: ['.potx', '.pptx'],
  async read(path, file, ctx, at) {
    const template = await loadHouseTemplate(path, file, ctx, at);
    if (!template) return undefined;
    const input = themeInputFromTemplate(template, basename(path, extname(path)));
    return { input, locate: wholeFileLocator(file), template };
  },
};

/** The layout names a chain of themes gives, the nearest theme's per role, with where each is written. */
export function layoutNamesOf(chain: readonly ThemeLink[]): { role: string; name: string; at: Origin }[] {
  const byRole = new Map<string, { role: string; name: string; at: Origin }>();
  for (const link of chain)
    for (const [role, name] of Object.entries(link.input.layouts ?? {}))
      if (name !== undefined) byRole.set(role, { role, name, at: link.locate.at(['layouts', role]) });
  return [...byRole.values()];
}

/**
 * Layout names a theme gives (`layouts: { chart: Title Only }`) must be layouts of its template:
 * checked once the chain is merged, where the theme that wrote them is known.
 */
export function checkLayoutNames(
  theme: Theme,
  written: { role: string; name: string; at: Origin }[],
  diagnostics: Diagnostics,
): void {
  for (const { role, name, at } of written) {
    if (!theme.template) {
      diagnostics.error(
        'unknown-layout',
        `layouts: ${role} names a template layout, but this theme names no template`,
        at,
        'add `template: house.potx` to the theme, or remove `layouts:`',
      );
      continue;
    }
    if (layoutByName(theme.template, name)) continue;
    const names = [...new Set(theme.template.layouts.map((l) => l.name))];
    diagnostics.error(
      'unknown-layout',
      `template ${theme.template.file} has no layout named "${name}"`,
      at,
      didYouMean(name, names) ?? `its layouts: ${names.join(', ')}`,
    );
  }
}
