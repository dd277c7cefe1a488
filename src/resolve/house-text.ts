import type { Diagnostics, Origin } from '../diagnostics/diagnostic.js';
import type { HouseText, HouseWord, Theme } from '../model.js';
import { calendarDay, MONTHS_LONG } from '../format.js';
import { hasEastAsian, isChinese } from '../script.js';
import { wordsFor, type Words } from '../words.js';

const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

/**
 * The text for a deck language: the exact tag, else one of the same language (zh-CN for a
 * zh-TW deck), else the text written without a language. `fallback` says whether a text in
 * another language is better than none (a footer is; briefdeck has its own words).
 */
export function pickText(text: HouseText, lang: string, fallback: boolean): string | undefined {
  const keys = Object.keys(text);
  const exact = keys.find((k) => k.toLowerCase() === lang.toLowerCase());
  const same = keys.find((k) => k !== '*' && primary(k) === primary(lang));
  const chosen = exact ?? same ?? ('*' in text ? '*' : fallback ? (keys.includes('en') ? 'en' : keys[0]) : undefined);
  return chosen === undefined ? undefined : text[chosen];
}

/** Latin letters and no East Asian character: text a Chinese reader would see as English. */
const latinOnly = (text: string) => /[A-Za-z]{2,}/.test(text) && !hasEastAsian(text);

/** A warning for house text a Chinese deck would show in English, at the theme value. */
function warnForeign(text: string, what: string, at: Origin | undefined, lang: string, diagnostics: Diagnostics): void {
  if (!isChinese(lang) || !latinOnly(text)) return;
  diagnostics.warn('foreign-house-text', `the theme's ${what} "${text}" is English in a Chinese deck`, at, {
    hint: `give it per language, e.g. { en: ${text}, ${lang}: … }`,
  });
}

/** The theme's footer and marking in the deck's language; the outline's own texts win. */
export function houseFooter(
  theme: Theme,
  lang: string,
  given: { footer?: string; classification?: string },
  diagnostics: Diagnostics,
): { footer?: string; classification?: string } {
  const out: { footer?: string; classification?: string } = {};
  const footer = given.footer ?? (theme.footer.text && pickText(theme.footer.text, lang, true));
  if (footer) out.footer = footer;
  if (given.footer === undefined && footer)
    warnForeign(footer, 'footer text', theme.origins['footer.text'], lang, diagnostics);
  const marking =
    given.classification ?? (theme.footer.classification && pickText(theme.footer.classification, lang, true));
  if (marking) out.classification = marking;
  if (given.classification === undefined && marking)
    warnForeign(marking, 'classification marking', theme.origins['footer.classification'], lang, diagnostics);
  return out;
}

/** Where the theme's words land among briefdeck's, and how they are written there. */
const WORD_FIELDS: Record<HouseWord, (w: string) => Partial<Words>> = {
  source: (w) => ({ source: w }),
  sources: (w) => ({ sources: w }),
  // " (cont.)" and "（续）" carry their own spacing; a theme writes the word alone.
  continued: (w) => ({ continued: hasEastAsian(w.trim()[0] ?? '') ? w.trim() : ` ${w.trim()}` }),
};

/** briefdeck's words for a deck language with the theme's in place of its own. */
export function houseWords(theme: Theme, lang: string, diagnostics?: Diagnostics): Words {
  let words: Words = wordsFor(lang);
  for (const [key, text] of Object.entries(theme.words) as [HouseWord, HouseText][]) {
    const w = pickText(text, lang, false);
    if (w === undefined) continue;
    if (diagnostics) warnForeign(w, `word for "${key}"`, theme.origins[`words.${key}`], lang, diagnostics);
    words = { ...words, ...WORD_FIELDS[key](w) };
  }
  return words;
}

/**
 * A YYYY-MM-DD date in a theme's pattern: YYYY, MMMM (January), MMM (Jan), MM, M, DD, D; other
 * characters stay. Undefined when the theme gives no pattern for the language.
 */
export function houseDate(theme: Theme, date: string, lang: string): string | undefined {
  const pattern = theme.dateFormat && pickText(theme.dateFormat, lang, false);
  const day = calendarDay(date);
  if (!pattern || !day) return undefined;
  const { year, month } = day;
  const tokens: Record<string, string> = {
    YYYY: year,
    MMMM: MONTHS_LONG[month - 1]!,
    MMM: MONTHS_LONG[month - 1]!.slice(0, 3),
    MM: String(month).padStart(2, '0'),
    M: String(month),
    DD: day.day,
    D: String(Number(day.day)),
  };
  return pattern.replace(/YYYY|MMMM|MMM|MM|M|DD|D/g, (t) => tokens[t]!);
}
