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
    source: 10,
    footer: 10,
    statValue: 54,
    statLabel: 16,
    table: 16,
    tableMin: 11,
    chart: 16,
    deckTitle: 40,
    sectionTitle: 36,
    quote: 28,
  },
  footer: { pageNumbers: true, date: false },
  charts: { render: 'image', density: 2 },
};

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();

/** Applies theme inputs over the base, the most general first. Pure: logo bytes are passed in. */
export function mergeThemes(inputs: readonly { input: ThemeInputType; fontFiles?: Theme['fonts']['files'] }[], logo?: Theme['logo']): Theme {
  const t: Theme = structuredClone(BASE_THEME);
  for (const { input, fontFiles } of inputs) {
    if (input.name) t.name = input.name;
    // Whole points: 13.333 in is the 960 pt of a 16:9 slide, not 959.976.
    if (input.slide?.width) t.slide.width = Math.round(input.slide.width * 72);
    if (input.slide?.height) t.slide.height = Math.round(input.slide.height * 72);
    const p = input.palette ?? {};
    if (p.background) t.palette.background = hex(p.background);
    if (p.surface) t.palette.surface = hex(p.surface);
    if (p.title) t.palette.title = hex(p.title);
    if (p.text) t.palette.text = hex(p.text);
    if (p.muted) t.palette.muted = hex(p.muted);
    if (p.accent) t.palette.accent = hex(p.accent);
    if (p.accent_text) t.palette.accentText = hex(p.accent_text);
    if (p.rule) t.palette.rule = hex(p.rule);
    if (p.inactive) t.palette.inactive = hex(p.inactive);
    if (p.emphasis) t.palette.emphasis = hex(p.emphasis);
    if (p.divider_background) t.palette.dividerBackground = hex(p.divider_background);
    if (p.divider_text) t.palette.dividerText = hex(p.divider_text);
    if (p.series) t.palette.series = p.series.map(hex);
    const f = input.fonts ?? {};
    if (f.latin) t.fonts.latin = f.latin;
    if (f.latin_metric) t.fonts.latinMetric = f.latin_metric;
    if (f.east_asian) t.fonts.eastAsian = f.east_asian;
    if (f.east_asian_metric) t.fonts.eastAsianMetric = f.east_asian_metric;
    if (f.chart) t.fonts.chart = f.chart;
    if (fontFiles?.length) t.fonts.files = [...t.fonts.files, ...fontFiles];
    const s = input.sizes ?? {};
    const sizeKeys: [keyof typeof s, keyof Theme['sizes']][] = [
      ['title', 'title'], ['title_min', 'titleMin'], ['body', 'body'], ['body_min', 'bodyMin'], ['caption', 'caption'],
      ['source', 'source'], ['footer', 'footer'], ['stat_value', 'statValue'], ['stat_label', 'statLabel'], ['table', 'table'],
      ['table_min', 'tableMin'], ['chart', 'chart'], ['deck_title', 'deckTitle'], ['section_title', 'sectionTitle'], ['quote', 'quote'],
    ];
    for (const [from, to] of sizeKeys) if (s[from] !== undefined) t.sizes[to] = s[from]!;
    const footer = input.footer ?? {};
    if (footer.text !== undefined) t.footer.text = footer.text;
    if (footer.page_numbers !== undefined) t.footer.pageNumbers = footer.page_numbers;
    if (footer.date !== undefined) t.footer.date = footer.date;
    if (footer.classification !== undefined) t.footer.classification = footer.classification;
    if (input.charts?.render) t.charts.render = input.charts.render;
    if (input.charts?.density) t.charts.density = input.charts.density;
  }
  // A minimum above its size would make every text fail to fit: the size is the minimum then.
  t.sizes.titleMin = Math.min(t.sizes.titleMin, t.sizes.title);
  t.sizes.bodyMin = Math.min(t.sizes.bodyMin, t.sizes.body);
  t.sizes.tableMin = Math.min(t.sizes.tableMin, t.sizes.table);
  if (logo) t.logo = logo;
  return t;
}
