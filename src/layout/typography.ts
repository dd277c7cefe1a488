/**
 * The typographic text rule every text on a slide goes through (not speaker notes, data keys or
 * values, which stay as written): an apostrophe between letters is ’ (China’s), a range of years
 * or quarters takes an en dash (2021–2024, Q1–Q3), and a number is glued to the word after it with
 * a no-break space in running text (bullets: 29 countries, 2.7 trillion yuan; a magnitude word
 * takes its unit along), so a line never ends on a bare figure. Chinese text drops typed spaces
 * around Latin words and figures (the renderer spaces them). Titles and table cells keep their
 * spaces: they are short and fitted to their boxes as written.
 */

const APOSTROPHE = /(?<=\p{L})'(?=\p{L})/gu;
/** industries' share */
const PLURAL_POSSESSIVE = /(?<=\p{L}s)'(?=\s)/gu;
/** Two years, or two quarters/halves, joined by a hyphen: not ISO dates (2025-10-27) or codes. */
const YEAR_RANGE = /(?<![\d-])(\d{4})-(\d{4})(?![\d-])/g;
const PERIOD_RANGE = /\b([QH]\d)-([QH]\d)\b/g;
const MAGNITUDE = '(?:thousand|million|billion|trillion)';
/** Words that start the next phrase rather than name what a figure counts. */
const NOT_A_UNIT = '(?:and|or|to|in|on|of|the|from|with|by|for|as|at|vs|than|while|when|up|down)\\b';
/**
 * A figure (not ending in a comma or full stop, which end a phrase), a space, and a lower-case
 * word (and its unit after a magnitude word).
 */
const NUMBER_UNIT = new RegExp(`(\\d(?:[\\d.,]*\\d)?%?) (${MAGNITUDE} )?(?=(?!${NOT_A_UNIT})\\p{Ll})`, 'gu');
const NBSP = '\u00a0';
/** A space between a Chinese character and a Latin letter or figure, either way round. */
const HAN_LATIN_SPACE = /(?<=\p{Script=Han})[ \u00a0]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])[ \u00a0]+(?=\p{Script=Han})/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/**
 * Chinese text sets Latin words and figures without spaces of its own (加入CPTPP进程): the
 * renderer adds the East Asian–Latin gap, so a typed space doubled it. Only in text that is
 * mostly Chinese: an English sentence naming 光明日报 keeps its spaces.
 */
function closeHanLatinGaps(text: string): string {
  if (!HAN_LATIN_SPACE.test(text)) return text;
  HAN_LATIN_SPACE.lastIndex = 0;
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return han >= latin ? text.replace(HAN_LATIN_SPACE, '') : text;
}

/** Punctuation everywhere; with `glue` (running text: bullets), figures tied to their units too. */
export function typeset(text: string, options: { glue?: boolean } = {}): string {
  const punctuated = closeHanLatinGaps(text)
    .replace(APOSTROPHE, '\u2019')
    .replace(PLURAL_POSSESSIVE, '\u2019')
    .replace(YEAR_RANGE, '$1\u2013$2')
    .replace(PERIOD_RANGE, '$1\u2013$2');
  if (!options.glue) return punctuated;
  return punctuated.replace(NUMBER_UNIT, (_, n: string, magnitude: string | undefined) =>
    magnitude ? `${n}${NBSP}${magnitude.trim()}${NBSP}` : `${n}${NBSP}`,
  );
}
