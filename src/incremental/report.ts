import { describeChange, type DeckChanges } from './snapshot.js';

/** One deck of a batch, as the change report tells it. */
export interface DeckOutcome {
  outline: string;
  deck: string;
  status: 'built' | 'unchanged' | 'failed';
  /** Why it was built again (empty for a first build, and for an unchanged deck). */
  reasons: string[];
  slides: number;
  errors: number;
  warnings: number;
  /** Compared with the previous build (built decks that had one). */
  changes?: DeckChanges;
}

export interface ChangeReport {
  shard?: string;
  summary: { built: number; unchanged: number; failed: number };
  decks: DeckOutcome[];
}

export function changeReport(decks: DeckOutcome[], shard?: string): ChangeReport {
  const count = (s: DeckOutcome['status']) => decks.filter((d) => d.status === s).length;
  return {
    ...(shard ? { shard } : {}),
    summary: { built: count('built'), unchanged: count('unchanged'), failed: count('failed') },
    decks,
  };
}

/** Text for Markdown that must not start a list, a table cell or a heading by accident. */
const md = (text: string) => text.replace(/([\\`*_[\]|<>#])/g, '\\$1');

/** The report as Markdown: for a pull-request comment or a CI job summary. */
export function reportMarkdown(report: ChangeReport): string {
  const { built, unchanged, failed } = report.summary;
  const lines = [
    `## briefdeck: ${built} built, ${unchanged} unchanged, ${failed} failed${report.shard ? ` (shard ${report.shard})` : ''}`,
    '',
  ];
  for (const d of report.decks.filter((x) => x.status !== 'unchanged')) {
    const head =
      d.status === 'failed'
        ? `### ❌ ${md(d.deck)} (${md(d.outline)}): ${d.errors} error${d.errors === 1 ? '' : 's'}, not built`
        : `### ${md(d.deck)} (${md(d.outline)}): ${d.slides} slides`;
    lines.push(head, '');
    if (d.reasons.length) lines.push(`Rebuilt because: ${d.reasons.map(md).join('; ')}`, '');
    const c = d.changes;
    if (c && (c.values.length || c.slidesAdded.length || c.slidesRemoved.length)) {
      for (const v of c.values) lines.push(`- \`${describeChange(v).replace(/`/g, "'")}\``);
      for (const s of c.slidesAdded) lines.push(`- slide ${s.slide} added: ${md(s.label)}`);
      for (const s of c.slidesRemoved) lines.push(`- slide ${s.slide} removed (was): ${md(s.label)}`);
      lines.push('');
    } else if (c) {
      lines.push('No figure or slide changed.', '');
    }
  }
  if (unchanged) {
    const names = report.decks.filter((d) => d.status === 'unchanged').map((d) => md(d.deck));
    lines.push(`Unchanged: ${names.join(', ')}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
