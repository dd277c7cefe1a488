import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { Cell, DataEntry, SourceRecord } from '../../model.js';
import type { DataAdapter, DataFileContent } from './adapter.js';
import { pointerWhere, type Pointer, type Where } from './location.js';
import { defined, shapeEntry, tidyNumber, type EntryMeta, type Grid, type Shape } from './shape.js';

/**
 * Excel workbooks (.xlsx) through exceljs. Cells are read as the workbook shows them: formulas as
 * their saved results, percentage formats as per cent (0.567 → 56.7, unit %), dates as YYYY-MM-DD
 * (YYYY-MM when the format shows no day). Every problem is located at its sheet and cell.
 */

/** Which part of a workbook an entry reads. Exactly one is set. */
export interface WorkbookSelection {
  sheet?: string;
  table?: string;
  name?: string;
  /** `Monthly!A1:C13`, or `A1:C13` with `sheet`. */
  range?: string;
  /** `Summary!B2`, or `B2` with `sheet`. */
  cell?: string;
}

interface Rect {
  sheet: ExcelJS.Worksheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type ReadCell = { value: Cell; unit?: string } | { error: string; hint?: string };

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook | { error: string }> {
  // Loaded here, not at start-up: exceljs is the largest module briefdeck has (≈ 150 ms to load)
  // and most decks read no workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  } catch (e) {
    const message = (e as Error).message;
    return {
      error: /zip|signature|central directory/i.test(message)
        ? 'is not an Excel workbook (.xlsx); an old .xls must be saved as .xlsx first'
        : `cannot be read as a workbook (${message})`,
    };
  }
}

/** The workbook's own last-saved date, so that citing it keeps builds reproducible. */
export function savedDate(workbook: ExcelJS.Workbook): string | undefined {
  const d = workbook.modified ?? workbook.created;
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
}

export function sheetPointer(sheet: string, address: string): string {
  return `Sheet "${sheet}"!${address}`;
}

function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function address(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A number format's percent sign outside quotes and brackets. */
function isPercentFormat(format: string | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function dateText(d: Date, format: string | undefined): string {
  const iso = d.toISOString();
  const f = (format ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
  if (f && !/d/.test(f) && /m/.test(f)) return iso.slice(0, 7);
  if (f && !/[dm]/.test(f) && /y/.test(f)) return iso.slice(0, 4);
  return iso.slice(0, 10);
}

function readCell(cell: ExcelJS.Cell): ReadCell {
  const format = cell.numFmt;
  const plain = (v: unknown): ReadCell => {
    if (v === null || v === undefined || v === '') return { value: null };
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { error: 'not a finite number' };
      return isPercentFormat(format) ? { value: tidyNumber(v * 100), unit: '%' } : { value: tidyNumber(v) };
    }
    if (typeof v === 'string') return { value: v.trim() === '' ? null : v.trim() };
    if (typeof v === 'boolean') return { value: v ? 'TRUE' : 'FALSE' };
    if (v instanceof Date) return { value: dateText(v, format) };
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('error' in o) return { error: `holds the error ${String(o.error)}`, hint: 'fix the formula in the workbook' };
      if ('richText' in o && Array.isArray(o.richText))
        return plain((o.richText as { text: string }[]).map((r) => r.text).join(''));
      if ('formula' in o || 'sharedFormula' in o) {
        if (o.result === undefined)
          return {
            error: `the formula =${String(o.formula ?? o.sharedFormula)} has no saved result`,
            hint: 'open the workbook in Excel or LibreOffice and save it, so that results are stored',
          };
        return plain(o.result);
      }
      if ('text' in o) return plain(o.text);
    }
    return { error: 'holds a value briefdeck cannot read' };
  };
  return plain(cell.value);
}

/** The used part of a sheet: from the first to the last row and column that hold anything. */
function usedRect(sheet: ExcelJS.Worksheet): Rect | undefined {
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === '') return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return bottom ? { sheet, top, left, bottom, right } : undefined;
}

const A1 = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

function parseA1(text: string): { row: number; col: number } | undefined {
  const m = A1.exec(text.trim());
  if (!m) return undefined;
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** `Monthly!A1:C13`, `'Trade by port'!B2`, or `A1:C13` on `defaultSheet`. */
function parseRangeRef(
  workbook: ExcelJS.Workbook,
  text: string,
  defaultSheet: string | undefined,
): Rect | { error: string; expected?: string[] } {
  const bang = text.lastIndexOf('!');
  const sheetName = bang >= 0 ? text.slice(0, bang).replace(/^'(.*)'$/, '$1') : defaultSheet;
  const cells = bang >= 0 ? text.slice(bang + 1) : text;
  if (!sheetName) return { error: `\`${text}\` does not name its sheet: write it as \`Sheet1!${cells}\`` };
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) return { error: `there is no sheet "${sheetName}"`, expected: sheetNames(workbook) };
  const [from, to = from] = cells.split(':');
  const a = parseA1(from ?? '');
  const b = parseA1(to ?? '');
  if (!a || !b) return { error: `\`${cells}\` is not a cell or range such as B2 or A1:C13` };
  return {
    sheet,
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

function sheetNames(workbook: ExcelJS.Workbook): string[] {
  return workbook.worksheets.map((w) => w.name);
}

function definedNames(workbook: ExcelJS.Workbook): { name: string; ranges: string[] }[] {
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  return model.filter((d) => d.ranges.length === 1);
}

function excelTables(workbook: ExcelJS.Workbook): { name: string; sheet: string; ref: string }[] {
  const out: { name: string; sheet: string; ref: string }[] = [];
  for (const sheet of workbook.worksheets) {
    for (const name of Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables ?? {})) {
      const t = sheet.getTable(name) as unknown as { table: { tableRef?: string; ref: string } };
      out.push({ name, sheet: sheet.name, ref: t.table.tableRef ?? t.table.ref });
    }
  }
  return out;
}

/** A rectangle as a grid: with `header`, its first row names the columns. */
function gridOf(
  rect: Rect,
  header: boolean,
  file: string,
): {
  grid: Grid;
  pointerOf: (r: number, c: number) => Pointer;
  rowPointer: (r: number) => Pointer;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const { sheet } = rect;
  const at = (row: number, col: number): Pointer => ({ file, pointer: sheetPointer(sheet.name, address(row, col)) });
  const width = rect.right - rect.left + 1;
  const columns: string[] = [];
  const firstBody = header ? rect.top + 1 : rect.top;
  if (header) {
    for (let c = 0; c < width; c++) {
      const read = readCell(sheet.getCell(rect.top, rect.left + c));
      if ('error' in read || read.value === null) {
        problems.push({
          at: at(rect.top, rect.left + c),
          message: 'error' in read ? read.error : 'the column header is empty',
          hint: 'the first row of a sheet, table or range names its columns',
        });
        columns.push(`column ${columnLetters(rect.left + c)}`);
      } else columns.push(String(read.value));
    }
  } else for (let c = 0; c < width; c++) columns.push(columnLetters(rect.left + c));
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  const units: (string | undefined | null)[] = columns.map(() => null);
  for (let r = firstBody; r <= rect.bottom; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < width; c++) {
      const read = readCell(sheet.getCell(r, rect.left + c));
      if ('error' in read) {
        problems.push({ at: at(r, rect.left + c), message: read.error, ...defined({ hint: read.hint }) });
        row.push(null);
        continue;
      }
      row.push(read.value);
      // A column's unit is `%` only if every number in it is formatted as a percentage.
      if (typeof read.value === 'number') {
        const u = read.unit;
        units[c] = units[c] === null ? u : units[c] === u ? u : undefined;
      }
    }
    // Spacer rows inside a sheet are layout, not data.
    if (row.every((v) => v === null)) continue;
    rows.push(row);
    rowNumbers.push(r);
  }
  return {
    grid: { columns, rows, units: units.map((u) => u ?? undefined) },
    pointerOf: (r, c) => at(rowNumbers[r] ?? firstBody, rect.left + c),
    rowPointer: (r) => ({
      file,
      pointer: sheetPointer(
        sheet.name,
        `${address(rowNumbers[r] ?? firstBody, rect.left)}:${address(rowNumbers[r] ?? firstBody, rect.right)}`,
      ),
    }),
    problems,
  };
}

interface Problem {
  at: Pointer;
  message: string;
  hint?: string;
}

function report(diagnostics: Diagnostics, problems: Problem[]): void {
  for (const p of problems) diagnostics.error('data-invalid', p.message, pointerWhere(p.at), p.hint);
}

/** Finds what a selection names: a rectangle and whether its first row is a header. */
function locate(
  workbook: ExcelJS.Workbook,
  selection: WorkbookSelection,
): { rect: Rect; header: boolean; label: string } | { error: string; expected?: string[]; empty?: boolean } {
  if (selection.table !== undefined) {
    const table = excelTables(workbook).find((t) => t.name === selection.table);
    if (!table)
      return {
        error: `there is no Excel table "${selection.table}"`,
        expected: excelTables(workbook).map((t) => t.name),
      };
    const rect = parseRangeRef(workbook, `'${table.sheet}'!${table.ref}`, undefined);
    return 'error' in rect
      ? rect
      : { rect, header: true, label: `table "${table.name}" (${sheetPointer(table.sheet, table.ref)})` };
  }
  if (selection.name !== undefined) {
    const name = definedNames(workbook).find((d) => d.name === selection.name);
    if (!name)
      return {
        error: `there is no named range "${selection.name}"`,
        expected: definedNames(workbook).map((d) => d.name),
      };
    const rect = parseRangeRef(workbook, name.ranges[0]!.replace(/\$/g, ''), undefined);
    if ('error' in rect) return rect;
    const single = rect.top === rect.bottom && rect.left === rect.right;
    return { rect, header: !single, label: `name "${name.name}" (${rangeLabel(rect)})` };
  }
  if (selection.range !== undefined || selection.cell !== undefined) {
    const text = (selection.range ?? selection.cell)!;
    const rect = parseRangeRef(workbook, text, selection.sheet);
    if ('error' in rect) return rect;
    if (selection.cell !== undefined && (rect.top !== rect.bottom || rect.left !== rect.right))
      return { error: `\`cell: ${text}\` names more than one cell; use \`range:\` for a block` };
    return { rect, header: selection.range !== undefined, label: rangeLabel(rect) };
  }
  const sheetName = selection.sheet ?? '';
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) return { error: `there is no sheet "${sheetName}"`, expected: sheetNames(workbook) };
  const rect = usedRect(sheet);
  if (!rect) return { error: `sheet "${sheet.name}" is empty`, empty: true };
  return { rect, header: true, label: rangeLabel(rect) };
}

function rangeLabel(rect: Rect): string {
  const from = address(rect.top, rect.left);
  const to = address(rect.bottom, rect.right);
  return sheetPointer(rect.sheet.name, from === to ? from : `${from}:${to}`);
}

export interface WorkbookEntryResult {
  entry: DataEntry;
  /** `Sheet "Monthly"!A1:C13`, `table "Ports" (…)`: what was read, for the citation. */
  label: string;
}

/**
 * One entry from a selection of a workbook, shaped as `as`. Problems with the selection are reported at
 * `meta.at` (where the entry is written); problems with cells at the cell.
 */
export function readWorkbookEntry(
  workbook: ExcelJS.Workbook,
  file: string,
  selection: WorkbookSelection,
  as: Shape | undefined,
  meta: EntryMeta,
  diagnostics: Diagnostics,
): WorkbookEntryResult | undefined {
  const found = locate(workbook, selection);
  if ('error' in found) {
    const near = found.expected?.length ? `one of: ${found.expected.map((n) => `"${n}"`).join(', ')}` : undefined;
    diagnostics.error('data-invalid', `${file}: ${found.error}`, meta.at, near);
    return undefined;
  }
  const single = found.rect.top === found.rect.bottom && found.rect.left === found.rect.right && !found.header;
  const shape: Shape = as ?? (single ? 'value' : 'table');
  const { grid, pointerOf, rowPointer, problems } = gridOf(found.rect, found.header, file);
  report(diagnostics, problems);
  if (problems.length) return undefined;
  const entry = shapeEntry(
    grid,
    shape,
    meta,
    diagnostics,
    (r, c, message, hint) => {
      const p = pointerOf(r, c);
      diagnostics.error('data-invalid', message, pointerWhere(p), hint);
    },
    { rowAt: (r) => pointerWhere(rowPointer(r)), cellAt: (r, c) => pointerWhere(pointerOf(r, c)) },
  );
  return entry && { entry, label: found.label };
}

/** A sheet, table or defined name as a data key part: as written when it can be one, else with _ for the rest. */
export function keyPartOf(name: string, fallback: string): string {
  const cleaned = name
    .trim()
    .replace(/[^\w-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : /^\w/.test(cleaned) ? `_${cleaned}` : fallback;
}

/** The provenance record of a workbook read: cited beside the entry's own source. */
export function workbookSource(file: string, label: string, saved: string | undefined, at: Where): SourceRecord {
  return {
    id: `${file}#${label}`,
    title: basename(file),
    location: label,
    at,
    // The workbook's own saved date, not the time of reading: the same file gives the same deck.
    ...defined({ date: saved }),
  };
}

/**
 * A whole workbook named in the outline (`data: { trade: data/trade.xlsx }`): each sheet is a table
 * `trade.<sheet>`, each Excel table `trade.<table>`, each defined name `trade.<name>` (one cell: a value).
 */
export const xlsx: DataAdapter = {
  extensions: ['.xlsx', '.xlsm'],
  async read(file, ctx): Promise<DataFileContent | undefined> {
    let bytes: Buffer;
    try {
      bytes = await ctx.host.readBytes(file.path, 'data');
    } catch (e) {
      const code = (e as { code?: string }).code;
      ctx.diagnostics.error(
        code === 'ENOENT' ? 'file-not-found' : 'file-unreadable',
        code === 'ENOENT' ? `file not found: ${file.file}` : `cannot read ${file.file} (${code ?? 'unknown error'})`,
        file.at,
      );
      return undefined;
    }
    const workbook = await loadWorkbook(bytes);
    if ('error' in workbook) {
      ctx.diagnostics.error('unsupported-file-type', `${file.file} ${workbook.error}`, file.at);
      return undefined;
    }
    const prefix = file.namespace ?? keyPartOf(basename(file.path, extname(file.path)), 'workbook');
    const content: DataFileContent = { entries: [], sources: [], sourceRefs: [], invalidKeys: [] };
    const saved = savedDate(workbook);
    const seen = new Set<string>();
    const add = (name: string, fallback: string, selection: WorkbookSelection) => {
      const key = `${prefix}.${keyPartOf(name, fallback)}`;
      if (seen.has(key)) return;
      const at = pointerWhere({ file: file.file, pointer: '' });
      const before = ctx.diagnostics.errorCount;
      const read = readWorkbookEntry(workbook, file.file, selection, undefined, { key, at }, ctx.diagnostics);
      if (!read) {
        if (ctx.diagnostics.errorCount > before) content.invalidKeys.push(key);
        return;
      }
      seen.add(key);
      const source = workbookSource(file.file, read.label, saved, at);
      content.sources.push(source);
      content.entries.push({ ...read.entry, source: source.id });
    };
    workbook.worksheets.forEach((sheet, i) => {
      if (usedRect(sheet)) add(sheet.name, `sheet${i + 1}`, { sheet: sheet.name });
    });
    for (const t of excelTables(workbook)) add(t.name, 'table', { table: t.name });
    for (const d of definedNames(workbook)) add(d.name, 'name', { name: d.name });
    return content;
  },
};
