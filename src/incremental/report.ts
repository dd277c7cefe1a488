import { describeChange, type DeckChanges } from './snapshot.js';

/** One deck of a batch, as the change report tells it. */
export interface DeckOutcome {
  outline: string;
  deck: string;
  /** The row of the outline's `each:` table the deck is for. */
  row?: string;
  status: 'built' | 'unchanged' | 'failed';
  /** Why it was built again (empty for a first build, and for an unchanged deck). */
  reasons: string[];
  slides: number;
  errors: number;
  warnings: number;
  /** Compared with the previous build (built decks that had one). */
  changes?: DeckChanges;
}

/** A deck of an earlier build that its outline no longer makes, removed from the output folder. */
export interface RemovedDeck {
  deck: string;
  outline: string;
  reason: string;
}

export interface ChangeReport {
  shard?: string;
  summary: { built: number; unchanged: number; failed: number; removed: number };
  decks: DeckOutcome[];
  removed: RemovedDeck[];
}

export function changeReport(decks: DeckOutcome[], shard?: string, removed: RemovedDeck[] = []): ChangeReport {
  const count = (s: DeckOutcome['status']) => decks.filter((d) => d.status === s).length;
  return {
    ...(shard ? { shard } : {}),
    summary: { built: count('built'), unchanged: count('unchanged'), failed: count('failed'), removed: removed.length },
    decks,
    removed,
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
  for (const r of report.removed) lines.push(`- removed ${md(r.deck)} (${md(r.outline)}): ${md(r.reason)}`);
  if (report.removed.length) lines.push('');
  if (unchanged) {
    const names = report.decks.filter((d) => d.status === 'unchanged').map((d) => md(d.deck));
    lines.push(`Unchanged: ${names.join(', ')}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
