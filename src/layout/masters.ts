import type {
  Box,
  DeckMeta,
  FooterItem,
  FooterSlot,
  Master,
  MasterLayout,
  MasterText,
  Theme,
  WritableElement,
} from '../model.js';
import { fitBlocks } from './fit.js';
import { frameOf, isDarkBackground, logoBox, logoOn, paragraph, TEXT_INSETS, type LayoutContext } from './frame.js';

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
  const { footer: slots, marking: markingAt } = theme.geometry;
  const slotOf = (item: FooterItem) => (Object.keys(slots) as FooterSlot[]).find((slot) => slots[slot].includes(item));
  /** A box of width w in a slot: at the left margin, centred, or at the right margin. */
  const across = (slot: FooterSlot, w: number) =>
    slot === 'left' ? f.margin : slot === 'center' ? f.width / 2 - w / 2 : f.width - f.marginRight - w;
  const marking = (slot: FooterSlot | 'none' | undefined, y: number, color: string): WritableElement[] =>
    meta.classification && slot && slot !== 'none'
      ? [
          line(
            meta.classification,
            { x: across(slot, 240), y, w: 240, h: 18 },
            color,
            { bold: true, align: slot },
            'Classification',
          ),
        ]
      : [];
  /** The logo a slide of this background shows, with a warning when a dark slide gets the light one. */
  const logo = (background: string): WritableElement[] => {
    const chosen = logoOn(theme, background);
    if (!chosen) return [];
    if (chosen === theme.logo && !theme.logoDark && isDarkBackground(background) && !reported.has('logo')) {
      reported.add('logo');
      ctx.diagnostics.warn(
        'logo-on-dark',
        `the logo ${chosen.file} is shown on a dark slide, where a logo made for white may vanish`,
        theme.origins.logo,
        { hint: 'give a version for dark slides: logo_dark: (or logo: { light: …, dark: … }), or logo: none' },
      );
    }
    return [
      {
        kind: 'picture',
        name: 'Logo',
        box: logoBox(theme, chosen),
        image: chosen.data,
        mime: chosen.data[0] === 0x89 ? 'png' : 'jpeg',
        alt: ctx.words.logo,
      },
    ];
  };
  const footerItem = (item: FooterItem) =>
    item === 'text' ? meta.footer : item === 'date' && theme.footer.date ? meta.date : undefined;
  /** Text slots: the footer text and date, joined, in the slots that hold them. */
  const textSlots = (Object.keys(slots) as FooterSlot[]).flatMap((slot) => {
    const text = slots[slot]
      .map(footerItem)
      .filter((t): t is string => !!t)
      .join('  ·  ');
    if (!text) return [];
    // Left and right text keep clear of a centred marking; centred text takes the middle.
    const side = f.width / 2 - 130;
    const box =
      slot === 'left'
        ? { x: f.margin, y: f.footerTop, w: side - f.margin }
        : slot === 'center'
          ? { x: f.width / 2 - 120, y: f.footerTop, w: 240 }
          : { x: f.width / 2 + 130, y: f.footerTop, w: side - f.marginRight };
    return [line(text, { ...box, h: 18 }, p.muted, slot === 'left' ? {} : { align: slot })];
  });
  const markingColour = p.emphasis;
  const pageSlot = slotOf('page');

  const content: MasterLayout = {
    background: p.background,
    elements: [
      {
        kind: 'line',
        name: 'Footer rule',
        box: { x: f.margin, y: f.footerTop - 4, w: f.innerWidth, h: 0 },
        color: p.rule,
        width: 0.75,
      },
      ...textSlots,
      ...marking(slotOf('marking'), f.footerTop, markingColour),
      ...marking(markingAt.top, 4, markingColour),
      ...logo(p.background),
    ],
    title: titleText(
      { x: f.margin, y: f.titleTop, w: f.innerWidth, h: theme.sizes.title * 1.2 + 8 },
      theme.sizes.title,
      p.title,
    ),
    ...(theme.footer.pageNumbers && pageSlot
      ? {
          slideNumber: {
            box: { x: across(pageSlot, 60), y: f.footerTop - 2, w: 60, h: 22 },
            font: ctx.face,
            size: footerSize,
            color: p.muted,
            align: pageSlot,
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
      ...marking(slotOf('marking'), f.height - 34, p.dividerText),
      ...marking(markingAt.top, 4, p.dividerText),
      ...(master === 'title' ? logo(p.dividerBackground) : []),
    ],
    title: titleText(
      { x: f.margin, y: f.height * 0.3, w: f.width * 0.78, h: 120 },
      master === 'title' ? theme.sizes.deckTitle : theme.sizes.sectionTitle,
      p.dividerText,
    ),
  });
  return { content, title: divider('title'), section: divider('section') };
}
