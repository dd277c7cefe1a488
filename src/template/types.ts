import type { LayoutRole } from '../model.js';
import type { PictureCells } from './picture.js';

/** The theme colour slots of a DrawingML colour scheme, in the order theme1.xml lists them. */
export const SCHEME_SLOTS = [
  'dk1',
  'lt1',
  'dk2',
  'lt2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
] as const;
export type SchemeSlot = (typeof SCHEME_SLOTS)[number];

/** A box in points from the slide's top left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TemplatePlaceholder {
  /** p:ph type; `obj` when the attribute is absent, the schema's default. */
  type: string;
  idx?: number;
  /** Own box, else the master's placeholder of the same type; absent when neither says. */
  box?: Box;
}

export interface TemplateLayout {
  /** 'ppt/slideLayouts/slideLayout3.xml' */
  part: string;
  /** Index into HouseTemplate.masters. */
  master: number;
  /** cSld name, e.g. "Title and Content" (may be anything a template author chose). */
  name: string;
  /** p:sldLayout type attribute: title, secHead, obj, titleOnly, twoObj, blank, ... */
  type?: string;
  placeholders: TemplatePlaceholder[];
  /** The background (own, else the master's) is dark: text and logo need their dark-slide variants. */
  dark: boolean;
  /**
   * '#RRGGBB': the colour the background shows on average (a full-slide shape, else the layout's
   * or master's background; gradients and pictures averaged); absent when it cannot be known.
   */
  background?: string;
  /**
   * Filled shapes drawn behind the slide's content (the master's, unless the layout hides them,
   * then the layout's), bottom to top, with the colour each shows: a title band on a light slide.
   */
  fills?: { box: Box; color: string }[];
  /** The picture the background stretches over the slide, sampled (see picture.ts PictureCells). */
  backdrop?: PictureCells;
}

/** The picture a template's master (else its title layout) shows as its logo. */
export interface TemplateLogo {
  /** The picture's part: 'ppt/media/image1.png'. */
  part: string;
  /** Where it is drawn, in points. */
  box: Box;
  /** The master or layout part that draws it. */
  on: string;
}

/** An organisation's .potx/.pptx as briefdeck uses it. */
export interface HouseTemplate {
  /** Project-relative path as shown to the user. */
  file: string;
  /** The package as read through the host (kind 'template'). */
  bytes: Buffer;
  /** Points. */
  slide: { width: number; height: number };
  /** '#RRGGBB' */
  colors: Record<SchemeSlot, string>;
  fonts: { major: { latin: string; eastAsian?: string }; minor: { latin: string; eastAsian?: string } };
  masters: { part: string; name?: string }[];
  layouts: TemplateLayout[];
  /**
   * The first level's text size (points) of the first master's title style (its txStyles, else
   * its title placeholder, where LibreOffice writes it); absent when the template says none.
   */
  titleSize?: number;
  /** The logo its slides show, drawn by the template itself; absent when it has none. */
  logo?: TemplateLogo;
}

export type { LayoutRole };

/** A template briefdeck cannot use; the message is for the user and names no internals. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}
