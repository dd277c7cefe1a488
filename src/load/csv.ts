import { parse } from 'csv-parse/sync';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import type { Cell } from '../model.js';

export interface CsvTable {
  columns: string[];
  rows: Cell[][];
  rowAt: Span[];
  /** `# source: id` and `# unit: …` comment lines above the header. */
  meta: Record<string, string>;
  metaAt: Record<string, Span>;
  /** Position of each cell, for errors about one value. */
  cellAt: Span[][];
  at: Span;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A CSV file is a table: header row = columns; cells that look like numbers become numbers. */
export function parseCsv(file: string, text: string, diagnostics: Diagnostics): CsvTable | undefined {
  const meta: Record<string, string> = {};
  const metaAt: Record<string, Span> = {};
  const lines = text.split(/\r?\n/);
  let skip = 0;
  while (skip < lines.length && /^\s*#/.test(lines[skip]!)) {
    const m = /^(\s*#\s*)([a-z_]+)(\s*:\s*)(.*?)\s*$/i.exec(lines[skip]!);
    if (m) {
      const key = m[2]!.toLowerCase();
      meta[key] = m[4]!;
      metaAt[key] = {
        file,
        line: skip + 1,
        column: m[1]!.length + m[2]!.length + m[3]!.length + 1,
        length: Math.max(1, m[4]!.length),
      };
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
        { file, ...open },
        'add the closing " at the end of the cell; a " inside a quoted cell is written ""',
      );
    } else {
      diagnostics.error(
        'csv-syntax',
        err.message
          .replace(/^CSV_\w+:?\s*/, '')
          .replace(/^Invalid Closing Quote: /, 'a quote is closed in the middle of a cell: '),
        { file, line: (err.lines ?? 1) + skip, column: 1 },
      );
    }
    return undefined;
  }
  const header = records[0];
  if (!header) {
    diagnostics.error('csv-empty', `${file} has no header row`, { file, line: 1, column: 1 });
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
      {
        file,
        line: header.info.lines + skip,
        column: 1,
        length: Math.max(1, (lines[header.info.lines + skip - 1] ?? '').length),
      },
      n > columns.length
        ? 'add the missing column names to the header row'
        : 'remove the extra names from the header row',
    );
    return undefined;
  }
  const rows: Cell[][] = [];
  const rowAt: Span[] = [];
  const cellAt: Span[][] = [];
  let ok = true;
  for (const { record, info } of body) {
    const at = {
      file,
      line: info.lines + skip,
      column: 1,
      length: Math.max(1, (lines[info.lines + skip - 1] ?? '').length),
    };
    if (record.length !== columns.length) {
      diagnostics.error(
        'csv-ragged',
        `row has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${columns.length} (${columns.join(', ')})`,
        at,
        record.length < columns.length
          ? 'add the missing cells, or leave them empty between commas'
          : 'remove the extra cells, or quote a cell that contains a comma',
      );
      ok = false;
      continue;
    }
    rows.push(record.map((cell) => (NUMBER.test(cell) ? Number(cell.replace(/,/g, '')) : cell === '' ? null : cell)));
    rowAt.push(at);
    const starts = cellStarts(lines[at.line - 1] ?? '');
    cellAt.push(
      record.map((cell, c) => ({ file, line: at.line, column: starts[c] ?? 1, length: Math.max(1, cell.length) })),
    );
  }
  return ok ? { columns, rows, rowAt, cellAt, meta, metaAt, at: { file, line: skip + 1, column: 1 } } : undefined;
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
