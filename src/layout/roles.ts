import type { LayoutRole, SlideKind } from '../model.js';

/** The slide layout each kind of slide is made on; stat cards are content like bullets. */
export const LAYOUT_OF: Record<SlideKind, LayoutRole> = {
  title: 'title',
  section: 'section',
  bullets: 'content',
  stats: 'content',
  chart: 'chart',
  table: 'table',
  quote: 'quote',
  sources: 'sources',
};
