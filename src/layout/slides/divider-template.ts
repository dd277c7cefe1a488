import type { Box, Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { fittedHeight, fitOne, paragraph, TEXT_INSETS, type LayoutContext } from '../frame.js';
import type { SlideOnTemplate } from '../template.js';

type TitleSlide = Extract<ResolvedSlide, { kind: 'title' }>;
type SectionSlide = Extract<ResolvedSlide, { kind: 'section' }>;

/**
 * Title and section slides on a house template: the title in the layout's title placeholder
 * box, subtitle and byline in its subtitle (or body) box, nothing of our own divider design:
 * the template's background, pictures and text styles make the slide.
 */
export function dividerOnTemplate(
  slide: TitleSlide | SectionSlide,
  ctx: LayoutContext,
  on: SlideOnTemplate,
): LaidOutSlide[] {
  const { sizes, palette } = ctx.theme;
  const deckTitle = slide.kind === 'title';
  const elements: Element[] = [];
  const margin = Math.round(ctx.theme.slide.width * 0.05);
  const titleBox: Box = on.title ?? {
    x: margin,
    y: ctx.theme.slide.height * 0.3,
    w: ctx.theme.slide.width - 2 * margin,
    h: fittedHeight(2, deckTitle ? sizes.deckTitle : sizes.sectionTitle),
  };
  const size = deckTitle ? sizes.deckTitle : sizes.sectionTitle;
  const t = fitOne(
    slide.title,
    {
      box: titleBox,
      size,
      minSize: deckTitle ? sizes.deckTitleMin : Math.min(size, sizes.titleMin),
      maxLines: 3,
      bold: true,
      what: deckTitle ? 'deck title' : 'section title',
      at: slide.at,
    },
    ctx,
  );
  elements.push({
    kind: 'text',
    name: 'Title',
    role: 'title',
    box: { ...titleBox },
    // The title alone may sit on a dark band; the lines below it sit on the slide.
    paragraphs: [paragraph(ctx, slide.title, t.size, on.titleColor ?? palette.dividerText, { bold: true })],
    valign: deckTitle ? 'bottom' : 'top',
    insets: TEXT_INSETS,
  });
  if (slide.kind === 'section') elements.push(sectionNumber(slide, ctx, titleBox, t, on));
  const lines = [
    slide.subtitle,
    slide.kind === 'title' ? [slide.author, slide.date].filter(Boolean).join('  ·  ') : undefined,
  ].filter((l): l is string => !!l);
  // The subtitle placeholder, else the body placeholder where it is not the title's, else under the title.
  const below = { x: titleBox.x, y: titleBox.y + titleBox.h + 8, w: titleBox.w, h: 0 };
  below.h = Math.max(0, Math.min(on.source.y, ctx.theme.slide.height - 8) - below.y);
  const place = on.subtitle ?? (on.body.h > 0 && !overlaps(on.body, titleBox) ? on.body : below);
  // Subtitle and byline start where the title starts, whatever the placeholder's indent: our
  // lines are set flush left, and a template's centred subtitle box begins further in.
  const region = { ...place, x: titleBox.x, w: Math.max(place.x + place.w, titleBox.x + titleBox.w) - titleBox.x };
  let y = region.y;
  for (const [i, line] of lines.entries()) {
    const s = i === 0 && slide.subtitle ? sizes.subtitle : sizes.caption + 2;
    const box = { x: region.x, y, w: region.w, h: Math.max(0, region.y + region.h - y) };
    const r = fitOne(
      line,
      {
        box,
        size: s,
        minSize: sizes.footer,
        maxLines: 2,
        what: i === 0 && slide.subtitle ? 'subtitle' : 'author and date',
        at: slide.at,
      },
      ctx,
    );
    box.h = Math.min(box.h, fittedHeight(r.lines, r.size, TEXT_INSETS, line));
    elements.push({
      kind: 'text',
      name: i === 0 && slide.subtitle ? 'Subtitle' : 'Byline',
      role: 'other',
      box,
      paragraphs: [paragraph(ctx, line, r.size, palette.dividerText)],
      valign: 'top',
      insets: TEXT_INSETS,
    });
    y += box.h + 6;
  }
  return [
    {
      master: deckTitle ? 'title' : 'section',
      layout: deckTitle ? 'title' : 'section',
      elements,
      notes: slide.notes,
      at: slide.at,
    },
  ];
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The section's number, as briefdeck's own divider shows it: above the title, or under the
 * title's lines where the layout puts its title at the top of the slide.
 */
function sectionNumber(
  slide: SectionSlide,
  ctx: LayoutContext,
  titleBox: Box,
  title: { size: number; lines: number },
  on: SlideOnTemplate,
): Element {
  const size = ctx.theme.sizes.sectionNumber;
  const h = fittedHeight(1, size);
  const above = titleBox.y - h - 4;
  const y = above >= 4 ? above : titleBox.y + fittedHeight(title.lines, title.size, TEXT_INSETS, slide.title) + 4;
  return {
    kind: 'text',
    name: 'Section number',
    role: 'other',
    box: { x: titleBox.x, y, w: Math.min(200, titleBox.w), h },
    paragraphs: [
      paragraph(ctx, String(slide.number).padStart(2, '0'), size, on.titleColor ?? ctx.theme.palette.dividerText, {
        bold: true,
      }),
    ],
    valign: 'top',
    insets: TEXT_INSETS,
  };
}
