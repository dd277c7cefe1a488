import { wrapText } from '../../src/layout/linebreak.js';
import type { TextMeasurer } from '../../src/layout/measure.js';
import { shapesOf } from './pptx.js';

const EMU_PER_PT = 12700;

export interface BoxFit {
  slide: number;
  name: string;
  /** Height the text needs, in points, measured from the XML alone. */
  needed: number;
  available: number;
  lines: number;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Re-measures every text box of a slide from its XML: box size and insets, each paragraph's
 * left margin, line pitch and space before, each run's size and weight. Independent of the
 * layout stage's own records, so it checks what was written.
 */
export function measureSlideText(xml: string, slide: number, m: TextMeasurer): BoxFit[] {
  const out: BoxFit[] = [];
  for (const shape of shapesOf(xml)) {
    const body = /<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(shape.xml)?.[1];
    if (!body || !/<a:t>/.test(body)) continue;
    const bodyPr = /<a:bodyPr([^>]*)>/.exec(body)?.[1] ?? '';
    const inset = (name: string, dflt: number) => {
      const v = new RegExp(`${name}="(\\d+)"`).exec(bodyPr)?.[1];
      return v === undefined ? dflt : Number(v) / EMU_PER_PT;
    };
    const width = shape.w / EMU_PER_PT - inset('lIns', 7.2) - inset('rIns', 7.2);
    const available = shape.h / EMU_PER_PT - inset('tIns', 3.6) - inset('bIns', 3.6);
    let needed = 0;
    let lines = 0;
    const paragraphs = [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => p[1]!);
    paragraphs.forEach((p, i) => {
      const runs = [...p.matchAll(/<a:r><a:rPr([^>]*)>[\s\S]*?<a:t>([^<]*)<\/a:t><\/a:r>/g)];
      if (!runs.length) return;
      const text = runs.map((r) => decode(r[2]!)).join('');
      const size = Math.max(...runs.map((r) => Number(/sz="(\d+)"/.exec(r[1]!)?.[1] ?? 1800) / 100));
      const bold = runs.every((r) => /b="1"/.test(r[1]!));
      const marL = Number(/marL="(\d+)"/.exec(p)?.[1] ?? 0) / EMU_PER_PT;
      const pitch = Number(/<a:lnSpc><a:spcPts val="(\d+)"\/>/.exec(p)?.[1] ?? size * 120) / 100;
      const before = i === 0 ? 0 : Number(/<a:spcBef><a:spcPts val="(\d+)"\/>/.exec(p)?.[1] ?? 0) / 100;
      // Runs of smaller sizes (a figure's unit at half its size) take their share of the line: the
      // text is measured at the largest size, scaled by what the runs at their own sizes take.
      const sizeOf = (r: RegExpMatchArray) => Number(/sz="(\d+)"/.exec(r[1]!)?.[1] ?? 1800) / 100;
      const whole = m.width(text, size, bold);
      const scale = whole > 0 ? runs.reduce((w, r) => w + m.width(decode(r[2]!), sizeOf(r), bold), 0) / whole : 1;
      const wrapped = wrapText(text, width - marL, (t) => m.width(t, size, bold) * scale);
      lines += wrapped.lines.length;
      needed += wrapped.lines.length * pitch + before;
    });
    out.push({ slide, name: shape.name, needed, available, lines });
  }
  return out;
}
