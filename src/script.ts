/** Writing systems: one definition of what counts as East Asian text and as a Chinese deck. */

/** Ideographs, kana, Hangul, CJK symbols and punctuation, and full-width forms. */
export const EAST_ASIAN = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** Ideographs, kana and Hangul only: the characters between which renderers add Latin spacing. */
export const IDEOGRAPHIC = /[\u2e80-\u2fff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export function hasEastAsian(text: string): boolean {
  return EAST_ASIAN.test(text);
}

/** zh, zh-CN, zh-Hans, zh-TW …: decks whose words, dates and numbers read the Chinese way. */
export function isChinese(lang: string): boolean {
  return lang.toLowerCase() === 'zh' || lang.toLowerCase().startsWith('zh-');
}
