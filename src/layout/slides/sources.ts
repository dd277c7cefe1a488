import type { LaidOutSlide, ResolvedSlide } from '../../model.js';
import { lineFactor } from '../fit.js';
import { fitBullets, packBullets } from '../bullets.js';
import { TEXT_INSETS, textRuns, type LayoutContext } from '../frame.js';
import { runLang } from '../lang.js';
import { bodyForPages, contentSlide, continued } from './content.js';

type Slide = Extract<ResolvedSlide, { kind: 'sources' }>;

/** The closing list of every source a slide cited, numbered. */
export function layoutSourcesSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { sizes, palette } = ctx.theme;
  const start = Math.max(Math.min(sizes.body, sizes.sourceList), sizes.bodyMin);
  const items = slide.entries.map((text) => ({ text, level: 0 as const }));
  const b = bodyForPages(slide, slide.title, ctx);
  const box = { x: b.left, y: b.top, w: b.width, h: b.bottom - b.top };
  const fit = fitBullets(items, box, start, sizes.bodyMin, ctx);
  const pages = fit.fits ? [items] : packBullets(items, box, sizes.bodyMin, ctx);
  const size = fit.fits ? fit.size : sizes.bodyMin;
  ctx.fit.split(`the Sources list continued over ${pages.length} slides`, pages.length, slide.at);
  for (const page of pages) {
    if (!fitBullets(page, box, size, size, ctx).fits) {
      ctx.diagnostics.error(
        'text-does-not-fit',
        "a source's citation is too long for a whole slide",
        slide.at,
        'shorten its title or URL in the sources map',
      );
    }
  }
  let number = 0;
  return pages.map((page, p) =>
    contentSlide(slide, ctx, continued(slide.title, p, ctx.words), (body) => [
      {
        kind: 'text',
        name: 'Sources',
        role: 'body',
        box: { x: body.left, y: body.top, w: body.width, h: body.bottom - body.top },
        paragraphs: page.map((item, i) => {
          const label = `${++number}. `;
          const text = `${label}${item.text}`;
          return {
            runs: textRuns(
              { text, size, color: palette.text, font: ctx.face, lang: runLang(text, ctx.lang) },
              ctx.face,
            ),
            level: 0,
            bullet: false,
            indent: 0,
            // A citation's second line starts under its text, not under its number.
            hang: Math.round(ctx.measure.width(label, size) * 100) / 100,
            align: 'left' as const,
            lineHeight: size * lineFactor(text),
            spaceBefore: i === 0 ? 0 : 0.55 * size,
          };
        }),
        valign: 'top',
        insets: TEXT_INSETS,
      },
    ]),
  );
}
