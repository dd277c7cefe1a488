import type { Box, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { bulletGroups, bulletsElement, fitBullets, packBullets } from '../bullets.js';
import type { LayoutContext } from '../frame.js';
import { bodyForPages, contentSlide, continued, type Body } from './content.js';

type Slide = Extract<ResolvedSlide, { kind: 'bullets' }>;

/**
 * At the deck's body size (a small shrink at most, never under the floor); what does not fit
 * continues on further slides at the same size.
 */
export function layoutBulletsSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const range = ctx.scale.range('body');
  const b = bodyForPages(slide, slide.title, ctx);
  if (b.columns && bulletGroups(slide.bullets).length > 1) return twoColumns(slide, ctx, b.columns, b);
  const box = { x: b.left, y: b.top, w: b.width, h: b.bottom - b.top };
  const whole = fitBullets(slide.bullets, box, range.size, range.min, ctx);
  let pages: { bullets: Slide['bullets']; size: number }[];
  if (whole.fits) {
    ctx.scale.need('body', whole.size, slide.at);
    ctx.fit.shrunk('bullets', range.size, whole.size, slide.at);
    pages = [{ bullets: slide.bullets, size: whole.size }];
  } else {
    pages = packBullets(slide.bullets, box, range.size, ctx).map((bullets) => {
      // A page that does not fit at the deck's size holds one bullet too long for any slide.
      const held = fitBullets(bullets, box, range.size, range.size, ctx);
      if (held.fits) return { bullets, size: range.size };
      const { bodyMin } = ctx.theme.sizes;
      const fit = fitBullets(bullets, box, range.size, bodyMin, ctx);
      if (!fit.fits) {
        ctx.diagnostics.error(
          'text-does-not-fit',
          fit.brokeWord
            ? `a word in these bullets is wider than the slide even at ${bodyMin} pt`
            : `a bullet and its sub-bullets do not fit one slide even at ${bodyMin} pt`,
          slide.at,
          fit.brokeWord ? 'break the long word or value with spaces or hyphens' : 'split the bullet into shorter ones',
        );
      } else ctx.fit.shrunk('a long bullet', range.size, fit.size, slide.at, 'split the bullet into shorter ones');
      return { bullets, size: fit.fits ? fit.size : bodyMin };
    });
    reportContinued(slide, pages.length, ctx);
  }
  return pages.map((page, i) =>
    contentSlide(slide, ctx, continued(slide.title, i, ctx.words), (body) => [
      bulletsElement(
        page.bullets,
        { x: body.left, y: body.top, w: body.width, h: body.bottom - body.top },
        page.size,
        ctx,
        { fill: true },
      ),
    ]),
  );
}

type Columns = NonNullable<Body['columns']>;
const columnBox = (b: Body, c: Columns[number]): Box => ({ x: c.left, y: b.top, w: c.width, h: b.bottom - b.top });

/**
 * Bullets on a template layout with two content placeholders: the list split between them at
 * the bullet that best balances the two columns' heights, sub-bullets kept with their bullet.
 * A list too long for both continues on further slides, two columns each, at the deck's size.
 */
function twoColumns(slide: Slide, ctx: LayoutContext, columns: Columns, b: Body): LaidOutSlide[] {
  const range = ctx.scale.range('body');
  const [left, right] = columns.map((c) => columnBox(b, c)) as [Box, Box];
  const groups = bulletGroups(slide.bullets);
  let best: { split: number; size: number; imbalance: number } | undefined;
  for (let k = 1; k < groups.length; k++) {
    const l = fitBullets(groups.slice(0, k).flat(), left, range.size, range.min, ctx);
    const r = fitBullets(groups.slice(k).flat(), right, range.size, range.min, ctx);
    if (!l.fits || !r.fits) continue;
    const size = Math.min(l.size, r.size);
    const imbalance = Math.abs(l.height - r.height);
    // The larger size first; between equal sizes, the columns closest in height.
    if (!best || size > best.size || (size === best.size && imbalance < best.imbalance))
      best = { split: k, size, imbalance };
  }
  let pages: { columns: [Slide['bullets'], Slide['bullets']]; size: number }[];
  if (best) {
    ctx.scale.need('body', best.size, slide.at);
    ctx.fit.shrunk('bullets', range.size, best.size, slide.at);
    const split = best.split;
    pages = [{ columns: [groups.slice(0, split).flat(), groups.slice(split).flat()], size: best.size }];
  } else {
    // Packed for the narrower column, so that every column holds what it is given.
    const narrow = left.w <= right.w ? left : right;
    const packed = packBullets(slide.bullets, { ...narrow, h: Math.min(left.h, right.h) }, range.size, ctx);
    pages = [];
    for (let i = 0; i < packed.length; i += 2)
      pages.push({ columns: [packed[i]!, packed[i + 1] ?? []], size: range.size });
    for (const column of pages.flatMap((p) => p.columns))
      if (column.length && !fitBullets(column, narrow, range.size, range.size, ctx).fits)
        ctx.diagnostics.error(
          'text-does-not-fit',
          `a bullet and its sub-bullets do not fit one column of the layout at ${range.size} pt`,
          slide.at,
          'split the bullet into shorter ones',
        );
    if (pages.length > 1) reportContinued(slide, pages.length, ctx);
  }
  return pages.map((page, i) =>
    contentSlide(slide, ctx, continued(slide.title, i, ctx.words), (body) =>
      page.columns
        .map((bullets, c) => ({ bullets, c }))
        .filter(({ bullets }) => bullets.length)
        .map(({ bullets, c }) =>
          bulletsElement(bullets, columnBox(body, (body.columns ?? columns)[c]!), page.size, ctx),
        ),
    ),
  );
}

/** A list that continued over further slides, told once for the deck's fit report. */
function reportContinued(slide: Slide, pages: number, ctx: LayoutContext): void {
  ctx.fit.split(
    `bullets continued over ${pages} slides`,
    pages,
    slide.at,
    'shorten or remove bullets to keep them on one slide',
  );
}
