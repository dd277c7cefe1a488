import { z } from 'zod';

/**
 * Data entries that name where their figures live (a workbook, a database query, a JSON document
 * over HTTPS) instead of holding them. Read by src/sources/data/linked.ts when the deck is built.
 */

const meta = {
  as: z
    .enum(['table', 'series', 'value'])
    .optional()
    .describe('`table`, `series` (first column = labels) or `value` (one cell).'),
  unit: z.string().optional(),
  source: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  as_of: z.union([z.string(), z.number()]).optional(),
  note: z.string().optional(),
};

export const WorkbookLink = z
  .object({
    workbook: z.string().describe('An .xlsx file, relative to this data file.'),
    sheet: z.string().optional().describe('A sheet, read as a table under its first row.'),
    table: z.string().optional().describe('An Excel table, by name.'),
    name: z.string().optional().describe('A defined name (named range); one cell is a value.'),
    range: z.string().optional().describe('A block such as `Monthly!A1:C13`; its first row names the columns.'),
    cell: z.string().optional().describe('One cell such as `Summary!B2`: a value.'),
    ...meta,
  })
  .strict();

export const SqliteLink = z
  .object({
    sqlite: z.string().describe('A SQLite database file, relative to this data file.'),
    query: z.string().describe('One SELECT statement.'),
    ...meta,
  })
  .strict();

export const PostgresLink = z
  .object({
    postgres: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, {
        message: 'name the environment variable that holds the connection string, such as STATS_DATABASE_URL',
      })
      .describe('The environment variable holding the connection string (never the password itself).'),
    query: z.string().describe('One SELECT statement.'),
    ...meta,
  })
  .strict();

export const HttpLink = z
  .object({
    url: z.string().describe('An https:// address of a JSON document (the project must allow network data).'),
    pointer: z.string().optional().describe('A JSON pointer to the part to read, such as `/data/monthly`.'),
    ...meta,
  })
  .strict();

export const LINK_FIELDS = ['workbook', 'sqlite', 'postgres', 'url'] as const;

/**
 * Whether a map is a link entry. `workbook`, `sqlite` and `postgres` always make one (a typo in its
 * other fields is then reported as such); `url` only with nothing but link fields beside it, since a
 * group may well hold a text value named `url`.
 */
export function isLink(value: Record<string, unknown>): boolean {
  if ('workbook' in value || 'sqlite' in value || 'postgres' in value) return true;
  if (!('url' in value)) return false;
  const fields = Object.keys(HttpLink.shape);
  return Object.keys(value).every((k) => fields.includes(k));
}

export type LinkSpec =
  z.infer<typeof WorkbookLink> | z.infer<typeof SqliteLink> | z.infer<typeof PostgresLink> | z.infer<typeof HttpLink>;

export function schemaOf(value: Record<string, unknown>): z.ZodType<LinkSpec> {
  if ('workbook' in value) return WorkbookLink;
  if ('sqlite' in value) return SqliteLink;
  if ('postgres' in value) return PostgresLink;
  return HttpLink;
}
