import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ChartModel, LaidOutDeck, Palette } from '../model.js';
import { auditPptx, type PictureChartColours } from './audit.js';

export { auditPptx, type A11yCode, type A11yIssue, type AuditOptions } from './audit.js';
export { contrast } from './contrast.js';

/**
 * Audits a built deck (given as laid out, before its charts became pictures) and reports each
 * miss as an error at the outline position of the slide that caused it (a split slide points at
 * the one outline slide it came from).
 */
export async function auditDeck(bytes: Buffer, deck: LaidOutDeck, diagnostics: Diagnostics): Promise<number> {
  const pictureCharts = new Map<number, PictureChartColours>();
  deck.slides.forEach((slide, i) => {
    for (const el of slide.elements)
      if (el.kind === 'chart') pictureCharts.set(i + 1, pictureColours(el.chart, el.style.palette));
  });
  const issues = await auditPptx(bytes, { lang: deck.meta.lang, pictureCharts });
  for (const issue of issues)
    diagnostics.error(issue.code, `slide ${issue.slide}: ${issue.message}`, deck.slides[issue.slide - 1]?.at);
  return issues.length;
}

/** The colours charts/config.ts draws a chart.js picture with: fills by dataset or slice, and its text. */
function pictureColours(chart: ChartModel, p: Palette): PictureChartColours {
  const circular = chart.type === 'pie' || chart.type === 'doughnut';
  const n = circular ? chart.labels.length : chart.datasets.length;
  const highlighted = chart.highlight !== undefined;
  const fills = Array.from({ length: n }, (_, i) => p.series[i % p.series.length]!);
  if (highlighted) fills.push(p.inactive);
  const stacked = chart.stacked !== false;
  return {
    fills,
    labels: [p.text, p.muted],
    ...((circular && chart.dataLabels === 'share') || (stacked && chart.dataLabels)
      ? { labelsOnFills: p.accentText }
      : {}),
  };
}
