import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The Debian packages that provide what previews run: LibreOffice Impress (soffice) and pdftoppm. */
export const PREVIEW_PACKAGES = ['libreoffice-impress', 'poppler-utils'] as const;

export interface PreviewTools {
  soffice: string;
  pdftoppm: string;
}

export class MissingToolsError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `preview needs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed; ` +
        `on Debian or Ubuntu: apt-get install --no-install-recommends ${PREVIEW_PACKAGES.join(' ')}`,
    );
  }
}

/** Finds soffice and pdftoppm on PATH; throws MissingToolsError naming what to install. */
export function findPreviewTools(pathEnv: string | undefined): PreviewTools {
  const dirs = (pathEnv ?? '').split(delimiter).filter(Boolean);
  const find = (...names: string[]) => {
    for (const dir of dirs)
      for (const name of names) {
        const file = join(dir, name);
        try {
          accessSync(file, constants.X_OK);
          return file;
        } catch {
          // Not in this folder.
        }
      }
    return undefined;
  };
  const soffice = find('soffice', 'libreoffice');
  const pdftoppm = find('pdftoppm');
  const missing = [...(soffice ? [] : ['LibreOffice (soffice)']), ...(pdftoppm ? [] : ['pdftoppm'])];
  if (!soffice || !pdftoppm) throw new MissingToolsError(missing);
  return { soffice, pdftoppm };
}
