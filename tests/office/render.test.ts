import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { previewCommand } from '../../src/cli/preview.js';
import { inspectPptx } from '../../src/inspect/index.js';
import { convertWithOffice, findPreviewTools, previewDecks, type DeckPreview } from '../../src/preview/index.js';
import { tempProject } from '../helpers/project.js';
import { chartBoxes, inkShare, workbookMismatches } from './checks.js';
import { buildShipped, SHIPPED } from './decks.js';
import { isChartPart, validatePptx } from './validator.js';

/**
 * The shipped decks in real office software: LibreOffice renders each (all in one soffice call,
 * its start-up being most of the time), and re-saves each as .pptx (a second call). A broken copy
 * of the flagship goes through the same checks and must fail them.
 */
const tools = findPreviewTools(process.env.PATH);
let dir: string;
const decks: string[] = [];
let broken: string;
const previews = new Map<string, DeckPreview>();
const resaved: string[] = [];

interface SlideCheck {
  pages: number;
  slides: number;
  blankCharts: { slide: number; ink: number }[];
  chartsSeen: number;
}

/** Pages against slides, and the ink inside every chart box of every slide's PNG. */
async function checkRender(deck: string, preview: DeckPreview): Promise<SlideCheck> {
  const zip = await JSZip.loadAsync(readFileSync(deck));
  const presentation = await zip.file('ppt/presentation.xml')!.async('string');
  const slideWidth = Number(/<p:sldSz cx="(\d+)"/.exec(presentation)![1]);
  const slides = (await inspectPptx(readFileSync(deck))).slides.length;
  const blankCharts: SlideCheck['blankCharts'] = [];
  let chartsSeen = 0;
  for (let n = 1; n <= Math.min(slides, preview.slides.length); n++) {
    const xml = await zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
    const png = PNG.sync.read(readFileSync(preview.slides[n - 1]!));
    for (const box of chartBoxes(xml)) {
      chartsSeen++;
      const ink = inkShare(png, box, slideWidth);
      if (ink < 0.01) blankCharts.push({ slide: n, ink });
    }
  }
  return { pages: preview.slides.length, slides, blankCharts, chartsSeen };
}

beforeAll(async () => {
  dir = tempProject();
  decks.push(...(await buildShipped(join(dir, 'built'))));
  // The broken deck: the flagship with its first chart picture (slide 8) blanked and a later
  // slide hidden (LibreOffice leaves hidden slides out of the PDF).
  const zip = await JSZip.loadAsync(readFileSync(decks[SHIPPED.indexOf('opening-up.yaml')]!));
  const slide8 = await zip.file('ppt/slides/slide8.xml')!.async('string');
  const slide8Rels = await zip.file('ppt/slides/_rels/slide8.xml.rels')!.async('string');
  const embed = /<p:cNvPr [^>]*name="Chart"[\s\S]*?r:embed="([^"]+)"/.exec(slide8)![1];
  const media = new RegExp(`Id="${embed}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(slide8Rels)![1];
  const original = PNG.sync.read(await zip.file(`ppt/media/${media}`)!.async('nodebuffer'));
  const white = new PNG({ width: original.width, height: original.height });
  white.data.fill(255);
  zip.file(`ppt/media/${media}`, PNG.sync.write(white));
  const slide20 = await zip.file('ppt/slides/slide20.xml')!.async('string');
  zip.file('ppt/slides/slide20.xml', slide20.replace('<p:sld ', '<p:sld show="0" '));
  mkdirSync(join(dir, 'broken'));
  broken = join(dir, 'broken', 'broken.pptx');
  writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));

  const rendered = await previewDecks([...decks, broken], tools, { outDir: join(dir, 'preview'), dpi: 50 });
  for (const p of rendered) previews.set(p.deck, p);
  mkdirSync(join(dir, 'resaved'));
  resaved.push(...(await convertWithOffice(tools.soffice, decks, 'pptx', join(dir, 'resaved'))));
}, 300_000);

describe('the shipped decks in LibreOffice', () => {
  it('render one page per slide, and every chart area has something drawn in it', async () => {
    for (const deck of decks) {
      const check = await checkRender(deck, previews.get(deck)!);
      expect(check.pages, basename(deck)).toBe(check.slides);
      expect(check.blankCharts, basename(deck)).toEqual([]);
    }
    const gallery = await checkRender(
      decks[SHIPPED.indexOf('chart-gallery.yaml')]!,
      previews.get(decks[SHIPPED.indexOf('chart-gallery.yaml')]!)!,
    );
    // Sixteen pictures and sixteen native charts: the check looked inside every one.
    expect(gallery.chartsSeen).toBe(32);
  });

  it('fail those checks for a deck with a hidden slide and a blank chart', async () => {
    const check = await checkRender(broken, previews.get(broken)!);
    expect(check.pages).toBe(check.slides - 1);
    expect(check.blankCharts.map((b) => b.slide)).toEqual([8]);
  });

  it('re-save as .pptx files that open, keep every slide and title, and validate', async () => {
    for (const [i, deck] of decks.entries()) {
      const before = await inspectPptx(readFileSync(deck));
      const after = await inspectPptx(readFileSync(resaved[i]!));
      expect(
        after.slides.map((s) => s.title),
        basename(deck),
      ).toEqual(before.slides.map((s) => s.title));
      // LibreOffice's own chart parts have findings of its making (c:dLbl order): not checked.
      const findings = (await validatePptx(resaved[i]!)).filter((f) => !isChartPart(f));
      expect(findings, basename(deck)).toEqual([]);
    }
    // One validator run per shipped deck, a deck per row of province-briefs included.
  }, 240_000);

  it('embed chart workbooks whose cells equal the values cached in the charts', async () => {
    const gallery = await workbookMismatches(readFileSync(decks[SHIPPED.indexOf('chart-gallery.yaml')]!));
    expect(gallery).toEqual({ charts: 16, mismatches: [] });
    for (const deck of decks) expect((await workbookMismatches(readFileSync(deck))).mismatches).toEqual([]);
  });

  it('report a workbook that disagrees with its chart', async () => {
    const zip = await JSZip.loadAsync(readFileSync(decks[SHIPPED.indexOf('chart-gallery.yaml')]!));
    const chart = await zip.file('ppt/charts/chart2.xml')!.async('string');
    const first = /<c:val>[\s\S]*?<c:pt idx="0"><c:v>([^<]+)<\/c:v>/.exec(chart)!;
    zip.file('ppt/charts/chart2.xml', chart.replace(first[0], first[0].replace(`<c:v>${first[1]}`, '<c:v>999')));
    const { mismatches } = await workbookMismatches(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(mismatches).toEqual([
      { chart: 'ppt/charts/chart2.xml', ref: 'Sheet1!B2', cache: '999', workbook: first[1] },
    ]);
  });
});

describe('briefdeck preview', () => {
  it('writes a PDF, one PNG per slide and a numbered contact sheet', () => {
    const p = previews.get(decks[SHIPPED.indexOf('opening-up-zh.yaml')]!)!;
    expect(basename(p.pdf)).toBe('opening-up-zh.pdf');
    expect(p.slides.map((s) => basename(s))).toEqual(
      Array.from({ length: 15 }, (_, i) => `opening-up-zh-slide-${String(i + 1).padStart(2, '0')}.png`),
    );
    const sheet = PNG.sync.read(readFileSync(p.contactSheet));
    // Four columns of 320-pixel thumbnails with 12-pixel gaps; four rows for 15 slides.
    expect(sheet.width).toBe(12 + 4 * (320 + 12));
    expect(sheet.height).toBe(12 + 4 * (180 + 22 + 12));
    // The number under the first thumbnail is drawn in dark ink.
    let dark = 0;
    for (let y = 12 + 180 + 4; y < 12 + 180 + 20; y++)
      for (let x = 12; x < 40; x++) if (sheet.data[(y * sheet.width + x) * 4]! < 100) dark++;
    expect(dark).toBeGreaterThan(10);
  });

  it('says which Debian packages to install, and exits 2, without LibreOffice', async () => {
    let err = '';
    const io = { stdout: () => {}, stderr: (t: string) => (err += t), color: false, cwd: dir };
    const code = await previewCommand([decks[0]!], { out: 'p', pathEnv: '/nonexistent' }, io);
    expect(code).toBe(2);
    expect(err).toBe(
      'briefdeck: preview needs LibreOffice (soffice) and pdftoppm, which are not installed; ' +
        'on Debian or Ubuntu: apt-get install --no-install-recommends libreoffice-impress poppler-utils\n',
    );
  });

  it('builds an outline and previews it from the command line', async () => {
    const project = tempProject({
      'deck.yaml':
        'title: Preview\nsections:\n  - title: One\n    slides:\n      - { type: bullets, title: Facts, bullets: [a, b] }\n',
    });
    copyFileSync(decks[0]!, join(project, 'other.pptx'));
    let out = '';
    const io: Io = { stdout: (t) => (out += t), stderr: (t) => (out += t), color: false, cwd: project };
    expect(await main(['preview', 'deck.yaml', '--out', 'shots'], io)).toBe(0);
    expect(out).toBe(
      'previewed shots/deck.pptx: 3 pages in shots/deck.pdf, contact sheet shots/deck-contact-sheet.png\n',
    );
  });
});
