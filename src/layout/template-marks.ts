import type { DeckStyle, LaidOutSlide, MasterLayout, MasterText, TemplateMark } from '../model.js';
import { drawnFields, masterPlaceholders } from '../template/placeholder-boxes.js';
import type { HouseTemplate, TemplateLayout } from '../template/types.js';

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
