import { isChinese } from './script.js';

/**
 * briefdeck's own words in a deck, one table per language: everything it writes that the
 * outline did not say. Layout and resolve take their words from here and nowhere else.
 */
export interface Words {
  /** Before one citation at a slide's foot. */
  source: string;
  /** Before several citations; also the title of the closing Sources slide. */
  sources: string;
  /** Between a label and what it labels ("Source: …"). */
  labelSeparator: string;
  /** Between citations in a source line. */
  citationSeparator: string;
  /** Between the parts of one citation (publisher, date, page). */
  partSeparator: string;
  /** Around a cited work's title. */
  titleQuotes: readonly [string, string];
  /** A page of a cited work; `{page}` is the page. */
  page: string;
  /** When figures were read from a database or the web; `{date}` is the day. */
  retrieved: string;
  /** After the title of a slide that continues the one before. */
  continued: string;
  /** Speaker notes of the Sources slide. */
  sourcesNotes: string;
  /** Before the author of a quotation. */
  attributionDash: string;
  /** The title screen readers announce for a quotation slide without one. */
  quotation: string;
  /** Alternative text of the theme's logo. */
  logo: string;
  /**
   * Description of a target line drawn over an editable chart: `{target}` its label, `{min}`
   * and `{max}` the value axis it was placed on.
   */
  drawnTarget: string;
}

const EN: Words = {
  source: 'Source',
  sources: 'Sources',
  labelSeparator: ': ',
  citationSeparator: '; ',
  partSeparator: ', ',
  titleQuotes: ['“', '”'],
  page: 'p. {page}',
  retrieved: 'retrieved {date}',
  continued: ' (cont.)',
  sourcesNotes: 'Every figure in this briefing comes from the sources listed here.',
  attributionDash: '—',
  quotation: 'Quotation',
  logo: 'Logo',
  drawnTarget:
    '{target}: a line drawn over the chart for a value axis from {min} to {max}; it does not move if the axis or the target changes.',
};

const ZH: Words = {
  source: '资料来源',
  sources: '资料来源',
  labelSeparator: '：',
  citationSeparator: '；',
  partSeparator: '，',
  titleQuotes: ['《', '》'],
  page: '第{page}版',
  retrieved: '{date}读取',
  continued: '（续）',
  sourcesNotes: '本简报所有数据均出自以上来源。',
  attributionDash: '——',
  quotation: '引语',
  // Alt text in the deck's language (check --a11y).
  logo: '标志',
  drawnTarget: '{target}：按{min}至{max}的数值轴画在图上的线；数值轴或目标值改动后不会随之移动。',
};

export const WORDS = { en: EN, zh: ZH } as const satisfies Record<string, Words>;

/** The words for a deck language: Chinese for any zh tag, English otherwise. */
export function wordsFor(lang: string): Words {
  return isChinese(lang) ? WORDS.zh : WORDS.en;
}

/** The line at a slide's foot citing its sources; undefined for none. */
export function sourceLine(citations: readonly string[], words: Words): string | undefined {
  if (!citations.length) return undefined;
  const label = citations.length > 1 ? words.sources : words.source;
  return `${label}${words.labelSeparator}${citations.join(words.citationSeparator)}`;
}

/** A page reference in a citation. */
export function pageReference(page: string, words: Words): string {
  return words.page.replace('{page}', () => page);
}
