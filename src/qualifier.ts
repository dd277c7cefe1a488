import { isChinese } from './script.js';

/**
 * Qualifiers of a figure ("more than 80", "nearly 40 %"): the data says them as a value's
 * `note`, in English or Chinese; charts write them before the number in the deck's language.
 * A qualified value is a bound or an approximation, so no share of a total can be computed
 * from a series that holds one.
 */

export type Qualifier = 'over' | 'at-least' | 'nearly' | 'about' | 'under' | 'up-to';

/** The notes a data file may give a value in a chart series, and what each means. */
export const QUALIFIER_NOTES: Readonly<Record<string, Qualifier>> = {
  'more than': 'over',
  over: 'over',
  exceeded: 'over',
  exceeds: 'over',
  'at least': 'at-least',
  nearly: 'nearly',
  almost: 'nearly',
  about: 'about',
  around: 'about',
  approximately: 'about',
  'less than': 'under',
  under: 'under',
  'up to': 'up-to',
  超过: 'over',
  逾: 'over',
  至少: 'at-least',
  近: 'nearly',
  将近: 'nearly',
  约: 'about',
  不到: 'under',
  低于: 'under',
  最多: 'up-to',
};

/** The qualifier a note says, if it says one. */
export function qualifierOf(note: string): Qualifier | undefined {
  return QUALIFIER_NOTES[note.trim().toLowerCase()];
}

/** What goes before a qualified number, per language (the English ones end in a space). */
export const QUALIFIER_WORDS: Readonly<Record<'en' | 'zh', Readonly<Record<Qualifier, string>>>> = {
  en: {
    over: 'more than ',
    'at-least': 'at least ',
    nearly: 'nearly ',
    about: 'about ',
    under: 'less than ',
    'up-to': 'up to ',
  },
  zh: { over: '超过', 'at-least': '至少', nearly: '近', about: '约', under: '不到', 'up-to': '最多' },
};

/** A number's text with its qualifier before it, in the deck's language. */
export function qualified(text: string, qualifier: Qualifier | undefined, lang: string): string {
  if (!qualifier) return text;
  return `${QUALIFIER_WORDS[isChinese(lang) ? 'zh' : 'en'][qualifier]}${text}`;
}
