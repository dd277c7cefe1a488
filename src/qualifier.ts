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

/** Words other than the notes that qualify a figure written after them in slide text ("now past 100,000"). */
const SAID_BEFORE = ['past', 'above', 'below', 'beyond', 'exceeding', 'exceed', 'surpassed', 'topped', '超'];
/** Words written after a figure that qualify it: "30多个", "80余", "80 or more". */
const SAID_AFTER = /^(\s*(or more|or less|plus)\b|[多余])/i;

/**
 * Whether slide text already qualifies the figure placed between `before` and `after` ("more than
 * {{ x }}", "超过{{ x }}", "{{ x }}多个"): the figure is then written bare, not "more than more than".
 */
export function alreadyQualified(before: string, after: string): boolean {
  if (SAID_AFTER.test(after)) return true;
  const tail = before.trimEnd().toLowerCase();
  return [...Object.keys(QUALIFIER_NOTES), ...SAID_BEFORE].some((word) =>
    /\p{Script=Han}/u.test(word) ? tail.endsWith(word) : new RegExp(`(^|[^\\p{L}])${word}$`, 'u').test(tail),
  );
}
