import { z } from 'zod';
import { isoDate } from './iso-date.js';
import { languageTagProblem } from '../sources/lang.js';
import { WARNING_CODES } from '../diagnostics/diagnostic.js';
import { CHART_TYPES } from './chart-types.js';

/** The one definition of what an outline may say: validation, pipeline types and the editor's JSON Schema. */

export const DATA_KEY_PATTERN = /^[A-Za-z_][\w-]*(\.[\w-]+)*$/;

/**
 * A data key that may take parts from the row of an `each:` or `repeat:` table:
 * `regions.{{ row.id }}_monthly`. The placeholders are filled in, and checked, when resolved.
 */
const KEY_WITH_ROW_PATTERN = /^(?:[A-Za-z_][\w-]*(\.[\w-]+)*|(?=.*\{\{\s*row\b)[\w.\s{}"[\]-]+)$/;

/** The message of a malformed data key: validation adds a hint when it recognises the mistake. */
export const DATA_KEY_MESSAGE = 'a data key is names joined by dots, such as `trade.goods_2024`';

export const DataKey = z
  .string()
  .regex(KEY_WITH_ROW_PATTERN, { message: DATA_KEY_MESSAGE })
  .describe('A data key: the dotted path of a value in the data files, such as `trade.goods_2024`.');

/** A key, a point or cell (`trade.monthly[-1]`) or an aggregate (`sum(trade.monthly)`); checked when resolved. */
export const VALUE_REF_PATTERN = /^(?:\s*[A-Za-z_][\w-]*(\.[\w-]+)*\s*([[(].*)?|(?=.*\{\{\s*row\b).*)$/s;
export const ValueRef = z
  .string()
  .regex(VALUE_REF_PATTERN, { message: DATA_KEY_MESSAGE })
  .describe(
    'A data key (`trade.goods_2024`), one point or cell (`trade.monthly[-1]`, `invest.summary["Actual use", "Figure"]`) or an aggregate (`sum(trade.monthly)`, `growth(a, b)`).',
  );

const Text = z.string().describe('Text; may contain `{{ data.key }}` or `{{ data.key | filter }}`.');

export const BulletItem = z.union([
  Text,
  z
    .object({
      text: Text,
      bullets: z.array(Text).optional().describe('Second-level bullets under this one.'),
    })
    .strict(),
]);

export { CHART_TYPES, isCircular, type ChartType } from './chart-types.js';

export const LEGEND_POSITIONS = ['top', 'bottom', 'left', 'right', 'none'] as const;

export const ChartSpec = z
  .object({
    type: z
      .enum(CHART_TYPES)
      .describe(
        'bar and column draw vertical bars; horizontal-bar; stacked-bar; line; area; pie; doughnut; combo (bars and a line, on a second axis when its unit differs); scatter.',
      ),
    data: DataKey.describe('A data key holding a series or a table.'),
    columns: z
      .array(z.string())
      .optional()
      .describe('For a table: the columns to plot; the first names the categories.'),
    categories: z
      .array(Text)
      .optional()
      .describe("Names to show for the categories, in the data's order (e.g. in another language)."),
    series_names: z.array(Text).optional().describe("Names to show for the datasets, in the data's order."),
    title: Text.optional().describe('A title drawn above the chart.'),
    horizontal: z.boolean().optional().describe('Draw bars horizontally.'),
    stacked: z
      .union([z.boolean(), z.literal('percent')])
      .optional()
      .describe('Stack the datasets; `percent` stacks to 100 %.'),
    x_label: Text.optional().describe('Category axis title.'),
    y_label: Text.optional().describe('Value axis title; the unit is added when known.'),
    legend: z.enum(LEGEND_POSITIONS).optional().describe('Where the legend goes; `none` hides it.'),
    labels: z
      .literal([true, false, 'value', 'share'])
      .optional()
      .describe(
        'Label each bar, point or slice: true or `value` (the value), `share` (its percentage of the total; the default for pie and doughnut), false (none).',
      ),
    format: z
      .string()
      .optional()
      .describe(
        'How numbers are written on axes and labels: a filter such as `number`, `percent`, `compact`, `fixed(1)`.',
      ),
    sort: z.enum(['none', 'asc', 'desc']).optional().describe('Order the categories by value.'),
    highlight: Text.optional().describe('A category drawn in the accent colour; may be `{{ row.column }}`.'),
    target: z
      .object({
        value: z.union([z.number(), ValueRef]).describe('A number, a data key or a reference to one value.'),
        label: Text.optional(),
      })
      .strict()
      .optional()
      .describe('A horizontal target line.'),
    line: z
      .array(z.string())
      .optional()
      .describe('combo: the datasets drawn as a line (default: the last); on a second axis when their unit differs.'),
    y_min: z.number().optional().describe('line: where the value axis starts (bars and areas always start at zero).'),
    y_max: z.number().optional().describe('line: where the value axis ends.'),
    step: z.number().positive().optional().describe('line: the step between value-axis gridlines.'),
    label_by: z
      .string()
      .optional()
      .describe('scatter: a column of the table whose values name the points (e.g. the country).'),
    alt: Text.optional().describe('Alternative text for screen readers; generated from the data when absent.'),
    render: z
      .enum(['image', 'native'])
      .optional()
      .describe('`image` (chart.js picture) or `native` (an editable PowerPoint chart).'),
  })
  .strict();

const common = {
  title: Text.optional().describe('The slide title.'),
  layout: z
    .string()
    .min(1)
    .optional()
    .describe('On a house template: the name of the template layout for this slide, e.g. "Two Content".'),
  notes: Text.optional().describe('Speaker notes.'),
  repeat: DataKey.optional().describe(
    'A data key holding a table: one slide per row, in order, with `{{ row.column }}` filled in from that row.',
  ),
};

export const BulletsSlide = z
  .object({
    type: z.literal('bullets'),
    ...common,
    bullets: z.array(BulletItem).min(1).describe('Bullets; an item may carry its own `bullets`.'),
  })
  .strict();

export const StatItem = z
  .object({
    value: ValueRef.describe('A data key holding a single number or text, or a reference to one value.'),
    label: Text.describe('What the number counts.'),
    format: z.string().optional().describe('A filter such as `number`, `compact`, `fixed(1)`.'),
  })
  .strict();

export const StatsSlide = z
  .object({
    type: z.literal('stats'),
    ...common,
    stats: z.array(StatItem).min(1).max(6).describe('One to six headline figures.'),
    caption: Text.optional(),
  })
  .strict();

export const ChartSlide = z
  .object({
    type: z.literal('chart'),
    ...common,
    chart: ChartSpec,
    caption: Text.optional().describe('A line under the chart.'),
    bullets: z.array(BulletItem).optional().describe('Bullets beside the chart.'),
  })
  .strict();

/** A total row comes from the data, never added up by briefdeck: sums of shares or rates would misstate. */
const TableTotal = z
  .union([z.boolean(), z.string()])
  .optional()
  .describe('Set the total row apart (bold, over a rule): true for the last row, or the first cell of the row.');

export const InlineTable = z
  .object({
    columns: z.array(Text).min(1).describe('Column headings.'),
    rows: z
      .array(z.array(z.union([Text, z.number()])))
      .min(1)
      .describe('Rows of cells; write figures as {{ data.key }} so that they come from the data.'),
    total: TableTotal,
  })
  .strict();

export const TableRef = z.union([
  DataKey,
  z
    .object({
      data: DataKey,
      columns: z.array(z.string()).optional().describe('The columns to show, in order.'),
      headers: z
        .union([z.array(Text), z.record(z.string(), Text)])
        .optional()
        .describe("Column headings in the deck's language: one per column shown, or { column: heading }."),
      total: TableTotal,
    })
    .strict(),
  InlineTable,
]);

export const TableSlide = z
  .object({
    type: z.literal('table'),
    ...common,
    table: TableRef.describe(
      'A data key holding a table, { data, columns }, or a table written here as { columns, rows }.',
    ),
    caption: Text.optional(),
  })
  .strict();

export const QuoteSlide = z
  .object({
    type: z.literal('quote'),
    ...common,
    quote: Text,
    by: Text.optional().describe('Who said it.'),
  })
  .strict();

export const Slide = z.discriminatedUnion('type', [BulletsSlide, StatsSlide, ChartSlide, TableSlide, QuoteSlide]);
export const SLIDE_TYPES = ['bullets', 'stats', 'chart', 'table', 'quote'] as const;
export type SlideType = (typeof SLIDE_TYPES)[number];

export const Section = z
  .object({
    title: Text.describe('The section title, shown on its divider slide.'),
    subtitle: Text.optional(),
    divider: z
      .boolean()
      .optional()
      .describe("Set false to leave out the divider slide, true to keep it whatever the deck's or theme's setting."),
    layout: z
      .string()
      .min(1)
      .optional()
      .describe('On a house template: the name of the template layout for its divider slide, e.g. "Two Content".'),
    notes: Text.optional().describe('Speaker notes for the divider slide.'),
    slides: z.array(Slide).min(1),
  })
  .strict();

export const DataRef = z
  .union([z.string(), z.array(z.string()).min(1), z.record(z.string(), z.string())])
  .describe(
    'One data file, a list of files, or a map {namespace: file}; .yaml .yml .json .csv; relative to the outline.',
  );

export const EachSpec = z
  .union([
    DataKey,
    z
      .object({
        data: DataKey,
        id: z
          .string()
          .optional()
          .describe('The column whose values name the decks (default: a column `id` or `key`, else the first).'),
      })
      .strict(),
  ])
  .describe(
    'A data key holding a table: one deck per row, written to <out>/<outline>-<row id>.pptx, with `{{ row.column }}` filled in from that row.',
  );

export const Outline = z
  .object({
    title: Text.describe('The deck title, shown on the title slide.'),
    subtitle: Text.optional(),
    author: z.string().optional(),
    date: isoDate().optional().describe('Shown on the title slide, e.g. 2025-10-27.'),
    lang: z
      .string()
      .superRefine((tag, ctx) => {
        // One issue per tag, with the tag meant: `en_GB` used to fail two checks, with no suggestion.
        const problem = languageTagProblem(tag);
        if (problem)
          ctx.addIssue({
            code: 'custom',
            message: problem.message,
            ...(problem.suggestion ? { params: { expected: [problem.suggestion] } } : {}),
          });
      })
      .optional()
      .describe('Language of the text: proofing, number formats and line breaking. `en`, `zh-CN`, …'),
    theme: z.string().optional().describe('A theme name (templates/NAME.yaml) or a path to a theme file.'),
    data: DataRef.optional(),
    each: EachSpec.optional(),
    max_age: z
      .string()
      .regex(/^\d+[dwmy]$/, { message: 'an age such as `40d`, `6w`, `3m` or `1y` (days, weeks, months, years)' })
      .optional()
      .describe(
        'How old a figure may be, by its `as_of`, relative to the deck `date`: e.g. 40d. Older figures are warned about.',
      ),
    classification: z
      .string()
      .optional()
      .describe('A marking such as INTERNAL shown on every slide; overrides the theme.'),
    footer: z.string().optional().describe('Footer text; overrides the theme.'),
    sources_slide: z.boolean().optional().describe('Set false to leave out the closing Sources slide.'),
    dividers: z
      .boolean()
      .optional()
      .describe(
        "Set false to leave out every section divider slide (true: one per section, whatever the theme's min_slides).",
      ),
    charts: z.enum(['image', 'native']).optional().describe('Default rendering of charts in this deck.'),
    notes: Text.optional().describe('Speaker notes for the title slide.'),
    ignore: z
      .array(z.enum(WARNING_CODES))
      .optional()
      .describe('Warnings not to report for this deck, e.g. [unused-data] for a short deck that shares a data file.'),
    sections: z.array(Section).min(1),
  })
  .strict();

export type OutlineInput = z.infer<typeof Outline>;
export type SlideInput = z.infer<typeof Slide>;
export type SectionInput = z.infer<typeof Section>;
export type EachInput = z.infer<typeof EachSpec>;
export type ChartSpecInput = z.infer<typeof ChartSpec>;
export type BulletInput = z.infer<typeof BulletItem>;
