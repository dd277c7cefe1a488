import type { Origin } from '../diagnostics/diagnostic.js';
import { didYouMean, listOf } from '../diagnostics/hints.js';
import type { Path } from '../schema/locator.js';
import type { ChartModel, ChartRender, Dataset, DataSeries, DataTable } from '../model.js';
import { isCircular } from '../schema/chart-types.js';
import type { ChartSpecInput } from '../schema/outline.js';
import type { ResolveContext } from './context.js';
import { formatValue } from '../format.js';
import { isChinese } from '../script.js';
import { timeAxisOf, type TimeAxis } from '../charts/time-axis.js';
import { qualified } from '../qualifier.js';

const MAX_READABLE_CATEGORIES = 12;

/** The spec's data turned into labels and datasets, checked for what would draw a wrong chart. */
export function resolveChart(
  spec: ChartSpecInput,
  path: Path,
  ctx: ResolveContext,
  sources: string[],
  defaultRender: ChartRender,
): ChartModel | undefined {
  const dataAt = ctx.at([...path, 'data']);
  const entry = ctx.lookup(spec.data, ['series', 'table'], dataAt, sources, 'a chart');
  if (!entry || entry.kind === 'value') return undefined;
  const picked = entry.kind === 'table' ? fromTable(entry, spec, path, ctx) : fromSeries(entry, spec, path, ctx);
  if (!picked) return undefined;
  let { labels, datasets } = picked;
  if (spec.label_by && spec.type !== 'scatter')
    ctx.diagnostics.error(
      'invalid-value',
      `\`label_by\` names the points of a scatter chart, not of a ${spec.type} chart`,
      ctx.at([...path, 'label_by'], 'key'),
      'remove `label_by`, or use `type: scatter`',
    );
  const type = spec.type;
  const renamed = (
    names: string[] | undefined,
    field: string,
    count: number,
    what: 'category' | 'dataset',
  ): string[] | undefined => {
    if (!names) return undefined;
    if (names.length !== count) {
      const plural = what === 'category' ? 'categories' : 'datasets';
      ctx.diagnostics.error(
        'invalid-value',
        `\`${field}\` has ${names.length} names but the data has ${count} ${plural}`,
        ctx.at([...path, field]),
        `give one name per ${what}, in the data's order`,
      );
      return undefined;
    }
    return names.map((n, i) => ctx.text(n, [...path, field, i], sources));
  };
  labels = renamed(spec.categories, 'categories', labels.length, 'category') ?? labels;
  const names = renamed(spec.series_names, 'series_names', datasets.length, 'dataset');
  if (names) datasets = datasets.map((d, i) => ({ ...d, label: names[i]! }));
  const circular = isCircular(type);

  if (!labels.length || datasets.every((d) => !d.values.length)) {
    ctx.diagnostics.error('empty-series', `\`${spec.data}\` has no data points to draw`, dataAt);
    return undefined;
  }
  const units = [...new Set(datasets.map((d) => d.unit ?? entry.unit).filter((u): u is string => !!u))];
  if (units.length > 1 && type !== 'combo') {
    ctx.diagnostics.error(
      'unit-mismatch',
      `chart mixes units ${listOf(units, 8, 'and')} on one axis`,
      dataAt,
      'chart one unit at a time, or use `type: combo` to put a second unit on a second axis',
    );
    return undefined;
  }
  if (circular) {
    const first = datasets[0]!;
    const negative = first.values.findIndex((v) => v < 0);
    if (negative >= 0) {
      ctx.diagnostics.error(
        'negative-in-pie',
        `a ${type} chart cannot show the negative value ${first.values[negative]} (${labels[negative]})`,
        dataAt,
        'use a bar chart for data with negative values',
      );
      return undefined;
    }
    datasets = [first];
  }
  if (type === 'scatter' && labels.some((l) => !Number.isFinite(Number(l)))) {
    ctx.diagnostics.error(
      'data-kind-mismatch',
      'a scatter chart needs numbers for its x values (the labels or first column)',
      dataAt,
    );
    return undefined;
  }
  if (labels.length > MAX_READABLE_CATEGORIES && type !== 'line' && type !== 'area' && type !== 'scatter') {
    ctx.diagnostics.warn(
      'too-many-categories',
      `chart has ${labels.length} categories; more than ${MAX_READABLE_CATEGORIES} are hard to read on a slide`,
      dataAt,
      'group the smaller ones into "Other", or use a table',
    );
  }
  if (spec.sort && spec.sort !== 'none') {
    const order = labels
      .map((_, i) => i)
      .sort((a, b) => (datasets[0]!.values[a]! - datasets[0]!.values[b]!) * (spec.sort === 'asc' ? 1 : -1));
    labels = order.map((i) => labels[i]!);
    datasets = datasets.map((d) => ({
      ...d,
      values: order.map((i) => d.values[i]!),
      ...(d.qualifiers ? { qualifiers: order.map((i) => d.qualifiers![i]) } : {}),
    }));
  }
  // `highlight: "{{ row.province }}"`: each deck of an `each:` outline may highlight its own row.
  const highlight = spec.highlight === undefined ? undefined : ctx.text(spec.highlight, [...path, 'highlight'], []);
  if (
    highlight !== undefined &&
    !['bar', 'column', 'horizontal-bar', 'stacked-bar', 'pie', 'doughnut'].includes(type)
  ) {
    ctx.diagnostics.error(
      'invalid-value',
      `a ${type} chart cannot highlight a category`,
      ctx.at([...path, 'highlight'], 'key'),
      'highlight works on bar, column, pie and doughnut charts; remove `highlight`',
    );
  } else if (highlight !== undefined && !labels.includes(highlight)) {
    ctx.diagnostics.error(
      'invalid-value',
      `highlight \`${highlight}\` is not one of the chart's categories`,
      ctx.at([...path, 'highlight']),
      didYouMean(highlight, labels) ?? `categories: ${listOf(labels)}`,
    );
  }
  let target: ChartModel['target'];
  if (spec.target) {
    const targetPath = [...path, 'target', 'value'];
    let value: number | undefined;
    if (typeof spec.target.value === 'number') value = spec.target.value;
    else {
      const t = ctx.reference(spec.target.value, targetPath, ['value'], sources, 'a target line');
      if (t?.kind === 'value') {
        if (typeof t.value === 'number') value = t.value;
        else
          ctx.diagnostics.error(
            'data-kind-mismatch',
            `a target line needs a number, but \`${t.name}\` holds text`,
            ctx.at(targetPath),
          );
      }
    }
    if (value !== undefined)
      target = {
        value,
        ...(spec.target.label ? { label: ctx.text(spec.target.label, [...path, 'target', 'label'], sources) } : {}),
      };
  }
  const bounds = axisBounds(spec, path, ctx);
  // Dates, months and quarters are written the deck's way and thinned on calendar boundaries.
  const time =
    !spec.categories && !circular && type !== 'scatter' && (!spec.sort || spec.sort === 'none')
      ? timeAxisOf(labels, ctx.lang)
      : undefined;
  if (time) {
    if (type === 'line' || type === 'area' || type === 'combo') unevenTimeSteps(time, labels, dataAt, ctx);
    labels = time.labels;
  }
  const format = ctx.formatSpec(spec.format, ctx.at([...path, 'format']));
  const unit = units[0];
  const lineDatasets = type === 'combo' ? lineIndices(spec.line, datasets, ctx.at([...path, 'line']), ctx) : [];
  const title = spec.title ? ctx.text(spec.title, [...path, 'title'], sources) : undefined;
  const directLabels = type === 'line' && spec.legend === undefined && datasets.length > 1 && datasets.length <= 4;
  const model: ChartModel = {
    type,
    labels,
    datasets,
    ...(unit ? { unit } : {}),
    ...(title ? { title } : {}),
    horizontal: type === 'horizontal-bar' || spec.horizontal === true,
    stacked: exactStack(
      type === 'stacked-bar' ? (spec.stacked === 'percent' ? 'percent' : true) : (spec.stacked ?? false),
      datasets,
      labels,
      ctx.at([...path, 'stacked']),
      ctx,
    ),
    ...(spec.x_label
      ? { xLabel: ctx.text(spec.x_label, [...path, 'x_label'], sources) }
      : type === 'scatter' && picked.labelName
        ? { xLabel: withUnit(picked.labelName, unit) }
        : {}),
    ...(spec.y_label
      ? { yLabel: ctx.text(spec.y_label, [...path, 'y_label'], sources) }
      : type === 'scatter'
        ? { yLabel: withUnit(datasets[0]!.label, unit) }
        : {}),
    // Two to four lines are named at their ends instead of in a legend.
    legend: spec.legend ?? (circular ? 'auto' : datasets.length > 1 && !directLabels ? 'top' : 'none'),
    ...(directLabels ? { directLabels } : {}),
    ...bounds,
    ...(time ? { time: { unit: time.unit, index: time.index } } : {}),
    ...(picked.pointLabels
      ? { pointLabels: picked.pointLabels.map((l) => ctx.text(l, [...path, 'label_by'], sources)) }
      : {}),
    dataLabels: exactLabels(
      dataLabelsOf(spec.labels, type, labels.length, datasets.length),
      datasets,
      labels,
      ctx.at([...path, spec.labels === undefined ? 'type' : 'labels']),
      ctx,
    ),
    format,
    ...(highlight !== undefined && labels.includes(highlight) ? { highlight } : {}),
    ...(target ? { target } : {}),
    lineDatasets,
    alt: '',
    render: spec.render ?? defaultRender,
    lang: ctx.lang,
  };
  model.alt = spec.alt ? ctx.text(spec.alt, [...path, 'alt'], sources) : altText(model);
  return model;
}

/**
 * A line joins its points at equal steps across the plot: periods with a gap between them
 * (2019, 2020, 2024) would draw four years of change as steep as one.
 */
function unevenTimeSteps(time: TimeAxis, given: string[], at: Origin, ctx: ResolveContext): void {
  const steps = time.index.slice(1).map((k, i) => k - time.index[i]!);
  const usual = steps[0]!;
  const odd = steps.findIndex((s) => s !== usual);
  if (odd < 0) return;
  ctx.diagnostics.warn(
    'uneven-time-steps',
    `the chart's periods are not evenly spaced (${given[odd]} to ${given[odd + 1]} is ${steps[odd]} ${time.unit}s, ` +
      `${given[0]} to ${given[1]} is ${usual}), but a line draws every step the same width, so the slopes misstate the change`,
    at,
    'give a value for every period, or show the figures as columns (`type: column`)',
  );
}

/** The first qualified value of the chart's series, named for a message: "Partner countries (more than)". */
function firstQualified(datasets: Dataset[], labels: string[]): string | undefined {
  for (const d of datasets) {
    const i = d.qualifiers?.findIndex(Boolean) ?? -1;
    if (i >= 0) return `${labels[i]}: ${qualified(String(d.values[i]), d.qualifiers![i], 'en')}`;
  }
  return undefined;
}

/**
 * A share of a bound or of an approximation is unknown: a chart with a qualified value shows
 * values, and says why when shares were asked for or would have been the default.
 */
function exactLabels(
  wanted: ChartModel['dataLabels'],
  datasets: Dataset[],
  labels: string[],
  at: Origin,
  ctx: ResolveContext,
): ChartModel['dataLabels'] {
  const qualified = firstQualified(datasets, labels);
  if (wanted !== 'share' || !qualified) return wanted;
  ctx.diagnostics.warn(
    'qualified-share',
    `the chart's data has a qualified value, ${qualified}, so its shares of the total are unknown; the labels show values`,
    at,
    'write `labels: value` to say so, or give exact values to show shares',
  );
  return 'value';
}

/** A 100 % stack computes shares: with a qualified value the bars stack their values instead. */
function exactStack(
  wanted: ChartModel['stacked'],
  datasets: Dataset[],
  labels: string[],
  at: Origin,
  ctx: ResolveContext,
): ChartModel['stacked'] {
  const qualified = firstQualified(datasets, labels);
  if (wanted !== 'percent' || !qualified) return wanted;
  ctx.diagnostics.warn(
    'qualified-share',
    `the chart's data has a qualified value, ${qualified}, so shares of each total are unknown; the bars stack values`,
    at,
    'write `stacked: true`, or give exact values to stack shares',
  );
  return true;
}

function dataLabelsOf(
  given: ChartSpecInput['labels'],
  type: ChartSpecInput['type'],
  count: number,
  datasetCount: number,
): ChartModel['dataLabels'] {
  const circular = isCircular(type);
  if (given === false) return false;
  if (given === true) return circular ? 'share' : 'value';
  if (given) return given;
  if (circular) return 'share';
  // Labels on several lines would collide; a single short line reads well with them.
  const readable =
    type === 'line' ? count <= 6 && datasetCount === 1 : count <= 8 && !['area', 'scatter', 'combo'].includes(type);
  return readable ? 'value' : false;
}

function lineIndices(names: string[] | undefined, datasets: Dataset[], at: Origin, ctx: ResolveContext): number[] {
  if (!names) return [datasets.length - 1];
  const out: number[] = [];
  for (const name of names) {
    const i = datasets.findIndex((d) => d.label === name);
    if (i < 0)
      ctx.diagnostics.error(
        'invalid-value',
        `combo line \`${name}\` is not one of the datasets`,
        at,
        didYouMean(
          name,
          datasets.map((d) => d.label),
        ) ?? `datasets: ${listOf(datasets.map((d) => d.label))}`,
      );
    else out.push(i);
  }
  return out;
}

function fromSeries(entry: DataSeries, spec: ChartSpecInput, path: Path, ctx: ResolveContext): Picked | undefined {
  if (spec.label_by) {
    ctx.diagnostics.error(
      'invalid-value',
      '`label_by` picks a column of a table, but this chart shows a series',
      ctx.at([...path, 'label_by'], 'key'),
      'remove `label_by`, or point `data` at a table with a column of point names',
    );
    return undefined;
  }
  if (spec.columns) {
    ctx.diagnostics.error(
      'invalid-value',
      '`columns` picks columns of a table, but this chart shows a series',
      ctx.at([...path, 'columns'], 'key'),
      'remove `columns`, or point `data` at a table',
    );
    return undefined;
  }
  return {
    labels: entry.labels,
    datasets: entry.datasets.map((d) => ({
      ...d,
      label: humanName(d.label),
      ...((d.unit ?? entry.unit) ? { unit: d.unit ?? entry.unit } : {}),
    })),
  };
}

/**
 * A series named after its data key ("services_growth") is shown in legends and the native
 * chart's sheet: write it as words ("Services growth"). Names already written as text stay.
 */
export function humanName(label: string): string {
  if (!/^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/.test(label)) return label;
  const words = label.replace(/[_-]+/g, ' ');
  return words[0]!.toUpperCase() + words.slice(1);
}

function fromTable(entry: DataTable, spec: ChartSpecInput, path: Path, ctx: ResolveContext): Picked | undefined {
  let pointLabels: string[] | undefined;
  if (spec.label_by !== undefined) {
    const col = entry.columns.indexOf(spec.label_by);
    if (col < 0) {
      ctx.diagnostics.error(
        'invalid-value',
        `table \`${entry.key}\` has no column \`${spec.label_by}\` to label the points by`,
        ctx.at([...path, 'label_by']),
        didYouMean(spec.label_by, entry.columns) ?? `columns: ${listOf(entry.columns)}`,
      );
      return undefined;
    }
    pointLabels = entry.rows.map((r) => String(r[col] ?? ''));
  }
  const names = spec.columns ?? entry.columns.filter((c) => c !== spec.label_by);
  const indices: number[] = [];
  for (const [i, name] of names.entries()) {
    const col = entry.columns.indexOf(name);
    if (col < 0) {
      ctx.diagnostics.error(
        'invalid-value',
        `table \`${entry.key}\` has no column \`${name}\``,
        ctx.at([...path, 'columns', i]),
        didYouMean(name, entry.columns) ?? `columns: ${listOf(entry.columns)}`,
      );
      return undefined;
    }
    indices.push(col);
  }
  if (indices.length < 2) {
    ctx.diagnostics.error(
      'data-kind-mismatch',
      `a chart of table \`${entry.key}\` needs a label column and at least one number column`,
      ctx.at([...path, 'data']),
    );
    return undefined;
  }
  const [labelCol, ...valueCols] = indices as [number, ...number[]];
  const labels = entry.rows.map((r) => String(r[labelCol] ?? ''));
  const datasets: Dataset[] = [];
  for (const col of valueCols) {
    const values: number[] = [];
    for (const [r, row] of entry.rows.entries()) {
      const cell = row[col];
      if (typeof cell !== 'number') {
        const empty = cell === null || cell === undefined;
        ctx.diagnostics.error(
          'data-kind-mismatch',
          `column \`${entry.columns[col]}\` of \`${entry.key}\` has ${empty ? 'an empty cell' : `the text "${cell}"`} where a chart needs a number`,
          entry.cellAt[r]?.[col] ?? entry.rowAt[r] ?? entry.at,
          empty
            ? 'fill in the number, or leave that row out of the data'
            : 'chart only number columns: pick them with `columns: [label column, number column, …]`',
        );
        return undefined;
      }
      values.push(cell);
    }
    const qualifiers = entry.rows.map((_, r) => entry.qualifiers?.[r]?.[col]);
    datasets.push({
      label: entry.columns[col]!,
      values,
      ...(entry.unit ? { unit: entry.unit } : {}),
      ...(qualifiers.some(Boolean) ? { qualifiers } : {}),
    });
  }
  return { labels, datasets, labelName: entry.columns[labelCol]!, ...(pointLabels ? { pointLabels } : {}) };
}

interface Picked {
  labels: string[];
  datasets: Dataset[];
  /** A table's label column name (a scatter chart's x axis title). */
  labelName?: string;
  pointLabels?: string[];
}

/** "Trade share (%)": an axis title from a column name and the unit, when it does not say it already. */
function withUnit(name: string, unit: string | undefined): string {
  return unit && !name.includes(unit) ? `${name} (${unit})` : name;
}

/** `y_min`, `y_max` and `step`: on line charts only; bars and areas start at zero. */
function axisBounds(spec: ChartSpecInput, path: Path, ctx: ResolveContext): Pick<ChartModel, 'yMin' | 'yMax' | 'step'> {
  const given = (['y_min', 'y_max', 'step'] as const).filter((k) => spec[k] !== undefined);
  if (!given.length) return {};
  if (spec.type !== 'line') {
    for (const k of given)
      ctx.diagnostics.error(
        'invalid-value',
        `\`${k}\` is for line charts; a ${spec.type} chart's value axis starts at zero so bars and areas keep their true proportions`,
        ctx.at([...path, k], 'key'),
        `remove \`${k}\``,
      );
    return {};
  }
  if (spec.y_min !== undefined && spec.y_max !== undefined && spec.y_min >= spec.y_max) {
    ctx.diagnostics.error(
      'invalid-value',
      `\`y_min\` (${spec.y_min}) must be below \`y_max\` (${spec.y_max})`,
      ctx.at([...path, 'y_min']),
    );
    return {};
  }
  return {
    ...(spec.y_min !== undefined ? { yMin: spec.y_min } : {}),
    ...(spec.y_max !== undefined ? { yMax: spec.y_max } : {}),
    ...(spec.step !== undefined ? { step: spec.step } : {}),
  };
}

const TYPE_WORDS: Record<string, { en: string; zh: string }> = {
  bar: { en: 'Column chart', zh: '柱状图' },
  column: { en: 'Column chart', zh: '柱状图' },
  'horizontal-bar': { en: 'Bar chart', zh: '条形图' },
  'stacked-bar': { en: 'Stacked bar chart', zh: '堆积条形图' },
  line: { en: 'Line chart', zh: '折线图' },
  area: { en: 'Area chart', zh: '面积图' },
  pie: { en: 'Pie chart', zh: '饼图' },
  doughnut: { en: 'Doughnut chart', zh: '圆环图' },
  combo: { en: 'Combination chart', zh: '组合图' },
  scatter: { en: 'Scatter chart', zh: '散点图' },
};

/**
 * Alt text from the data, in the deck's language: type, title, and every point (or the extremes
 * of long series), each value with its unit. A unit that would put an English word into a
 * Chinese sentence is left off the values, and the axis title that names it is said instead.
 */
export function altText(chart: ChartModel): string {
  const zh = isChinese(chart.lang);
  const withUnit = (v: number, d: Dataset) =>
    formatValue(v, d.unit ?? chart.unit, { ...chart.format, withUnit: true }, chart.lang);
  const unitFits = chart.datasets.every((d) => !zh || !/[A-Za-z]{2,}/.test(withUnit(d.values[0] ?? 0, d)));
  const fmt = (v: number, d: Dataset, i: number) =>
    qualified(
      unitFits ? withUnit(v, d) : formatValue(v, d.unit ?? chart.unit, chart.format, chart.lang),
      d.qualifiers?.[i],
      chart.lang,
    );
  // A scatter chart's points are bare pairs: what each axis measures says what they mean.
  const scatterAxes =
    chart.type === 'scatter' && (chart.xLabel || chart.yLabel)
      ? zh
        ? `横轴${chart.xLabel ?? ''}，纵轴${chart.yLabel ?? ''}`
        : `x: ${chart.xLabel ?? ''}; y: ${chart.yLabel ?? ''}`
      : undefined;
  const axis = scatterAxes ?? (unitFits ? undefined : (chart.yLabel ?? chart.xLabel));
  const words = TYPE_WORDS[chart.type] ?? { en: 'Chart', zh: '图表' };
  const [colon, semi, stop, space] = zh ? ['：', '；', '。', ''] : [': ', '; ', '.', ' '];
  const head =
    `${zh ? words.zh : words.en}${chart.title ? `${colon}${chart.title}` : ''}` +
    `${axis ? (zh ? `（${axis}）` : ` (${axis})`) : ''}${stop}`;
  const parts = chart.datasets.map((d) => {
    const name = chart.datasets.length > 1 ? `${d.label}${colon}` : '';
    if (chart.labels.length <= 8)
      return `${name}${chart.labels.map((l, i) => `${l} ${fmt(d.values[i]!, d, i)}`).join(semi)}${stop}`;
    let lo = 0;
    let hi = 0;
    d.values.forEach((v, i) => {
      if (v < d.values[lo]!) lo = i;
      if (v > d.values[hi]!) hi = i;
    });
    const first = chart.labels[0];
    const last = chart.labels[chart.labels.length - 1];
    const high = `${chart.labels[hi]} ${fmt(d.values[hi]!, d, hi)}`;
    const low = `${chart.labels[lo]} ${fmt(d.values[lo]!, d, lo)}`;
    return zh
      ? `${name}${chart.labels.length}个数据点，从${first}到${last}；最高为${high}，最低为${low}。`
      : `${name}${chart.labels.length} points from ${first} to ${last}; highest ${high}, lowest ${low}.`;
  });
  return [head, ...parts].join(space);
}
