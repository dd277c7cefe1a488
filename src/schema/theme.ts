import { z } from 'zod';

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
      .union([z.string(), z.null()])
      .optional()
      .describe(
        'A PNG or JPEG logo, relative to the theme file; `none` for no logo, even if the theme this one extends has one.',
      ),
    footer: z
      .object({
        text: z.string().describe('Footer text, e.g. the office name.'),
        page_numbers: z.boolean(),
        date: z.boolean().describe('Show the deck date in the footer.'),
        classification: z.string().describe('A marking such as INTERNAL, shown top and bottom.'),
      })
      .strict()
      .partial()
      .optional(),
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
  })
  .strict();

export type ThemeInputType = z.infer<typeof ThemeInput>;
