/**
 * The value types that flow between pipeline stages. No runtime code here.
 *
 * load → ParsedInputs → validate → ValidInputs → resolve → ResolvedDeck → layout → LaidOutDeck
 *   → charts → RenderedDeck → pptx → bytes
 * Every length in the pipeline is in points (1/72 inch); the pptx writer converts at its edge.
 */
import type { Origin } from './diagnostics/diagnostic.js';
import type { FormatSpec } from './format.js';
import type { ChartStyle } from './charts/config.js';
import type { ChartType } from './schema/chart-types.js';
import type { HouseTemplate } from './template/types.js';
import type { Qualifier } from './qualifier.js';

export type { Origin };

export type Cell = string | number | null;

interface DataMeta {
  key: string;
  unit?: string;
  /** The id of the source it cites, or several (`source: [a, b]`). */
  source?: string | string[];
  asOf?: string;
  note?: string;
  at: Origin;
}
export interface DataValue extends DataMeta {
  kind: 'value';
  value: number | string;
}
export interface Dataset {
  label: string;
  values: number[];
  unit?: string;
  /** Per value, what the data says of it beyond the number ("more than"); absent: all exact. */
  qualifiers?: (Qualifier | undefined)[];
}
/** A headline figure: `lead` is the data's qualifier before it ("more than ", "超过"), kept with the number. */
export interface Stat {
  value: string;
  label: string;
  lead?: string;
}
export interface DataSeries extends DataMeta {
  kind: 'series';
  labels: string[];
  datasets: Dataset[];
}
export interface DataTable extends DataMeta {
  kind: 'table';
  columns: string[];
  rows: Cell[][];
  /** Position of each row, and of each cell, for errors about one of them. */
  rowAt: Origin[];
  cellAt: Origin[][];
  /** Per cell, a qualifier the data gives its number (`{ value: 80, note: more than }`); absent: all exact. */
  qualifiers?: (Qualifier | undefined)[][];
}
export type DataEntry = DataValue | DataSeries | DataTable;

export interface SourceRecord {
  id: string;
  title: string;
  author?: string;
  publisher?: string;
  date?: string;
  page?: string;
  url?: string;
  /** Title, author and publisher as given per language (`{ en: …, zh-CN: … }`); the fields above hold the fallback. */
  languages?: { title?: HouseText; author?: HouseText; publisher?: HouseText };
  /** Where the figures were read: `trade.xlsx, Sheet "Monthly"!A1:C13`, a database and its query. */
  location?: string;
  /** When they were read (a query, a download) or last saved (a workbook), as YYYY-MM-DD. */
  retrieved?: string;
  at: Origin;
}

/** Everything the data files define, by full dotted key. */
export interface DataSet {
  entries: Map<string, DataEntry>;
  sources: Map<string, SourceRecord>;
  /** Keys whose entries were reported invalid: using them is not a second error. */
  invalidKeys: Set<string>;
  /** Data files that could not be read or parsed: any key might have been in them. */
  failedFiles: number;
  /** How many data files the outline names. */
  fileCount: number;
}

export interface Palette {
  background: string;
  surface: string;
  title: string;
  text: string;
  muted: string;
  accent: string;
  accentText: string;
  rule: string;
  /** Chart bars and slices that are not highlighted. */
  inactive: string;
  /** The classification marking, decorative bars of title and section slides, target lines. */
  emphasis: string;
  dividerBackground: string;
  dividerText: string;
  series: string[];
}

export interface FontFile {
  /** Absolute path. */
  path: string;
  /** sha256 of the bytes the build read: the chart cache key names the font by its content. */
  sha256: string;
  family: string;
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
}

export interface ThemeFonts {
  latin: string;
  latinMetric: string;
  eastAsian: string;
  eastAsianMetric: string;
  chart: string;
  /** Font files registered with canvas before measuring and drawing. */
  files: FontFile[];
}

export interface ThemeSizes {
  title: number;
  titleMin: number;
  body: number;
  bodyMin: number;
  caption: number;
  captionMin: number;
  source: number;
  sourceMin: number;
  sourceList: number;
  footer: number;
  footerMin: number;
  statValue: number;
  statValueMin: number;
  statLabel: number;
  statLabelMin: number;
  table: number;
  tableMin: number;
  chart: number;
  chartMin: number;
  chartBullets: number;
  deckTitle: number;
  deckTitleMin: number;
  subtitle: number;
  sectionTitle: number;
  sectionNumber: number;
  quote: number;
  quoteMin: number;
}

/** A palette colour by its role, for theme values that name one (the title rule's colour). */
export type PaletteRole = Exclude<keyof Palette, 'series'>;

/** What a footer slot can show: the footer text, the deck date, the page number, the marking. */
export type FooterItem = 'text' | 'date' | 'page' | 'marking';
export type FooterSlot = 'left' | 'center' | 'right';

/**
 * Every fixed position of a deck, in points: layout reads them here and fixes none itself.
 * Defaults follow the slide size (resolve/theme.ts geometryFor); a house template fills them
 * from its placeholders. A plain record on purpose: readers outside layout build it too.
 */
export interface ThemeGeometry {
  /** left/right: side margins; top: where content-slide titles start; bottom: slide bottom to the footer's top. */
  margins: { left: number; right: number; top: number; bottom: number };
  /** Content-slide titles: alignment and the most lines they may take. */
  title: { align: 'left' | 'center'; lines: number };
  /** The short rule under a content-slide title. */
  titleRule: { show: boolean; width: number; weight: number; color: PaletteRole };
  /** The short rule above the deck title and each section title (title and section slides). */
  dividerRule: { color: PaletteRole };
  /** The logo, top left or top right; sized to `height`, at most `maxWidth` wide. */
  logo: { align: 'left' | 'right'; top: number; height: number; maxWidth: number };
  /** What each footer slot shows, in order; page and marking each take a slot of their own. */
  footer: Record<FooterSlot, FooterItem[]>;
  /** The classification marking at the top of every slide: where across, or none. */
  marking: { top: FooterSlot | 'none' };
}

/**
 * A house text in several languages: language tag → text ("en", "zh-CN"). The key `*` holds a
 * text written without a language (`text: Policy Research Office`), shown in every deck.
 */
export type HouseText = Readonly<Record<string, string>>;

/** A theme with every value present; colours are bare hex (no #). */
export interface Theme {
  name: string;
  /** Slide size in points. */
  slide: { width: number; height: number };
  palette: Palette;
  fonts: ThemeFonts;
  sizes: ThemeSizes;
  /** The logo for light slides. */
  logo?: ThemeLogo;
  /** The logo for dark slides (title and section, or every slide of a dark theme). */
  logoDark?: ThemeLogo;
  footer: { text?: HouseText; pageNumbers: boolean; date: boolean; classification?: HouseText };
  /** briefdeck's own words the theme replaces, per language; the rest come from src/words.ts. */
  words: Partial<Record<HouseWord, HouseText>>;
  /** How the deck date is written, per language: tokens YYYY, M, MM, D, DD, MMM, MMMM. */
  dateFormat?: HouseText;
  geometry: ThemeGeometry;
  /** Where the theme's house texts are written: warnings about them point there. */
  origins: Partial<Record<'footer.text' | 'footer.classification' | `words.${HouseWord}` | 'logo', Origin>>;
  charts: { render: 'image' | 'native'; density: number };
  /** Section dividers (left out for sections shorter than minSlides) and the section tracker. */
  sections: { dividers: boolean; minSlides: number; tracker: boolean };
  /** The organisation's .potx/.pptx the deck is built on, when the theme names one. */
  template?: HouseTemplate;
  /** Template layouts named by the theme for kinds of slide (`layouts: { chart: Title Only }`). */
  layouts?: Partial<Record<LayoutRole, string>>;
  /** Who makes the decks (document properties); absent: the outline's author, else the footer text. */
  author?: string;
  /** The organisation (document properties); absent: the footer text. */
  company?: string;
}

export interface ThemeLogo {
  file: string;
  data: Buffer;
  width: number;
  height: number;
}

/** The words of src/words.ts a theme may set: house text a reader sees on every slide. */
export type HouseWord = 'source' | 'sources' | 'continued';

export type ChartRender = 'image' | 'native';

/** A chart with its data in hand: what the chart renderer and the native writer both draw from. */
export interface ChartModel {
  type: ChartType;
  labels: string[];
  datasets: Dataset[];
  unit?: string;
  title?: string;
  horizontal: boolean;
  stacked: false | true | 'percent';
  xLabel?: string;
  yLabel?: string;
  /** `auto`: decided from the picture's shape when it is drawn. */
  legend: 'top' | 'bottom' | 'left' | 'right' | 'none' | 'auto';
  /** What each bar, point or slice is labelled with, if anything. */
  dataLabels: false | 'value' | 'share';
  /** How numbers are written on axes and labels: the chart's filters, shared with text. */
  format: FormatSpec;
  highlight?: string;
  target?: { value: number; label?: string };
  /** combo: indices of datasets drawn as lines (on a second axis only when their unit differs). */
  lineDatasets: number[];
  /** line: value-axis bounds and step set by the outline (`y_min`, `y_max`, `step`). */
  yMin?: number;
  yMax?: number;
  step?: number;
  /** scatter: a label per point, from the `label_by` column. */
  pointLabels?: string[];
  /** Categories that are dates: their unit and calendar index (months since year 0, …), for thinning ticks. */
  time?: { unit: 'day' | 'month' | 'quarter' | 'year'; index: number[] };
  /** line: series named at their line ends instead of in a legend (up to four series). */
  directLabels?: boolean;
  alt: string;
  render: ChartRender;
  lang: string;
}

export interface BulletText {
  text: string;
  level: 0 | 1;
}

interface SlideBase {
  title: string;
  /** On a house template: the layout the outline names for this slide (`layout: "Two Content"`). */
  layout?: { name: string; at: Origin };
  notes: string;
  /** Source ids of the figures this slide shows, in order of use: its source line. */
  sources: string[];
  /** Source ids of figures only its speaker notes use: cited on the Sources slide, not on this one. */
  noteSources?: string[];
  /** The section a slide belongs to (its number counts every section of the outline). */
  section?: { number: number; title: string };
  at: Origin;
}
export type ResolvedSlide =
  | (SlideBase & { kind: 'title'; subtitle?: string; author?: string; date?: string })
  | (SlideBase & { kind: 'section'; subtitle?: string; number: number })
  | (SlideBase & { kind: 'bullets'; bullets: BulletText[] })
  | (SlideBase & { kind: 'stats'; stats: Stat[]; caption?: string })
  | (SlideBase & { kind: 'chart'; chart: ChartModel; caption?: string; bullets: BulletText[] })
  | (SlideBase & {
      kind: 'table';
      columns: string[];
      rows: string[][];
      numeric: boolean[];
      caption?: string;
      /** The last row is a total, set apart. */
      total?: boolean;
    })
  | (SlideBase & { kind: 'quote'; quote: string; by?: string })
  | (SlideBase & { kind: 'sources'; entries: string[] });

export type SlideKind = ResolvedSlide['kind'];

export interface DeckMeta {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang: string;
  classification?: string;
  footer?: string;
  /** Where the footer and marking texts are written (the outline, else its title line). */
  footerAt: Origin;
}

export interface ResolvedDeck {
  meta: DeckMeta;
  theme: Theme;
  slides: ResolvedSlide[];
  /** Citation line per source id, as shown at slide foot ("Guangming Daily, 27 Oct 2025"). */
  sourceLines: Map<string, string>;
}

// ---- layout output: a plain description of each slide, in points ----
// Layout decides every colour, face, size, border and fill written; the pptx writer only translates.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The faces a run is written with: PowerPoint sets Latin text in `latin` and CJK text in `eastAsian`. */
export interface Typeface {
  latin: string;
  eastAsian: string;
}

export interface Run {
  text: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  color: string;
  font: Typeface;
  /** Proofing language (BCP 47), e.g. en-US, zh-CN. */
  lang: string;
  /** Starts a new line within its paragraph (a soft break, `<a:br/>`). */
  breakBefore?: boolean;
  /** Points added after each character (negative: set tighter), as `<a:rPr spc>` says. */
  spacing?: number;
}

export interface Paragraph {
  runs: Run[];
  level: number;
  bullet: boolean;
  /** A bullet's hanging indent in points; its left margin is indent × (level + 1). */
  indent: number;
  /**
   * Without a bullet: lines after the first start this many points in, under the text that
   * follows a written label ("1. " of a numbered source), as a list's hanging indent does.
   */
  hang?: number;
  align: 'left' | 'center' | 'right';
  /** Exact line pitch in points, so every viewer spaces lines alike. */
  lineHeight: number;
  spaceBefore: number;
}

export interface Insets {
  l: number;
  r: number;
  t: number;
  b: number;
}

/** A horizontal rule drawn along a table cell's edge. */
export interface TableRule {
  color: string;
  width: number;
}

export interface TableCell {
  text: string;
  /** The text as runs, when it needs more than one (East Asian punctuation in its own face). */
  runs?: Run[];
  bold: boolean;
  color: string;
  /** Absent: the slide shows through. */
  fill?: string;
  align: 'left' | 'center' | 'right';
  lang: string;
  /** Rules above and below the cell; a table has no vertical rules. */
  rules: { top?: TableRule; bottom?: TableRule };
}

/** A series of a native chart, as PowerPoint stores it. */
export interface NativeSeries {
  name: string;
  /** Category labels; absent for scatter, whose first series holds the x values. */
  labels?: string[];
  values: number[];
}

export type NativeChartType = 'bar' | 'line' | 'area' | 'pie' | 'doughnut' | 'scatter';

/**
 * One point's label where the series' own does not do: placed clear of the target line, a
 * scatter point's name, a line's name at its end, or none. PowerPoint places native labels
 * itself, so layout decides these from the chart's geometry as it estimates it.
 */
export interface NativePointLabel {
  /** The series' place among the chart part's series as written: bars, then lines, then the target. */
  series: number;
  index: number;
  /** Absent: the series' position. */
  position?: 'outEnd' | 'inEnd' | 'inBase' | 'ctr' | 't' | 'b' | 'r' | 'l';
  /** Shown instead of the value (a scatter point's name). */
  text?: string;
  /** The series name, before the value when `value`. */
  seriesName?: boolean;
  value?: boolean;
  /** Text colour (a label inside a dark bar is white). */
  color?: string;
  bold?: boolean;
  /** No label on this point. */
  hidden?: boolean;
  /** The value's own number format (a qualifier before the number: `"more than "#,##0`). */
  format?: string;
}

/** A dashed line with its label, drawn in a native chart (see NativeChartSpec.drawnTarget). */
export interface NativeDrawnTarget {
  /** Where the line stands, and from where to where it runs: fractions of the chart's width and height. */
  x: number;
  top: number;
  bottom: number;
  color: string;
  /** Line width, points. */
  width: number;
  /** The label above the plot, centred on the line (moved in where the chart's edge is near). */
  label: Box & { text: string; font: Typeface; size: number; color: string; lang: string };
  /** The line's own description: what it stands for and that it does not follow a rescaled axis. */
  description: string;
}

/** Text on a chart: its face and size. */
export interface NativeChartText {
  font: string;
  size: number;
}

/** An editable PowerPoint chart, fully styled: the writer turns each field into one pptxgenjs option. */
export interface NativeChartSpec {
  type: NativeChartType;
  series: NativeSeries[];
  /** Series colours, or point colours where one series is coloured by point; long enough for every point. */
  colors: string[];
  /** Bars with lines (on a second value axis when `secondAxis`): each group with its own colours. */
  combo?: { bars: { series: NativeSeries[]; colors: string[] }; lines: { series: NativeSeries[]; colors: string[] } };
  alt: string;
  title?: NativeChartText & { text: string; color: string };
  legend: NativeChartText & {
    show: boolean;
    position: 'b' | 't' | 'l' | 'r';
    /** The series (by their place as written) the legend names; absent: all. */
    only?: number[];
  };
  dataLabels: NativeChartText & {
    values: boolean;
    percents: boolean;
    format: string;
    /** Outside labels' colour; chart-xml.ts turns labels inside dark fills white. */
    color?: string;
    position?: 'outEnd' | 'ctr' | 'bestFit' | 't';
    /** Bold, as the picture draws its value labels. */
    bold?: boolean;
  };
  /** Pie and doughnut: a line between slices (the background colour), as the picture draws. */
  sliceBorder?: { pt: number; color: string };
  /** Area fills' opacity, percent (overlapping areas are see-through, as in the picture). */
  areaOpacity?: number;
  categoryAxis: NativeChartText & {
    title?: NativeChartText & { text: string; color: string };
    color: string;
    line: { color: string } | 'none';
    /**
     * Dates: the categories whose labels are shown, as the picture thins them. The others are
     * blank in the chart's cache: LibreOffice ignores c:tickLblSkip, and a skip counts from the
     * first category while calendar ticks need not start there.
     */
    shown?: number[];
  };
  valueAxis: NativeChartText & {
    format: string;
    title?: NativeChartText & { text: string; color: string };
    gridline: { color: string; width: number };
    color: string;
    /** The same range and step as the picture's axis; bars always from zero. */
    range?: { min: number; max: number; step: number };
  };
  /** combo with two units: the lines' axis, zero on the bars' zero gridline. */
  secondAxis?: {
    format: string;
    title?: NativeChartText & { text: string; color: string };
    range: { min: number; max: number; step: number };
  };
  /** A target value drawn as a dashed line series across the categories (columns and lines). */
  target?: { name: string; value: number; color: string };
  /**
   * The plot area's inner box (without axis labels), in fractions of the chart's box: fixed
   * where something is drawn over the plot at a place computed from the axis.
   */
  plotArea?: Box;
  /**
   * On sideways bars, the target drawn in the chart over its plot: neither a line series nor a
   * scatter series draws a vertical line there alike in PowerPoint and LibreOffice. Fractions
   * of the chart's box; it stands at the target's place on the value axis as written.
   */
  drawnTarget?: NativeDrawnTarget;
  /**
   * Titles of upright axes (left, and a second axis on the right) set horizontally above the
   * plot, as the picture sets them: their top-left corners, fractions of the chart's box.
   */
  uprightTitles?: { left?: { x: number; y: number }; right?: { x: number; y: number } };
  /** Labels of single points (see NativePointLabel). */
  pointLabels?: NativePointLabel[];
  /** Scatter: the x axis range (the value axis's is `valueAxis.range`). */
  xRange?: { min: number; max: number; step: number };
  /**
   * Scatter: the x axis's number format. It starts with a line break: the x labels sit a line
   * lower, clear of the y axis's lowest label at the corner they share.
   */
  xFormat?: string;
  bars?: {
    direction: 'bar' | 'col';
    grouping: 'clustered' | 'stacked' | 'percentStacked';
    gapWidth: number;
    /** Categories listed from the top down (horizontal bars), not from the axis origin up. */
    topDown: boolean;
  };
  /** Stacked areas. */
  areaGrouping?: 'stacked' | 'percentStacked';
  lines?: { width: number; symbol?: 'circle' | 'none'; symbolSize: number };
  /** Doughnut hole, percent of the radius. */
  holeSize?: number;
}

export type Element =
  | {
      kind: 'text';
      box: Box;
      paragraphs: Paragraph[];
      valign: 'top' | 'middle' | 'bottom';
      insets: Insets;
      role: 'title' | 'body' | 'other';
      fill?: string;
      name: string;
    }
  | { kind: 'rect'; box: Box; fill: string; name: string }
  | { kind: 'line'; box: Box; color: string; width: number; name: string }
  /** A chart to draw as a picture: the chart stage replaces it by one. */
  | { kind: 'chart'; box: Box; chart: ChartModel; style: ChartStyle; name: string }
  | { kind: 'native-chart'; box: Box; spec: NativeChartSpec; name: string }
  /**
   * A picture; a chart's picture may still be being drawn while the deck is written (a promise
   * that always fulfils), and packaging waits for it.
   */
  | { kind: 'picture'; box: Box; image: Buffer | Promise<Buffer>; mime: 'png' | 'jpeg'; alt: string; name: string }
  | {
      kind: 'table';
      box: Box;
      columnWidths: number[];
      /** The header row first. */
      rows: TableCell[][];
      rowHeights: number[];
      font: Typeface;
      size: number;
      valign: 'top' | 'middle' | 'bottom';
      /** Cell padding in points. */
      padding: { x: number; y: number };
      name: string;
    };

/** An element the pptx writer can write: anything but a chart still to be drawn. */
export type WritableElement = Exclude<Element, { kind: 'chart' }>;

export type Master = 'title' | 'section' | 'content';

/** The slide layout a slide is made on: Title, Section, Title and Content, Chart, Table, Quote, Sources. */
export type LayoutRole = 'title' | 'section' | 'content' | 'chart' | 'table' | 'quote' | 'sources';

export interface LaidOutSlide {
  master: Master;
  /**
   * On a house template: the template layout part the slide uses ('ppt/slideLayouts/slideLayout2.xml'),
   * and whether its title is on a dark ground (a dark layout, or a dark band under the title): the title
   * then keeps layout's light colour instead of the template's title style.
   */
  templateLayout?: { part: string; dark: boolean; marks?: TemplateMark[] };
  layout: LayoutRole;
  elements: Element[];
  notes: string;
  at: Origin;
}

/**
 * On a house template: the date, footer or slide number a content slide shows although its
 * layout has no placeholder for it, drawn by the slide itself where the master's placeholder is
 * (or the theme's footer slot when the master has none either).
 */
export interface TemplateMark {
  type: 'dt' | 'ftr' | 'sldNum';
  text: MasterText;
}

/** A text a master places on each slide (title placeholder, slide number); absent fields keep PowerPoint's defaults. */
export interface MasterText {
  box: Box;
  font: Typeface;
  size: number;
  color: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  insets?: Insets;
}

/** What every slide of a master shows, and where its title placeholder is. */
export interface MasterLayout {
  background: string;
  /** Fixed shapes: footer, rules, marking, logo. */
  elements: WritableElement[];
  title: MasterText;
  slideNumber?: MasterText;
}

/** The colour slots of a package theme (theme1.xml's a:clrScheme). */
export type ThemeColorSlot =
  | 'dk1'
  | 'lt1'
  | 'dk2'
  | 'lt2'
  | 'accent1'
  | 'accent2'
  | 'accent3'
  | 'accent4'
  | 'accent5'
  | 'accent6'
  | 'hlink'
  | 'folHlink';

/** A text style of the slide master (p:txStyles): what placeholder text looks like unless a slide says otherwise. */
export interface HouseTextStyle {
  size: number;
  bold: boolean;
  align: 'left' | 'center' | 'right';
  /** The theme colour slot it is set in, so the text follows the theme. */
  color: ThemeColorSlot;
  /** Theme fonts: major (headings) or minor (body). */
  fonts: 'major' | 'minor';
  spaceBefore: number;
}

/** One bullet level of the master's body style. */
export interface HouseBulletLevel extends HouseTextStyle {
  /** The bullet character; absent: no bullet. */
  bullet?: string;
  /** Left margin of the text, and the hanging indent of its first line (negative), in points. */
  marginLeft: number;
  indent: number;
}

/**
 * The house style written into the package itself (theme1.xml, the master's text styles), so a
 * slide added in PowerPoint looks like the deck's own. Colours are bare hex.
 */
export interface HouseStyle {
  /** The theme's name, shown in PowerPoint's Design tab. */
  name: string;
  colors: Record<ThemeColorSlot, string>;
  fonts: { major: Typeface; minor: Typeface };
  title: HouseTextStyle;
  /** Levels 1, 2, …: a deeper level than listed takes the last one's style, indented further. */
  body: HouseBulletLevel[];
  /** Text in shapes other than placeholders. */
  other: HouseTextStyle;
}

/** A slide layout of the package: what PowerPoint shows in its New Slide and Layout menus. */
export interface LayoutPlan {
  /** Its name in PowerPoint, e.g. "Title and Content". */
  name: string;
  /** The master whose fixed shapes it shows. */
  master: Master;
  /** Its body placeholder: where a slide of this kind has its body. */
  body: MasterText;
  /** Slides on it put their body text (role 'body') in the body placeholder: bullets, the sources list. */
  bodyText: boolean;
}

/** What the writer needs of the deck as a whole. */
export interface DeckStyle {
  /** Slide size in points. */
  slide: { width: number; height: number };
  /** The document's theme faces (theme1.xml's major and minor fonts). */
  fonts: Typeface;
  /** Document properties. */
  properties: { title: string; author?: string; subject?: string; company: string };
  /** Built on a house template: its bytes, and what its footer, date and slide-number placeholders show. */
  template?: { bytes: Buffer; footer?: string; date?: string; slideNumbers: boolean; footerSize?: number };
  /** The theme and master text styles written into the package. */
  house: HouseStyle;
}

export interface LaidOutDeck {
  meta: DeckMeta;
  style: DeckStyle;
  masters: Record<Master, MasterLayout>;
  /** The slide layouts, one per role: each slide is made on its `layout`. */
  layouts: Record<LayoutRole, LayoutPlan>;
  slides: LaidOutSlide[];
}

/** The laid-out deck with every picture chart drawn: what the pptx writer takes. */
export interface RenderedDeck extends Omit<LaidOutDeck, 'slides'> {
  slides: (Omit<LaidOutSlide, 'elements'> & { elements: WritableElement[] })[];
}

/** What layout had to do to make the deck fit: the report's counts, true even when the warnings are ignored. */
export interface LayoutStats {
  /** Texts set smaller than their theme size. */
  shrunk: number;
  /** Slides whose content continued onto further slides. */
  split: number;
}

export interface ChartStats {
  rendered: number;
  cached: number;
  native: number;
}
