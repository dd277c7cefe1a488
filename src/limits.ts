import type { Diagnostics } from './diagnostics/diagnostic.js';
import type { ResolvedDeck, ResolvedSlide } from './model.js';

/**
 * Ceilings on what one build will read and make. Each protects the machine (memory, time) or the
 * reader (a deck nobody can read), and each is named in the error that reports it, with the
 * option that raises it: a legitimate deck bigger than the default is one option away.
 */
export interface Limits {
  /** Bytes of one input file (outline, data, theme, image, font). */
  maxInputBytes: number;
  /** Depth of nested maps and lists in one YAML or JSON file. */
  maxYamlDepth: number;
  /** Nodes a YAML file may expand to once its aliases (*name) are followed. */
  maxAliasExpansion: number;
  /** Slides in one deck. */
  maxSlides: number;
  /** Values in one chart (all series together). */
  maxChartPoints: number;
  /** Cells in one table. */
  maxTableCells: number;
  /** Characters in one word with no place to break it. */
  maxWordChars: number;
  /** Width or height of an image, in pixels. */
  maxImagePixels: number;
  /** Bytes of one font file. */
  maxFontBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxInputBytes: 20 * MB,
  maxYamlDepth: 64,
  maxAliasExpansion: 100_000,
  maxSlides: 1000,
  maxChartPoints: 10_000,
  maxTableCells: 5_000,
  maxWordChars: 200,
  maxImagePixels: 20_000,
  maxFontBytes: 64 * MB,
});

/** The option as a user writes it: in BuildOptions (`limits.maxSlides`) and on the command line. */
export function limitOption(name: keyof Limits): string {
  const flag = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `--limit ${flag.replace(/^max-/, '')}=N (limits.${name})`;
}

/** "raise it with …": the tail every limit error ends with. */
export function raiseHint(name: keyof Limits, limits: Limits): string {
  return `the limit is ${limits[name].toLocaleString('en')}; if this is intended, raise it with ${limitOption(name)}`;
}

/** Caller's limits over the defaults; non-positive or non-finite values keep the default. */
export function resolveLimits(given: Partial<Limits> | undefined): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(given ?? {}) as [keyof Limits, unknown][]) {
    if (k in DEFAULT_LIMITS && typeof v === 'number' && Number.isFinite(v) && v > 0) out[k] = Math.floor(v);
  }
  return out;
}

/** `--limit input-bytes=50000000` → ['maxInputBytes', 50000000]; undefined when malformed. */
export function parseLimitFlag(text: string): [keyof Limits, number] | undefined {
  const m = /^([a-z-]+)=(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const name = `max-${m[1]}`.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof Limits;
  const n = Number(m[2]);
  return name in DEFAULT_LIMITS && Number.isSafeInteger(n) && n > 0 ? [name, n] : undefined;
}

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** Texts a reader sees on a slide, for the unbroken-word check (notes and the sources list wrap elsewhere). */
function visibleTexts(slide: ResolvedSlide): string[] {
  const texts = [slide.title];
  switch (slide.kind) {
    case 'title':
    case 'section':
      if (slide.subtitle) texts.push(slide.subtitle);
      break;
    case 'bullets':
      texts.push(...slide.bullets.map((b) => b.text));
      break;
    case 'stats':
      for (const s of slide.stats) texts.push(s.value, s.label);
      if (slide.caption) texts.push(slide.caption);
      break;
    case 'chart':
      texts.push(...slide.bullets.map((b) => b.text));
      if (slide.caption) texts.push(slide.caption);
      break;
    case 'table':
      texts.push(...slide.columns);
      for (const row of slide.rows) texts.push(...row);
      if (slide.caption) texts.push(slide.caption);
      break;
    case 'quote':
      texts.push(slide.quote);
      if (slide.by) texts.push(slide.by);
      break;
    case 'sources':
      break;
  }
  return texts;
}

/**
 * Runs of characters with nowhere to break a line: not spaces, hyphens or slashes, and not
 * Chinese, Japanese or Korean text (which breaks between any two characters).
 */
const UNBROKEN =
  /[^\s\-/\u2010-\u2015\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]+/gu;

function longestUnbroken(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(UNBROKEN)) longest = Math.max(longest, m[0].length);
  return longest;
}

/**
 * The deck-level limits, checked on the resolved deck before layout: more slides than anyone
 * presents, charts with more values than pixels, tables no slide can hold, words no line can
 * hold. Each is reported at the slide, naming the option that raises it.
 */
export function checkDeckLimits(deck: ResolvedDeck, limits: Readonly<Limits>, diagnostics: Diagnostics): void {
  if (deck.slides.length > limits.maxSlides) {
    diagnostics.error(
      'input-too-large',
      `the deck has ${deck.slides.length.toLocaleString('en')} slides`,
      deck.slides[limits.maxSlides]?.at,
      `split it into several decks; ${raiseHint('maxSlides', limits)}`,
    );
  }
  for (const slide of deck.slides) {
    if (slide.kind === 'chart') {
      let points = 0;
      for (const d of slide.chart.datasets) points += d.values.length;
      if (points > limits.maxChartPoints)
        diagnostics.error(
          'input-too-large',
          `the chart on slide “${slide.title}” has ${points.toLocaleString('en')} values, more than a slide can show`,
          slide.at,
          `aggregate the data (by month, by region, …); ${raiseHint('maxChartPoints', limits)}`,
        );
    }
    if (slide.kind === 'table') {
      const cells = slide.rows.length * Math.max(1, slide.columns.length);
      if (cells > limits.maxTableCells)
        diagnostics.error(
          'input-too-large',
          `the table on slide “${slide.title}” has ${cells.toLocaleString('en')} cells`,
          slide.at,
          `show a summary, and put the full table in an appendix file; ${raiseHint('maxTableCells', limits)}`,
        );
    }
    let longest = 0;
    for (const text of visibleTexts(slide)) longest = Math.max(longest, longestUnbroken(text));
    if (longest > limits.maxWordChars)
      diagnostics.error(
        'input-too-large',
        `slide “${slide.title.slice(0, 60)}” has a word of ${longest.toLocaleString('en')} characters with nowhere to break the line`,
        slide.at,
        `add spaces, or shorten it; ${raiseHint('maxWordChars', limits)}`,
      );
  }
}
