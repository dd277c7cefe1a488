import type { LaidOutSlide, ResolvedSlide } from '../../model.js';
import { bulletsElement, fitBullets, packBullets } from '../bullets.js';
import type { LayoutContext } from '../frame.js';
import { bodyForPages, contentSlide, continued } from './content.js';

type Slide = Extract<ResolvedSlide, { kind: 'bullets' }>;

/** Keep the theme size; shrink to the minimum; then continue on further slides at the theme size. */
export function layoutBulletsSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { body, bodyMin } = ctx.theme.sizes;
  const b = bodyForPages(slide, slide.title, ctx);
  const box = { x: b.left, y: b.top, w: b.width, h: b.bottom - b.top };
  const whole = fitBullets(slide.bullets, box, body, bodyMin, ctx);
  let pages: { bullets: Slide['bullets']; size: number }[];
  if (whole.fits) {
    ctx.fit.shrunk('bullets', body, whole.size, slide.at);
    pages = [{ bullets: slide.bullets, size: whole.size }];
  } else {
    pages = packBullets(slide.bullets, box, body, ctx).map((bullets) => {
      // A page that still does not fit holds one bullet too long for any slide.
      const fit = fitBullets(bullets, box, body, bodyMin, ctx);
      if (!fit.fits) {
        ctx.diagnostics.error(
          'text-does-not-fit',
          fit.brokeWord
            ? `a word in these bullets is wider than the slide even at ${bodyMin} pt`
            : `a bullet and its sub-bullets do not fit one slide even at ${bodyMin} pt`,
          slide.at,
          fit.brokeWord ? 'break the long word or value with spaces or hyphens' : 'split the bullet into shorter ones',
        );
      }
      return { bullets, size: fit.fits ? fit.size : bodyMin };
    });
    ctx.fit.split(
      `bullets continued over ${pages.length} slides`,
      pages.length,
      slide.at,
      'shorten or remove bullets to keep them on one slide',
    );
  }
  return pages.map((page, i) =>
    contentSlide(slide, ctx, continued(slide.title, i, ctx.words), (body) => [
      bulletsElement(
        page.bullets,
        { x: body.left, y: body.top, w: body.width, h: body.bottom - body.top },
        page.size,
        ctx,
      ),
    ]),
  );
}
