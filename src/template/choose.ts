import type { HouseTemplate, LayoutRole, TemplateLayout } from './types.js';
import { TemplateError } from './types.js';

/**
 * Which layout of a template each kind of slide uses. By default: the layout's declared type
 * (p:sldLayout type) and the placeholders it offers first, its name second, because names are
 * whatever the template's author typed ("Title, Content" in LibreOffice, "标题和内容" in a
 * Chinese PowerPoint) while types and placeholders are what PowerPoint itself goes by.
 */

export const LAYOUT_ROLES = [
  'title',
  'section',
  'content',
  'chart',
  'table',
  'quote',
  'sources',
] as const satisfies readonly LayoutRole[];

const TITLE_TYPES = new Set(['title', 'ctrTitle']);
const BODY_TYPES = new Set(['body', 'obj', 'chart', 'tbl', 'dgm', 'media', 'clipArt', 'subTitle']);
const CONTENT_TYPES = new Set(['body', 'obj', 'chart', 'tbl']);

const has = (l: TemplateLayout, types: Set<string>) => l.placeholders.some((p) => types.has(p.type));
const count = (l: TemplateLayout, types: Set<string>) => l.placeholders.filter((p) => types.has(p.type)).length;
const hasTitle = (l: TemplateLayout) => has(l, TITLE_TYPES);

/** One content placeholder beside the title: room for a chart, a table or text. */
const singleContent = (l: TemplateLayout) => hasTitle(l) && count(l, CONTENT_TYPES) === 1 && !has(l, new Set(['pic']));

interface Rule {
  /** Points when the layout fits the role by its declared type and placeholders. */
  structure: (l: TemplateLayout) => number;
  /** Names (English, LibreOffice's and Chinese) that mean the role. */
  names: RegExp;
}

const RULES: Record<LayoutRole, Rule> = {
  title: {
    structure: (l) =>
      (l.type === 'title' ? 8 : 0) +
      (has(l, new Set(['ctrTitle'])) ? 6 : 0) +
      (has(l, new Set(['subTitle'])) ? 3 : 0) +
      (hasTitle(l) ? 1 : 0),
    names: /^(title( slide)?|cover|title page)$|title slide|封面|标题幻灯片/i,
  },
  section: {
    structure: (l) => (l.type === 'secHead' ? 8 : 0) + (hasTitle(l) ? 1 : 0),
    names: /section|divider|chapter|节标题|章节/i,
  },
  content: {
    structure: (l) =>
      (l.type === 'obj' || l.type === 'tx' ? 4 : 0) + (singleContent(l) ? 6 : 0) + (hasTitle(l) ? 1 : 0),
    names: /^title,? (and )?(content|text|body)$|^content$|标题和内容/i,
  },
  chart: {
    structure: (l) =>
      (l.type === 'chart' || l.type === 'obj' ? 4 : 0) + (singleContent(l) ? 6 : 0) + (hasTitle(l) ? 1 : 0),
    names: /chart|图表/i,
  },
  table: {
    structure: (l) =>
      (l.type === 'tbl' || l.type === 'obj' ? 4 : 0) + (singleContent(l) ? 6 : 0) + (hasTitle(l) ? 1 : 0),
    names: /table|表格/i,
  },
  quote: {
    structure: (l) =>
      (l.type === 'obj' || l.type === 'tx' ? 4 : 0) + (singleContent(l) ? 6 : 0) + (hasTitle(l) ? 1 : 0),
    names: /quote|quotation|statement|引言|引用/i,
  },
  sources: {
    structure: (l) =>
      (l.type === 'obj' || l.type === 'tx' ? 4 : 0) + (singleContent(l) ? 6 : 0) + (hasTitle(l) ? 1 : 0),
    names: /sources|references|bibliography|来源|参考/i,
  },
};

/** A name match counts more than a structure match only when the structure can carry the role. */
const NAME_POINTS = 5;

function score(role: LayoutRole, l: TemplateLayout): number {
  const rule = RULES[role];
  const structure = rule.structure(l);
  // A layout without a title placeholder cannot hold a slide title, whatever its name.
  if (!hasTitle(l) && role !== 'quote') return structure > 0 ? structure / 10 : 0;
  // Title and section slides need their text in a title box: a content slide needs a body too.
  const usable = role === 'title' || role === 'section' || has(l, BODY_TYPES);
  return structure + (usable && rule.names.test(l.name.trim()) ? NAME_POINTS : 0);
}

/** The layout of this name (case and surrounding spaces ignored), first master first. */
export function layoutByName(t: HouseTemplate, name: string): TemplateLayout | undefined {
  const wanted = name.trim().toLowerCase();
  return t.layouts.find((l) => l.name.trim().toLowerCase() === wanted);
}

export function chooseLayouts(
  t: HouseTemplate,
  overrides: Partial<Record<LayoutRole, string>> = {},
): Record<LayoutRole, TemplateLayout> {
  const out = {} as Record<LayoutRole, TemplateLayout>;
  for (const role of LAYOUT_ROLES) {
    const name = overrides[role];
    if (name !== undefined) {
      const found = layoutByName(t, name);
      if (!found)
        throw new TemplateError(
          t.file,
          `has no layout named "${name}" (for ${role} slides); its layouts: ${[...new Set(t.layouts.map((l) => l.name))].join(', ')}`,
        );
      out[role] = found;
      continue;
    }
    // Highest score; on a tie the earlier layout (first master, the order the template lists them).
    let best = t.layouts[0]!;
    let bestScore = -1;
    for (const l of t.layouts) {
      const s = score(role, l);
      if (s > bestScore) [best, bestScore] = [l, s];
    }
    out[role] = best;
  }
  // A chart, table, quote or sources slide takes a layout made for it by name, else the content layout.
  for (const role of ['chart', 'table', 'quote', 'sources'] as const)
    if (overrides[role] === undefined && !RULES[role].names.test(out[role].name)) out[role] = out.content;
  return out;
}
