import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, WIDTH_SAFETY } from '../../../src/layout/fit.js';
import {
  CELL_PAD_X,
  CELL_PAD_Y,
  columnWidths,
  layoutTableSlide,
  rowHeights,
} from '../../../src/layout/slides/table.js';
import type { Element, ResolvedSlide } from '../../../src/model.js';
import { BASE_THEME } from '../../../src/resolve/theme.js';
import { fakeContext, fakeMeasurer, HERE } from '../../helpers/layout.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** A column's natural width with the fake measurer: its longest cell, half an em a character, plus padding. */
const natural = (longest: number, size: number) => (longest * size) / 2 / WIDTH_SAFETY + 2 * CELL_PAD_X + 2;

describe('table column widths (fake measurer)', () => {
  it('gives a small table its natural proportions, at least half the width and not stretched further', () => {
    const widths = columnWidths(['A', 'B'], [['xx', 'yyyy']], 800, 10, fakeMeasurer);
    expect(sum(widths)).toBeCloseTo(400, 6);
    expect(widths[0]! / widths[1]!).toBeCloseTo(natural(2, 10) / natural(4, 10), 9);
  });

  it('gives a table that fits 1.4 × its natural width when that is more than half', () => {
    const rows = [['a'.repeat(30), 'b'.repeat(40)]];
    const widths = columnWidths(['Left', 'Right'], rows, 800, 10, fakeMeasurer);
    expect(sum(widths)).toBeCloseTo(1.4 * (natural(30, 10) + natural(40, 10)), 6);
  });

  it('keeps a short column at its natural width and gives the long text column the rest', () => {
    const note = 'word '.repeat(80).trim();
    const widths = columnWidths(['Region', 'Note'], [['Guangdong', note]], 600, 10, fakeMeasurer);
    expect(widths[0]).toBeCloseTo(natural('Guangdong'.length, 10), 9);
    expect(sum(widths)).toBeCloseTo(600, 6);
  });

  it('never makes a column narrower than its longest word', () => {
    const long = 'x'.repeat(50);
    const widths = columnWidths(
      ['Code', 'Text', 'More'],
      [[long, 'word '.repeat(60), 'word '.repeat(60)]],
      600,
      10,
      fakeMeasurer,
    );
    expect(widths[0]).toBeGreaterThanOrEqual(natural(50, 10) - 1e-9);
    expect(sum(widths)).toBeCloseTo(600, 6);
  });

  it('makes a row as tall as its tallest cell, padding included', () => {
    const size = 10;
    const widths = [100, 100];
    const [header, short, wrapped] = rowHeights(
      ['A', 'B'],
      [
        ['one', 'two'],
        ['one', 'word '.repeat(10).trim()],
      ],
      widths,
      size,
      fakeMeasurer,
    );
    const line = size * LINE_HEIGHT;
    expect(header).toBe(line + 2 * CELL_PAD_Y);
    expect(short).toBe(line + 2 * CELL_PAD_Y);
    // (100 − 12) × 0.97 pt holds 17 characters: three 4-letter words a line, so ten words take four lines.
    expect(wrapped).toBe(4 * line + 2 * CELL_PAD_Y);
  });
});

type Table = Extract<Element, { kind: 'table' }>;
const tableSlide = (rows: string[][], caption?: string): Extract<ResolvedSlide, { kind: 'table' }> => ({
  kind: 'table',
  title: 'Trade',
  notes: '',
  sources: [],
  at: HERE,
  columns: ['Region', 'Value'],
  rows,
  numeric: [false, true],
  ...(caption ? { caption } : {}),
});

describe('table slides (fake measurer)', () => {
  it('styles the header, bands the rows and sets figures right, all decided here', () => {
    const [slide] = layoutTableSlide(
      tableSlide([
        ['North', '1'],
        ['South', '2'],
      ]),
      fakeContext(),
    );
    const table = slide!.elements.find((e): e is Table => e.kind === 'table')!;
    const p = BASE_THEME.palette;
    expect(table.rows.map((r) => r.map((c) => [c.text, c.bold, c.color, c.fill, c.align]))).toEqual([
      [
        ['Region', true, p.accentText, p.accent, 'left'],
        ['Value', true, p.accentText, p.accent, 'left'],
      ],
      [
        ['North', false, p.text, p.background, 'left'],
        ['1', false, p.text, p.background, 'right'],
      ],
      [
        ['South', false, p.text, p.surface, 'left'],
        ['2', false, p.text, p.surface, 'right'],
      ],
    ]);
    expect(table).toMatchObject({
      size: BASE_THEME.sizes.table,
      font: { latin: BASE_THEME.fonts.latin, eastAsian: BASE_THEME.fonts.eastAsian },
      border: { color: p.rule },
      padding: { x: CELL_PAD_X, y: CELL_PAD_Y },
    });
  });

  it('continues many rows on further slides with the header repeated and the caption on the last', () => {
    const ctx = fakeContext();
    const rows = Array.from({ length: 60 }, (_, i) => [`Region ${i + 1}`, String(i)]);
    const slides = layoutTableSlide(tableSlide(rows, 'Figures rounded.'), ctx);
    expect(slides.length).toBeGreaterThan(1);
    const tables = slides.map((s) => s.elements.find((e): e is Table => e.kind === 'table')!);
    for (const t of tables) expect(t.rows[0]!.map((c) => c.text)).toEqual(['Region', 'Value']);
    expect(tables.flatMap((t) => t.rows.slice(1).map((r) => r[0]!.text))).toEqual(rows.map((r) => r[0]));
    const captions = slides.map((s) => s.elements.filter((e) => e.kind === 'text' && e.name === 'Caption').length);
    expect(captions).toEqual([...slides.slice(1).map(() => 0), 1]);
    expect(ctx.fit.stats.split).toBe(1);
  });
});
