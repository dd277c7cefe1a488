/* eslint-disable no-control-regex -- xmlSafe exists to find and remove control characters. */
import PptxModule from 'pptxgenjs';
import type { Box, ChartModel, Element, LaidOutDeck, LaidOutSlide, Master, Paragraph, Theme } from '../model.js';
import { hasEastAsian, isChinese } from '../script.js';

/**
 * Translates the laid-out deck into pptxgenjs calls: the only module that knows pptxgenjs
 * option names. Every decision was made by layout; this only converts points to inches.
 */

// At run time the ESM default export is the class; the package's types describe it as
// CommonJS with the class under `.default`. Take whichever is there.
const PptxGenJSClass = ((PptxModule as unknown as { default?: unknown }).default ??
  PptxModule) as typeof PptxModule.default;
type PptxGenJS = InstanceType<typeof PptxModule.default>;
type Slide = PptxModule.default.Slide;
type TextProps = PptxModule.default.TextProps;
type TableRow = PptxModule.default.TableRow;
type ChartOpts = PptxModule.default.IChartOpts;
type MasterObjects = NonNullable<PptxModule.default.SlideMasterProps['objects']>;

/**
 * Text as XML 1.0 allows it. Control characters pasted from word processors (U+000B is
 * Word's line break) would make the slide XML malformed and the deck unopenable.
 */
export function xmlSafe(text: string): string {
  return text
    .replace(/[\u000B\u000C]/g, ' ')
    .replace(/[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const inch = (pt: number) => Math.round((pt / 72) * 1e6) / 1e6;
const geometry = (b: Box) => ({ x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) });

const MASTER_NAMES: Record<Master, string> = {
  title: 'BRIEFDECK_TITLE',
  section: 'BRIEFDECK_SECTION',
  content: 'BRIEFDECK_CONTENT',
};

/** The proofing language of a run: CJK text is tagged Chinese even in an English deck. */
export function runLang(text: string, deckLang: string): string {
  if (hasEastAsian(text)) return isChinese(deckLang) ? normaliseLang(deckLang) : 'zh-CN';
  return normaliseLang(deckLang);
}

function normaliseLang(lang: string): string {
  const l = lang.toLowerCase();
  if (l === 'en') return 'en-US';
  if (l === 'zh' || l === 'zh-hans') return 'zh-CN';
  if (l === 'zh-hant') return 'zh-TW';
  return lang;
}

function textRuns(paragraphs: readonly Paragraph[], theme: Theme, lang: string): TextProps[] {
  const runs: TextProps[] = [];
  paragraphs.forEach((p, pi) => {
    p.runs.forEach((r, ri) => {
      const last = ri === p.runs.length - 1 && pi < paragraphs.length - 1;
      runs.push({
        text: xmlSafe(r.text),
        options: {
          fontFace: theme.fonts.latin,
          fontSize: r.size,
          color: r.color,
          bold: r.bold ?? false,
          italic: r.italic ?? false,
          lang: runLang(r.text, lang),
          align: p.align,
          lineSpacing: Math.round(p.lineHeight * 100) / 100,
          ...(p.spaceBefore ? { paraSpaceBefore: Math.round(p.spaceBefore * 100) / 100 } : {}),
          ...(p.bullet ? { bullet: { indent: p.indent }, indentLevel: p.level } : {}),
          ...(last ? { breakLine: true } : {}),
        },
      });
    });
  });
  return runs;
}

function addElement(pptx: PptxGenJS, slide: Slide, e: Element, theme: Theme, lang: string): void {
  switch (e.kind) {
    case 'text':
      slide.addText(textRuns(e.paragraphs, theme, lang), {
        ...geometry(e.box),
        ...(e.role === 'title' ? { placeholder: 'title' } : {}),
        objectName: e.name,
        margin: [e.insets.l, e.insets.r, e.insets.b, e.insets.t],
        valign: e.valign,
        fit: 'none',
        wrap: true,
        ...(e.fill ? { fill: { color: e.fill } } : {}),
      });
      return;
    case 'rect':
      slide.addShape(pptx.ShapeType.rect, {
        ...geometry(e.box),
        objectName: e.name,
        fill: { color: e.fill },
        line: { type: 'none' },
      });
      return;
    case 'line':
      slide.addShape(pptx.ShapeType.line, {
        ...geometry(e.box),
        objectName: e.name,
        line: { color: e.color, width: e.width },
      });
      return;
    case 'picture':
      slide.addImage({
        ...geometry(e.box),
        data: `image/${e.mime};base64,${e.image.toString('base64')}`,
        altText: xmlSafe(e.alt),
        objectName: e.name,
      });
      return;
    case 'table':
      addTable(slide, e, theme, lang);
      return;
    case 'chart':
      addNativeChart(pptx, slide, e.box, e.chart, theme, e.name);
      return;
  }
}

function addTable(slide: Slide, e: Extract<Element, { kind: 'table' }>, theme: Theme, lang: string): void {
  const p = theme.palette;
  const rows: TableRow[] = e.rows.map((row, r) =>
    row.map((text, c) => ({
      text: xmlSafe(text),
      options: {
        bold: r === 0,
        color: r === 0 ? p.accentText : p.text,
        fill: { color: r === 0 ? p.accent : r % 2 === 0 ? p.surface : p.background },
        align: e.numeric[c] && r > 0 ? 'right' : 'left',
        lang: runLang(text, lang),
      },
    })),
  );
  slide.addTable(rows, {
    ...geometry(e.box),
    colW: e.columnWidths.map(inch),
    rowH: e.rowHeights.map(inch),
    fontFace: theme.fonts.latin,
    fontSize: e.size,
    valign: 'middle',
    // Points: pptxgenjs reads cell margins ≥ 1 as points, in the order top, right, bottom, left.
    margin: [e.padding.y, e.padding.x, e.padding.y, e.padding.x],
    border: { type: 'solid', pt: 0.75, color: p.rule },
    autoPage: false,
    objectName: e.name,
  });
}

/**
 * Colours repeated to `n` entries: pptxgenjs picks Math.random() colours for points past the
 * end of chartColors, which would make two builds of one deck differ.
 */
function cycle(colors: readonly string[], n: number): string[] {
  return Array.from({ length: Math.max(n, colors.length) }, (_, i) => colors[i % colors.length]!);
}

/** Point colours for the chart, as the picture draws them. */
function nativeColors(chart: ChartModel, p: Theme['palette']): string[] {
  const n = Math.max(chart.labels.length, chart.datasets.length) + 1;
  const circular = chart.type === 'pie' || chart.type === 'doughnut';
  const muted = p.inactive;
  if (circular)
    return cycle(
      chart.labels.map((l, i) =>
        chart.highlight === undefined || chart.highlight === l ? p.series[i % p.series.length]! : muted,
      ),
      n,
    );
  // One bar series: pptxgenjs colours each point from the list, which is how a highlight shows.
  if (chart.datasets.length === 1 && NATIVE_TYPES[chart.type] === 'bar' && chart.type !== 'combo') {
    return cycle(
      chart.labels.map((l) =>
        chart.highlight === undefined ? p.series[0]! : l === chart.highlight ? p.accent : muted,
      ),
      n,
    );
  }
  return cycle(p.series, n);
}

const NATIVE_TYPES: Record<ChartModel['type'], 'bar' | 'line' | 'area' | 'pie' | 'doughnut' | 'scatter'> = {
  bar: 'bar',
  column: 'bar',
  'horizontal-bar': 'bar',
  'stacked-bar': 'bar',
  line: 'line',
  area: 'area',
  pie: 'pie',
  doughnut: 'doughnut',
  combo: 'bar',
  scatter: 'scatter',
};

/** An Excel number format for the chart's values: thousands grouped, the data's decimals (up to 2), % attached. */
function excelFormat(chart: ChartModel): string {
  const values = chart.datasets.flatMap((d) => d.values);
  const decimals =
    chart.format.decimals ??
    Math.min(2, Math.max(0, ...values.map((v) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0)))));
  const number = decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return chart.unit === '%' ? `${number}"%"` : number;
}

/** An editable PowerPoint chart from the same model, styled as close to the picture as pptxgenjs allows. */
function addNativeChart(pptx: PptxGenJS, slide: Slide, box: Box, chart: ChartModel, theme: Theme, name: string): void {
  const p = theme.palette;
  const circular = chart.type === 'pie' || chart.type === 'doughnut';
  const type = NATIVE_TYPES[chart.type];
  const size = Math.max(11, Math.min(theme.sizes.chart, 14));
  const unitFormat = excelFormat(chart);
  const labels = chart.labels.map(xmlSafe);
  const series = (indices: number[]) =>
    indices.map((i) => ({ name: xmlSafe(chart.datasets[i]!.label), labels, values: chart.datasets[i]!.values }));
  const common: ChartOpts = {
    ...geometry(box),
    objectName: name,
    altText: xmlSafe(chart.alt),
    chartColors: nativeColors(chart, p),
    showLegend: chart.legend !== 'none',
    legendPos:
      chart.legend === 'none' || chart.legend === 'auto'
        ? box.w / box.h >= 1.6
          ? 'r'
          : 'b'
        : (chart.legend[0] as 'b' | 't' | 'l' | 'r'),
    legendFontFace: theme.fonts.latin,
    legendFontSize: size,
    showValue: chart.dataLabels === 'value',
    showPercent: chart.dataLabels === 'share',
    dataLabelFontFace: theme.fonts.latin,
    dataLabelFontSize: size,
    dataLabelFormatCode: unitFormat,
    catAxisLabelFontFace: theme.fonts.latin,
    catAxisLabelFontSize: size,
    valAxisLabelFontFace: theme.fonts.latin,
    valAxisLabelFontSize: size,
    valAxisLabelFormatCode: unitFormat,
    valGridLine: { color: p.rule, size: 0.75 },
    catGridLine: { style: 'none' },
    ...(chart.title
      ? {
          showTitle: true,
          title: xmlSafe(chart.title),
          titleFontFace: theme.fonts.latin,
          titleFontSize: size + 2,
          titleColor: p.title,
        }
      : {}),
    ...(chart.yLabel || (chart.unit && chart.unit !== '%')
      ? { showValAxisTitle: true, valAxisTitle: xmlSafe(chart.yLabel ?? chart.unit!), valAxisTitleFontSize: size }
      : {}),
    ...(chart.xLabel
      ? { showCatAxisTitle: true, catAxisTitle: xmlSafe(chart.xLabel), catAxisTitleFontSize: size }
      : {}),
  };
  if (type === 'bar') {
    const barOpts = {
      barDir: chart.horizontal ? 'bar' : 'col',
      barGrouping: chart.stacked === 'percent' ? 'percentStacked' : chart.stacked ? 'stacked' : 'clustered',
      barGapWidthPct: 60,
      // PowerPoint stacks horizontal bars from the bottom; the picture lists categories from the top.
      // (pptxgenjs's types allow only 'minMax'; it writes the value through, and 'maxMin' is valid OOXML.)
      // The value axis then crosses at the last category (valAx c:crosses=max), which the
      // OOXML spec places at the bottom; LibreOffice 7.4 ignores it and draws the axis on top.
      ...(chart.horizontal
        ? ({ catAxisOrientation: 'maxMin', catAxisCrossesAt: 'max' } as unknown as Pick<
            ChartOpts,
            'catAxisOrientation'
          >)
        : {}),
    } as const;
    if (chart.type === 'combo') {
      const bars = chart.datasets.map((_, i) => i).filter((i) => !chart.lineDatasets.includes(i));
      slide.addChart(
        [
          {
            type: pptx.ChartType.bar,
            data: series(bars),
            options: {
              ...barOpts,
              chartColors: cycle(
                bars.map((i) => p.series[i % p.series.length]!),
                chart.labels.length + 1,
              ),
            },
          },
          {
            type: pptx.ChartType.line,
            data: series(chart.lineDatasets),
            options: {
              secondaryValAxis: true,
              secondaryCatAxis: true,
              chartColors: cycle(
                chart.lineDatasets.map((i) => p.series[i % p.series.length]!),
                chart.labels.length + 1,
              ),
            },
          },
        ] as unknown as PptxModule.default.IChartMulti[],
        // With a list of chart types, pptxgenjs takes the options in the data position.
        {
          ...common,
          valAxes: [{ showValAxisTitle: false }, { showValAxisTitle: false, valGridLine: { style: 'none' } }],
          catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
        } as unknown as unknown[],
      );
      return;
    }
    slide.addChart(pptx.ChartType.bar, series(chart.datasets.map((_, i) => i)), { ...common, ...barOpts });
    return;
  }
  if (type === 'scatter') {
    const xs = chart.labels.map(Number);
    slide.addChart(
      pptx.ChartType.scatter,
      [{ name: 'X', values: xs }, ...chart.datasets.map((d) => ({ name: d.label, values: d.values }))],
      { ...common, lineSize: 0, lineDataSymbolSize: 8 },
    );
    return;
  }
  const data = series(circular ? [0] : chart.datasets.map((_, i) => i));
  slide.addChart(pptx.ChartType[type], data, {
    ...common,
    ...(circular
      ? { showLegend: true, dataLabelColor: p.accentText, ...(chart.type === 'doughnut' ? { holeSize: 55 } : {}) }
      : {}),
    ...(type === 'line' ? { lineSize: 3, lineDataSymbol: 'circle', lineDataSymbolSize: 7 } : {}),
    ...(type === 'area' && chart.stacked
      ? { barGrouping: chart.stacked === 'percent' ? 'percentStacked' : 'stacked' }
      : {}),
  });
}

/** A fixed shape of a master, in pptxgenjs's master-object form. */
function masterObject(e: Element, theme: Theme, lang: string): MasterObjects[number] | undefined {
  switch (e.kind) {
    case 'text': {
      const p = e.paragraphs[0];
      const r = p?.runs[0];
      if (!p || !r) return undefined;
      return {
        text: {
          text: xmlSafe(r.text),
          options: {
            ...geometry(e.box),
            fontFace: theme.fonts.latin,
            fontSize: r.size,
            bold: r.bold ?? false,
            color: r.color,
            align: p.align,
            valign: e.valign,
            margin: [e.insets.l, e.insets.r, e.insets.b, e.insets.t],
            lang: runLang(r.text, lang),
          },
        },
      };
    }
    case 'rect':
      return { rect: { ...geometry(e.box), fill: { color: e.fill } } };
    case 'line':
      return { line: { ...geometry(e.box), line: { color: e.color, width: e.width } } };
    case 'picture':
      return {
        image: {
          ...geometry(e.box),
          data: `image/${e.mime};base64,${e.image.toString('base64')}`,
          altText: xmlSafe(e.alt),
        },
      };
    default:
      return undefined;
  }
}

function defineMasters(pptx: PptxGenJS, deck: LaidOutDeck): void {
  const { theme } = deck;
  for (const master of ['content', 'title', 'section'] as const) {
    const m = deck.masters[master];
    pptx.defineSlideMaster({
      title: MASTER_NAMES[master],
      background: { color: m.background },
      objects: [
        ...m.elements.map((e) => masterObject(e, theme, deck.meta.lang)).filter((o): o is NonNullable<typeof o> => !!o),
        {
          placeholder: {
            options: {
              name: 'title',
              type: 'title',
              ...geometry(m.title.box),
              fontFace: theme.fonts.latin,
              fontSize: m.title.size,
              color: m.title.color,
              bold: true,
              margin: [0, 0, 4, 4],
              valign: 'top',
            },
            text: '',
          },
        },
      ],
      ...(m.slideNumber
        ? {
            slideNumber: {
              ...geometry(m.slideNumber.box),
              fontFace: theme.fonts.latin,
              fontSize: m.slideNumber.size,
              color: m.slideNumber.color,
              align: 'right' as const,
              valign: 'middle' as const,
            },
          }
        : {}),
    });
  }
}

export interface WrittenPptx {
  bytes: Buffer;
  /** Per slide (0-based), the box its title placeholder must have: pptxgenjs writes the master's. */
  titleBoxes: (Box | undefined)[];
}

/** The deck as pptxgenjs writes it; packaging (fonts, geometry, determinism) happens after. */
export async function writePptx(deck: LaidOutDeck): Promise<WrittenPptx> {
  const pptx = new PptxGenJSClass();
  const { theme, meta } = deck;
  pptx.defineLayout({ name: 'BRIEFDECK', width: inch(theme.slide.width), height: inch(theme.slide.height) });
  pptx.layout = 'BRIEFDECK';
  pptx.title = xmlSafe(meta.title);
  if (meta.author) pptx.author = xmlSafe(meta.author);
  if (meta.subtitle) pptx.subject = xmlSafe(meta.subtitle);
  // pptxgenjs escapes title, subject and author, but writes the company name raw.
  pptx.company = escapeXml(xmlSafe(meta.author ?? ''));
  pptx.theme = { headFontFace: theme.fonts.latin, bodyFontFace: theme.fonts.latin };
  defineMasters(pptx, deck);
  deck.slides.forEach((s: LaidOutSlide) => {
    const slide = pptx.addSlide({ masterName: MASTER_NAMES[s.master] });
    for (const e of s.elements) addElement(pptx, slide, e, theme, meta.lang);
    if (s.notes) slide.addNotes(xmlSafe(s.notes));
  });
  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  const titleBoxes = deck.slides.map((s) => s.elements.find((e) => e.kind === 'text' && e.role === 'title')?.box);
  return { bytes: out, titleBoxes };
}
