import type { LaidOutSlide, ResolvedSlide, TableCell } from '../../model.js';
import { measureBlocks, shrinkToFit, WIDTH_SAFETY } from '../fit.js';
import { paragraphRuns, type LayoutContext } from '../frame.js';
import { wrapText } from '../linebreak.js';
import { typeset } from '../typography.js';
import { runLang } from '../lang.js';
import type { TextMeasurer } from '../measure.js';
import { bodyForPages, contentSlide, continued } from './content.js';
import { maxOf } from '../../extremes.js';
import { hasEastAsian } from '../../script.js';

type Slide = Extract<ResolvedSlide, { kind: 'table' }>;

/** Cell padding in points (left/right, top/bottom), written into the pptx as cell margins. */
export const CELL_PAD_X = 6;
export const CELL_PAD_Y = 4;

/** A table at least this share of the body wide spans the whole body. */
const FULL_WIDTH_SHARE = 0.75;

/**
 * Column widths, as a browser lays out an automatic table: every column gets its natural
 * width (and a share of some spare room) when the table fits. Otherwise short columns (up to
 * 30 % of the width) keep theirs, so labels and figures stay on one line, and the long text columns share what is left,
 * in proportion to their natural widths but never narrower than their longest word.
 */
export function columnWidths(
  columns: string[],
  rows: string[][],
  total: number,
  size: number,
  m: TextMeasurer,
): number[] {
  const pad = 2 * CELL_PAD_X + 2;
  const natural = columns.map(
    (c, i) => Math.max(m.width(c, size, true), ...rows.map((r) => m.width(r[i] ?? '', size))) / WIDTH_SAFETY + pad,
  );
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) {
    // A small table is not stretched across the slide: its columns would drift apart. One that
    // would take most of the width takes all of it: stopping short of the margin looks like a slip.
    const roomy = Math.min(total, Math.max(sum * 1.4, total * 0.5));
    const width = roomy >= total * FULL_WIDTH_SHARE ? total : roomy;
    return natural.map((w) => (w * width) / sum);
  }
  const floor = columns.map((c, i) => {
    const words = [c, ...rows.map((r) => r[i] ?? '')].flatMap((t) => t.split(/\s+/));
    return maxOf(words.map((w) => m.width(w, size, true))) / WIDTH_SAFETY + pad;
  });
  const widths = new Array<number>(columns.length).fill(0);
  const open = new Set(columns.map((_, i) => i));
  let room = total;
  // Short columns first, as long as the rest can still be as wide as their longest words.
  const byNatural = [...open].sort((a, b) => natural[a]! - natural[b]!);
  for (const i of byNatural) {
    const restFloor = [...open].filter((j) => j !== i).reduce((a, j) => a + floor[j]!, 0);
    if (natural[i]! > total * 0.3 || room - natural[i]! < restFloor) break;
    widths[i] = natural[i]!;
    room -= natural[i]!;
    open.delete(i);
  }
  // The rest share the room by natural width, each at least its floor.
  for (let changed = true; changed && open.size;) {
    changed = false;
    const want = [...open].reduce((a, j) => a + natural[j]!, 0);
    for (const j of open) {
      const share = (natural[j]! / want) * room;
      if (share < floor[j]!) {
        widths[j] = floor[j]!;
        room -= floor[j]!;
        open.delete(j);
        changed = true;
      }
    }
    if (!changed) for (const j of open) widths[j] = (natural[j]! / want) * room;
  }
  return withoutWidows(widths, floor, columns, rows, size, m);
}

/** Points a wrapped column is narrowed by per try when its last lines are widows. */
const WIDOW_STEP = 2;
/**
 * The widths, as shares of a cell's, at which its lines are judged: ours (which errs 5 % wide),
 * the full width, and 3 % more, as renderers' text widths differ from our measure by that much.
 */
const RENDER_SPREAD = [WIDTH_SAFETY, 1, 1.03];
/** A last line narrower than this share of its column reads as a widow, a single word or not. */
const WIDOW_SHARE = 0.15;

/**
 * A wrapped column whose cells end on a widow — one word, or a scrap, alone on the last line —
 * is narrowed to the widest width at which none does and no cell takes more lines; the room it
 * gives up goes to the columns that do not wrap, so the table keeps its width. Lines are judged
 * over the spread of widths a renderer may use (RENDER_SPREAD): the chosen width sets each cell
 * on as many lines in all of them, so a row reserved for two lines never shows one, and no
 * renderer's last line is a widow either.
 */
function withoutWidows(
  widths: number[],
  floor: number[],
  columns: string[],
  rows: string[][],
  size: number,
  m: TextMeasurer,
): number[] {
  const cells = (j: number) => rows.map((r) => r[j] ?? '');
  const width = (t: string) => m.width(t, size);
  const lines = (text: string, w: number, safety = WIDTH_SAFETY) =>
    wrapText(text, Math.max(1, (w - 2 * CELL_PAD_X) * safety), width).lines;
  const wraps = columns.map((_, j) => cells(j).some((t) => lines(t, widths[j]!).length > 1));
  const fixed = columns.map((_, j) => j).filter((j) => !wraps[j]);
  if (!fixed.length) return widths;
  const widow = (set: string[], w: number) => {
    const last = (set.at(-1) ?? '').trim();
    // Chinese has no spaces between words: two characters alone are its widow.
    const single = hasEastAsian(last) ? [...last].length <= 2 : !/\s/.test(last);
    return set.length > 1 && (single || width(last) < WIDOW_SHARE * w);
  };
  const out = [...widths];
  for (const j of columns.keys()) {
    if (!wraps[j]) continue;
    // A cell may take more lines up to the column's tallest: its row is then no taller than that one.
    const most = Math.max(...cells(j).map((t) => lines(t, widths[j]!).length));
    const settled = (w: number) =>
      cells(j).every((t) => {
        const sets = RENDER_SPREAD.map((spread) => lines(t, w, spread));
        return sets.every((set) => set.length === sets[0]!.length && !widow(set, w));
      });
    if (settled(widths[j]!)) continue;
    for (let w = widths[j]! - WIDOW_STEP; w >= floor[j]!; w -= WIDOW_STEP) {
      if (cells(j).some((t) => lines(t, w, RENDER_SPREAD[0]).length > most)) break;
      if (!settled(w)) continue;
      out[j] = w;
      break;
    }
  }
  const freed = total(widths) - total(out);
  const shared = total(fixed.map((j) => out[j]!));
  for (const j of fixed) out[j] = out[j]! + (freed * out[j]!) / shared;
  return out;
}

export function rowHeights(
  columns: string[],
  rows: string[][],
  widths: number[],
  size: number,
  m: TextMeasurer,
): number[] {
  const height = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map(
        (text, i) => measureBlocks([{ text, indent: 0, bold }], widths[i]! - 2 * CELL_PAD_X, size, m).height,
      ),
    ) +
    2 * CELL_PAD_Y;
  return [height(columns, true), ...rows.map((r) => height(r, false))];
}

/**
 * Horizontal rules only (a heavier rule above and below the table, a rule under the bold
 * header, hairlines between rows), no fills; figures right-aligned under right-aligned headers.
 * A total row (the last, when `total`) is bold over the header's rule.
 */
function styledRows(
  rows: string[][],
  numeric: readonly boolean[],
  size: number,
  total: boolean,
  ctx: LayoutContext,
): TableCell[][] {
  const p = ctx.theme.palette;
  const outer = { color: p.title, width: 1.25 };
  const under = { color: p.title, width: 0.75 };
  const between = { color: p.rule, width: 0.5 };
  const last = rows.length - 1;
  const isTotal = (r: number) => total && r === last && r > 0;
  return rows.map((row, r) =>
    row.map((raw, c) => {
      const text = typeset(r === 0 ? headerText(raw) : raw);
      const color = r === 0 ? p.title : p.text;
      const runs = paragraphRuns([{ text, size, color, font: ctx.face, lang: runLang(text, ctx.lang) }], ctx.face);
      return {
        text,
        ...(runs.length > 1 ? { runs } : {}),
        bold: r === 0 || isTotal(r),
        color,
        align: numeric[c] ? 'right' : 'left',
        lang: runLang(text, ctx.lang),
        rules: {
          ...(r === 0 ? { top: outer } : isTotal(r) ? { top: under } : {}),
          bottom: r === 0 || isTotal(r + 1) ? under : r === last ? outer : between,
        },
      };
    }),
  );
}

/** A raw data name ("goods", "fdi_share") as a header: words spaced, sentence case; written headers stay. */
export function headerText(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) return name;
  const words = name.replace(/_/g, ' ');
  return words[0]!.toUpperCase() + words.slice(1);
}

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The largest size from `from` down to `to` at which the columns fit across the slide. */
function firstWideEnoughSize(slide: Slide, width: number, from: number, to: number, ctx: LayoutContext): number {
  return shrinkToFit(from, to, (size) => ({
    fits: total(columnWidths(slide.columns, slide.rows, width, size, ctx.measure)) <= width + 0.5,
  })).size;
}

/** The most a table's rows grow by to take up the room the body has under them. */
const ROW_GROWTH = 1.6;

/**
 * A table of one slide takes a fair share of its body: its rows grow alike, each by the same
 * share up to 60 % taller, their text centred. A short table left the lower half empty.
 */
function withRoom(heights: number[], room: number): number[] {
  const grow = Math.min(ROW_GROWTH, room / total(heights));
  return grow > 1 ? heights.map((h) => Math.floor(h * grow * 10) / 10) : heights;
}

/** Keep the theme size; shrink to the minimum; then continue the rows on further slides, header repeated. */
export function layoutTableSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide[] {
  const { sizes } = ctx.theme;
  const body = bodyForPages(slide, slide.title, ctx);
  // The body already ends above the caption: it is in the foot note, with the source.
  const room = body.bottom - body.top;
  // Too wide is only cured by a smaller size: columns are never narrower than their longest word.
  const fit = shrinkToFit(sizes.table, sizes.tableMin, (size) => {
    const widths = columnWidths(slide.columns, slide.rows, body.width, size, ctx.measure);
    const heights = rowHeights(slide.columns, slide.rows, widths, size, ctx.measure);
    const wideEnough = total(widths) <= body.width + 0.5;
    return { widths, heights, wideEnough, fits: wideEnough && total(heights) <= room };
  });
  let { size, widths, heights } = fit;
  const { fits, wideEnough } = fit;
  if (!wideEnough) {
    ctx.diagnostics.error(
      'text-does-not-fit',
      `the table needs ${Math.round(total(widths))} pt across even at ${sizes.tableMin} pt, but the slide has ${Math.round(body.width)} pt`,
      slide.at,
      'show fewer columns with `table: { data, columns: [...] }`, or shorten the longest words',
    );
  }
  let pages: number[][];
  if (fits) {
    ctx.fit.shrunk('table', sizes.table, size, slide.at, 'shorten cells or move rows to another slide');
    pages = [slide.rows.map((_, i) => i)];
    heights = withRoom(heights, room);
  } else {
    // Rows continue on further slides at the theme size, or at the size that makes the table narrow enough.
    size = wideEnough ? firstWideEnoughSize(slide, body.width, sizes.table, sizes.tableMin, ctx) : sizes.tableMin;
    widths = columnWidths(slide.columns, slide.rows, body.width, size, ctx.measure);
    heights = rowHeights(slide.columns, slide.rows, widths, size, ctx.measure);
    pages = [];
    let page: number[] = [];
    let used = heights[0]!;
    slide.rows.forEach((_, r) => {
      const h = heights[r + 1]!;
      if (page.length && used + h > room) {
        pages.push(page);
        page = [];
        used = heights[0]!;
      }
      if (used + h > room)
        ctx.diagnostics.error(
          'text-does-not-fit',
          `table row ${r + 1} is taller than a whole slide`,
          slide.at,
          'shorten the cells of that row',
        );
      page.push(r);
      used += h;
    });
    if (page.length) pages.push(page);
    ctx.fit.split(
      `table continued over ${pages.length} slides, header repeated`,
      pages.length,
      slide.at,
      'show fewer rows, or pick columns with `table: { data, columns }`',
    );
  }
  return pages.map((rowIndices, p) =>
    contentSlide(
      slide,
      ctx,
      continued(slide.title, p, ctx.words),
      (b) => {
        const rows = rowIndices.map((i) => slide.rows[i]!);
        const rowH = [heights[0]!, ...rowIndices.map((i) => heights[i + 1]!)];
        const h = rowH.reduce((a, c) => a + c, 0);
        const elements: LaidOutSlide['elements'] = [
          {
            kind: 'table',
            name: 'Table',
            box: { x: b.left, y: b.top, w: widths.reduce((a, c) => a + c, 0), h },
            columnWidths: widths,
            rows: styledRows(
              [slide.columns, ...rows],
              slide.numeric,
              size,
              !!slide.total && rowIndices.includes(slide.rows.length - 1),
              ctx,
            ),
            rowHeights: rowH,
            font: ctx.face,
            size,
            valign: 'middle',
            padding: { x: CELL_PAD_X, y: CELL_PAD_Y },
          },
        ];
        return elements;
      },
      { caption: p === pages.length - 1 },
    ),
  );
}
