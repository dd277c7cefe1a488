import type { Theme } from '../model.js';
import type { ThemeInputType } from '../schema/theme.js';

/**
 * What every theme starts from, so a theme file only says what differs. The fonts are
 * written into the deck (Calibri, Microsoft YaHei) and measured here with installed faces
 * of the same metrics (Carlito; Noto Sans CJK SC, whose ideographs share YaHei's full-em advance).
 */
export const BASE_THEME: Theme = {
  name: 'base',
  slide: { width: 960, height: 540 },
  palette: {
    background: 'FFFFFF',
    surface: 'F2F4F7',
    title: '1F2A44',
    text: '1F2933',
    muted: '5B6473',
    accent: '1F4E79',
    accentText: 'FFFFFF',
    rule: 'C9D1DC',
    inactive: 'B8C0CC',
    emphasis: 'C8102E',
    dividerBackground: '1F2A44',
    dividerText: 'FFFFFF',
    series: ['1F4E79', 'C8102E', '7F8C9A', 'D9A441', '3C8D93', '8E5572'],
  },
  fonts: {
    latin: 'Calibri',
    latinMetric: 'Carlito',
    eastAsian: 'Microsoft YaHei',
    eastAsianMetric: 'Noto Sans CJK SC',
    chart: 'Carlito, Noto Sans CJK SC',
    files: [],
  },
  sizes: {
    title: 30,
    titleMin: 22,
    body: 22,
    bodyMin: 14,
    caption: 14,
    captionMin: 11,
    source: 10,
    sourceMin: 8,
    sourceList: 18,
    footer: 10,
    footerMin: 7,
    statValue: 54,
    statValueMin: 20,
    statLabel: 16,
    statLabelMin: 11,
    table: 16,
    tableMin: 11,
    chart: 16,
    chartMin: 11,
    chartBullets: 20,
    deckTitle: 40,
    deckTitleMin: 26,
    subtitle: 23,
    sectionTitle: 36,
    sectionNumber: 20,
    quote: 28,
    quoteMin: 18,
  },
  footer: { pageNumbers: true, date: false },
  charts: { render: 'image', density: 2 },
};

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Copies a theme section's given values onto the resolved one: the theme file writes
 * snake_case (`accent_text`), the model camelCase (`accentText`); the schema keeps the names in step.
 */
function assign(
  target: object,
  given: object | undefined,
  convert: (key: string, value: unknown) => unknown = (_, v) => v,
  skip: readonly string[] = [],
): void {
  for (const [key, value] of Object.entries(given ?? {})) {
    if (value !== undefined && !skip.includes(key))
      (target as Record<string, unknown>)[camel(key)] = convert(key, value);
  }
}

/** Applies theme inputs over the base, the most general first. Pure: logo bytes are passed in. */
export function mergeThemes(
  inputs: readonly { input: ThemeInputType; fontFiles?: Theme['fonts']['files'] }[],
  logo?: Theme['logo'],
): Theme {
  const t: Theme = structuredClone(BASE_THEME);
  for (const { input, fontFiles } of inputs) {
    if (input.name) t.name = input.name;
    // Whole points: 13.333 in is the 960 pt of a 16:9 slide, not 959.976.
    if (input.slide?.width) t.slide.width = Math.round(input.slide.width * 72);
    if (input.slide?.height) t.slide.height = Math.round(input.slide.height * 72);
    assign(t.palette, input.palette, (key, v) => (key === 'series' ? (v as string[]).map(hex) : hex(v as string)));
    // Font files arrive resolved to absolute paths, beside the input.
    assign(t.fonts, input.fonts, undefined, ['files']);
    if (fontFiles?.length) t.fonts.files = [...t.fonts.files, ...fontFiles];
    assign(t.sizes, input.sizes);
    assign(t.footer, input.footer);
    assign(t.charts, input.charts);
  }
  // A minimum above its size would make every text fail to fit: the size is the minimum then.
  const s = t.sizes;
  s.titleMin = Math.min(s.titleMin, s.title);
  s.bodyMin = Math.min(s.bodyMin, s.body);
  s.tableMin = Math.min(s.tableMin, s.table);
  s.captionMin = Math.min(s.captionMin, s.caption);
  s.sourceMin = Math.min(s.sourceMin, s.source);
  s.footerMin = Math.min(s.footerMin, s.footer);
  s.statValueMin = Math.min(s.statValueMin, s.statValue);
  s.statLabelMin = Math.min(s.statLabelMin, s.statLabel);
  s.chartMin = Math.min(s.chartMin, s.chart);
  s.deckTitleMin = Math.min(s.deckTitleMin, s.deckTitle);
  s.quoteMin = Math.min(s.quoteMin, s.quote);
  if (logo) t.logo = logo;
  return t;
}
