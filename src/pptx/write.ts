import JSZip from 'jszip';
import PptxModule from 'pptxgenjs';
import type { ChartPartExtras } from './chart-xml.js';
import type {
  Box,
  LayoutRole,
  MasterText,
  NativeChartSpec,
  NativeSeries,
  Paragraph,
  RenderedDeck,
  Typeface,
  WritableElement,
} from '../model.js';
import type { DocumentProperties, LayoutPart, SlidePlaceholders } from './house-parts.js';
import { isTextPart, ONE_FACE, type PackageParts } from './package.js';
import { readZip } from './zip.js';
import { escapeXml, xmlSafeTexts } from './xml.js';

/**
 * Translates the laid-out deck into pptxgenjs calls: the only module that knows pptxgenjs
 * option names. Every decision was made by layout; this only converts points to inches and
 * keeps text to what XML allows.
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

const inch = (pt: number) => Math.round((pt / 72) * 1e6) / 1e6;
const geometry = (b: Box) => ({ x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) });
/** pptxgenjs margins are [left, right, bottom, top], in points. */
const margin = (i: { l: number; r: number; t: number; b: number }): [number, number, number, number] => [
  i.l,
  i.r,
  i.b,
  i.t,
];

/** The order of the layouts in PowerPoint's menus: as its own default template lists them. */
const LAYOUT_ORDER: readonly LayoutRole[] = ['title', 'content', 'section', 'chart', 'table', 'quote', 'sources'];
/** p:sldLayout's type per role: PowerPoint matches layouts across masters and templates by it. */
const LAYOUT_TYPES: Record<LayoutRole, string> = {
  title: 'title',
  section: 'secHead',
  content: 'obj',
  chart: 'obj',
  table: 'obj',
  quote: 'obj',
  sources: 'obj',
};
const NO_INSETS = { l: 0, r: 0, t: 0, b: 0 };

/** Every typeface pair written, so packaging can set each East Asian face. */
class Faces {
  readonly seen = new Map<string, Typeface>();
  latin(face: Typeface): string {
    this.seen.set(`${face.latin}\n${face.eastAsian}`, face);
    // pptxgenjs writes one name into both slots, and packaging sets the East Asian face the
    // deck pairs with that name: a run meant to be in one face for both says so with a mark.
    return face.latin === face.eastAsian ? `${face.latin}${ONE_FACE}` : face.latin;
  }
}

/**
 * Pictures handed to pptxgenjs as short stand-ins: it would decode each base64 picture in
 * JavaScript only for packaging to take it back out. The stand-in's bytes name the picture, and
 * packaging puts the picture in its place when it writes the zip — so a chart still being drawn
 * is waited for only then, after every part is written and finished.
 */
class Pictures {
  private readonly byStandIn = new Map<string, Buffer | Promise<Buffer>>();
  standIn(image: Buffer | Promise<Buffer>, mime: string): string {
    const name = `briefdeck picture ${this.byStandIn.size + 1}`;
    this.byStandIn.set(name, image);
    return `image/${mime};base64,${Buffer.from(name, 'latin1').toString('base64')}`;
  }
  /** The picture a part stands in for, or the part itself. */
  async swap(data: Buffer): Promise<Buffer> {
    return (data.length < 64 && (await this.byStandIn.get(data.toString('latin1')))) || data;
  }
}

/**
 * The output type that makes pptxgenjs's JSZip hand back itself instead of a zip. pptxgenjs
 * builds every part, then zips them all (a JavaScript CRC of each) only for packaging to unzip
 * and zip them again; it has no way to give its parts, so the one call that zips is taught this
 * type. Any other type zips as before.
 */
const AS_PARTS = 'briefdeck-parts';
let partsTaught = false;
function teachParts(): void {
  if (partsTaught) return;
  partsTaught = true;
  const generate = JSZip.prototype.generateAsync;
  JSZip.prototype.generateAsync = function (this: JSZip, options, onUpdate) {
    return options?.type === (AS_PARTS as string)
      ? (Promise.resolve(this) as unknown as ReturnType<typeof generate>)
      : generate.call(this, options, onUpdate);
  } as typeof generate;
}

/** pptxgenjs's parts, pictures as their stand-ins. */
async function partsOf(pptx: PptxGenJS): Promise<PackageParts> {
  teachParts();
  const parts: PackageParts = { names: [], text: new Map(), binary: new Map() };
  let out: unknown;
  try {
    out = await pptx.write({ outputType: AS_PARTS as 'nodebuffer' });
  } catch {
    // A JSZip of pptxgenjs's own, not taught the type: it zips below, and says why if it cannot.
  }
  if (out instanceof JSZip) {
    const files: JSZip.JSZipObject[] = [];
    out.forEach((_, file) => {
      if (!file.dir) files.push(file);
    });
    for (const file of files) {
      parts.names.push(file.name);
      if (isTextPart(file.name)) parts.text.set(file.name, await file.async('string'));
      else parts.binary.set(file.name, await file.async('nodebuffer'));
    }
    return parts;
  }
  // pptxgenjs zipped after all (a copy of JSZip of its own): read its zip.
  const bytes = Buffer.isBuffer(out) ? out : ((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  for (const { name, data } of readZip(bytes)) {
    parts.names.push(name);
    if (isTextPart(name)) parts.text.set(name, data.toString('utf8'));
    else parts.binary.set(name, data);
  }
  return parts;
}

/**
 * pptxgenjs writes a hanging indent (marL with a negative indent) only with a bullet: a hung
 * paragraph gets this zero-width bullet, which finishPackage replaces by none (hangingIndents).
 */
export const HANGING_MARK = '200B';

function textRuns(paragraphs: readonly Paragraph[], faces: Faces): TextProps[] {
  const runs: TextProps[] = [];
  paragraphs.forEach((p, pi) => {
    p.runs.forEach((r, ri) => {
      const last = ri === p.runs.length - 1 && pi < paragraphs.length - 1;
      runs.push({
        text: r.text,
        options: {
          fontFace: faces.latin(r.font),
          fontSize: r.size,
          color: r.color,
          bold: r.bold ?? false,
          italic: r.italic ?? false,
          lang: r.lang,
          ...(r.spacing ? { charSpacing: r.spacing } : {}),
          ...(r.breakBefore ? { softBreakBefore: true } : {}),
          align: p.align,
          lineSpacing: Math.round(p.lineHeight * 100) / 100,
          ...(p.spaceBefore ? { paraSpaceBefore: Math.round(p.spaceBefore * 100) / 100 } : {}),
          ...(p.bullet
            ? { bullet: { indent: p.indent }, indentLevel: p.level }
            : p.hang
              ? { bullet: { indent: p.hang, characterCode: HANGING_MARK } }
              : {}),
          ...(last ? { breakLine: true } : {}),
        },
      });
    });
  });
  return runs;
}

/** Which placeholder of its layout a text fills, if any. */
type Placeholder = 'title' | 'body' | undefined;

function addElement(
  pptx: PptxGenJS,
  slide: Slide,
  e: WritableElement,
  faces: Faces,
  pictures: Pictures,
  placeholder?: Placeholder,
): void {
  switch (e.kind) {
    case 'text':
      slide.addText(textRuns(e.paragraphs, faces), {
        ...geometry(e.box),
        ...(placeholder ? { placeholder } : {}),
        objectName: e.name,
        margin: margin(e.insets),
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
        data: pictures.standIn(e.image, e.mime),
        altText: e.alt,
        objectName: e.name,
      });
      return;
    case 'table':
      addTable(slide, e, faces);
      return;
    case 'native-chart':
      addNativeChart(pptx, slide, e.box, e.spec, e.name);
      return;
  }
}

const NO_RULE = { type: 'none' as const };
const rule = (r: { color: string; width: number } | undefined) =>
  r ? { type: 'solid' as const, pt: r.width, color: r.color } : NO_RULE;

function addTable(slide: Slide, e: Extract<WritableElement, { kind: 'table' }>, faces: Faces): void {
  const rows: TableRow[] = e.rows.map((row) =>
    row.map((cell) => ({
      text: cell.runs
        ? cell.runs.map((r) => ({
            text: r.text,
            options: {
              fontFace: faces.latin(r.font),
              fontSize: r.size,
              bold: cell.bold,
              color: cell.color,
              lang: r.lang,
              ...(r.spacing ? { charSpacing: r.spacing } : {}),
            },
          }))
        : cell.text,
      options: {
        bold: cell.bold,
        color: cell.color,
        ...(cell.fill ? { fill: { color: cell.fill } } : {}),
        align: cell.align,
        lang: cell.lang,
        // pptxgenjs borders are [top, right, bottom, left].
        border: [rule(cell.rules.top), NO_RULE, rule(cell.rules.bottom), NO_RULE],
      },
    })),
  );
  slide.addTable(rows, {
    ...geometry(e.box),
    colW: e.columnWidths.map(inch),
    rowH: e.rowHeights.map(inch),
    fontFace: faces.latin(e.font),
    fontSize: e.size,
    valign: e.valign,
    // Points: pptxgenjs reads cell margins ≥ 1 as points, in the order top, right, bottom, left.
    margin: [e.padding.y, e.padding.x, e.padding.y, e.padding.x],
    autoPage: false,
    objectName: e.name,
  });
}

const series = (list: readonly NativeSeries[]) =>
  list.map((s) => ({
    name: s.name,
    ...(s.labels ? { labels: s.labels } : {}),
    values: s.values,
  }));

/** A native chart: each field of the spec becomes its pptxgenjs option. */
function addNativeChart(pptx: PptxGenJS, slide: Slide, box: Box, spec: NativeChartSpec, name: string): void {
  const { legend, dataLabels, categoryAxis: cat, valueAxis: val, title } = spec;
  const common: ChartOpts = {
    ...geometry(box),
    objectName: name,
    altText: spec.alt,
    chartColors: spec.colors,
    showLegend: legend.show,
    legendPos: legend.position,
    legendFontFace: legend.font,
    legendFontSize: legend.size,
    showValue: dataLabels.values,
    showPercent: dataLabels.percents,
    dataLabelFontFace: dataLabels.font,
    dataLabelFontSize: dataLabels.size,
    dataLabelFormatCode: dataLabels.format,
    ...(dataLabels.color ? { dataLabelColor: dataLabels.color } : {}),
    ...(dataLabels.position ? { dataLabelPosition: dataLabels.position } : {}),
    ...(dataLabels.bold ? { dataLabelFontBold: true } : {}),
    ...(spec.sliceBorder ? { dataBorder: { pt: spec.sliceBorder.pt, color: spec.sliceBorder.color } } : {}),
    ...(spec.areaOpacity !== undefined ? { chartColorsOpacity: spec.areaOpacity } : {}),
    catAxisLabelFontFace: cat.font,
    catAxisLabelFontSize: cat.size,
    catAxisLabelColor: cat.color,
    ...(cat.shown ? { catAxisLabelRotate: 0 } : {}),
    ...(cat.line === 'none' ? { catAxisLineShow: false } : { catAxisLineShow: true, catAxisLineColor: cat.line.color }),
    valAxisLabelFontFace: val.font,
    valAxisLabelFontSize: val.size,
    valAxisLabelColor: val.color,
    valAxisLabelFormatCode: val.format,
    valAxisLineShow: false,
    ...(val.range
      ? { valAxisMinVal: val.range.min, valAxisMaxVal: val.range.max, valAxisMajorUnit: val.range.step }
      : {}),
    ...(spec.xRange
      ? { catAxisMinVal: spec.xRange.min, catAxisMaxVal: spec.xRange.max, catAxisMajorUnit: spec.xRange.step }
      : {}),
    valGridLine: { color: val.gridline.color, size: val.gridline.width },
    catGridLine: { style: 'none' },
    ...(title
      ? {
          showTitle: true,
          title: title.text,
          titleFontFace: title.font,
          titleFontSize: title.size,
          titleColor: title.color,
        }
      : {}),
    ...(val.title
      ? {
          showValAxisTitle: true,
          valAxisTitle: val.title.text,
          valAxisTitleFontSize: val.title.size,
          valAxisTitleFontFace: val.title.font,
          valAxisTitleColor: val.title.color,
        }
      : {}),
    ...(cat.title
      ? {
          showCatAxisTitle: true,
          catAxisTitle: cat.title.text,
          catAxisTitleFontSize: cat.title.size,
          catAxisTitleFontFace: cat.title.font,
          catAxisTitleColor: cat.title.color,
        }
      : {}),
    ...(spec.holeSize !== undefined ? { holeSize: spec.holeSize } : {}),
    ...(spec.areaGrouping ? { barGrouping: spec.areaGrouping } : {}),
    ...(spec.lines
      ? {
          lineSize: spec.lines.width,
          ...(spec.lines.symbol ? { lineDataSymbol: spec.lines.symbol } : {}),
          lineDataSymbolSize: spec.lines.symbolSize,
        }
      : {}),
  };
  const bars = spec.bars && {
    barDir: spec.bars.direction,
    barGrouping: spec.bars.grouping,
    barGapWidthPct: spec.bars.gapWidth,
    // (pptxgenjs's types allow only 'minMax'; it writes the value through, and 'maxMin' is valid OOXML.)
    // The value axis then crosses at the last category (valAx c:crosses=max): at the bottom.
    // Its tick labels then go next to it (below): pptxgenjs's default for sideways bars, 'low',
    // is the low end of the category axis, which maxMin puts at the top.
    ...(spec.bars.topDown
      ? ({ catAxisOrientation: 'maxMin', catAxisCrossesAt: 'max', valAxisLabelPos: 'nextTo' } as unknown as Pick<
          ChartOpts,
          'catAxisOrientation'
        >)
      : {}),
  };
  // The target is a dashed line series across the categories, on the bars' axis.
  const targetLine = spec.target && {
    type: pptx.ChartType.line,
    data: series([
      {
        name: spec.target.name,
        labels: spec.series[0]?.labels ?? [],
        values: (spec.series[0]?.labels ?? []).map(() => spec.target!.value),
      },
    ]),
    options: {
      chartColors: [spec.target.color],
      lineSize: 2,
      lineDash: 'dash',
      lineDataSymbol: 'none',
      showValue: false,
    },
  };
  if (spec.combo || targetLine) {
    const second = spec.secondAxis;
    const types = spec.combo
      ? [
          {
            type: pptx.ChartType.bar,
            data: series(spec.combo.bars.series),
            options: { ...bars, chartColors: spec.combo.bars.colors },
          },
          {
            type: pptx.ChartType.line,
            data: series(spec.combo.lines.series),
            options: {
              chartColors: spec.combo.lines.colors,
              // A second axis only for a second unit (layout decides); else the bars' axis.
              ...(second ? { secondaryValAxis: true, secondaryCatAxis: true } : {}),
            },
          },
        ]
      : [{ type: pptx.ChartType[spec.type], data: series(spec.series), options: { ...bars } }];
    slide.addChart(
      [...types, ...(targetLine ? [targetLine] : [])] as unknown as PptxModule.default.IChartMulti[],
      // With a list of chart types, pptxgenjs takes the options in the data position.
      {
        ...common,
        ...(second
          ? {
              valAxes: [
                { showValAxisTitle: !!val.title },
                {
                  showValAxisTitle: !!second.title,
                  ...(second.title
                    ? {
                        valAxisTitle: second.title.text,
                        valAxisTitleFontSize: second.title.size,
                        valAxisTitleFontFace: second.title.font,
                        valAxisTitleColor: second.title.color,
                      }
                    : {}),
                  valAxisLabelFormatCode: second.format,
                  valAxisMinVal: second.range.min,
                  valAxisMaxVal: second.range.max,
                  valAxisMajorUnit: second.range.step,
                  valGridLine: { style: 'none' },
                },
              ],
              catAxes: [{ catAxisTitle: cat.title ? cat.title.text : '' }, { catAxisHidden: true }],
            }
          : {}),
      } as unknown as unknown[],
    );
    return;
  }
  slide.addChart(pptx.ChartType[spec.type], series(spec.series), { ...common, ...bars });
}

function masterTextOptions(t: MasterText, faces: Faces) {
  return {
    ...geometry(t.box),
    fontFace: faces.latin(t.font),
    fontSize: t.size,
    color: t.color,
    ...(t.bold !== undefined ? { bold: t.bold } : {}),
    ...(t.align ? { align: t.align } : {}),
    ...(t.insets ? { margin: margin(t.insets) } : {}),
    valign: t.valign,
  };
}

/** A fixed shape of a master, in pptxgenjs's master-object form. */
function masterObject(e: WritableElement, faces: Faces, pictures: Pictures): MasterObjects[number] | undefined {
  switch (e.kind) {
    case 'text': {
      const p = e.paragraphs[0];
      const r = p?.runs[0];
      if (!p || !r) return undefined;
      // pptxgenjs writes one run per master text: a footer split into runs (CJK punctuation set
      // apart in its own face) is written whole, in the first run's style, rather than cut short.
      return {
        text: {
          text: p.runs.map((run) => run.text).join(''),
          options: {
            ...geometry(e.box),
            fontFace: faces.latin(r.font),
            fontSize: r.size,
            bold: r.bold ?? false,
            color: r.color,
            align: p.align,
            valign: e.valign,
            margin: margin(e.insets),
            lang: r.lang,
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
          data: pictures.standIn(e.image, e.mime),
          altText: e.alt,
        },
      };
    default:
      return undefined;
  }
}

/**
 * pptxgenjs's "slide masters" are slide layouts of its one master: one per role, named for its
 * use, with the master's fixed shapes and a title and a body placeholder. The placeholders come
 * first, so they have the same index (100, 101) on every layout, as PowerPoint's do.
 */
function defineLayouts(pptx: PptxGenJS, deck: RenderedDeck, faces: Faces, pictures: Pictures): void {
  for (const role of LAYOUT_ORDER) {
    const plan = deck.layouts[role];
    const m = deck.masters[plan.master];
    pptx.defineSlideMaster({
      title: plan.name,
      background: { color: m.background },
      objects: [
        { placeholder: { options: { name: 'title', type: 'title', ...masterTextOptions(m.title, faces) }, text: '' } },
        { placeholder: { options: { name: 'body', type: 'body', ...masterTextOptions(plan.body, faces) }, text: '' } },
        ...m.elements.map((e) => masterObject(e, faces, pictures)).filter((o): o is NonNullable<typeof o> => !!o),
      ],
      ...(m.slideNumber ? { slideNumber: masterTextOptions(m.slideNumber, faces) } : {}),
    });
  }
}

/** The text of a slide that fills each placeholder: its title, and its body text where its layout takes it. */
function placeholders(deck: RenderedDeck, s: RenderedDeck['slides'][number]): Map<WritableElement, Placeholder> {
  const texts = s.elements.filter((e) => e.kind === 'text');
  const title = texts.find((e) => e.role === 'title');
  const body = deck.layouts[s.layout].bodyText ? texts.find((e) => e.role === 'body') : undefined;
  return new Map<WritableElement, Placeholder>([
    ...(title ? [[title, 'title'] as const] : []),
    ...(body ? [[body, 'body'] as const] : []),
  ]);
}

export interface WrittenPptx {
  /** The parts of the package pptxgenjs wrote, for packaging to finish. */
  parts: PackageParts;
  /** Per slide (0-based), the text in its placeholders: pptxgenjs writes them at the layout's box. */
  placeholders: SlidePlaceholders[];
  /** The typeface pairs written: pptxgenjs writes each Latin face into the East Asian slot too. */
  typefaces: Typeface[];
  /** The slide layouts written, for packaging to name, type and clean. */
  layouts: LayoutPart[];
  properties: DocumentProperties;
  /** Per native chart, in the order written (pptxgenjs's part numbers): what its options cannot say. */
  charts: ChartPartExtras[];
}

/**
 * The layouts as packaging finishes them. Those on the content master share its light
 * background, where the master's text styles apply: their placeholders keep no text style of
 * their own. Title and section layouts are dark and keep their placeholders' colours and sizes.
 */
function layoutParts(deck: RenderedDeck): LayoutPart[] {
  return LAYOUT_ORDER.map((role) => {
    const plan = deck.layouts[role];
    const title = deck.masters[plan.master].title;
    return {
      name: plan.name,
      type: LAYOUT_TYPES[role],
      inherit: plan.master === 'content',
      title: { insets: title.insets ?? NO_INSETS, valign: title.valign },
      body: {
        insets: plan.body.insets ?? NO_INSETS,
        valign: plan.body.valign,
        type: role === 'title' ? 'subTitle' : 'body',
      },
    };
  });
}

const plainText = (e: WritableElement | undefined) =>
  e?.kind === 'text'
    ? e.paragraphs.map((p) => p.runs.map((r) => (r.breakBefore ? ' ' : '') + r.text).join('')).join(' ')
    : '';

/** The deck as pptxgenjs writes it; packaging (fonts, geometry, determinism) happens after. */
export async function writePptx(rendered: RenderedDeck): Promise<WrittenPptx> {
  const deck = xmlSafeTexts(rendered);
  const pptx = new PptxGenJSClass();
  const { slide, fonts, properties } = deck.style;
  const faces = new Faces();
  const pictures = new Pictures();
  pptx.defineLayout({ name: 'BRIEFDECK', width: inch(slide.width), height: inch(slide.height) });
  pptx.layout = 'BRIEFDECK';
  pptx.title = properties.title;
  pptx.author = properties.author ?? '';
  // Its defaults are "PptxGenJS Presentation" for the subject, "PptxGenJS" for the author.
  pptx.subject = properties.subject ?? '';
  // pptxgenjs escapes title, subject and author, but writes the company name raw.
  pptx.company = escapeXml(properties.company);
  pptx.theme = { headFontFace: faces.latin(fonts), bodyFontFace: fonts.latin };
  defineLayouts(pptx, deck, faces, pictures);
  const filled = deck.slides.map((s) => placeholders(deck, s));
  deck.slides.forEach((s, i) => {
    const slide = pptx.addSlide({ masterName: deck.layouts[s.layout].name });
    for (const e of s.elements) addElement(pptx, slide, e, faces, pictures, filled[i]!.get(e));
    if (s.notes) slide.addNotes(s.notes);
  });
  const parts = await partsOf(pptx);
  const charts = deck.slides.flatMap((s) =>
    s.elements.flatMap((e) =>
      e.kind === 'native-chart'
        ? [
            {
              ...(e.spec.pointLabels ? { pointLabels: e.spec.pointLabels } : {}),
              ...(e.spec.categoryAxis.shown ? { shownCategories: e.spec.categoryAxis.shown } : {}),
              ...(e.spec.legend.only ? { legendOnly: e.spec.legend.only } : {}),
              ...(e.spec.plotArea ? { plotArea: e.spec.plotArea } : {}),
              ...(e.spec.xFormat ? { xFormat: e.spec.xFormat } : {}),
              ...(e.spec.uprightTitles ? { uprightTitles: e.spec.uprightTitles } : {}),
              ...(e.spec.drawnTarget ? { drawnTarget: e.spec.drawnTarget } : {}),
            },
          ]
        : [],
    ),
  );
  const placed = (i: number): SlidePlaceholders =>
    Object.fromEntries([...filled[i]!].map(([e, which]) => [which, { box: e.box, name: e.name }]));
  return {
    parts: { ...parts, pictures: (part) => pictures.swap(part) },
    placeholders: deck.slides.map((_, i) => placed(i)),
    typefaces: [...faces.seen.values()],
    layouts: layoutParts(deck),
    properties: {
      author: properties.author ?? '',
      company: properties.company,
      theme: deck.style.house.name,
      fonts: [...new Set([fonts.latin, fonts.eastAsian])],
      slideTitles: deck.slides.map((s) => plainText(s.elements.find((e) => e.kind === 'text' && e.role === 'title'))),
    },
    charts,
  };
}
