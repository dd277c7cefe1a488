import { contrast, textMinimum } from '../a11y/contrast.js';
import type { DeckStyle, LaidOutSlide, MasterLayout, MasterText, TemplateMark, WritableElement } from '../model.js';
import { drawnFields, masterPlaceholders } from '../template/placeholder-boxes.js';
import type { HouseTemplate, TemplateLayout } from '../template/types.js';
import type { TextMeasurer } from './measure.js';
import { groundUnder } from './template.js';

/**
 * On a house template, a content slide's footer, date and number go into its layout's
 * placeholders. A layout may lack one (LibreOffice's first master has no slide-number
 * placeholder at all): the slide then draws it itself, where the master's placeholder of that
 * kind is, so that it sits where it does on the template's other slides; failing that, the
 * number goes where the theme's footer slot puts it without a template. A template that draws
 * its own number or date in a plain text box (LibreOffice's masters do) gets none of ours.
 */

const has = (layout: TemplateLayout, type: string) => layout.placeholders.some((p) => p.type === type);

export function templateMarks(
  slide: LaidOutSlide,
  layout: TemplateLayout,
  t: HouseTemplate,
  style: NonNullable<DeckStyle['template']>,
  content: MasterLayout,
  size: number,
): TemplateMark[] {
  if (slide.master !== 'content') return [];
  const master = masterPlaceholders(t.bytes, layout.part);
  // Set as our own footer would be, but light on a dark layout, as the slide's other text is.
  const base = content.slideNumber ?? content.title;
  const color = layout.dark ? t.colors.lt2.replace(/^#/, '').toUpperCase() : (content.slideNumber?.color ?? base.color);
  const text = (box: MasterText['box'], align: MasterText['align']): MasterText => ({
    box,
    font: base.font,
    size,
    color,
    ...(align ? { align } : {}),
    valign: 'middle',
  });
  const drawn = drawnFields(t.bytes, layout.part);
  const marks: TemplateMark[] = [];
  const wanted = [
    ['dt', !!style.date],
    ['ftr', !!style.footer],
    ['sldNum', style.slideNumbers],
  ] as const;
  for (const [type, shown] of wanted) {
    if (!shown || has(layout, type) || (type !== 'ftr' && drawn.has(type))) continue;
    const on = master.get(type);
    if (on) marks.push({ type, text: text(on.box, on.align ?? (type === 'sldNum' ? 'right' : 'left')) });
    else if (type === 'sldNum' && content.slideNumber)
      marks.push({ type, text: text(content.slideNumber.box, content.slideNumber.align) });
  }
  return marks;
}

/**
 * The classification marking drawn on a template slide, in a colour read against what it
 * stands on there: our masters colour it for our own grounds (white on the dark title slide),
 * which a template's light title layout or a band's edge would swallow. The marking keeps its
 * colour where that reads; else the first of the theme's emphasis, the template's dark and its
 * light text colour that does against every colour beneath it. Where none does (the box
 * straddles a backdrop picture's dark frame and its light panel), the marking is set on a tag
 * of the template's light colour, as wide as its text: a marking must be read on every slide.
 */
export function markingOnGround(
  marking: WritableElement,
  layout: TemplateLayout,
  t: HouseTemplate,
  emphasis: string,
  measure: TextMeasurer,
): WritableElement {
  if (marking.kind !== 'text') return marking;
  const run = marking.paragraphs[0]?.runs[0];
  if (!run) return marking;
  const minimum = textMinimum(run.size, !!run.bold);
  const candidates = [run.color, emphasis, t.colors.dk1, t.colors.lt1].map(hex);
  const readableOn = (ground: string[]) =>
    candidates.find((c) => Math.min(...ground.map((g) => contrast(c, g))) >= minimum);
  const recolored = (el: typeof marking, color: string): typeof marking => ({
    ...el,
    paragraphs: el.paragraphs.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, color })) })),
  });
  const color = readableOn(groundUnder(layout, marking.box, t.slide));
  if (color) return color === run.color ? marking : recolored(marking, color);
  const plate = hex(t.colors.lt1);
  const text = marking.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('');
  const w = Math.min(marking.box.w, measure.width(text, run.size, !!run.bold) + 2 * TAG_PADDING);
  const align = marking.paragraphs[0]!.align;
  const x =
    align === 'left'
      ? marking.box.x
      : align === 'right'
        ? marking.box.x + marking.box.w - w
        : marking.box.x + (marking.box.w - w) / 2;
  return recolored(
    { ...marking, box: { ...marking.box, x, w }, fill: plate, insets: { l: TAG_PADDING, r: TAG_PADDING, t: 0, b: 0 } },
    readableOn([plate]) ?? hex(t.colors.dk1),
  );
}

/** Points each side of a marking set on a tag. */
const TAG_PADDING = 6;

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();
