import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { Cell } from '../../model.js';
import { lineStarts, offsetOf, rangeOrigin, type Origin } from '../origin.js';
import { nearMissOf, readInputText } from '../read.js';
import type { DataAdapter } from './adapter.js';

export interface CsvTable {
  columns: string[];
  rows: Cell[][];
  rowAt: Origin[];
  /** `# source: id` and `# unit: …` comment lines above the header. */
  meta: Record<string, string>;
  metaAt: Record<string, Origin>;
  /** Position of each cell, for errors about one value. */
  cellAt: Origin[][];
  at: Origin;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A CSV file is a table: header row = columns; cells that look like numbers become numbers. */
export function parseCsv(file: string, text: string, diagnostics: Diagnostics): CsvTable | undefined {
  const starts = lineStarts(text);
  /** `length` characters from 1-based line and column. */
  const at = (line: number, column: number, length = 1): Origin => {
    const start = offsetOf(starts, line, column);
    return rangeOrigin(file, start, start + Math.max(1, length));
  };
  const meta: Record<string, string> = {};
  const metaAt: Record<string, Origin> = {};
  const lines = text.split(/\r?\n/);
  let skip = 0;
  while (skip < lines.length && /^\s*#/.test(lines[skip]!)) {
    const m = /^(\s*#\s*)([a-z_]+)(\s*:\s*)(.*?)\s*$/i.exec(lines[skip]!);
    if (m) {
      const key = m[2]!.toLowerCase();
      meta[key] = m[4]!;
      metaAt[key] = at(skip + 1, m[1]!.length + m[2]!.length + m[3]!.length + 1, m[4]!.length);
    }
    skip++;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(lines.slice(skip).join('\n'), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { message: string; code?: string; lines?: number };
    const open = unclosedQuote(lines, skip);
    if (err.code === 'CSV_QUOTE_NOT_CLOSED' && open) {
      diagnostics.error(
        'csv-syntax',
        'a quoted cell is not closed',
        at(open.line, open.column),
        'add the closing " at the end of the cell; a " inside a quoted cell is written ""',
      );
    } else {
      diagnostics.error(
        'csv-syntax',
        err.message
          .replace(/^CSV_\w+:?\s*/, '')
          .replace(/^Invalid Closing Quote: /, 'a quote is closed in the middle of a cell: '),
        at((err.lines ?? 1) + skip, 1),
      );
    }
    return undefined;
  }
  const header = records[0];
  if (!header) {
    diagnostics.error('csv-empty', `${file} has no header row`, at(1, 1));
    return undefined;
  }
  const columns = header.record;
  const body = records.slice(1);
  // Every row one cell longer (or shorter) than the header: the header is what is wrong.
  const counts = new Set(body.map((r) => r.record.length));
  if (body.length > 1 && counts.size === 1 && !counts.has(columns.length)) {
    const n = [...counts][0]!;
    diagnostics.error(
      'csv-ragged',
      `the header names ${columns.length} column${columns.length === 1 ? '' : 's'} (${columns.join(', ')}) but every row has ${n} cells`,
      at(header.info.lines + skip, 1, (lines[header.info.lines + skip - 1] ?? '').length),
      n > columns.length
        ? 'add the missing column names to the header row'
        : 'remove the extra names from the header row',
    );
    return undefined;
  }
  const rows: Cell[][] = [];
  const rowAt: Origin[] = [];
  const cellAt: Origin[][] = [];
  let ok = true;
  for (const { record, info } of body) {
    const line = info.lines + skip;
    const rowOrigin = at(line, 1, (lines[line - 1] ?? '').length);
    if (record.length !== columns.length) {
      diagnostics.error(
        'csv-ragged',
        `row has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${columns.length} (${columns.join(', ')})`,
        rowOrigin,
        record.length < columns.length
          ? 'add the missing cells, or leave them empty between commas'
          : 'remove the extra cells, or quote a cell that contains a comma',
      );
      ok = false;
      continue;
    }
    const cellColumns = cellStarts(lines[line - 1] ?? '');
    const row = record.map((cell) => (NUMBER.test(cell) ? Number(cell.replace(/,/g, '')) : cell === '' ? null : cell));
    // A number too long for a double reads as Infinity: it would be drawn and spoken as "∞".
    const huge = row.findIndex((v) => typeof v === 'number' && !Number.isFinite(v));
    if (huge >= 0) {
      diagnostics.error(
        'not-finite',
        `${record[huge]!.length > 24 ? `a ${record[huge]!.length}-digit number` : record[huge]} is too large to be a number`,
        at(line, cellColumns[huge] ?? 1, record[huge]!.length),
        'check the cell: a figure this large is almost certainly a paste error',
      );
      ok = false;
      continue;
    }
    rows.push(row);
    rowAt.push(rowOrigin);
    cellAt.push(record.map((cell, c) => at(line, cellColumns[c] ?? 1, cell.length)));
  }
  return ok ? { columns, rows, rowAt, cellAt, meta, metaAt, at: at(skip + 1, 1) } : undefined;
}

/** 1-based columns where each cell of a one-line record starts (after any leading spaces). */
function cellStarts(line: string): number[] {
  const starts: number[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuote = !inQuote;
    if ((ch === ',' && !inQuote) || i === line.length) {
      const lead = /^\s*/.exec(line.slice(start, i))![0].length;
      starts.push(start + lead + 1);
      start = i + 1;
    }
  }
  return starts;
}

/** Where a quote opens that is never closed: the parser only notices at the end of the file. */
function unclosedQuote(lines: string[], skip: number): { line: number; column: number } | undefined {
  let open: { line: number; column: number } | undefined;
  for (let l = skip; l < lines.length; l++) {
    const line = lines[l]!;
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== '"') continue;
      if (open && line[i + 1] === '"') {
        i++;
        continue;
      }
      open = open ? undefined : { line: l + 1, column: i + 1 };
    }
  }
  return open;
}

/** CSV data files: one table, keyed by the namespace or the file's name. */
export const csvData: DataAdapter = {
  extensions: ['.csv'],
  async read(file, ctx) {
    const { diagnostics } = ctx;
    const nearMiss = nearMissOf(ctx.host, file.given, file.path);
    const text = await readInputText(ctx.host, file.path, 'data', file.file, diagnostics, file.at, nearMiss);
    if (text === undefined) return undefined;
    ctx.texts.set(file.file, text);
    const table = parseCsv(file.file, text, diagnostics);
    if (!table) return undefined;
    const key = file.namespace ?? basename(file.path, extname(file.path)).replace(/[^\w-]/g, '_');
    if (!/^[A-Za-z_]/.test(key)) {
      diagnostics.error(
        'invalid-value',
        `data file ${file.given} would be the data key \`${key}\`, which an outline cannot name (keys start with a letter)`,
        file.at,
        `give it a name: data: { trade_${key}: ${file.given} }`,
      );
      return undefined;
    }
    const optional = (o: Record<string, string | undefined>) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
    return {
      entries: [
        {
          kind: 'table',
          key,
          columns: table.columns,
          rows: table.rows,
          rowAt: table.rowAt,
          cellAt: table.cellAt,
          at: table.at,
          ...optional({ source: table.meta.source, unit: table.meta.unit, note: table.meta.note }),
        },
      ],
      sources: [],
      sourceRefs: table.meta.source ? [{ id: table.meta.source, at: table.metaAt.source! }] : [],
      invalidKeys: [],
    };
  },
};
