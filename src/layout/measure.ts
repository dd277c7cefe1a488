import type { CanvasRenderingContext2D } from 'canvas';
import { canvasModule, registerFontFiles } from '../fonts.js';
import type { ThemeFonts } from '../model.js';
import { hasEastAsian, IDEOGRAPHIC } from '../script.js';

/** Measures text in points with the theme's metric faces. The only module that measures text. */
export interface TextMeasurer {
  width(text: string, size: number, bold?: boolean): number;
}

/**
 * Canvas measures in CSS pixels of the font size it is given; giving it the size in points
 * yields widths in points. Latin runs use the Latin metric face and CJK runs fall back (per
 * glyph, by Pango) to the East Asian face, as PowerPoint picks `latin` and `ea` fonts.
 */
export function createMeasurer(
  fonts: Pick<ThemeFonts, 'latinMetric' | 'eastAsianMetric'> & Partial<Pick<ThemeFonts, 'files'>>,
): TextMeasurer {
  registerFontFiles(fonts.files ?? []);
  const ctx: CanvasRenderingContext2D = canvasModule().createCanvas(8, 8).getContext('2d');
  const family = `"${fonts.latinMetric}", "${fonts.eastAsianMetric}"`;
  // Widths at 100 px by face and text: a text tried at several sizes (fitting, two scale
  // passes) reaches Pango once. The size is applied after, with the same arithmetic as before.
  const cache = new Map<string, { at100: number; ems: number }>();
  let currentFont = '';
  return {
    width(text: string, size: number, bold = false): number {
      const key = `${bold ? 'b' : ''}|${text}`;
      let known = cache.get(key);
      if (known === undefined) {
        // Measure at a large size and scale: Pango rounds small sizes to whole pixels.
        const font = `${bold ? 'bold ' : ''}100px ${family}`;
        if (font !== currentFont) {
          ctx.font = font;
          currentFont = font;
        }
        known = { at100: ctx.measureText(text).width, ems: autospace(text) + punctuationWidening(text) };
        if (cache.size > 50_000) cache.clear();
        cache.set(key, known);
      }
      return (known.at100 * size) / 100 + known.ems * size;
    },
  };
}

const ALNUM = /[A-Za-z0-9]/;
const SHARED_PUNCTUATION = /[\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/g;

/**
 * Em widths that quotation marks, dashes and dots gain in CJK text: layout sets them in the East
 * Asian face (full width) while the Latin metric face measured them narrow, about half an em.
 */
export function punctuationWidening(text: string): number {
  return hasEastAsian(text) ? (text.match(SHARED_PUNCTUATION)?.length ?? 0) * 0.5 : 0;
}

/**
 * Em widths that renderers add between ideographs and Latin letters or digits: LibreOffice
 * and WPS insert about a quarter em at each such boundary ("Asian/Latin spacing"). Counting
 * it keeps text measured here from overflowing there; PowerPoint merely gets a little slack.
 */
export function autospace(text: string): number {
  let boundaries = 0;
  for (let i = 1; i < text.length; i++) {
    const a = text[i - 1]!;
    const b = text[i]!;
    if ((IDEOGRAPHIC.test(a) && ALNUM.test(b)) || (ALNUM.test(a) && IDEOGRAPHIC.test(b))) boundaries++;
  }
  return boundaries * 0.25;
}
