import { BASE_THEME } from '../../resolve/theme.js';
import type { ThemeInputType } from '../../schema/theme.js';
import { chooseLayouts } from '../../template/choose.js';
import type { HouseTemplate } from '../../template/types.js';

/**
 * The theme a house template implies, as a theme file would write it: palette from its theme
 * colours, faces from its font scheme with installed faces to measure them by, sizes for its
 * slide (readable when projected). `theme: house.potx` builds with exactly this; `theme import` writes it out, so an
 * imported theme builds the same deck until someone edits it.
 */

type Sizes = NonNullable<ThemeInputType['sizes']>;

/**
 * Installed faces with the advance widths of faces templates name, so that text measured here
 * takes the room it takes in PowerPoint (Liberation and Crosextra are metric-compatible clones).
 */
const METRIC_TWINS: Record<string, string> = {
  calibri: 'Carlito',
  'calibri light': 'Carlito',
  cambria: 'Caladea',
  arial: 'Liberation Sans',
  helvetica: 'Liberation Sans',
  'helvetica neue': 'Liberation Sans',
  'arial narrow': 'Liberation Sans Narrow',
  'times new roman': 'Liberation Serif',
  times: 'Liberation Serif',
  'courier new': 'Liberation Mono',
  courier: 'Liberation Mono',
};

/** A face measured by itself: it is installed here under its own name (LibreOffice's defaults). */
const MEASURED_AS_IS =
  /^(carlito|caladea|liberation (sans|serif|mono)( narrow)?|dejavu (sans|serif)( mono)?|noto sans|noto serif)$/i;

/**
 * The face to measure Latin text in. An unknown face is measured in Liberation Sans: Arial's
 * widths, wider than most text faces, so that text which fits here fits in the real face.
 */
export function latinMetricFor(face: string): string {
  const key = face.trim().toLowerCase();
  if (METRIC_TWINS[key]) return METRIC_TWINS[key];
  if (MEASURED_AS_IS.test(key)) return face.trim();
  return 'Liberation Sans';
}

/**
 * A face made for Chinese, Japanese or Korean: its name is written in those scripts, or is one of
 * the well-known CJK families. Theme fonts written by LibreOffice put DejaVu Sans in `ea`, which
 * has no ideographs: writing it into a Chinese deck would leave PowerPoint to pick a face.
 */
export function isEastAsianFace(face: string): boolean {
  return (
    /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(face) ||
    /(yahei|jhenghei|simhei|simsun|nsimsun|dengxian|fangsong|kaiti|pingfang|hiragino|heiti|songti|stheiti|stsong|meiryo|yu gothic|yu mincho|ms gothic|ms mincho|malgun|gulim|batang|dotum|mingliu|pmingliu|noto (sans|serif) cjk|source han|思源|wenquanyi|\bcjk\b|fz\w*|fangzheng)/i.test(
      face,
    )
  );
}

/** Serif (Song/Ming/Mincho) faces measure and draw with the serif CJK face, the rest with the sans. */
const eastAsianMetricFor = (face: string) =>
  /(song|sun|ming|mincho|batang|serif|宋|明)/i.test(face) ? 'Noto Serif CJK SC' : 'Noto Sans CJK SC';

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
const channels = (c: string) => [0, 2, 4].map((i) => parseInt(hex(c).slice(i, i + 2), 16) / 255);
function luminance(c: string): number {
  const [r, g, b] = channels(c).map((x) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
/** `from` moved toward `to` by `t` (0..1), per channel. */
function mix(from: string, to: string, t: number): string {
  const a = channels(from);
  const b = channels(to);
  return `#${a
    .map((x, i) =>
      Math.round((x + (b[i]! - x) * t) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

/**
 * A colour moved toward `text` just far enough to reach `ratio` against `background`: the
 * template's hue, darkened (or lightened, on a dark background) until it can be told apart.
 */
function atLeast(color: string, background: string, text: string, ratio: number): string {
  for (let t = 0; t <= 1; t += 0.05) {
    const c = mix(color, text, t);
    if (contrast(c, background) >= ratio) return c;
  }
  return text;
}

/** The lightest mix of `text` toward `background` that still reads at WCAG AA (4.5:1), at most `t`. */
function softened(text: string, background: string, t: number): string {
  for (let step = t; step > 0; step -= 0.05) {
    const c = mix(text, background, step);
    if (contrast(c, background) >= 4.5) return c;
  }
  return text;
}

/**
 * Is the colour a red (hue within 12° of pure red, clearly saturated)? In a briefing chart red
 * reads as loss or warning: a template's red accent stays its accent, not a data colour.
 */
export function isRed(c: string): boolean {
  const [r, g, b] = channels(c) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === 0 || (max - min) / max < 0.45 || max !== r) return false;
  const hue = (60 * (g - b)) / (max - min);
  return Math.abs(hue) <= 12;
}

/** The theme colours the series take, in order: the reds last, so data first takes the neutral and brand hues. */
export function seriesAccents(t: Pick<HouseTemplate, 'colors'>): { name: string; color: string }[] {
  const accents = (['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'] as const).map((name) => ({
    name,
    color: t.colors[name],
  }));
  return [...accents.filter((a) => !isRed(a.color)), ...accents.filter((a) => isRed(a.color))];
}

const better = (on: string, a: string, b: string) => (contrast(a, on) >= contrast(b, on) ? a : b);

/**
 * The smallest size of each kind of text that still reads when projected, whatever the slide's
 * size: scaling briefdeck's 13.333 in sizes to a 10 in slide would set bullets at 16.5 pt and
 * source lines at 7.5 pt. Keys are the theme file's; sizes not named keep their scaled value.
 */
export const READABLE: Partial<Record<keyof Sizes, number>> = {
  title: 24,
  title_min: 20,
  body: 16,
  body_min: 16,
  caption: 11,
  caption_min: 9,
  source: 9,
  source_min: 8,
  source_list: 14,
  footer: 9,
  footer_min: 8,
  stat_label: 12,
  stat_label_min: 10,
  table: 12,
  table_min: 10,
  chart: 11,
  chart_min: 9,
  chart_bullets: 16,
  deck_title: 28,
  deck_title_min: 24,
  subtitle: 16,
  section_title: 28,
  section_number: 16,
  quote: 20,
  quote_min: 16,
};

/**
 * Sizes for the template's slide: briefdeck's own scaled with the slide (the same text takes the
 * same share of a smaller slide) but never below what reads when projected; titles at the
 * template's own title size where its master gives one, up to briefdeck's own (a template's 44 pt
 * title style is made for three words, a briefing's titles are sentences). Bullets keep the
 * scaled size: a template's body style (24 pt on a 10 in slide) is for a few words a slide, and
 * a briefing's bullets would continue on extra slides at it.
 */
function houseSizes(t: HouseTemplate): Sizes {
  const { slide } = t;
  const scale = Math.min(slide.width / BASE_THEME.slide.width, slide.height / BASE_THEME.slide.height);
  const s = BASE_THEME.sizes;
  const half = (n: number) => Math.round(n * 2) / 2;
  const own = (n: number | undefined, base: number) => (n === undefined ? undefined : half(Math.min(n, base)));
  const scaled: Required<Sizes> = {
    title: own(t.titleSize, s.title) ?? half(s.title * scale),
    title_min: half(s.titleMin * scale),
    body: half(s.body * scale),
    body_min: half(s.bodyMin * scale),
    caption: half(s.caption * scale),
    caption_min: half(s.captionMin * scale),
    source: half(s.source * scale),
    source_min: half(s.sourceMin * scale),
    source_list: half(s.sourceList * scale),
    footer: half(s.footer * scale),
    footer_min: half(s.footerMin * scale),
    stat_value: half(s.statValue * scale),
    stat_value_min: half(s.statValueMin * scale),
    stat_label: half(s.statLabel * scale),
    stat_label_min: half(s.statLabelMin * scale),
    table: half(s.table * scale),
    table_min: half(s.tableMin * scale),
    chart: half(s.chart * scale),
    chart_min: half(s.chartMin * scale),
    chart_bullets: half(s.chartBullets * scale),
    // The deck title is set in the title layout's title box, which a template draws for its own
    // title style: larger than that style, it would shrink to fit with a warning.
    deck_title: half(Math.min(s.deckTitle * scale, t.titleSize ?? Infinity)),
    deck_title_min: half(s.deckTitleMin * scale),
    subtitle: half(s.subtitle * scale),
    section_title: half(s.sectionTitle * scale),
    section_number: half(s.sectionNumber * scale),
    quote: half(s.quote * scale),
    quote_min: half(s.quoteMin * scale),
  };
  for (const [key, floor] of Object.entries(READABLE) as [keyof Sizes, number][])
    scaled[key] = Math.max(scaled[key], floor);
  return scaled;
}

/**
 * Font names go into XML attributes and CSS font strings, as the theme schema's font names do:
 * a template's face outside those characters is not used.
 */
const safeFace = (face: string | undefined) => (face && /^[\p{L}\p{N} ._()-]+$/u.test(face) ? face : undefined);

export function themeInputFromTemplate(t: HouseTemplate, name: string): ThemeInputType {
  const c = t.colors;
  const background = c.lt1;
  // Text stands on what the content layout shows: a tinted or pictured backdrop (its average)
  // when that is light, which text must read on as well as on the theme's light colour. Charts
  // are pictures filled with the background, so their colours are judged there.
  const content = chooseLayouts(t).content;
  const ground = !content.dark && content.background ? content.background : background;
  const text = better(ground, c.dk1, c.lt1);
  // Titles in the template's second dark colour when it reads well (a house navy or red), as
  // most organisation templates do; otherwise in the text colour.
  const title = contrast(c.dk2, ground) >= 4.5 ? c.dk2 : text;
  const surface = contrast(c.lt2, text) >= 7 && c.lt2 !== background ? c.lt2 : mix(background, text, 0.05);
  // Title and section slides in the colour the template's own title layout shows when that is
  // dark (LibreOffice keeps the Office colours in its theme and draws its backdrops), else dk2.
  const titleLayout = chooseLayouts(t).title;
  const dividerBackground =
    titleLayout.dark && titleLayout.background ? titleLayout.background : contrast(c.dk2, c.lt1) >= 4.5 ? c.dk2 : c.dk1;
  const latin = safeFace(t.fonts.minor.latin) ?? safeFace(t.fonts.major.latin) ?? BASE_THEME.fonts.latin;
  const faceEa = [t.fonts.minor.eastAsian, t.fonts.major.eastAsian].map(safeFace).find((f) => f && isEastAsianFace(f));
  const eastAsian = faceEa ?? BASE_THEME.fonts.eastAsian;
  const latinMetric = latinMetricFor(latin);
  const eastAsianMetric = eastAsianMetricFor(eastAsian);
  return {
    name,
    palette: {
      background,
      surface,
      title,
      text,
      muted: softened(text, ground, 0.45),
      accent: c.accent1,
      accent_text: better(c.accent1, c.lt1, c.dk1),
      rule: mix(text, background, 0.75),
      inactive: mix(text, background, 0.5),
      // The marking is text (4.5:1); chart series are graphics, 3:1 (WCAG 1.4.3 and 1.4.11).
      emphasis: atLeast(c.accent2, ground, text, 4.5),
      divider_background: dividerBackground,
      divider_text: better(dividerBackground, c.lt1, c.dk1),
      series: seriesAccents(t).map((a) => atLeast(a.color, background, text, 3)),
    },
    fonts: {
      latin,
      latin_metric: latinMetric,
      east_asian: eastAsian,
      east_asian_metric: eastAsianMetric,
      chart: `${latinMetric}, ${eastAsianMetric}`,
    },
    sizes: houseSizes(t),
  };
}
