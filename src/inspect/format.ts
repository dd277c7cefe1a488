import type { InspectedDeck, InspectedItem } from './model.js';

/**
 * The deck as a slide-by-slide text outline, one fact per line, so that two versions of a deck
 * can be compared with diff in a CI log. Alt text and decorative flags are shown because they
 * are what a screen reader reads.
 */
export function formatInspection(deck: InspectedDeck): string {
  const lines: string[] = [];
  for (const slide of deck.slides) {
    if (lines.length) lines.push('');
    lines.push(`Slide ${slide.number}${slide.hidden ? ' (hidden)' : ''}: ${slide.title ?? '(no title)'}`);
    for (const item of slide.items) lines.push(...formatItem(item).map((l) => `  ${l}`));
    if (slide.notes.length) {
      lines.push('  notes:');
      lines.push(...slide.notes.map((n) => `    ${n}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatItem(item: InspectedItem): string[] {
  const alt = item.alt ? ` — alt: ${item.alt}` : '';
  const decorative = item.decorative ? ' (decorative)' : '';
  switch (item.kind) {
    case 'text': {
      const role = item.placeholder === 'title' || item.placeholder === 'ctrTitle' ? 'title' : 'text';
      if (role === 'title') return [`title: ${item.paragraphs.join(' ')}`];
      return item.paragraphs.length
        ? [`${role}${decorative}: ${item.paragraphs[0]}`, ...item.paragraphs.slice(1).map((p) => `      ${p}`)]
        : [`shape "${item.name}"${decorative}${alt}`];
    }
    case 'table': {
      const cols = Math.max(0, ...item.rows.map((r) => r.length));
      return [
        `table, ${item.rows.length} × ${cols}${item.headerRow ? ', header row' : ''}${alt}:`,
        ...item.rows.map((r) => `  | ${r.join(' | ')} |`),
      ];
    }
    case 'chart':
      return [
        `chart: ${item.types.join(' + ') || 'unknown'}${item.title ? ` "${item.title}"` : ''}${alt}`,
        ...item.series.map(
          (s) =>
            `  ${s.name || '(unnamed series)'}: ${s.values
              .map((v, i) => `${s.categories[i] ?? i + 1} = ${v === undefined ? '—' : v}`)
              .join('; ')}`,
        ),
      ];
    case 'picture':
      return [`picture "${item.name}"${decorative}${alt || (item.decorative ? '' : ' — no alt text')}`];
  }
}
