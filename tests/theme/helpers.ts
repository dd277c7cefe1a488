import { join } from 'node:path';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { NodeHost } from '../../src/host/node.js';
import type { Theme } from '../../src/model.js';
import { mergeThemes } from '../../src/resolve/theme.js';
import { loadThemeChain } from '../../src/sources/theme/index.js';
import type { OpenedDeck } from '../helpers/pptx.js';
import { textsOf } from '../helpers/pptx.js';
import { REPO } from '../helpers/project.js';

/** A theme as a build reads it: the file and everything it extends, merged over the base. */
export async function loadTheme(name: string, projectDir = REPO): Promise<Theme> {
  const diagnostics = new Diagnostics();
  const chain = await loadThemeChain(name, join(projectDir, 'decks'), undefined, {
    host: new NodeHost(),
    diagnostics,
    texts: new Map(),
    projectDir,
    packageDir: REPO,
    cwd: projectDir,
    allowOutside: false,
  });
  if (!chain)
    throw new Error(
      `theme ${name}: ${diagnostics
        .sorted()
        .map((d) => d.message)
        .join('; ')}`,
    );
  return mergeThemes(chain).theme;
}

/** Every text of the deck's masters and layouts: where footers, markings and logos live. */
export async function masterTexts(deck: OpenedDeck): Promise<string[]> {
  const parts = deck.names.filter((n) => /^ppt\/(slideMasters|slideLayouts)\/[^/]+\.xml$/.test(n));
  // Runs that begin or end with spaces carry xml:space="preserve".
  const texts = (xml: string) =>
    [...xml.matchAll(/<a:t(?: [^>]*)?>([^<]*)<\/a:t>/g)].map((m) => textsOf(`<a:t>${m[1]!}</a:t>`)[0]!);
  return (await Promise.all(parts.map((p) => deck.file(p)))).flatMap(texts);
}
