/** Han ideographs (CJK Unified, Extension A, Compatibility). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN_LETTER = /[A-Za-z]/;

export const hasHan = (text: string): boolean => HAN.test(text);
export const hasLatinLetters = (text: string): boolean => LATIN_LETTER.test(text);
export const isChineseTag = (lang: string | undefined): boolean => /^zh\b/i.test(lang ?? '');

/**
 * The language tag a run of text should carry: Chinese text is tagged Chinese (the deck's own
 * tag if it is a Chinese one), Latin text the deck's tag, or English in a Chinese deck. Runs of
 * digits and punctuation only fit either: undefined.
 */
export function expectedLang(text: string, deckLang: string): string | undefined {
  if (hasHan(text)) return isChineseTag(deckLang) ? deckLang : 'zh-CN';
  if (hasLatinLetters(text)) return isChineseTag(deckLang) ? 'en-US' : deckLang;
  return undefined;
}

/** Whether a run's tag fits its text: the same primary language (en-US fits en-GB text, zh-CN fits zh). */
export function langFits(tag: string | undefined, text: string, deckLang: string): boolean {
  const want = expectedLang(text, deckLang);
  if (!want) return true;
  const primary = (t: string) => t.split('-')[0]!.toLowerCase();
  return !!tag && primary(tag) === primary(want);
}
