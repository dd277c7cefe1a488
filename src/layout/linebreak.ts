/**
 * Greedy line breaking for slide text whose widths come from a real font measurer.
 * Break opportunities follow a simplified UAX #14 plus East Asian kinsoku shori,
 * which is close to what PowerPoint does when it re-flows the text we emit.
 */

/** Measures the advance width of a string, in the same unit as maxWidth (points). */
export type MeasureFn = (text: string) => number;

export interface WrapResult {
  /** Lines as they would be displayed (trailing spaces trimmed). */
  lines: string[];
  /** Measured width of each line. */
  widths: number[];
  /** True when an unbreakable run wider than maxWidth had to be cut mid-word. */
  brokeWord: boolean;
  /** Width of the widest unbreakable segment (tells whether a font size can fit at all). */
  widestWord: number;
}

// Kinsoku: may not start a line (closing punctuation, small kana, iteration marks, postfixes).
const NO_START = new Set([
  ...'，。、；：？！）」』】》〉”’…‥・ー々〕％〗〙］｝｠｡､．ゝゞヽヾ〻',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
  ...',.;:?!)]}%',
]);
// Kinsoku: may not end a line (opening punctuation and currency prefixes like "US$720", "￥5").
const NO_END = new Set([...'（「『【《〈“‘〔〖〘［｛｟([{$£¥€￥￡＄₩']);
// Break after these, never before: keeps "——" together and attached to the preceding word.
const HYPHENS = new Set(['-', '\u2010', '\u2013', '\u2014']);
// Spaces hang at the end of a line: they end a segment but never count toward its width.
const SPACES = new Set([' ', '\t', '\u3000', '\u200b']);
const NEWLINES = new Set(['\n', '\r', '\r\n']);
// No-break spaces and the word joiner exist precisely to forbid a break on either side.
const GLUE = new Set(['\u00a0', '\u202f', '\u2060']);
const TRAILING_SPACES = /[ \t\u3000\u200b]+$/;
const PRINTABLE_ASCII = /^[\t\x20-\x7e]*$/;
const DIGIT = /^[0-9０-９]/;
// Sub-point float noise from the measurer must not push a line that "exactly fits" over.
const EPSILON = 1e-6;

const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x11ff], // Hangul Jamo
  [0x2e80, 0x2fdf], // CJK radicals, Kangxi radicals
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3100, 0x31ff], // Bopomofo, Hangul compatibility Jamo, Katakana extensions
  [0x3200, 0x4dbf], // enclosed CJK, compatibility, extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xffef], // half-width and full-width forms
  [0x20000, 0x3ffff], // extensions B and later (astral planes)
];

function isCJK(grapheme: string): boolean {
  const cp = grapheme.codePointAt(0) ?? 0;
  // Below the first range (Latin text, asked about every pair of letters): no range to search.
  if (cp < 0x1100) return false;
  // Full-width digits and letters behave like words ("２０２４" must not split).
  const fullwidthAlnum =
    (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
  return !fullwidthAlnum && CJK_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);
}

let graphemeSegmenter: Intl.Segmenter | undefined;

/** User-perceived characters, so cuts never split a combining mark, emoji or surrogate pair. */
function graphemes(text: string): string[] {
  // Most slide text is plain ASCII; skip the (comparatively slow) segmenter for it.
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/**
 * Briefing words that ICU's Chinese dictionary (behind Intl.Segmenter) cuts in two or more
 * (试|点, 对|接, 跨|境|电|商): balanced lines keep them whole. Longest first, so that a phrase
 * wins over a word inside it.
 */
const BRIEFING_WORDS = [
  '扩大开放',
  '对外开放',
  '服务贸易',
  '货物贸易',
  '负面清单',
  '必由之路',
  '跨境电商',
  '一带一路',
  '互利共赢',
  '营商环境',
  '中欧班列',
  '十五五',
  '十四五',
  '自贸区',
  '高水平',
  '高标准',
  '高质量',
  '服务业',
  '便利化',
  '数字化',
  '制度型',
  '试点',
  '对接',
  '自贸',
  '跨境',
  '电商',
  '准入',
  '免签',
  '共赢',
  '班列',
].sort((a, b) => b.length - a.length);

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Offsets (UTF-16) where a Chinese word ends and the next begins, by Intl.Segmenter with locale
 * zh, less the offsets inside the briefing words its dictionary does not know.
 */
export function chineseWordBoundaries(text: string): Set<number> {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const bounds = new Set(Array.from(wordSegmenter.segment(text), (s) => s.index));
  for (const word of BRIEFING_WORDS)
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length))
      for (let i = at + 1; i < at + word.length; i++) bounds.delete(i);
  return bounds;
}

/** Whether a line may break between `a` and `b`; `before` is the grapheme preceding `a`. */
function canBreak(before: string | undefined, a: string, b: string): boolean {
  if (NEWLINES.has(a)) return true;
  if (NEWLINES.has(b) || SPACES.has(b) || NO_START.has(b)) return false;
  if (SPACES.has(a)) return true;
  if (NO_END.has(a) || GLUE.has(a) || GLUE.has(b) || HYPHENS.has(b)) return false;
  if (HYPHENS.has(a)) {
    // A leading hyphen is a sign or bullet ("-5"), and hyphen-minus before a digit
    // is a minus or a range ("2020-2024"): neither is a hyphenation point.
    const leading = before === undefined || SPACES.has(before);
    return !leading && !(a === '-' && DIGIT.test(b));
  }
  // Keep a number with the CJK unit/counter that follows it ("22个", "2024年").
  if (DIGIT.test(a) && isCJK(b)) return false;
  return isCJK(a) || isCJK(b);
}

/**
 * Splits text into unbreakable segments: each segment ends at a break opportunity.
 * Trailing spaces (and a newline) stay at the end of the segment they follow.
 */
export function segments(text: string, byWord = false): readonly string[] {
  // A text is wrapped again at every size and width a fit tries: its segments are the same each time.
  const key = `${byWord ? 'w' : 's'}${text}`;
  let known = segmentsMemo.get(key);
  if (known === undefined) {
    known = Object.freeze(segmentsOf(text, byWord));
    if (segmentsMemo.size > 10_000) segmentsMemo.clear();
    segmentsMemo.set(key, known);
  }
  return known;
}

const segmentsMemo = new Map<string, readonly string[]>();

function segmentsOf(text: string, byWord: boolean): string[] {
  const out: string[] = [];
  let current = '';
  let before: string | undefined;
  let prev: string | undefined;
  // By word, two ideographs part only where one Chinese word ends and the next begins.
  const words = byWord && /[\u3400-\u9fff]/.test(text) ? chineseWordBoundaries(text) : undefined;
  let offset = 0;
  for (const g of graphemes(text)) {
    const inWord = words !== undefined && prev !== undefined && isCJK(prev) && isCJK(g) && !words.has(offset);
    if (prev !== undefined && !inWord && canBreak(before, prev, g)) {
      out.push(current);
      current = '';
    }
    current += g;
    before = prev;
    prev = g;
    offset += g.length;
  }
  if (current !== '') out.push(current);
  return out;
}

function trimEnd(s: string): string {
  return s.replace(TRAILING_SPACES, '');
}

/**
 * Text in Latin letters, digits and their punctuation only: its width on a line is the sum of its
 * segments' widths to within kerning at each join (no shaping across a space, no Asian spacing).
 */
const ADDITIVE = /^[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u20a0-\u20cf]*$/;

/**
 * Greedily fills lines no wider than maxWidth. Decisions are those of measuring each whole line
 * candidate (not sums of segment widths), so kerning and shaping are honoured. In Latin text
 * (ADDITIVE) a candidate is first estimated as the line so far plus the segment, with a margin of
 * a quarter of an M per join, far more than any kerning pair: only a candidate whose estimate
 * falls within that margin of the width is measured whole, and each line once when it is done,
 * so the breaks and widths are the very ones whole-line measuring gives, with a measure call a
 * line rather than one a word (widths of segments are cached by the measurer across the deck).
 * Other text costs at most two measure calls a segment (plus one per character when an
 * over-wide run is cut): long paragraphs stay linear in measure calls rather than quadratic.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: MeasureFn,
  options: { byWord?: boolean } = {},
): WrapResult {
  const result: WrapResult = { lines: [], widths: [], brokeWord: false, widestWord: 0 };
  const cache = new Map<string, number>();
  // Each text measured once, whether a line or a line's trailing spaces.
  const measured = (s: string): number => {
    if (s === '') return 0;
    let w = cache.get(s);
    if (w === undefined) {
      w = measure(s);
      cache.set(s, w);
    }
    return w;
  };
  const width = (s: string): number => measured(trimEnd(s));
  const fits = (w: number): boolean => w <= maxWidth + EPSILON;
  const emit = (line: string, w: number): void => {
    result.lines.push(trimEnd(line));
    result.widths.push(w);
  };

  // Width of a line's trailing spaces once something follows them (cached with the visible texts,
  // which never end in a space).
  const spaces = measured;
  let perJoin: number | undefined;

  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    // How far lineWidth, an estimate, may be from the line's measured width (0: it is measured).
    let lineSlack = 0;
    const additive = ADDITIVE.test(paragraph);
    const exact = (): number => (lineSlack === 0 ? lineWidth : width(line));
    for (const seg of segments(paragraph, options.byWord)) {
      const segWidth = width(seg);
      result.widestWord = Math.max(result.widestWord, segWidth);
      if (line !== '') {
        if (additive) {
          perJoin ??= width('M') / 4;
          const estimate = lineWidth + spaces(line.slice(trimEnd(line).length)) + segWidth;
          const slack = lineSlack + perJoin;
          if (estimate + slack <= maxWidth) {
            line += seg;
            lineWidth = estimate;
            lineSlack = slack;
            continue;
          }
          if (estimate - slack > maxWidth + EPSILON) {
            emit(line, exact());
            line = '';
          }
        }
        if (line !== '') {
          const joined = width(line + seg);
          if (fits(joined)) {
            line += seg;
            lineWidth = joined;
            lineSlack = 0;
            continue;
          }
          emit(line, exact());
        }
      }
      lineSlack = 0;
      if (fits(segWidth)) {
        line = seg;
        lineWidth = segWidth;
        continue;
      }
      // Nothing else can be done with an over-wide run: cut it by characters, at least
      // one per line, and let the remainder share a line with what follows.
      const body = trimEnd(seg);
      let piece = '';
      let pieceWidth = 0;
      for (const ch of graphemes(body)) {
        const w = width(piece + ch);
        if (piece !== '' && !fits(w)) {
          emit(piece, pieceWidth);
          result.brokeWord = true;
          piece = ch;
          pieceWidth = width(ch);
        } else {
          piece += ch;
          pieceWidth = w;
        }
      }
      line = piece + seg.slice(body.length);
      lineWidth = pieceWidth;
    }
    emit(line, exact());
  }
  return result;
}

/**
 * A line break inside a paragraph (PowerPoint's soft break, `<a:br/>`): layout puts it where a
 * Chinese paragraph is to break, and the writer turns it into a break.
 */
export const SOFT_BREAK = '\u2028';
const NBSP = '\u00a0';
/** The share of a box every fit fills at most (fit.ts WIDTH_SAFETY): callers pass that width. */
const FIT_SHARE = 0.95;
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/g;
const ideographs = (s: string) => s.match(IDEOGRAPH)?.length ?? 0;

/**
 * Closing punctuation and spaces do not count as characters of a line: "由之路。”" is three.
 */
function charactersOf(line: string): number {
  return graphemes(line).filter((g) => !NO_START.has(g) && !SPACES.has(g) && !GLUE.has(g)).length;
}
/** A Chinese last line this short reads as an orphan ("由之路。”", "信号"). */
const CJK_ORPHAN = 4;
/** Prepositions and conjunctions: a line may start with one, never end with it ("从｜2.7万亿美元"). */
const FUNCTION_WORDS = new Set([...'从在对向与和及并将把为以由自于跟同']);
/** Structural particles close the phrase before them: a break after one ("的｜明确信号") is a phrase break. */
const PARTICLES = new Set([...'的地得之']);
/** Particles and suffixes that lean on the word before: a line never starts with one ("｜的明确信号"). */
const ENCLITICS = new Set([...'的地得之了着过们']);
/** Pauses inside a sentence and its end: the best places to break. */
const PAUSES = new Set([...'，。、；：？！）」』】》〉”’…,.;:?!)']);

/**
 * What a break at each offset of a Chinese paragraph costs: 0 at punctuation or a space, 4 after a
 * particle or before a preposition, 12 between two other words; a break after a preposition, before
 * a particle (的, 了, 们), or inside a word (Intl.Segmenter plus BRIEFING_WORDS), is not offered at all.
 */
function chineseBreaks(text: string): Map<number, number> {
  const words = chineseWordBoundaries(text);
  const gs = graphemes(text);
  const out = new Map<number, number>();
  let offset = 0;
  for (let i = 0; i + 1 < gs.length; i++) {
    const [before, a, b] = [gs[i - 1], gs[i]!, gs[i + 1]!];
    offset += a.length;
    if (!canBreak(before, a, b)) continue;
    if (PAUSES.has(a) || SPACES.has(a)) out.set(offset, 0);
    else if (!words.has(offset) && isCJK(a) && isCJK(b)) continue;
    else if (FUNCTION_WORDS.has(a) && words.has(offset - a.length)) continue;
    else if (ENCLITICS.has(b)) continue;
    else if (PARTICLES.has(a) || FUNCTION_WORDS.has(b)) out.set(offset, 4);
    else out.set(offset, 12);
  }
  return out;
}

/**
 * The best way to set a Chinese paragraph in `lines` lines no wider than maxWidth, breaking only
 * where chineseBreaks allows, with a last line longer than an orphan: least break cost plus
 * raggedness (lines of even length read as one block). Undefined when no such setting exists.
 */
function balanceChinese(text: string, lines: number, maxWidth: number, measure: MeasureFn): string[] | undefined {
  const breaks = chineseBreaks(text);
  const points = [0, ...[...breaks.keys()].sort((a, b) => a - b), text.length];
  const cost = (from: number, to: number, k: number): number | undefined => {
    const line = trimEnd(text.slice(from, to));
    const w = measure(line);
    if (w > maxWidth + EPSILON) return undefined;
    if (to === text.length && charactersOf(line) <= CJK_ORPHAN) return undefined;
    const slack = (maxWidth - w) / maxWidth;
    // The last line may be shorter than the others, but not much: half the measure at most is free.
    const ragged = to === text.length ? Math.max(0, slack - 0.5) : slack;
    return ragged * ragged * 100 + (k === 0 ? 0 : (breaks.get(from) ?? 0));
  };
  // best[k][i]: least cost of setting text up to points[i] in k + 1 lines.
  const best: { cost: number; from: number }[][] = [];
  for (let k = 0; k < lines; k++) {
    best.push(points.map(() => ({ cost: Infinity, from: -1 })));
    for (let i = 1; i < points.length; i++) {
      const starts = k === 0 ? [0] : points.slice(1, i).map((_, j) => j + 1);
      for (const j of starts) {
        const prior = k === 0 ? 0 : best[k - 1]![j]!.cost;
        if (!Number.isFinite(prior)) continue;
        const c = cost(points[j]!, points[i]!, k === 0 ? 0 : 1);
        if (c !== undefined && prior + c < best[k]![i]!.cost) best[k]![i] = { cost: prior + c, from: j };
      }
    }
  }
  const end = points.length - 1;
  if (!Number.isFinite(best[lines - 1]![end]!.cost)) return undefined;
  const out: string[] = [];
  for (let k = lines - 1, i = end; k >= 0; k--) {
    const j = best[k]![i]!.from;
    out.unshift(trimEnd(text.slice(points[j]!, points[i]!)));
    i = j;
  }
  return out;
}

/**
 * Keeps a paragraph's last line from holding a lone word, or a Chinese orphan of four characters
 * or fewer (closing punctuation aside), when a better break exists. A lone Latin word is tied to
 * the word before with a no-break space, which every renderer honours. A Chinese paragraph is set
 * again in as many lines (balanceChinese) and its breaks are written as soft breaks (SOFT_BREAK),
 * each line narrower than the box: they fall at punctuation, a space, after a particle or before a
 * preposition, or failing those between two words, never inside a word or after a preposition.
 * Returns the text unchanged when it fits on one line in the whole box, when its last line is long
 * enough, or when no such break exists: then the renderer wraps it as it would any text. With
 * `balance`, a wrapping Chinese paragraph is balanced even without an orphan.
 */
export function settleLastLine(
  text: string,
  maxWidth: number,
  measure: MeasureFn,
  options: { balance?: boolean } = {},
): string {
  if (/[\n\u2028]/.test(text)) return text;
  const before = wrapText(text, maxWidth, measure);
  const n = before.lines.length;
  if (n < 2 || before.brokeWord) return text;
  const last = before.lines[n - 1]!;
  if (ideographs(last) > 0 || ideographs(before.lines[n - 2]!) > 0) {
    // Text that fits the whole box on one line is left whole: a break there would be our own.
    const full = wrapText(text, maxWidth / FIT_SHARE, measure).lines;
    if (full.length < 2) return text;
    // A renderer may fill the 5 % every fit keeps free, and leave the orphan there.
    // Display text (a quotation) is balanced whenever it wraps: its lines are read as a shape.
    const orphan = charactersOf(last) <= CJK_ORPHAN || charactersOf(full.at(-1)!) <= CJK_ORPHAN;
    if (!orphan && !options.balance) return text;
    const balanced = balanceChinese(text, n, maxWidth, measure);
    return balanced ? balanced.join(SOFT_BREAK) : text;
  }
  if (options.balance) {
    const balanced = balanceLatin(text, n, maxWidth, measure);
    if (balanced) return balanced;
  }
  return keepCompoundsWhole(tieLoneWord(text, maxWidth, measure, before.lines), maxWidth, measure);
}

/**
 * Display text in Latin letters (a deck title, a section title, a quotation) set in `lines` lines
 * of even length, as soft breaks: the least width that still takes no more lines, so the lines
 * read as one shape ("Drawing a New Picture" over "of Win-win Cooperation", not a lone
 * "Cooperation" under a full line). Undefined when that setting would end a line inside a
 * hyphenated word or cut a word.
 */
function balanceLatin(text: string, lines: number, maxWidth: number, measure: MeasureFn): string | undefined {
  let [lo, hi] = [0, maxWidth];
  for (let i = 0; i < 16 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2;
    const r = wrapText(text, mid, measure);
    if (r.lines.length <= lines && !r.brokeWord) hi = mid;
    else lo = mid;
  }
  const set = wrapText(text, hi, measure);
  if (set.lines.length !== lines || set.brokeWord) return undefined;
  if (set.lines.slice(0, -1).some((l) => /[-\u2010]$/.test(l))) return undefined;
  // The text again, with the spaces where each line ends written as a soft break.
  let out = '';
  let at = 0;
  for (const [i, line] of set.lines.entries()) {
    if (text.slice(at, at + line.length) !== line) return undefined;
    out += line;
    at += line.length;
    const gap = /^[ ]*/.exec(text.slice(at))![0];
    if (i < set.lines.length - 1) {
      if (!gap) return undefined;
      out += SOFT_BREAK;
    }
    at += gap.length;
  }
  return at === text.length ? out : undefined;
}

/** A lone Latin word on the last line, at the fit's width or the renderer's: tied to the word before. */
function tieLoneWord(text: string, maxWidth: number, measure: MeasureFn, lines: string[]): string {
  // A renderer may also set the line in the 5 % every fit keeps free, and leave a lone word there.
  const lone = (ls: string[]) => ls.length >= 2 && !/\s/.test(ls[ls.length - 1]!.trim());
  if (!lone(lines) && !lone(wrapText(text, maxWidth / FIT_SHARE, measure).lines)) return text;
  const m = /^(.*\S)[ ]+(\S+)\s*$/s.exec(text);
  if (!m) return text;
  const tied = `${m[1]}${NBSP}${m[2]}`;
  const after = wrapText(tied, maxWidth, measure);
  return after.lines.length === lines.length && !after.brokeWord ? tied : text;
}

/** A line ending inside a hyphenated word: letters, a hyphen, and letters again on the next line. */
const HYPHEN_AT_END = /(?:^|[ \u00a0])([^ \u00a0]*\p{L}[-\u2010])$/u;
const WORD_AT_START = /^\p{L}[^ \u00a0]*/u;

/**
 * Renderers break a hyphenated word at its hyphen ("cross-|border", "high-|standard"), which
 * reads as a typing slip in a slide's short lines. Where a line of the text, at the fit's width or
 * at the renderer's, would end inside such a word, the line breaks before the word instead (a soft
 * break in place of the space before it), when the lines still fit. No viewer needs a glyph it may
 * lack (a non-breaking hyphen is missing from Calibri's metric twin), and the text reads the same.
 */
function keepCompoundsWhole(text: string, maxWidth: number, measure: MeasureFn): string {
  let out = text;
  for (let tries = 0; tries < 4; tries++) {
    const parts = out.split(SOFT_BREAK);
    const last = parts.length - 1;
    const lines = [maxWidth, maxWidth / FIT_SHARE].flatMap((w) => {
      const wrapped = wrapText(parts[last]!, w, measure);
      return wrapped.brokeWord ? [] : [wrapped.lines];
    });
    let word: string | undefined;
    for (const ls of lines)
      for (let i = 0; i + 1 < ls.length && !word; i++) {
        const head = HYPHEN_AT_END.exec(ls[i]!)?.[1];
        const tail = WORD_AT_START.exec(ls[i + 1]!)?.[0];
        if (head && tail && ls[i]!.length > head.length) word = `${head}${tail}`;
      }
    if (!word) return out;
    const at = parts[last]!.search(
      new RegExp(`[ ](?=${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![^ \u00a0]))`, 'u'),
    );
    if (at < 0) return out;
    // The lines before the word wrap as they did; what follows may wrap again (and is looked at again).
    const [first, second] = [parts[last]!.slice(0, at), parts[last]!.slice(at + 1)];
    if (!first.trim() || wrapText(second, maxWidth, measure).brokeWord) return out;
    out = [...parts.slice(0, last), first, second].join(SOFT_BREAK);
  }
  return out;
}
