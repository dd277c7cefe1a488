/**
 * Language tags (BCP 47) as people write them: `cn` for Chinese, `en_GB` with an underscore,
 * `zh-cn` in lower case. Each is either a tag briefdeck can use, or a problem with the tag meant.
 */

/** Country codes written where a language is meant, and the language they stand for. */
const COUNTRY_FOR_LANGUAGE: Record<string, string> = {
  cn: 'zh-CN',
  tw: 'zh-TW',
  hk: 'zh-HK',
  jp: 'ja',
  gr: 'el',
  dk: 'da',
  ua: 'uk',
  cz: 'cs',
  us: 'en-US',
  gb: 'en-GB',
  uk: 'uk',
};

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

function wellFormed(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(tag)) return undefined;
    new Intl.NumberFormat(canonical);
    return canonical;
  } catch {
    return undefined;
  }
}

/** A language subtag Intl can name (`cn` it cannot: it is a country code). */
function knownLanguage(canonical: string): boolean {
  const language = canonical.split('-')[0]!;
  return names.of(language) !== language;
}

/** undefined when `tag` is usable as written; else what is wrong and the tag probably meant. */
export function languageTagProblem(tag: string): { message: string; suggestion?: string } | undefined {
  const canonical = wellFormed(tag);
  // Tags are case-insensitive: zh-cn is zh-CN.
  if (canonical && knownLanguage(canonical)) return undefined;
  const lower = tag.toLowerCase();
  const mapped = COUNTRY_FOR_LANGUAGE[lower];
  const repaired = wellFormed(tag.replace(/_/g, '-').trim());
  const suggestion = mapped && mapped !== tag ? mapped : repaired && knownLanguage(repaired) ? repaired : undefined;
  const what = canonical
    ? `\`${tag}\` is not a language code${mapped ? ' (it is a country code)' : ''}`
    : `\`${tag}\` is not a well-formed language tag`;
  return {
    message: `${what}; write a BCP 47 tag such as \`en\`, \`en-GB\` or \`zh-CN\``,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** A usable tag in its canonical case (`zh-cn` → `zh-CN`, `EN-gb` → `en-GB`); any other tag as given. */
export function canonicalLanguageTag(tag: string): string {
  return (languageTagProblem(tag) ? undefined : wellFormed(tag)) ?? tag;
}
