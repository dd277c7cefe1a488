import type { LaidOutSlide, ResolvedSlide } from '../../model.js';
import { bulletsElement, fitBullets, packBullets } from '../bullets.js';
import type { LayoutContext } from '../frame.js';
import { noteShrink } from '../fit.js';
import { bodyFor, contentSlide, continued } from './content.js';

type Slide = Extract<ResolvedSlide, { kind: 'bullets' }>;

/** Keep the theme size; shrink to the minimum; then continue on further slides at the theme size. */
export function layoutBulletsSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { body, bodyMin } = ctx.theme.sizes;
  let pages: Slide['bullets'][] = [slide.bullets];
  let size = body;
  const b = bodyFor(slide, slide.title, ctx);
  const box = { x: b.left, y: b.top, w: b.width, h: b.bottom - b.top };
  const fit = fitBullets(slide.bullets, box, body, bodyMin, ctx);
  if (fit.fits) {
    size = fit.size;
    noteShrink('bullets', body, size, slide.at, ctx.diagnostics);
  } else {
    pages = packBullets(slide.bullets, box, body, ctx);
  }
  if (pages.length > 1) {
    ctx.diagnostics.warn('content-split', `bullets continued over ${pages.length} slides`, slide.at, 'shorten or remove bullets to keep them on one slide');
  }
  return pages.map((bullets, i) =>
    contentSlide(slide, ctx, continued(slide.title, i, ctx.lang), (b) => {
      const box = { x: b.left, y: b.top, w: b.width, h: b.bottom - b.top };
      let pageSize = size;
      if (pages.length > 1) {
        // A group longer than a whole slide is shrunk on its own page, or reported.
        const fit = fitBullets(bullets, box, body, bodyMin, ctx);
        pageSize = fit.size;
        if (!fit.fits) ctx.diagnostics.error('text-does-not-fit', 'a bullet and its sub-bullets do not fit one slide even at the smallest size', slide.at, 'split the bullet into shorter ones');
      }
      return [bulletsElement(bullets, box, pageSize, ctx)];
    }),
  );
}
