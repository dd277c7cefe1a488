import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { formatValue } from '../format.js';
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
  deck.slides.forEach((slide, i) => {
    for (const el of slide.elements)
      if (el.kind === 'chart' && !mentionsUnits(el.chart))
        issues.push({
          code: 'a11y-alt-text',
          slide: i + 1,
          message: `the alt text of the chart “${el.chart.alt.slice(0, 39)}” gives its figures without their unit`,
        });
  });
  issues.sort((a, b) => a.slide - b.slide);
  for (const issue of issues)
    diagnostics.error(issue.code, `slide ${issue.slide}: ${issue.message}`, deck.slides[issue.slide - 1]?.at);
  return issues.length;
}

/**
 * Whether a chart's alt text says what its numbers count: a value written with its unit, or the
 * axis title that names the unit. Only the chart model knows the unit; the package does not.
 */
function mentionsUnits(chart: ChartModel): boolean {
  const withUnits = chart.datasets.filter((d) => (d.unit ?? chart.unit) && d.values.length);
  if (!withUnits.length) return true;
  const axes = [chart.yLabel, chart.xLabel].filter((l): l is string => !!l);
  if (axes.some((a) => chart.alt.includes(a))) return true;
  return withUnits.every((d) =>
    d.values.some((v) =>
      chart.alt.includes(formatValue(v, d.unit ?? chart.unit, { ...chart.format, withUnit: true }, chart.lang)),
    ),
  );
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
    ground: p.background,
    fills,
    labels: [p.text, p.muted],
    ...((circular && chart.dataLabels === 'share') || (stacked && chart.dataLabels)
      ? { labelsOnFills: p.accentText }
      : {}),
  };
}
