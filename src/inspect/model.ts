/** What `inspect` reads out of a .pptx: plain data, in reading order (the order of the shape tree). */
export interface InspectedDeck {
  slides: InspectedSlide[];
}

export interface InspectedSlide {
  /** 1-based, in presentation order. */
  number: number;
  /** Text of the title placeholder, if the slide has one. */
  title?: string;
  hidden: boolean;
  items: InspectedItem[];
  /** Paragraphs of the speaker notes. */
  notes: string[];
}

export type InspectedItem = InspectedText | InspectedTable | InspectedChart | InspectedPicture;

interface ItemBase {
  /** The shape's name (p:cNvPr name). */
  name: string;
  /** Alt text (p:cNvPr descr). */
  alt?: string;
  /** Flagged decorative (the adec:decorative extension): screen readers skip it. */
  decorative: boolean;
}

export interface InspectedText extends ItemBase {
  kind: 'text';
  /** Placeholder type (title, ctrTitle, body, …) when the shape is one. */
  placeholder?: string;
  paragraphs: string[];
}

export interface InspectedTable extends ItemBase {
  kind: 'table';
  rows: string[][];
  /** a:tblPr firstRow="1": the first row is a header row. */
  headerRow: boolean;
}

export interface InspectedChart extends ItemBase {
  kind: 'chart';
  /** Plot types in the chart part, e.g. ["bar (column, clustered)", "line"]. */
  types: string[];
  title?: string;
  series: InspectedSeries[];
}

export interface InspectedSeries {
  name: string;
  /** Category labels (or x values of a scatter chart). */
  categories: string[];
  /** Values as cached in the chart part; undefined where a point is missing. */
  values: (number | undefined)[];
}

export interface InspectedPicture extends ItemBase {
  kind: 'picture';
}
