import type { Element, LaidOutSlide, ResolvedSlide } from '../../model.js';
import { WIDTH_SAFETY } from '../fit.js';
import { fittedHeight, fitOne, frameOf, paragraph, TEXT_INSETS, type LayoutContext } from '../frame.js';
import { settleLastLine } from '../linebreak.js';
import { dividerOnTemplate } from './divider-template.js';

type TitleSlide = Extract<ResolvedSlide, { kind: 'title' }>;
type SectionSlide = Extract<ResolvedSlide, { kind: 'section' }>;

/** The deck's opening slide: title, subtitle, author and date on the divider colours. */
export function layoutTitleSlide(slide: TitleSlide, ctx: LayoutContext): LaidOutSlide[] {
  if (ctx.template) return dividerOnTemplate(slide, ctx, ctx.template);
  const f = frameOf(ctx.theme);
  const { sizes, palette } = ctx.theme;
  const w = Math.round(f.width * 0.78);
  const elements: Element[] = [];
  let y = Math.round(f.height * 0.28);
  const titleBox = { x: f.margin, y, w, h: fittedHeight(3, sizes.deckTitle) };
  const t = fitOne(
    slide.title,
    {
      box: titleBox,
      size: sizes.deckTitle,
      minSize: sizes.deckTitleMin,
      maxLines: 3,
      bold: true,
      what: 'deck title',
      at: slide.at,
    },
    ctx,
  );
  titleBox.h = fittedHeight(t.lines, t.size);
  elements.push({
    kind: 'rect',
    name: 'Title accent',
    box: { x: f.margin, y: y - 22, w: 72, h: 5 },
    fill: palette[ctx.theme.geometry.dividerRule.color],
  });
  elements.push({
    kind: 'text',
    name: 'Title',
    role: 'title',
    box: titleBox,
    paragraphs: [
      paragraph(ctx, displayLines(slide.title, titleBox.w, t.size, ctx), t.size, palette.dividerText, { bold: true }),
    ],
    valign: 'top',
    insets: TEXT_INSETS,
  });
  y += titleBox.h + 14;
  if (slide.subtitle) {
    const size = sizes.subtitle;
    const box = { x: f.margin, y, w, h: fittedHeight(2, size) };
    const s = fitOne(
      slide.subtitle,
      { box, size, minSize: sizes.bodyMin, maxLines: 2, what: 'subtitle', at: slide.at },
      ctx,
    );
    box.h = fittedHeight(s.lines, s.size);
    elements.push({
      kind: 'text',
      name: 'Subtitle',
      role: 'other',
      box,
      paragraphs: [paragraph(ctx, slide.subtitle, s.size, palette.dividerText)],
      valign: 'top',
      insets: TEXT_INSETS,
    });
  }
  const byline = [slide.author, slide.date].filter(Boolean).join('  ·  ');
  if (byline) {
    const size = sizes.caption + 2;
    const box = { x: f.margin, y: f.height - 120, w, h: fittedHeight(1, size) };
    const b = fitOne(
      byline,
      { box, size, minSize: sizes.footer, maxLines: 1, what: 'author and date', at: slide.at },
      ctx,
    );
    elements.push({
      kind: 'text',
      name: 'Byline',
      role: 'other',
      box,
      paragraphs: [paragraph(ctx, byline, b.size, palette.dividerText)],
      valign: 'top',
      insets: TEXT_INSETS,
    });
  }
  return [{ master: 'title', layout: 'title', elements, notes: slide.notes, at: slide.at }];
}

/** A section divider: its number and title. */
export function layoutSectionSlide(slide: SectionSlide, ctx: LayoutContext): LaidOutSlide[] {
  if (ctx.template) return dividerOnTemplate(slide, ctx, ctx.template);
  const f = frameOf(ctx.theme);
  const { sizes, palette } = ctx.theme;
  const w = Math.round(f.width * 0.8);
  const elements: Element[] = [];
  const numberSize = sizes.sectionNumber;
  const y = Math.round(f.height * 0.36);
  elements.push({
    kind: 'text',
    name: 'Section number',
    role: 'other',
    box: { x: f.margin, y: y - fittedHeight(1, numberSize) - 8, w: 200, h: fittedHeight(1, numberSize) },
    paragraphs: [
      paragraph(ctx, String(slide.number).padStart(2, '0'), numberSize, palette.dividerText, { bold: true }),
    ],
    valign: 'top',
    insets: TEXT_INSETS,
  });
  elements.push({
    kind: 'rect',
    name: 'Section rule',
    box: { x: f.margin, y: y - 4, w: 72, h: 4 },
    fill: palette[ctx.theme.geometry.dividerRule.color],
  });
  const box = { x: f.margin, y: y + 10, w, h: fittedHeight(2, sizes.sectionTitle) };
  const t = fitOne(
    slide.title,
    {
      box,
      size: sizes.sectionTitle,
      minSize: Math.min(sizes.sectionTitle, sizes.titleMin),
      maxLines: 2,
      bold: true,
      what: 'section title',
      at: slide.at,
    },
    ctx,
  );
  box.h = fittedHeight(t.lines, t.size);
  elements.push({
    kind: 'text',
    name: 'Title',
    role: 'title',
    box,
    paragraphs: [
      paragraph(ctx, displayLines(slide.title, box.w, t.size, ctx), t.size, palette.dividerText, { bold: true }),
    ],
    valign: 'top',
    insets: TEXT_INSETS,
  });
  if (slide.subtitle) {
    const sb = { x: f.margin, y: box.y + box.h + 10, w, h: fittedHeight(2, sizes.body) };
    const s = fitOne(
      slide.subtitle,
      { box: sb, size: sizes.body, minSize: sizes.bodyMin, maxLines: 2, what: 'section subtitle', at: slide.at },
      ctx,
    );
    sb.h = fittedHeight(s.lines, s.size);
    elements.push({
      kind: 'text',
      name: 'Subtitle',
      role: 'other',
      box: sb,
      paragraphs: [paragraph(ctx, slide.subtitle, s.size, palette.dividerText)],
      valign: 'top',
      insets: TEXT_INSETS,
    });
  }
  return [{ master: 'section', layout: 'section', elements, notes: slide.notes, at: slide.at }];
}

/** A deck or section title that wraps, in lines of even length (read as one shape). */
function displayLines(title: string, boxWidth: number, size: number, ctx: LayoutContext): string {
  const width = (boxWidth - TEXT_INSETS.l - TEXT_INSETS.r) * WIDTH_SAFETY;
  return settleLastLine(title, width, (t) => ctx.measure.width(t, size, true), { balance: true });
}
