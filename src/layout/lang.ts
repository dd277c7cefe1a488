import { hasEastAsian, isChinese } from '../script.js';

/** The proofing language of a run: CJK text is tagged Chinese even in an English deck. */
export function runLang(text: string, deckLang: string): string {
  if (hasEastAsian(text)) return isChinese(deckLang) ? normaliseLang(deckLang) : 'zh-CN';
  return normaliseLang(deckLang);
}

function normaliseLang(lang: string): string {
  const l = lang.toLowerCase();
  if (l === 'en') return 'en-US';
  if (l === 'zh' || l === 'zh-hans') return 'zh-CN';
  if (l === 'zh-hant') return 'zh-TW';
  return lang;
}
