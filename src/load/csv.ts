import { parse } from 'csv-parse/sync';
import type { Diagnostics, Span } from '../diagnostics/diagnostic.js';
import type { Cell } from '../model.js';

export interface CsvTable {
  columns: string[];
  rows: Cell[][];
  rowAt: Span[];
  /** `# source: id` and `# unit: …` comment lines above the header. */
  meta: Record<string, string>;
  at: Span;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A CSV file is a table: header row = columns; cells that look like numbers become numbers. */
export function parseCsv(file: string, text: string, diagnostics: Diagnostics): CsvTable | undefined {
  const meta: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  let skip = 0;
  while (skip < lines.length && /^\s*#/.test(lines[skip]!)) {
    const m = /^\s*#\s*([a-z_]+)\s*:\s*(.*?)\s*$/i.exec(lines[skip]!);
    if (m) meta[m[1]!.toLowerCase()] = m[2]!;
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
    const err = e as { message: string; lines?: number; column?: number };
    diagnostics.error('csv-syntax', err.message.replace(/^CSV_\w+:?\s*/, ''), {
      file,
      line: (err.lines ?? 1) + skip,
      column: 1,
    });
    return undefined;
  }
  const header = records[0];
  if (!header) {
    diagnostics.error('csv-empty', `${file} has no header row`, { file, line: 1, column: 1 });
    return undefined;
  }
  const columns = header.record;
  const rows: Cell[][] = [];
  const rowAt: Span[] = [];
  let ok = true;
  for (const { record, info } of records.slice(1)) {
    const at = { file, line: info.lines + skip, column: 1 };
    if (record.length !== columns.length) {
      diagnostics.error(
        'csv-ragged',
        `row has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${columns.length} (${columns.join(', ')})`,
        at,
        record.length < columns.length ? 'add the missing cells, or leave them empty between commas' : 'remove the extra cells, or quote a cell that contains a comma',
      );
      ok = false;
      continue;
    }
    rows.push(record.map((cell) => (NUMBER.test(cell) ? Number(cell.replace(/,/g, '')) : cell === '' ? null : cell)));
    rowAt.push(at);
  }
  return ok ? { columns, rows, rowAt, meta, at: { file, line: skip + 1, column: 1 } } : undefined;
}
