import { z } from 'zod';
import { HttpLink, PostgresLink, SqliteLink, WorkbookLink } from './links.js';
import { isoDate } from './iso-date.js';
import { LangText } from './lang-text.js';

export const SourceInfo = z
  .object({
    title: LangText('The title of the work'),
    author: LangText('Who wrote it').optional(),
    publisher: LangText('Who published it, e.g. { en: Guangming Daily, zh-CN: 光明日报 }').optional(),
    date: isoDate().optional(),
    page: z.union([z.string(), z.number()]).optional(),
    url: z.string().optional(),
  })
  .strict();

const meta = {
  unit: z.string().optional().describe('Unit shown with the numbers, e.g. "%", "USD billion", "zones".'),
  source: z
    .union([z.string(), z.array(z.string()).min(1)])
    .optional()
    .describe('A source id from the `sources` map, or a list of them when the figures combine several.'),
  as_of: z.union([z.string(), z.number()]).optional(),
  note: z.string().optional().describe('A qualifier such as "more than".'),
};

const Finite = z.number().finite();

export const ValueEntry = z.object({ value: z.union([Finite, z.string()]), ...meta }).strict();
/** A value in a series with its qualifier: `{ value: 80, note: more than }`. */
export const QualifiedValue = z
  .object({
    value: Finite,
    note: z.string().describe('A qualifier: "more than", "exceeded", "nearly", "about", "less than", 超过, 近, 约…'),
  })
  .strict();
export const SeriesEntry = z
  .object({ series: z.record(z.string(), z.union([Finite, QualifiedValue])), ...meta })
  .strict();
export const DatasetsEntry = z
  .object({
    labels: z.array(z.union([z.string(), z.number()])).min(1),
    datasets: z
      .array(
        z
          .object({
            label: z.string(),
            values: z.array(z.union([Finite, QualifiedValue])),
            unit: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    ...meta,
  })
  .strict();
export const TableEntry = z
  .object({
    columns: z.array(z.string()).min(1),
    rows: z.array(z.array(z.union([z.string(), Finite, z.null(), QualifiedValue]))),
    ...meta,
  })
  .strict();

type DataNodeT = number | string | Record<string, unknown>;
/** A group's names may not be the fields that make a map an entry, or the two would be confused. */
/** One part of a dotted data key, as a data file may write it. */
export const KEY_PART = /^[A-Za-z0-9_][\w-]*$/;
const GroupKey = z
  .string()
  .regex(
    new RegExp(`^(?!(value|series|labels|datasets|columns|rows|workbook|sqlite|postgres)$)${KEY_PART.source.slice(1)}`),
  );
export const DataNode: z.ZodType<DataNodeT> = z.lazy(() =>
  z.union([
    Finite,
    z.string(),
    ValueEntry,
    SeriesEntry,
    DatasetsEntry,
    TableEntry,
    WorkbookLink,
    SqliteLink,
    PostgresLink,
    HttpLink,
    z.record(GroupKey, DataNode).describe('A group of entries.'),
  ]),
);

export const DataFile = z
  .object({
    sources: z.record(z.string(), SourceInfo).optional().describe('Source ids with their citation.'),
    source: z.string().optional().describe('The default source for every value in this file.'),
  })
  .catchall(DataNode);

export type SourceInfoType = z.infer<typeof SourceInfo>;
