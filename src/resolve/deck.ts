import type { Path } from '../schema/locator.js';
import type { Origin } from '../diagnostics/diagnostic.js';
import type {
  BulletText,
  ChartRender,
  DataSet,
  HouseText,
  ResolvedDeck,
  ResolvedSlide,
  SourceRecord,
  Theme,
} from '../model.js';
import type { BulletInput, OutlineInput, SlideInput, SlideType } from '../schema/outline.js';
import { resolveChart } from './chart.js';
import { rowScope, type ResolveContext } from './context.js';
import { DEFAULT_LIMITS, raiseHint } from '../limits.js';
import { DEFAULT_FORMAT, formatDate, formatValue } from '../format.js';
import { pageReference, wordsFor, type Words } from '../words.js';
import { houseDate, houseFooter, houseWords, pickText } from './house-text.js';
import { hasEastAsian, isChinese } from '../script.js';
import { qualified, type Qualifier } from '../qualifier.js';

type SlideOf<K extends SlideType> = Extract<SlideInput, { type: K }>;
type Handler<K extends SlideType> = (
  slide: SlideOf<K>,
  path: Path,
  ctx: ResolveContext,
  sources: string[],
  deck: DeckDefaults,
) => ResolvedSlide | undefined;

interface DeckDefaults {
  chartRender: ChartRender;
}

function bullets(items: readonly BulletInput[], path: Path, ctx: ResolveContext, sources: string[]): BulletText[] {
  const out: BulletText[] = [];
  items.forEach((item, i) => {
    if (typeof item === 'string') {
      out.push({ text: ctx.text(item, [...path, i], sources), level: 0 });
      return;
    }
    out.push({ text: ctx.text(item.text, [...path, i, 'text'], sources), level: 0 });
    item.bullets?.forEach((sub, j) => out.push({ text: ctx.text(sub, [...path, i, 'bullets', j], sources), level: 1 }));
  });
  return out;
}

/** A column of whole numbers from 1800 to 2200 holds years: 2021, not 2,021. */
function isYearColumn(cells: readonly (string | number | null)[]): boolean {
  const numbers = cells.filter((c): c is number => typeof c === 'number');
  return numbers.length > 0 && numbers.every((n) => Number.isInteger(n) && n >= 1800 && n <= 2200);
}

function tableNumber(value: number, year: boolean, lang: string, decimals?: number): string {
  if (year) return String(value);
  return formatValue(value, undefined, { ...DEFAULT_FORMAT, withUnit: false, ...(decimals ? { decimals } : {}) }, lang);
}

const decimalsOf = (v: number) => (Number.isInteger(v) ? 0 : (/\.(\d+)$/.exec(String(v))?.[1]?.length ?? 0));

/**
 * One precision per column: as many decimals as its most precise figure, so 1,210.0 stands
 * under 4,120.5 instead of 1,210. Undefined for whole numbers (they keep their own forms).
 */
function columnDecimals(rows: readonly (readonly unknown[])[]): (number | undefined)[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => {
    let most = 0;
    for (const r of rows) if (typeof r[c] === 'number') most = Math.max(most, decimalsOf(r[c]));
    return most > 0 ? most : undefined;
  });
}

type InlineTableInput = { columns: string[]; rows: (string | number)[][]; total?: boolean | string | undefined };

/**
 * Puts the total row last and says there is one: `true` takes the last row, a name the row
 * whose first cell it is. An unknown name is an error that lists the first cells.
 */
function withTotal(
  rows: string[][],
  total: boolean | string | undefined,
  at: Origin,
  ctx: ResolveContext,
): { rows: string[][]; total?: boolean } | undefined {
  if (total === undefined || total === false) return { rows };
  if (total === true) return { rows, total: true };
  const i = rows.findIndex((r) => r[0] === total);
  if (i < 0) {
    ctx.diagnostics.error(
      'invalid-value',
      `the table has no row \`${total}\` to set as its total`,
      at,
      `total: true for the last row, or one of: ${rows.map((r) => `\`${r[0]}\``).join(', ')}`,
    );
    return undefined;
  }
  return { rows: [...rows.slice(0, i), ...rows.slice(i + 1), rows[i]!], total: true };
}

/** Headings given in the deck's language: a list, one per shown column, or { column: heading }. */
function withHeaders(
  columns: string[],
  headers: string[] | Record<string, string> | undefined,
  path: Path,
  ctx: ResolveContext,
  sources: string[],
): string[] | undefined {
  if (!headers) return columns;
  if (Array.isArray(headers)) {
    if (headers.length !== columns.length) {
      ctx.diagnostics.error(
        'invalid-value',
        `the table shows ${columns.length} columns but \`headers\` names ${headers.length}`,
        ctx.at([...path, 'headers']),
        `one heading per column: ${columns.map((c) => `\`${c}\``).join(', ')}`,
      );
      return undefined;
    }
    return headers.map((h, i) => ctx.text(h, [...path, 'headers', i], sources));
  }
  const unknown = Object.keys(headers).filter((k) => !columns.includes(k));
  for (const k of unknown)
    ctx.diagnostics.error(
      'invalid-value',
      `\`headers\` names a column \`${k}\` the table does not show`,
      ctx.at([...path, 'headers', k]),
      `columns: ${columns.map((c) => `\`${c}\``).join(', ')}`,
    );
  if (unknown.length) return undefined;
  return columns.map((c) => (headers[c] === undefined ? c : ctx.text(headers[c], [...path, 'headers', c], sources)));
}

/** A table written in the outline: its text cells may interpolate data keys. */
function inlineTable(
  slide: SlideOf<'table'>,
  table: InlineTableInput,
  path: Path,
  ctx: ResolveContext,
  sources: string[],
): ResolvedSlide | undefined {
  const at = [...path, 'table'];
  const yearColumns = table.columns.map((_, c) => isYearColumn(table.rows.map((r) => r[c] ?? null)));
  const precision = columnDecimals(table.rows);
  const columns = table.columns.map((c, i) => ctx.text(c, [...at, 'columns', i], sources));
  let ok = true;
  const rows = table.rows.map((row, r) => {
    if (row.length !== columns.length) {
      ctx.diagnostics.error(
        'data-invalid',
        `table row has ${row.length} cells but there are ${columns.length} columns`,
        ctx.at([...at, 'rows', r]),
        'give every row one cell per column; use "" for an empty cell',
      );
      ok = false;
    }
    return row.map((cell, c) =>
      typeof cell === 'number'
        ? tableNumber(cell, yearColumns[c]!, ctx.lang, precision[c])
        : ctx.text(cell, [...at, 'rows', r, c], sources),
    );
  });
  if (!ok) return undefined;
  const numeric = columns.map((_, c) => table.rows.every((r) => typeof r[c] === 'number'));
  const caption = slide.caption ? ctx.text(slide.caption, [...path, 'caption'], sources) : undefined;
  const totalled = withTotal(rows, table.total, ctx.at([...at, 'total']), ctx);
  if (!totalled) return undefined;
  return {
    kind: 'table',
    title: '',
    notes: '',
    sources,
    at: ctx.at(path),
    columns,
    ...totalled,
    numeric,
    ...(caption ? { caption } : {}),
  };
}

/** One handler per slide type; the `satisfies` makes a missing type a compile error. */
const HANDLERS = {
  bullets: (slide, path, ctx, sources) => ({
    kind: 'bullets',
    title: '',
    notes: '',
    sources,
    at: ctx.at(path),
    bullets: bullets(slide.bullets, [...path, 'bullets'], ctx, sources),
  }),
  stats: (slide, path, ctx, sources) => ({
    kind: 'stats',
    title: '',
    notes: '',
    sources,
    at: ctx.at(path),
    stats: slide.stats.map((stat, i) => {
      const entry = ctx.reference(stat.value, [...path, 'stats', i, 'value'], ['value'], sources, 'a stat');
      const spec = ctx.formatSpec(stat.format, ctx.at([...path, 'stats', i, 'format']));
      const lead = entry?.kind === 'value' ? qualified('', entry.qualifier, ctx.lang) : '';
      return {
        value: entry?.kind === 'value' ? formatValue(entry.value, entry.unit, spec, ctx.lang) : '?',
        label: ctx.text(stat.label, [...path, 'stats', i, 'label'], sources),
        ...(lead ? { lead } : {}),
      };
    }),
    ...(slide.caption ? { caption: ctx.text(slide.caption, [...path, 'caption'], sources) } : {}),
  }),
  chart: (slide, path, ctx, sources, deck) => {
    const chart = resolveChart(slide.chart, [...path, 'chart'], ctx, sources, deck.chartRender);
    const side = bullets(slide.bullets ?? [], [...path, 'bullets'], ctx, sources);
    const caption = slide.caption ? ctx.text(slide.caption, [...path, 'caption'], sources) : undefined;
    if (!chart) return undefined;
    return {
      kind: 'chart',
      title: '',
      notes: '',
      sources,
      at: ctx.at(path),
      chart,
      bullets: side,
      ...(caption ? { caption } : {}),
    };
  },
  table: (slide, path, ctx, sources) => {
    if (typeof slide.table === 'object' && 'rows' in slide.table)
      return inlineTable(slide, slide.table, path, ctx, sources);
    const ref = typeof slide.table === 'string' ? { data: slide.table } : slide.table;
    const refPath = typeof slide.table === 'string' ? [...path, 'table'] : [...path, 'table', 'data'];
    const caption = slide.caption ? ctx.text(slide.caption, [...path, 'caption'], sources) : undefined;
    const entry = ctx.lookup(ref.data, ['table', 'series'], ctx.at(refPath), sources, 'a table slide');
    if (!entry || entry.kind === 'value') return undefined;
    let columns: string[];
    let rows: (string | number | null)[][];
    // Each cell's qualifier, so that "more than 80" in the data reads so in the table.
    let qualifiers: (Qualifier | undefined)[][];
    if (entry.kind === 'table') {
      columns = entry.columns;
      rows = entry.rows;
      qualifiers = entry.rows.map((row, r) => row.map((_, c) => entry.qualifiers?.[r]?.[c]));
    } else {
      columns = ['', ...entry.datasets.map((d) => d.label)];
      rows = entry.labels.map((l, i) => [l, ...entry.datasets.map((d) => d.values[i]!)]);
      qualifiers = entry.labels.map((_, i) => [undefined, ...entry.datasets.map((d) => d.qualifiers?.[i])]);
    }
    if ('columns' in ref && ref.columns) {
      const picked = ref.columns.map((name) => columns.indexOf(name));
      const missing = picked.findIndex((i) => i < 0);
      if (missing >= 0) {
        ctx.diagnostics.error(
          'invalid-value',
          `table \`${ref.data}\` has no column \`${ref.columns[missing]}\``,
          ctx.at([...path, 'table', 'columns', missing]),
          `columns: ${columns.map((c) => `\`${c}\``).join(', ')}`,
        );
        return undefined;
      }
      columns = picked.map((i) => columns[i]!);
      rows = rows.map((r) => picked.map((i) => r[i] ?? null));
      qualifiers = qualifiers.map((q) => picked.map((i) => q[i]));
    }
    const numeric = columns.map(
      (_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || r[c] === null),
    );
    const yearColumns = columns.map((_, c) => isYearColumn(rows.map((r) => r[c] ?? null)));
    const precision = columnDecimals(rows);
    const cell = (v: string | number | null, c: number, r: number) =>
      v === null
        ? ''
        : typeof v === 'number'
          ? qualified(tableNumber(v, yearColumns[c]!, ctx.lang, precision[c]), qualifiers[r]?.[c], ctx.lang)
          : v;
    const options: { headers?: string[] | Record<string, string>; total?: boolean | string } =
      typeof slide.table === 'object' && 'data' in slide.table ? slide.table : {};
    const headed = withHeaders(columns, options.headers, [...path, 'table'], ctx, sources);
    const totalled = withTotal(
      rows.map((row, r) => row.map((v, c) => cell(v, c, r))),
      options.total,
      ctx.at([...path, 'table', 'total']),
      ctx,
    );
    if (!headed || !totalled) return undefined;
    return {
      kind: 'table',
      title: '',
      notes: '',
      sources,
      at: ctx.at(path),
      columns: headed,
      ...totalled,
      numeric,
      ...(caption ? { caption } : {}),
    };
  },
  quote: (slide, path, ctx, sources) => ({
    kind: 'quote',
    title: '',
    notes: '',
    sources,
    at: ctx.at(path),
    quote: ctx.text(slide.quote, [...path, 'quote'], sources),
    ...(slide.by ? { by: ctx.text(slide.by, [...path, 'by'], sources) } : {}),
  }),
} satisfies { [K in SlideType]: Handler<K> };

function resolveSlide(
  slide: SlideInput,
  path: Path,
  ctx: ResolveContext,
  deck: DeckDefaults,
): ResolvedSlide | undefined {
  const sources: string[] = [];
  const handler = HANDLERS[slide.type] as Handler<typeof slide.type>;
  const resolved = handler(slide as never, path, ctx, sources, deck);
  if (!resolved) return undefined;
  resolved.title = slide.title ? ctx.text(slide.title, [...path, 'title'], sources) : '';
  if (slide.layout) resolved.layout = { name: slide.layout, at: ctx.at([...path, 'layout']) };
  const noteSources: string[] = [];
  resolved.notes = slide.notes ? ctx.text(slide.notes, [...path, 'notes'], noteSources) : '';
  if (noteSources.length) resolved.noteSources = noteSources;
  if (!slide.title && slide.type !== 'quote') {
    ctx.diagnostics.warn(
      'no-title',
      `this ${slide.type} slide has no title`,
      ctx.at(path),
      'add `title:`; a title is what a listener reads first',
    );
  }
  return resolved;
}

/**
 * `repeat: TABLE`: the slide once per row of the table, in the table's order, each with
 * `{{ row.column }}` read from its row. No rows: a warning and no slide.
 */
function repeatedSlides(slide: SlideInput, path: Path, ctx: ResolveContext, deck: DeckDefaults): ResolvedSlide[] {
  const at = ctx.at([...path, 'repeat']);
  const table = ctx.lookup(slide.repeat!, ['table'], at, [], 'a repeated slide');
  if (!table || table.kind !== 'table') return [];
  if (!table.rows.length) {
    ctx.diagnostics.warn(
      'empty-repeat',
      `\`${table.key}\` has no rows, so this slide is left out`,
      at,
      'the slide is made once per row of the table',
    );
    return [];
  }
  const max = ctx.limits?.maxSlides ?? DEFAULT_LIMITS.maxSlides;
  if (table.rows.length > max) {
    ctx.diagnostics.error(
      'input-too-large',
      `\`${table.key}\` has ${table.rows.length.toLocaleString('en')} rows: one slide each is too many`,
      at,
      `repeat over a shorter table; ${raiseHint('maxSlides', ctx.limits ?? DEFAULT_LIMITS)}`,
    );
    return [];
  }
  const outer = ctx.row;
  const out: ResolvedSlide[] = [];
  try {
    table.rows.forEach((_, r) => {
      ctx.row = rowScope(table, r);
      const resolved = resolveSlide(slide, path, ctx, deck);
      if (resolved) out.push(resolved);
    });
  } finally {
    ctx.row = outer;
  }
  return out;
}

/** How a deck writes a citation: its language, and its one style of dates (the footer's). */
export interface CitationStyle {
  lang: string;
  day: (date: string) => string;
}

/** The deck's style: the theme's date pattern for the language, else the long form ("27 October 2025"). */
export function citationStyle(theme: Theme, lang: string): CitationStyle {
  return { lang, day: (date) => houseDate(theme, date, lang) ?? formatDate(date, lang, true) };
}

/** A source's title, author and publisher in the deck's language, where the data gives that form. */
function inLanguage(s: SourceRecord, lang: string): SourceRecord {
  const forms = s.languages;
  if (!forms) return s;
  const pick = (text: HouseText | undefined, plain: string | undefined) =>
    (text && pickText(text, lang, false)) ?? plain;
  const author = pick(forms.author, s.author);
  const publisher = pick(forms.publisher, s.publisher);
  return {
    ...s,
    title: pick(forms.title, s.title)!,
    ...(author ? { author } : {}),
    ...(publisher ? { publisher } : {}),
  };
}

/**
 * The words a citation is punctuated with. A Chinese deck citing a work by its English name
 * punctuates that line in English: 《 》 and full-width commas around English read as a mistake.
 */
function citationWords(name: string, lang: string): Words {
  const words = wordsFor(lang);
  if (!isChinese(lang) || hasEastAsian(name)) return words;
  const english = wordsFor('en');
  return { ...words, partSeparator: english.partSeparator, titleQuotes: english.titleQuotes };
}

/** A Chinese newspaper, journal or magazine by its name: 光明日报, 求是杂志, 经济学报, 瞭望周刊. */
const CHINESE_PERIODICAL = /\p{Script=Han}(?:报|刊|杂志)$/u;

/**
 * "Guangming Daily, 27 October 2025": what a slide's foot cites. In Chinese a newspaper or
 * journal is named in book-title marks with its date after them, 资料来源：《光明日报》2025年10月27日,
 * as Chinese reports write it; an organisation (国家统计局) is not.
 */
export function shortCitation(record: SourceRecord, style: CitationStyle): string {
  const s = inLanguage(record, style.lang);
  const name = s.publisher ?? s.title;
  const words = citationWords(name, style.lang);
  const [open, close] = words.titleQuotes;
  const periodical = isChinese(style.lang) && s.publisher !== undefined && CHINESE_PERIODICAL.test(name);
  const day = s.date ? style.day(s.date) : undefined;
  // 《光明日报》2025年10月27日: the closing mark already parts the name from its date.
  const head = periodical
    ? `${open}${name}${close}${day ?? ''}`
    : [name, day].filter(Boolean).join(words.partSeparator);
  return [head, retrievedOn(s, style)].filter(Boolean).join(words.partSeparator);
}

/** "retrieved 30 November 2026": when a query ran or a document was downloaded. */
function retrievedOn(s: SourceRecord, style: CitationStyle): string | undefined {
  if (!s.retrieved) return undefined;
  const day = style.day(s.retrieved);
  return wordsFor(style.lang).retrieved.replace('{date}', () => day);
}

/** The full reference on the Sources slide. */
export function fullCitation(record: SourceRecord, style: CitationStyle): string {
  // A work known only by an English title is cited wholly in English, as Chinese reference
  // lists (GB/T 7714) cite foreign works in their own language: not half 光明日报, half English.
  if (isChinese(style.lang) && !hasEastAsian(inLanguage(record, style.lang).title))
    return fullCitation(record, { lang: 'en', day: (date) => formatDate(date, 'en', true) });
  const s = inLanguage(record, style.lang);
  const words = citationWords(s.title, style.lang);
  // Figures read from a workbook, a database or a web address: where exactly, and when.
  if (s.location !== undefined || s.retrieved !== undefined) {
    return [s.title, s.location, s.date ? style.day(s.date) : undefined, retrievedOn(s, style), s.url]
      .filter(Boolean)
      .join(words.partSeparator);
  }
  const [open, close] = words.titleQuotes;
  const parts = [
    s.author,
    `${open}${s.title}${close}`,
    s.publisher,
    s.date ? style.day(s.date) : undefined,
    s.page ? pageReference(s.page, words) : undefined,
    s.url,
  ];
  return parts.filter(Boolean).join(words.partSeparator);
}

/**
 * Whether a section opens with a divider slide: its own `divider:` first, then the outline's
 * `dividers:`, then the theme (no dividers, or none for sections shorter than min_slides).
 */
function showDivider(
  section: { divider?: boolean | undefined; slides: readonly unknown[] },
  outline: { dividers?: boolean | undefined },
  theme: Theme,
): boolean {
  if (section.divider !== undefined) return section.divider;
  if (outline.dividers !== undefined) return outline.dividers;
  return theme.sections.dividers && section.slides.length >= theme.sections.minSlides;
}

export function resolveDeck(outline: OutlineInput, data: DataSet, theme: Theme, ctx: ResolveContext): ResolvedDeck {
  const lang = ctx.lang;
  const words = houseWords(theme, lang, ctx.diagnostics);
  const deck: DeckDefaults = { chartRender: outline.charts ?? theme.charts.render };
  const slides: ResolvedSlide[] = [];
  const titleSources: string[] = [];
  const date =
    outline.date === undefined
      ? undefined
      : (houseDate(theme, String(outline.date), lang) ?? formatDate(String(outline.date), lang, true));
  slides.push({
    kind: 'title',
    title: ctx.text(outline.title, ['title'], titleSources),
    ...(outline.subtitle ? { subtitle: ctx.text(outline.subtitle, ['subtitle'], titleSources) } : {}),
    ...(outline.author ? { author: outline.author } : {}),
    ...(date ? { date } : {}),
    notes: outline.notes ? ctx.text(outline.notes, ['notes'], titleSources) : '',
    sources: titleSources,
    at: ctx.at(['title']),
  });
  outline.sections.forEach((section, s) => {
    // A partly invalid outline (see validateOutline) has nulls where its invalid parts were.
    if (!section) return;
    const sectionPath = ['sections', s];
    // Read once: the divider shows the title and the tracker of every content slide repeats it.
    const sectionSources: string[] = [];
    const sectionTitle = ctx.text(section.title, [...sectionPath, 'title'], sectionSources);
    if (showDivider(section, outline, theme)) {
      slides.push({
        kind: 'section',
        number: s + 1,
        title: sectionTitle,
        ...(section.subtitle
          ? { subtitle: ctx.text(section.subtitle, [...sectionPath, 'subtitle'], sectionSources) }
          : {}),
        notes: section.notes ? ctx.text(section.notes, [...sectionPath, 'notes'], sectionSources) : '',
        ...(section.layout ? { layout: { name: section.layout, at: ctx.at([...sectionPath, 'layout']) } } : {}),
        sources: sectionSources,
        at: ctx.at([...sectionPath, 'title']),
      });
    }
    section.slides.forEach((slide, i) => {
      if (!slide) return;
      const path = [...sectionPath, 'slides', i];
      const section = { number: s + 1, title: sectionTitle };
      if (slide.repeat !== undefined) {
        slides.push(...repeatedSlides(slide, path, ctx, deck).map((r) => ({ ...r, section })));
        return;
      }
      const resolved = resolveSlide(slide, path, ctx, deck);
      if (resolved) slides.push({ ...resolved, section });
    });
  });

  const cited: string[] = [];
  for (const slide of slides)
    for (const id of [...slide.sources, ...(slide.noteSources ?? [])]) if (!cited.includes(id)) cited.push(id);
  const sourceLines = new Map<string, string>();
  const style = citationStyle(theme, lang);
  for (const id of cited) {
    const record = data.sources.get(id);
    if (record) sourceLines.set(id, shortCitation(record, style));
  }
  if (outline.sources_slide !== false && cited.length) {
    const entries = cited
      .map((id) => data.sources.get(id))
      .filter((s): s is SourceRecord => !!s)
      .map((s) => fullCitation(s, style));
    slides.push({
      kind: 'sources',
      title: words.sources,
      notes: words.sourcesNotes,
      sources: [],
      entries,
      at: ctx.at(['data']),
    });
  }

  // With errors, slides were skipped: "unused" would be noise until they are fixed.
  const complete = !ctx.diagnostics.hasInputErrors();
  for (const [key, entry] of data.entries) {
    if (complete && !ctx.usedKeys.has(key))
      ctx.diagnostics.warn('unused-data', `data value \`${key}\` is not used by any slide`, entry.at);
  }
  for (const [id, record] of data.sources) {
    if (complete && !cited.includes(id))
      ctx.diagnostics.warn('unused-source', `source \`${id}\` is not cited by any slide`, record.at);
  }

  return {
    meta: {
      title: slides[0]!.title,
      ...(outline.subtitle ? { subtitle: (slides[0] as { subtitle?: string }).subtitle! } : {}),
      ...(outline.author ? { author: outline.author } : {}),
      ...(date ? { date } : {}),
      lang,
      ...houseFooter(
        theme,
        lang,
        {
          ...(outline.footer !== undefined ? { footer: outline.footer } : {}),
          ...(outline.classification !== undefined ? { classification: outline.classification } : {}),
        },
        ctx.diagnostics,
      ),
      footerAt: ctx.at([
        outline.footer !== undefined ? 'footer' : outline.classification !== undefined ? 'classification' : 'title',
      ]),
    },
    theme,
    slides,
    sourceLines,
  };
}
