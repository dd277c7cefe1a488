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
export function segments(text: string, byWord = false): string[] {
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
 * Greedily fills lines no wider than maxWidth. Whole line candidates are measured (not sums
 * of segment widths) so kerning and shaping are honoured. Each segment costs at most two
 * measure calls (plus one per character when an over-wide run is cut), so long paragraphs
 * stay linear in measure calls rather than quadratic.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: MeasureFn,
  options: { byWord?: boolean } = {},
): WrapResult {
  const result: WrapResult = { lines: [], widths: [], brokeWord: false, widestWord: 0 };
  const cache = new Map<string, number>();
  const width = (s: string): number => {
    const visible = trimEnd(s);
    if (visible === '') return 0;
    let w = cache.get(visible);
    if (w === undefined) {
      w = measure(visible);
      cache.set(visible, w);
    }
    return w;
  };
  const fits = (w: number): boolean => w <= maxWidth + EPSILON;
  const emit = (line: string, w: number): void => {
    result.lines.push(trimEnd(line));
    result.widths.push(w);
  };

  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const seg of segments(paragraph, options.byWord)) {
      const segWidth = width(seg);
      result.widestWord = Math.max(result.widestWord, segWidth);
      if (line !== '') {
        const joined = width(line + seg);
        if (fits(joined)) {
          line += seg;
          lineWidth = joined;
          continue;
        }
        emit(line, lineWidth);
      }
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
    emit(line, lineWidth);
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
 * Keeps a paragraph's last line from holding a lone word, or one or two Chinese characters,
 * when a better break exists. A lone Latin word is tied to the word before with a no-break
 * space, which every renderer honours. Chinese lines are balanced instead: the text is broken
 * where it would wrap in the narrowest width that keeps its number of lines, breaking only
 * between words (Intl.Segmenter, zh), and those breaks are written as soft breaks (SOFT_BREAK),
 * each line narrower than the box. Returns the text
 * unchanged when it is one line, when its last line is long enough, or when no better break exists.
 */
export function settleLastLine(text: string, maxWidth: number, measure: MeasureFn): string {
  if (/[\n\u2028]/.test(text)) return text;
  const before = wrapText(text, maxWidth, measure);
  const n = before.lines.length;
  if (n < 2 || before.brokeWord) return text;
  const last = before.lines[n - 1]!;
  if (ideographs(last) > 0 || ideographs(before.lines[n - 2]!) > 0) {
    if (ideographs(last) >= 3 || /[A-Za-z0-9]{3}/.test(last)) return text;
    let lo = maxWidth * 0.5;
    let hi = maxWidth;
    for (let i = 0; i < 14; i++) {
      const mid = (lo + hi) / 2;
      const r = wrapText(text, mid, measure, { byWord: true });
      if (r.lines.length === n && !r.brokeWord) hi = mid;
      else lo = mid;
    }
    // Broken only between words: a soft break inside 试点 would part the word on every renderer.
    const balanced = wrapText(text, hi, measure, { byWord: true });
    const better = balanced.lines.length === n && ideographs(balanced.lines[n - 1]!) > ideographs(last);
    return better ? balanced.lines.join(SOFT_BREAK) : text;
  }
  // A renderer may also set the line in the 5 % every fit keeps free, and leave a lone word there.
  const lone = (lines: string[]) => lines.length >= 2 && !/\s/.test(lines[lines.length - 1]!.trim());
  if (!lone(before.lines) && !lone(wrapText(text, maxWidth / FIT_SHARE, measure).lines)) return text;
  // A lone Latin word: tie it to the word before.
  const m = /^(.*\S)[ ]+(\S+)\s*$/s.exec(text);
  if (!m) return text;
  const tied = `${m[1]}${NBSP}${m[2]}`;
  const after = wrapText(tied, maxWidth, measure);
  return after.lines.length === n && !after.brokeWord ? tied : text;
}
