import type {
  HouseText,
  HouseWord,
  Palette,
  PaletteRole,
  Theme,
  ThemeFonts,
  ThemeGeometry,
  ThemeSizes,
} from '../model.js';
import type { ThemeLink } from '../sources/theme/index.js';
import type { Origin } from '../sources/origin.js';
import type { ThemeInputType } from '../schema/theme.js';

/**
 * briefdeck's own geometry for a slide size: the numbers layout used before themes could set
 * them, so a theme that says nothing keeps a deck's bytes.
 */
export function geometryFor(slide: { width: number; height: number }): ThemeGeometry {
  const side = Math.round(slide.width * 0.05);
  const top = Math.round(slide.height * 0.05);
  return {
    margins: { left: side, right: side, top, bottom: 30 },
    title: { align: 'left', lines: 2 },
    titleRule: { show: true, width: 56, weight: 3, color: 'accent' },
    dividerRule: { color: 'emphasis' },
    logo: { align: 'right', top: top + 2, height: 30, maxWidth: 140 },
    footer: { left: ['text', 'date'], center: ['marking'], right: ['page'] },
    marking: { top: 'center' },
  };
}

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
    inactive: '848E9B',
    emphasis: 'C8102E',
    dividerBackground: '1F2A44',
    dividerText: 'FFFFFF',
    series: ['1F4E79', 'C8102E', '7F8C9A', 'B07D1A', '3C8D93', '8E5572'],
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
    bodyMin: 18,
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
  words: {},
  geometry: geometryFor({ width: 960, height: 540 }),
  origins: {},
  charts: { render: 'image', density: 2 },
  sections: { dividers: true, minSlides: 1, tracker: true },
};

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();

type Input = ThemeInputType;
type Section<K extends keyof Input> = NonNullable<Input[K]>;

/**
 * How each field a theme file writes (snake_case) lands in the resolved theme (camelCase).
 * Typed both ways: a field added to the schema and not mapped here, or mapped to a name the
 * model lacks, is a compile error rather than a silently ignored setting.
 */
const PALETTE = {
  background: 'background',
  surface: 'surface',
  title: 'title',
  text: 'text',
  muted: 'muted',
  accent: 'accent',
  accent_text: 'accentText',
  rule: 'rule',
  inactive: 'inactive',
  emphasis: 'emphasis',
  divider_background: 'dividerBackground',
  divider_text: 'dividerText',
  series: 'series',
} as const satisfies Record<keyof Section<'palette'>, keyof Palette>;

const FONTS = {
  latin: 'latin',
  latin_metric: 'latinMetric',
  east_asian: 'eastAsian',
  east_asian_metric: 'eastAsianMetric',
  chart: 'chart',
} as const satisfies Record<Exclude<keyof Section<'fonts'>, 'files'>, keyof ThemeFonts>;

const SIZES = {
  title: 'title',
  title_min: 'titleMin',
  body: 'body',
  body_min: 'bodyMin',
  caption: 'caption',
  caption_min: 'captionMin',
  source: 'source',
  source_min: 'sourceMin',
  source_list: 'sourceList',
  footer: 'footer',
  footer_min: 'footerMin',
  stat_value: 'statValue',
  stat_value_min: 'statValueMin',
  stat_label: 'statLabel',
  stat_label_min: 'statLabelMin',
  table: 'table',
  table_min: 'tableMin',
  chart: 'chart',
  chart_min: 'chartMin',
  chart_bullets: 'chartBullets',
  deck_title: 'deckTitle',
  deck_title_min: 'deckTitleMin',
  subtitle: 'subtitle',
  section_title: 'sectionTitle',
  section_number: 'sectionNumber',
  quote: 'quote',
  quote_min: 'quoteMin',
} as const satisfies Record<keyof Section<'sizes'>, keyof ThemeSizes>;

const FOOTER = {
  text: 'text',
  page_numbers: 'pageNumbers',
  date: 'date',
  classification: 'classification',
} as const satisfies Record<keyof Section<'footer'>, keyof Theme['footer']>;

const PALETTE_ROLE = Object.fromEntries(Object.entries(PALETTE).filter(([k]) => k !== 'series')) as Record<
  Exclude<keyof Section<'palette'>, 'series'>,
  PaletteRole
>;

const WORDS = { source: 'source', sources: 'sources', continued: 'continued' } as const satisfies Record<
  keyof Section<'words'>,
  HouseWord
>;

/** A house text as written (one text, or one per language) as the model holds it. */
const houseText = (v: string | Record<string, string>): HouseText => (typeof v === 'string' ? { '*': v } : { ...v });

/** Inches to points, to the hundredth. */
const pt = (inches: number) => Math.round(inches * 7200) / 100;

type GeometryInput = Section<'geometry'>;

/** The theme's geometry: its own values over the defaults for its slide size. */
function applyGeometry(g: ThemeGeometry, input: GeometryInput): ThemeGeometry {
  const m = input.margins ?? {};
  const rule = input.title_rule ?? {};
  const logo = input.logo ?? {};
  const margins = {
    left: m.left === undefined ? g.margins.left : pt(m.left),
    right: m.right === undefined ? g.margins.right : pt(m.right),
    top: m.top === undefined ? g.margins.top : pt(m.top),
    bottom: m.bottom === undefined ? g.margins.bottom : pt(m.bottom),
  };
  return {
    margins,
    title: { ...g.title, ...input.title },
    titleRule: {
      show: rule.show ?? g.titleRule.show,
      width: rule.width === undefined ? g.titleRule.width : pt(rule.width),
      weight: rule.weight === undefined ? g.titleRule.weight : pt(rule.weight),
      color: rule.color === undefined ? g.titleRule.color : PALETTE_ROLE[rule.color],
    },
    dividerRule: {
      color: input.divider_rule?.color === undefined ? g.dividerRule.color : PALETTE_ROLE[input.divider_rule.color],
    },
    logo: {
      align: logo.align ?? g.logo.align,
      // The logo follows the title down unless the theme places it.
      top: logo.top === undefined ? margins.top + 2 : pt(logo.top),
      height: logo.height === undefined ? g.logo.height : pt(logo.height),
      maxWidth: logo.max_width === undefined ? g.logo.maxWidth : pt(logo.max_width),
    },
    footer: { ...g.footer, ...input.footer },
    marking: { ...g.marking, ...input.marking },
  };
}

/** Geometry inputs of a chain merged, the nearest theme winning field by field. */
function mergeGeometry(a: GeometryInput, b: GeometryInput | undefined): GeometryInput {
  if (!b) return a;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = { ...(a as Record<string, object | undefined>)[k], ...v };
  return out as GeometryInput;
}

const CHARTS = { render: 'render', density: 'density' } as const satisfies Record<
  keyof Section<'charts'>,
  keyof Theme['charts']
>;

const SECTIONS = { dividers: 'dividers', min_slides: 'minSlides', tracker: 'tracker' } as const satisfies Record<
  keyof Section<'sections'>,
  keyof Theme['sections']
>;

function apply<I extends object, T extends object>(
  target: T,
  given: I | undefined,
  names: { readonly [K in keyof I]: keyof T },
  convert: (v: I[keyof I]) => unknown = (v) => v,
): void {
  if (!given) return;
  for (const key of Object.keys(names) as (keyof I)[]) {
    const value = given[key];
    if (value !== undefined) (target as Record<keyof T, unknown>)[names[key]] = convert(value);
  }
}

/** The logo a merged theme asks for: read and checked by the asset stage. */
export interface LogoRequest {
  given: string;
  /** The folder of the theme file that names it: the path is relative to it. */
  baseDir: string;
  at: Origin;
}

/**
 * Applies a chain of theme files over the base, the most general first. Pure. Also decides the
 * logo: the nearest theme that says anything about it wins, and `none` means no logo.
 */
export function mergeThemes(chain: readonly ThemeLink[]): { theme: Theme; logo?: LogoRequest; logoDark?: LogoRequest } {
  const t: Theme = structuredClone(BASE_THEME);
  let logo: LogoRequest | undefined;
  let logoDark: LogoRequest | undefined;
  let geometry: GeometryInput = {};
  for (const { input, fontFiles, dir, locate, template } of chain) {
    if (template) t.template = template;
    if (input.layouts) t.layouts = { ...t.layouts, ...input.layouts };
    if (input.name) t.name = input.name;
    // Whole points: 13.333 in is the 960 pt of a 16:9 slide, not 959.976.
    if (input.slide?.width) t.slide.width = Math.round(input.slide.width * 72);
    if (input.slide?.height) t.slide.height = Math.round(input.slide.height * 72);
    apply(t.palette, input.palette, PALETTE, (v) => (Array.isArray(v) ? v.map(hex) : hex(v as string)));
    apply(t.fonts, input.fonts, FONTS);
    // Font files arrive resolved to absolute paths, beside the input.
    if (fontFiles.length) t.fonts.files = [...t.fonts.files, ...fontFiles];
    apply(t.sizes, input.sizes, SIZES);
    apply(t.footer, input.footer, FOOTER, (v) => (typeof v === 'boolean' ? v : houseText(v as string)));
    if (input.footer?.text !== undefined) t.origins['footer.text'] = locate.at(['footer', 'text']);
    if (input.footer?.classification !== undefined)
      t.origins['footer.classification'] = locate.at(['footer', 'classification']);
    apply(t.words, input.words, WORDS, (v) => houseText(v as string));
    for (const key of Object.keys(input.words ?? {}) as HouseWord[])
      t.origins[`words.${key}`] = locate.at(['words', key]);
    if (input.date_format !== undefined) t.dateFormat = houseText(input.date_format);
    apply(t.charts, input.charts, CHARTS);
    apply(t.sections, input.sections, SECTIONS);
    geometry = mergeGeometry(geometry, input.geometry);
    const request = (given: string, path: (string | number)[]) => ({ given, baseDir: dir, at: locate.at(path) });
    const none = (v: unknown) => v === null || v === 'none';
    if (none(input.logo)) logo = logoDark = undefined;
    else if (typeof input.logo === 'string') {
      // One logo replaces both: a dark variant inherited from another theme belongs to another emblem.
      logo = request(input.logo, ['logo']);
      logoDark = undefined;
    } else if (input.logo) {
      if (input.logo.light !== undefined)
        logo = none(input.logo.light) ? undefined : request(input.logo.light, ['logo', 'light']);
      if (input.logo.dark !== undefined)
        logoDark = none(input.logo.dark) ? undefined : request(input.logo.dark, ['logo', 'dark']);
    }
    if (none(input.logo_dark)) logoDark = undefined;
    else if (typeof input.logo_dark === 'string') logoDark = request(input.logo_dark, ['logo_dark']);
    if (input.author !== undefined) t.author = input.author;
    if (input.company !== undefined) t.company = input.company;
  }
  // The deck is the template's size: its masters and placeholders are drawn for it.
  if (t.template) t.slide = { ...t.template.slide };
  t.geometry = applyGeometry(geometryFor(t.slide), geometry);
  if (logo) t.origins.logo = logo.at;
  else if (logoDark) t.origins.logo = logoDark.at;
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
  return { theme: t, ...(logo ? { logo } : {}), ...(logoDark ? { logoDark } : {}) };
}
