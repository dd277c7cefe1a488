import { z } from 'zod';
import { LangText } from './lang-text.js';

/** The message of a bad colour: validation maps it to the `bad-colour` code. */
export const COLOUR_MESSAGE = 'a colour is six hex digits such as `#1F3864`';

export const Colour = z
  .string()
  .regex(/^#?[0-9A-Fa-f]{6}$/, { message: COLOUR_MESSAGE })
  .describe('A colour as six hex digits, e.g. "#1F3864".');

/** Font names go into XML attributes and CSS font strings: keep to characters safe in both. */
const FontName = z
  .string()
  .regex(/^[\p{L}\p{N} ._()-]+$/u, { message: 'a font name is letters, digits, spaces and - . _ ( )' });

const size = (what: string) => z.number().min(4).max(200).describe(`${what}, in points.`);

const inches = (what: string, max = 20) => z.number().min(0).max(max).describe(`${what}, in inches.`);
const FooterItems = z
  .array(z.enum(['text', 'date', 'page', 'marking']))
  .max(2)
  .describe('What the slot shows: text, date, page, marking (page and marking each alone); [] for nothing.');

/** Geometry, in inches like `slide:`; every value defaults to briefdeck's own layout for the slide size. */

/** A colour of the theme's palette, by its role. */
const PaletteRole = z.enum([
  'background',
  'surface',
  'title',
  'text',
  'muted',
  'accent',
  'accent_text',
  'rule',
  'inactive',
  'emphasis',
  'divider_background',
  'divider_text',
]);

const Geometry = z
  .object({
    margins: z
      .object({
        left: inches('Left margin'),
        right: inches('Right margin'),
        top: inches('Slide top to the top of content-slide titles'),
        bottom: inches('Slide bottom to the top of the footer'),
      })
      .strict()
      .partial(),
    title: z
      .object({
        align: z.enum(['left', 'center']).describe('Content-slide titles: left or centred.'),
        lines: z.number().int().min(1).max(3).describe('The most lines a content-slide title may take.'),
      })
      .strict()
      .partial(),
    title_rule: z
      .object({
        show: z.boolean().describe('A short rule under content-slide titles.'),
        width: inches('Length of the rule', 13),
        weight: inches('Thickness of the rule', 0.5),
        color: PaletteRole.describe('The palette colour of the rule.'),
      })
      .strict()
      .partial(),
    divider_rule: z
      .object({
        color: PaletteRole.describe('The palette colour of the rule over the deck title and section titles.'),
      })
      .strict()
      .partial(),
    logo: z
      .object({
        align: z.enum(['left', 'right']).describe('Logo at the top left or top right.'),
        top: inches('Slide top to the top of the logo'),
        height: inches('Logo height', 4),
        max_width: inches('Widest the logo may be', 8),
      })
      .strict()
      .partial(),
    footer: z
      .object({ left: FooterItems, center: FooterItems, right: FooterItems })
      .strict()
      .partial()
      .superRefine((slots, ctx) => {
        for (const [slot, items] of Object.entries(slots))
          for (const own of ['page', 'marking'] as const)
            if (items.includes(own) && items.length > 1)
              ctx.addIssue({
                code: 'custom',
                path: [slot],
                message: `the ${own === 'page' ? 'page number' : 'marking'} takes a footer slot of its own`,
              });
      }),
    marking: z
      .object({ top: z.enum(['left', 'center', 'right', 'none']).describe('The marking at the top of every slide.') })
      .strict()
      .partial(),
  })
  .strict()
  .partial();

/** A house text: one text for every language, or one per language tag (`en`, `zh-CN`). */
const HouseText = LangText;

export const ThemeInput = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    extends: z.string().optional().describe('A theme this one starts from: a name or a path.'),
    slide: z
      .object({
        width: z
          .number()
          .min(7.5)
          .max(56)
          .describe('Slide width in inches (13.333 for 16:9, 10 for 4:3), at least 7.5.'),
        height: z.number().min(4).max(56).describe('Slide height in inches (7.5 for 16:9 and 4:3), at least 4.'),
      })
      .strict()
      .partial()
      .optional(),
    palette: z
      .object({
        background: Colour,
        surface: Colour.describe('Panels and table bands.'),
        title: Colour,
        text: Colour,
        muted: Colour.describe('Captions, sources, footer.'),
        accent: Colour,
        accent_text: Colour.describe('Text on the accent colour.'),
        rule: Colour.describe('Lines and grid.'),
        inactive: Colour.describe('Chart bars and slices that are not highlighted.'),
        emphasis: Colour.describe(
          'The classification marking, the short bars on title and section slides, and chart target lines.',
        ),
        divider_background: Colour.describe('Background of title and section slides.'),
        divider_text: Colour.describe('Text on title and section slides.'),
        series: z.array(Colour).min(1).describe('Chart series colours, in order.'),
      })
      .strict()
      .partial()
      .optional(),
    fonts: z
      .object({
        latin: FontName.describe('Latin typeface written into the deck, e.g. Calibri.'),
        latin_metric: FontName.describe(
          'An installed face with the same metrics, used to measure text (e.g. Carlito for Calibri).',
        ),
        east_asian: FontName.describe('East Asian typeface written into the deck, e.g. Microsoft YaHei.'),
        east_asian_metric: FontName.describe(
          'An installed face used to measure East Asian text (e.g. Noto Sans CJK SC).',
        ),
        chart: z
          .string()
          .regex(/^[^<>&"{};]+$/, {
            message: 'font names are letters, digits, spaces and - . _ ( ), separated by commas',
          })
          .describe('Installed face(s) for chart text, comma-separated, CJK face last.'),
        files: z
          .array(
            z
              .object({
                file: z
                  .string()
                  .describe(
                    'A .ttf, .otf or .ttc file, relative to the theme file (e.g. ../assets/fonts/Carlito-Regular.ttf).',
                  ),
                family: FontName.describe('The family name the theme uses for it, e.g. Carlito.'),
                weight: z.enum(['normal', 'bold']).optional(),
                style: z.enum(['normal', 'italic']).optional(),
              })
              .strict(),
          )
          .describe(
            'Font files to measure and draw with, so results do not depend on the fonts installed on the machine.',
          ),
      })
      .strict()
      .partial()
      .optional(),
    sizes: z
      .object({
        title: size('Slide titles'),
        title_min: size('Smallest title size when shrinking to fit'),
        body: size('Body text'),
        body_min: size('Smallest body size when shrinking to fit'),
        caption: size('Captions'),
        caption_min: size('Smallest caption size when shrinking to fit'),
        source: size('Source lines'),
        source_min: size('Smallest source-line size'),
        source_list: size('Entries on the closing Sources slide (at most the body size)'),
        footer: size('Footer'),
        footer_min: size('Smallest footer and classification-marking size'),
        stat_value: size('Headline figures on stats slides'),
        stat_value_min: size('Smallest headline-figure size'),
        stat_label: size('Labels under headline figures'),
        stat_label_min: size('Smallest label size under headline figures'),
        table: size('Table text'),
        table_min: size('Smallest table text'),
        chart: size('Chart text at full slide width'),
        chart_min: size('Smallest chart text (charts in part of the slide are set smaller)'),
        chart_bullets: size('Bullets beside a chart (at most the body size)'),
        deck_title: size('The deck title on the title slide'),
        deck_title_min: size('Smallest deck-title size'),
        subtitle: size('The deck subtitle on the title slide'),
        section_title: size('Section divider titles'),
        section_number: size('The number above a section divider title'),
        quote: size('Quotations'),
        quote_min: size('Smallest quotation size'),
      })
      .strict()
      .partial()
      .optional(),
    logo: z
      .union([
        z.string(),
        z.null(),
        z
          .object({
            light: z.string().describe('The logo for light slides.'),
            dark: z.string().describe('The logo for dark slides.'),
          })
          .strict()
          .partial(),
      ])
      .optional()
      .describe(
        'A PNG or JPEG logo, relative to the theme file, or { light:, dark: }; `none` for no logo, even if the theme this one extends has one.',
      ),
    logo_dark: z
      .union([z.string(), z.null()])
      .optional()
      .describe('The logo for dark slides (title and section slides), e.g. a white version; `none` for none.'),
    footer: z
      .object({
        text: HouseText('Footer text, e.g. the office name'),
        page_numbers: z.boolean(),
        date: z.boolean().describe('Show the deck date in the footer.'),
        classification: HouseText('A marking such as INTERNAL, shown top and bottom'),
      })
      .strict()
      .partial()
      .optional(),
    words: z
      .object({
        source: HouseText('Before one citation at a slide foot (default Source / 资料来源)'),
        sources: HouseText('Before several citations, and the title of the Sources slide'),
        continued: HouseText('After the title of a continued slide (default " (cont.)" / （续）)'),
      })
      .strict()
      .partial()
      .optional()
      .describe("briefdeck's own words on the slides, replaced by the house's, per language."),
    date_format: HouseText(
      'How the deck date is written (YYYY, M, MM, D, DD, MMM, MMMM), e.g. { en: D MMMM YYYY, zh-CN: YYYY年M月D日 }',
    ).optional(),
    geometry: Geometry.optional().describe(
      'Margins, title, title rule, logo, footer slots and marking positions, in inches.',
    ),
    template: z
      .string()
      .optional()
      .describe(
        "An organisation's PowerPoint template (.potx or .pptx), relative to this file: its colours, fonts and slide size are the theme's, and this file adjusts them.",
      ),
    layouts: z
      .object(
        Object.fromEntries(
          (['title', 'section', 'content', 'chart', 'table', 'quote', 'sources'] as const).map((role) => [
            role,
            z.string().min(1).describe(`The template layout for ${role} slides, by its name in PowerPoint.`),
          ]),
        ) as Record<'title' | 'section' | 'content' | 'chart' | 'table' | 'quote' | 'sources', z.ZodString>,
      )
      .strict()
      .partial()
      .optional()
      .describe('Which layout of the template each kind of slide uses; by default chosen by type and name.'),
    author: z
      .string()
      .optional()
      .describe('Document author of every deck; default: the outline author, else the footer text.'),
    company: z
      .string()
      .optional()
      .describe('Document company of every deck; default: the footer text, else the author.'),
    charts: z
      .object({
        render: z.enum(['image', 'native']).describe('Default chart rendering.'),
        density: z.number().min(1).max(4).describe('Pixels per point ÷ 1.33: 2 renders at twice screen density.'),
      })
      .strict()
      .partial()
      .optional(),
    sections: z
      .object({
        dividers: z.boolean().describe('Set false to leave out every section divider slide.'),
        min_slides: z
          .number()
          .int()
          .min(1)
          .max(100)
          .describe('A section with fewer slides than this gets no divider slide (default 1: every section has one).'),
        tracker: z
          .boolean()
          .describe("Show the section's number and title beside the slide number on its content slides."),
      })
      .strict()
      .partial()
      .optional(),
  })
  .strict();

export type ThemeInputType = z.infer<typeof ThemeInput>;
