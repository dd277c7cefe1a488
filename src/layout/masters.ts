import type { Box, DeckMeta, Master, MasterLayout, MasterText, Theme, WritableElement } from '../model.js';
import { fitBlocks } from './fit.js';
import { frameOf, logoBox, paragraph, TEXT_INSETS, type LayoutContext } from './frame.js';

const NO_INSETS = { l: 0, r: 0, t: 0, b: 0 };

/** The fixed parts of each slide master: footer, rules, classification marking, logo, title box. */
export function layoutMasters(
  theme: Theme,
  meta: DeckMeta,
  ctx: Pick<LayoutContext, 'measure' | 'diagnostics' | 'face' | 'lang' | 'words'>,
): Record<Master, MasterLayout> {
  const f = frameOf(theme);
  const p = theme.palette;
  const footerSize = theme.sizes.footer;
  const reported = new Set<string>();
  /** The title placeholder: slides set their own title box and size, so this is only its default. */
  const titleText = (box: Box, size: number, color: string): MasterText => ({
    box,
    font: ctx.face,
    size,
    color,
    bold: true,
    valign: 'top',
    insets: TEXT_INSETS,
  });
  /** One line of footer text, shrunk to fit its box down to the footer minimum; longer is an error. */
  const line = (
    text: string,
    box: Box,
    color: string,
    options: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {},
    name = 'Footer',
  ): WritableElement => {
    const fit = fitBlocks(
      {
        blocks: [{ text, indent: 0, ...(options.bold ? { bold: true } : {}) }],
        width: box.w,
        height: box.h,
        size: footerSize,
        minSize: theme.sizes.footerMin,
        maxLines: 1,
      },
      ctx.measure,
    );
    if (!fit.fits && !reported.has(name)) {
      reported.add(name);
      ctx.diagnostics.error(
        'text-does-not-fit',
        `the ${name.toLowerCase()} text "${text}" is too long for its place on every slide`,
        meta.footerAt,
        'shorten it',
      );
    }
    return {
      kind: 'text',
      name,
      role: 'other',
      box,
      paragraphs: [
        paragraph(ctx, text, fit.size, color, {
          ...(options.bold ? { bold: true } : {}),
          align: options.align ?? 'left',
        }),
      ],
      valign: 'middle',
      insets: NO_INSETS,
    };
  };
  const marking = (y: number, color: string): WritableElement[] =>
    meta.classification
      ? [
          line(
            meta.classification,
            { x: f.width / 2 - 120, y, w: 240, h: 18 },
            color,
            { bold: true, align: 'center' },
            'Classification',
          ),
        ]
      : [];
  const logo: WritableElement[] = theme.logo
    ? [
        {
          kind: 'picture',
          name: 'Logo',
          box: logoBox(theme),
          image: theme.logo.data,
          mime: theme.logo.data[0] === 0x89 ? 'png' : 'jpeg',
          alt: ctx.words.logo,
        },
      ]
    : [];
  const footerText = [meta.footer, theme.footer.date ? meta.date : undefined].filter(Boolean).join('  ·  ');
  const markingColour = p.emphasis;

  const content: MasterLayout = {
    background: p.background,
    elements: [
      {
        kind: 'line',
        name: 'Footer rule',
        box: { x: f.margin, y: f.footerTop - 4, w: f.width - 2 * f.margin, h: 0 },
        color: p.rule,
        width: 0.75,
      },
      ...(footerText
        ? [line(footerText, { x: f.margin, y: f.footerTop, w: f.width / 2 - f.margin - 130, h: 18 }, p.muted)]
        : []),
      ...marking(f.footerTop, markingColour),
      ...marking(4, markingColour),
      ...logo,
    ],
    title: titleText(
      { x: f.margin, y: f.titleTop, w: f.width - 2 * f.margin, h: theme.sizes.title * 1.2 + 8 },
      theme.sizes.title,
      p.title,
    ),
    ...(theme.footer.pageNumbers
      ? {
          slideNumber: {
            box: { x: f.width - f.margin - 60, y: f.footerTop - 2, w: 60, h: 22 },
            font: ctx.face,
            size: footerSize,
            color: p.muted,
            align: 'right',
            valign: 'middle',
          },
        }
      : {}),
  };
  const divider = (master: 'title' | 'section'): MasterLayout => ({
    background: p.dividerBackground,
    elements: [
      {
        kind: 'rect',
        name: 'Band',
        box: { x: 0, y: f.height - 12, w: f.width, h: 12 },
        fill: p.accent === p.dividerBackground ? p.dividerText : p.accent,
      },
      ...marking(f.height - 34, p.dividerText),
      ...marking(4, p.dividerText),
      ...(master === 'title' ? logo : []),
    ],
    title: titleText(
      { x: f.margin, y: f.height * 0.3, w: f.width * 0.78, h: 120 },
      master === 'title' ? theme.sizes.deckTitle : theme.sizes.sectionTitle,
      p.dividerText,
    ),
  });
  return { content, title: divider('title'), section: divider('section') };
}
