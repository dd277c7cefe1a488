import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { drawContactSheet, type ContactSheetOptions } from './contact-sheet.js';
import { convertWithOffice } from './office.js';
import { pdfToPngs } from './raster.js';
import type { PreviewTools } from './tools.js';

export { drawContactSheet } from './contact-sheet.js';
export { convertWithOffice, type OfficeTarget } from './office.js';
export { pdfToPngs } from './raster.js';
export { ToolError } from './run.js';
export { findPreviewTools, MissingToolsError, PREVIEW_PACKAGES, type PreviewTools } from './tools.js';

export interface PreviewOptions {
  outDir: string;
  /** Resolution of the slide PNGs (96 gives 1280 × 720 for a 16:9 slide). */
  dpi?: number;
  /** For LibreOffice's one conversion of all the decks. */
  timeoutMs?: number;
  contactSheet?: ContactSheetOptions;
}

export interface DeckPreview {
  deck: string;
  pdf: string;
  slides: string[];
  contactSheet: string;
}

/**
 * Renders decks as their reader will see them: a PDF by LibreOffice, one PNG per slide and a
 * contact sheet, named `<deck>.pdf`, `<deck>-slide-NN.png`, `<deck>-contact-sheet.png` in
 * outDir. Everything is made in a scratch folder and moved in at the end, so a failed or
 * interrupted preview leaves the previous one whole; slide PNGs of a previous, longer version
 * of a deck are removed.
 */
export async function previewDecks(
  decks: string[],
  tools: PreviewTools,
  options: PreviewOptions,
): Promise<DeckPreview[]> {
  mkdirSync(options.outDir, { recursive: true });
  const scratch = mkdtempSync(join(options.outDir, '.preview-'));
  try {
    const pdfs = await convertWithOffice(tools.soffice, decks, 'pdf', scratch, options.timeoutMs);
    const previews: DeckPreview[] = [];
    const moves: [string, string][] = [];
    for (const [i, deck] of decks.entries()) {
      const name = basename(deck, extname(deck));
      const pages = await pdfToPngs(tools.pdftoppm, pdfs[i]!, scratch, `${name}-page`, options.dpi ?? 96);
      const width = Math.max(2, String(pages.length).length);
      const slides = pages.map((p, n) => {
        const final = join(options.outDir, `${name}-slide-${String(n + 1).padStart(width, '0')}.png`);
        moves.push([p, final]);
        return final;
      });
      const sheet = join(scratch, `${name}-contact-sheet.png`);
      writeFileSync(sheet, await drawContactSheet(pages, options.contactSheet));
      const contactSheet = join(options.outDir, `${name}-contact-sheet.png`);
      const pdf = join(options.outDir, `${name}.pdf`);
      moves.push([sheet, contactSheet], [pdfs[i]!, pdf]);
      previews.push({ deck, pdf, slides, contactSheet });
    }
    const keep = new Set(moves.map(([, to]) => basename(to)));
    const names = new Set(decks.map((d) => basename(d, extname(d))));
    for (const f of readdirSync(options.outDir)) {
      const m = /^(.*)-slide-\d+\.png$/.exec(f);
      if (m && names.has(m[1]!) && !keep.has(f)) rmSync(join(options.outDir, f));
    }
    for (const [from, to] of moves) renameSync(from, to);
    return previews;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
