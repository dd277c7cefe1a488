import { labelColourOn } from '../charts/contrast.js';
import type { Box, NativeDrawnTarget, NativePointLabel } from '../model.js';
import {
  attr,
  child,
  childrenNamed,
  el,
  elements,
  parseXml,
  serializeXml,
  setAttr,
  walk,
  type XmlElement,
} from './xml-tree.js';
import { escapeXml } from './xml.js';
import { readZip, writeZip } from './zip.js';

/**
 * Native chart parts as the schema has them. pptxgenjs writes chart XML that Office repairs or
 * drops and Keynote refuses: children out of their CT_* sequence order (a c:dPt after
 * c:dLbls), a third axis id, a line chart without c:grouping, c:invertIfNegative in line and
 * area series, category-axis children in a scatter chart's value axis, and embedded workbooks
 * whose table range ends in a stray apostrophe and whose column names are not their header
 * cells. This puts each part right after the fact, and gives labels inside a filled shape a
 * colour that reads on it (4.5:1).
 */

/**
 * Child order of the chart elements pptxgenjs writes, from the CT_* sequences of ECMA-376
 * dml-chart.xsd. A child not listed is not allowed there and is dropped.
 */
export const CHART_SEQUENCES: Record<string, readonly string[]> = {
  'c:chartSpace': [
    'c:date1904',
    'c:lang',
    'c:roundedCorners',
    'mc:AlternateContent',
    'c:style',
    'c:clrMapOvr',
    'c:pivotSource',
    'c:protection',
    'c:chart',
    'c:spPr',
    'c:txPr',
    'c:externalData',
    'c:printSettings',
    'c:userShapes',
    'c:extLst',
  ],
  'c:chart': [
    'c:title',
    'c:autoTitleDeleted',
    'c:pivotFmts',
    'c:view3D',
    'c:floor',
    'c:sideWall',
    'c:backWall',
    'c:plotArea',
    'c:legend',
    'c:plotVisOnly',
    'c:dispBlanksAs',
    'c:showDLblsOverMax',
    'c:extLst',
  ],
  'c:barChart': [
    'c:barDir',
    'c:grouping',
    'c:varyColors',
    'c:ser',
    'c:dLbls',
    'c:gapWidth',
    'c:overlap',
    'c:serLines',
    'c:axId',
    'c:extLst',
  ],
  'c:lineChart': [
    'c:grouping',
    'c:varyColors',
    'c:ser',
    'c:dLbls',
    'c:dropLines',
    'c:hiLowLines',
    'c:upDownBars',
    'c:marker',
    'c:smooth',
    'c:axId',
    'c:extLst',
  ],
  'c:areaChart': ['c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines', 'c:axId', 'c:extLst'],
  'c:pieChart': ['c:varyColors', 'c:ser', 'c:dLbls', 'c:firstSliceAng', 'c:extLst'],
  'c:doughnutChart': ['c:varyColors', 'c:ser', 'c:dLbls', 'c:firstSliceAng', 'c:holeSize', 'c:extLst'],
  'c:scatterChart': ['c:scatterStyle', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:axId', 'c:extLst'],
  'c:barChart/c:ser': [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:invertIfNegative',
    'c:pictureOptions',
    'c:dPt',
    'c:dLbls',
    'c:trendline',
    'c:errBars',
    'c:cat',
    'c:val',
    'c:shape',
    'c:extLst',
  ],
  'c:lineChart/c:ser': [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:marker',
    'c:dPt',
    'c:dLbls',
    'c:trendline',
    'c:errBars',
    'c:cat',
    'c:val',
    'c:smooth',
    'c:extLst',
  ],
  'c:areaChart/c:ser': [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:pictureOptions',
    'c:dPt',
    'c:dLbls',
    'c:trendline',
    'c:errBars',
    'c:cat',
    'c:val',
    'c:extLst',
  ],
  'c:pieChart/c:ser': [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:explosion',
    'c:dPt',
    'c:dLbls',
    'c:cat',
    'c:val',
    'c:extLst',
  ],
  'c:doughnutChart/c:ser': [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:explosion',
    'c:dPt',
    'c:dLbls',
    'c:cat',
    'c:val',
    'c:extLst',
  ],
  'c:scatterChart/c:ser': [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:marker',
    'c:dPt',
    'c:dLbls',
    'c:trendline',
    'c:errBars',
    'c:xVal',
    'c:yVal',
    'c:smooth',
    'c:extLst',
  ],
  'c:dPt': [
    'c:idx',
    'c:invertIfNegative',
    'c:marker',
    'c:bubble3D',
    'c:explosion',
    'c:spPr',
    'c:pictureOptions',
    'c:extLst',
  ],
  'c:dLbls': [
    'c:dLbl',
    'c:delete',
    'c:numFmt',
    'c:spPr',
    'c:txPr',
    'c:dLblPos',
    'c:showLegendKey',
    'c:showVal',
    'c:showCatName',
    'c:showSerName',
    'c:showPercent',
    'c:showBubbleSize',
    'c:separator',
    'c:showLeaderLines',
    'c:leaderLines',
    'c:extLst',
  ],
  'c:dLbl': [
    'c:idx',
    'c:delete',
    'c:layout',
    'c:tx',
    'c:numFmt',
    'c:spPr',
    'c:txPr',
    'c:dLblPos',
    'c:showLegendKey',
    'c:showVal',
    'c:showCatName',
    'c:showSerName',
    'c:showPercent',
    'c:showBubbleSize',
    'c:separator',
    'c:extLst',
  ],
  'c:catAx': [
    'c:axId',
    'c:scaling',
    'c:delete',
    'c:axPos',
    'c:majorGridlines',
    'c:minorGridlines',
    'c:title',
    'c:numFmt',
    'c:majorTickMark',
    'c:minorTickMark',
    'c:tickLblPos',
    'c:spPr',
    'c:txPr',
    'c:crossAx',
    'c:crosses',
    'c:crossesAt',
    'c:auto',
    'c:lblAlgn',
    'c:lblOffset',
    'c:tickLblSkip',
    'c:tickMarkSkip',
    'c:noMultiLvlLbl',
    'c:extLst',
  ],
  'c:valAx': [
    'c:axId',
    'c:scaling',
    'c:delete',
    'c:axPos',
    'c:majorGridlines',
    'c:minorGridlines',
    'c:title',
    'c:numFmt',
    'c:majorTickMark',
    'c:minorTickMark',
    'c:tickLblPos',
    'c:spPr',
    'c:txPr',
    'c:crossAx',
    'c:crosses',
    'c:crossesAt',
    'c:crossBetween',
    'c:majorUnit',
    'c:minorUnit',
    'c:dispUnits',
    'c:extLst',
  ],
  'c:scaling': ['c:logBase', 'c:orientation', 'c:max', 'c:min', 'c:extLst'],
  'c:legend': ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:title': ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:marker': ['c:symbol', 'c:size', 'c:spPr', 'c:extLst'],
};

const CHART_TYPES = ['c:barChart', 'c:lineChart', 'c:areaChart', 'c:pieChart', 'c:doughnutChart', 'c:scatterChart'];
const AXES = ['c:catAx', 'c:valAx', 'c:dateAx', 'c:serAx'];

/** The sequence that orders `e`'s children, given its parent's name (series differ by chart type). */
export function sequenceFor(e: XmlElement, parent: XmlElement | undefined): readonly string[] | undefined {
  if (e.name === 'c:ser' && parent) return CHART_SEQUENCES[`${parent.name}/c:ser`];
  return CHART_SEQUENCES[e.name];
}

/** Sorts children into their sequence order (stable within one name) and drops those not allowed. */
function order(e: XmlElement, parent: XmlElement | undefined): void {
  for (const c of elements(e)) order(c, e);
  const sequence = sequenceFor(e, parent);
  if (!sequence) return;
  const rank = new Map(sequence.map((n, i) => [n, i]));
  const kept = elements(e).filter((c) => rank.has(c.name));
  kept.sort((a, b) => rank.get(a.name)! - rank.get(b.name)!);
  e.children = kept;
}

/** Each chart type element names exactly its two axes: the ones the plot area defines, in order. */
function twoAxisIds(plotArea: XmlElement): void {
  const defined = new Set(
    elements(plotArea)
      .filter((c) => AXES.includes(c.name))
      .map((a) => attr(child(a, 'c:axId')!, 'val')),
  );
  for (const chart of elements(plotArea).filter((c) => CHART_TYPES.includes(c.name))) {
    if (chart.name === 'c:pieChart' || chart.name === 'c:doughnutChart') continue;
    const ids = childrenNamed(chart, 'c:axId');
    const keep = ids.filter((i) => defined.has(attr(i, 'val'))).slice(0, 2);
    chart.children = chart.children.filter((c) => typeof c === 'string' || c.name !== 'c:axId' || keep.includes(c));
  }
}

const fillOf = (e: XmlElement | undefined): string | undefined => {
  const fill = e && child(e, 'c:spPr');
  const solid = fill && child(fill, 'a:solidFill');
  const rgb = solid && child(solid, 'a:srgbClr');
  return rgb && attr(rgb, 'val');
};

/** The colour of a text properties element's default run, and a setter for it. */
function textColour(txPr: XmlElement | undefined): { get(): string | undefined; set(hex: string): void } | undefined {
  if (!txPr) return undefined;
  const defRPr = [...walk(txPr)].find((x) => x.name === 'a:defRPr');
  if (!defRPr) return undefined;
  return {
    get: () => {
      const rgb = [...walk(defRPr)].find((x) => x.name === 'a:srgbClr');
      return rgb && attr(rgb, 'val');
    },
    set: (hex: string) => {
      defRPr.children = defRPr.children.filter((c) => typeof c === 'string' || c.name !== 'a:solidFill');
      defRPr.children.unshift(el('a:solidFill', {}, [el('a:srgbClr', { val: hex })]));
    },
  };
}

const clone = (e: XmlElement): XmlElement => structuredClone(e);

/**
 * Labels drawn inside their bar or slice (stacked bars, pies, doughnuts, or a centre or
 * inside position) take white where it reaches 4.5:1 against the fill, else the dark text
 * colour; a pie's slices each get their own label colour.
 */
function readableLabels(chartType: XmlElement): void {
  const grouping = attr(child(chartType, 'c:grouping') ?? el('x'), 'val');
  const circular = chartType.name === 'c:pieChart' || chartType.name === 'c:doughnutChart';
  const stackedBars = chartType.name === 'c:barChart' && (grouping === 'stacked' || grouping === 'percentStacked');
  for (const ser of childrenNamed(chartType, 'c:ser')) {
    const dLbls = child(ser, 'c:dLbls');
    if (!dLbls) continue;
    const own = childrenNamed(dLbls, 'c:dLbl');
    // pptxgenjs writes a pie's labels per point from the chart's options, and after them a
    // series default with fixed ones (18 pt Arial, black, category names): make the default
    // say what the points say, or an application that reads it shows other labels.
    const first = own[0];
    if (first) {
      const wanted = new Map(elements(first).map((c) => [c.name, c]));
      dLbls.children = dLbls.children.map((c) =>
        typeof c !== 'string' && c.name !== 'c:dLbl' && c.name !== 'c:dLblPos' && wanted.has(c.name)
          ? clone(wanted.get(c.name)!)
          : c,
      );
    }
    const position = attr(child(dLbls, 'c:dLblPos') ?? el('x'), 'val');
    const inside = circular || stackedBars || position === 'ctr' || position === 'inEnd' || position === 'inBase';
    const colour = textColour(child(dLbls, 'c:txPr'));
    if (!inside || !colour) continue;
    const dark = colour.get() ?? '000000';
    const points = childrenNamed(ser, 'c:dPt');
    const fillAt = (idx: string | undefined) =>
      fillOf(points.find((p) => attr(child(p, 'c:idx') ?? el('x'), 'val') === idx)) ?? fillOf(ser) ?? 'FFFFFF';
    const fills = new Set(points.map((p) => fillOf(p)).filter(Boolean));
    if (own.length) {
      for (const label of own)
        textColour(child(label, 'c:txPr'))?.set(
          labelColourOn(fillAt(attr(child(label, 'c:idx') ?? el('x'), 'val')), dark),
        );
    } else if (points.length && fills.size > 1) {
      // One label per point, each readable on its own fill.
      const flags = elements(dLbls).filter((c) => /^c:(show|separator)/.test(c.name) && c.name !== 'c:showLeaderLines');
      const numFmt = child(dLbls, 'c:numFmt');
      const perPoint = points.map((p) => {
        const txPr = clone(child(dLbls, 'c:txPr')!);
        textColour(txPr)!.set(labelColourOn(fillOf(p) ?? 'FFFFFF', dark));
        return el('c:dLbl', {}, [
          clone(child(p, 'c:idx')!),
          ...(numFmt ? [clone(numFmt)] : []),
          txPr,
          ...flags.map(clone),
        ]);
      });
      dLbls.children = [...perPoint, ...dLbls.children];
    }
    const fill = fills.size > 1 ? undefined : (fillOf(points[0]) ?? fillOf(ser));
    if (fill) colour.set(labelColourOn(fill, dark));
  }
}

/** What layout decided for a chart part beyond pptxgenjs's options (see NativeChartSpec). */
export interface ChartPartExtras {
  pointLabels?: readonly NativePointLabel[];
  /** Category labels shown; the others are left out of the chart's category cache. */
  shownCategories?: readonly number[];
  /** The series (by their place as written) the legend names; the others' entries are deleted. */
  legendOnly?: readonly number[];
  /** The plot area's inner box, fractions of the chart (c:manualLayout). */
  plotArea?: Box;
  /** A target line drawn in the chart's own drawing (c:userShapes). */
  drawnTarget?: NativeDrawnTarget;
  /** Scatter: the x axis's number format (pptxgenjs writes the y axis's on both). */
  xFormat?: string;
  /** Titles of the left and right axes, set horizontally with their top-left corners here (fractions). */
  uprightTitles?: { left?: { x: number; y: number }; right?: { x: number; y: number } };
}

/** An upright axis's title, horizontal, at a place of layout's (the plot area is fixed too). */
function placeUprightTitles(plotArea: XmlElement, at: NonNullable<ChartPartExtras['uprightTitles']>): void {
  for (const axis of elements(plotArea).filter((c) => AXES.includes(c.name))) {
    const side = attr(child(axis, 'c:axPos') ?? el('x'), 'val');
    const corner = side === 'l' ? at.left : side === 'r' ? at.right : undefined;
    const title = child(axis, 'c:title');
    if (!corner || !title || attr(child(axis, 'c:delete') ?? el('x'), 'val') === '1') continue;
    const manual = el('c:layout', {}, [
      el('c:manualLayout', {}, [
        el('c:xMode', { val: 'edge' }),
        el('c:yMode', { val: 'edge' }),
        el('c:x', { val: String(corner.x) }),
        el('c:y', { val: String(corner.y) }),
      ]),
    ]);
    title.children = [...elements(title).filter((c) => c.name !== 'c:layout'), manual];
    // Not turned on its side: the text body's rotation 0, written horizontally.
    for (const bodyPr of [...walk(title)].filter((e) => e.name === 'a:bodyPr')) {
      setAttr(bodyPr, 'rot', '0');
      setAttr(bodyPr, 'vert', 'horz');
    }
  }
}

/** The relationship from a chart part to its drawing. */
const USER_SHAPES_REL = 'rIdUserShapes';
const USER_SHAPES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes';
const USER_SHAPES_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml';

/** A scatter chart's x axis (its value axis at the bottom) gets its own number format. */
function scatterXFormat(plotArea: XmlElement, format: string): void {
  const x = childrenNamed(plotArea, 'c:valAx').find((a) => attr(child(a, 'c:axPos') ?? el('x'), 'val') === 'b');
  const numFmt = x && child(x, 'c:numFmt');
  // A line break in an attribute is read as a space unless written as a character reference.
  if (numFmt) setAttr(numFmt, 'formatCode', escapeXml(format).replace(/\n/g, '&#10;'));
}

/** A plot area placed by layout: its inner box (without tick labels) at fractions of the chart, from its edges. */
function placePlotArea(plotArea: XmlElement, box: Box): void {
  const manual = el('c:manualLayout', {}, [
    el('c:layoutTarget', { val: 'inner' }),
    el('c:xMode', { val: 'edge' }),
    el('c:yMode', { val: 'edge' }),
    el('c:x', { val: String(box.x) }),
    el('c:y', { val: String(box.y) }),
    el('c:w', { val: String(box.w) }),
    el('c:h', { val: String(box.h) }),
  ]);
  const layout = child(plotArea, 'c:layout');
  if (layout) layout.children = [manual];
  else plotArea.children.unshift(el('c:layout', {}, [manual]));
}

/**
 * The chart's drawing (a chartDrawing part): the target as a dashed line and its label, each
 * anchored at fractions of the chart, so that they move and scale with it.
 */
export function userShapesXml(t: NativeDrawnTarget): string {
  const anchor = (x1: number, y1: number, x2: number, y2: number, shape: string) =>
    `<cdr:relSizeAnchor><cdr:from><cdr:x>${x1}</cdr:x><cdr:y>${y1}</cdr:y></cdr:from>` +
    `<cdr:to><cdr:x>${x2}</cdr:x><cdr:y>${y2}</cdr:y></cdr:to>${shape}</cdr:relSizeAnchor>`;
  const colour = `<a:solidFill><a:srgbClr val="${t.color.replace('#', '').toUpperCase()}"/></a:solidFill>`;
  const xfrm = '<a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>';
  const line =
    `<cdr:cxnSp macro=""><cdr:nvCxnSpPr><cdr:cNvPr id="2" name="Target line" descr="${escapeXml(t.description)}"/>` +
    `<cdr:cNvCxnSpPr/></cdr:nvCxnSpPr><cdr:spPr>${xfrm}<a:prstGeom prst="line"><a:avLst/></a:prstGeom>` +
    `<a:ln w="${Math.round(t.width * 12700)}">${colour}<a:prstDash val="dash"/></a:ln></cdr:spPr></cdr:cxnSp>`;
  const l = t.label;
  const label =
    `<cdr:sp macro="" textlink=""><cdr:nvSpPr><cdr:cNvPr id="3" name="Target label"/><cdr:cNvSpPr txBox="1"/></cdr:nvSpPr>` +
    `<cdr:spPr>${xfrm}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></cdr:spPr>` +
    `<cdr:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"/><a:lstStyle/>` +
    `<a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="${escapeXml(l.lang)}" sz="${Math.round(l.size * 100)}">${colour.replace(
      t.color.replace('#', '').toUpperCase(),
      l.color.replace('#', '').toUpperCase(),
    )}<a:latin typeface="${escapeXml(l.font.latin)}"/><a:ea typeface="${escapeXml(l.font.eastAsian)}"/></a:rPr>` +
    `<a:t>${escapeXml(l.text)}</a:t></a:r></a:p></cdr:txBody></cdr:sp>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:userShapes xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    anchor(t.x, t.top, t.x, t.bottom, line) +
    anchor(l.x, l.y, Number((l.x + l.w).toFixed(5)), Number((l.y + l.h).toFixed(5)), label) +
    '</c:userShapes>'
  );
}

const flag = (name: string, on: boolean | undefined) => el(name, { val: on ? '1' : '0' });

/** The label of one point, from its series' default label (text style, number format). */
function pointLabel(label: NativePointLabel, defaults: XmlElement): XmlElement {
  const idx = el('c:idx', { val: String(label.index) });
  if (label.hidden) return el('c:dLbl', {}, [idx, el('c:delete', { val: '1' })]);
  const txPr = child(defaults, 'c:txPr');
  const style = txPr ? clone(txPr) : undefined;
  const defRPr = style && [...walk(style)].find((x) => x.name === 'a:defRPr');
  if (defRPr && label.bold !== undefined) setAttr(defRPr, 'b', label.bold ? '1' : '0');
  if (style && label.color) textColour(style)?.set(label.color);
  const numFmt = label.format
    ? el('c:numFmt', { formatCode: escapeXml(label.format), sourceLinked: '0' })
    : child(defaults, 'c:numFmt');
  // A name of our own is rich text, styled as the other labels are.
  const rich =
    label.text !== undefined && style
      ? el('c:tx', {}, [
          el(
            'c:rich',
            {},
            elements(style).map((c) =>
              c.name === 'a:p'
                ? el('a:p', {}, [
                    ...elements(c).filter((x) => x.name === 'a:pPr'),
                    el('a:r', {}, [
                      el(
                        'a:rPr',
                        { ...(defRPr ? pickRun(defRPr) : {}), lang: 'en-US' },
                        clone(defRPr ?? el('x')).children,
                      ),
                      el('a:t', {}, [escapeXml(label.text!)]),
                    ]),
                  ])
                : clone(c),
            ),
          ),
        ])
      : undefined;
  return el('c:dLbl', {}, [
    idx,
    ...(rich ? [rich] : []),
    ...(numFmt ? [clone(numFmt)] : []),
    ...(style ? [style] : []),
    ...(label.position ? [el('c:dLblPos', { val: label.position })] : []),
    flag('c:showLegendKey', false),
    flag('c:showVal', label.text === undefined && (label.value ?? !label.seriesName)),
    flag('c:showCatName', false),
    flag('c:showSerName', label.seriesName),
    flag('c:showPercent', false),
    flag('c:showBubbleSize', false),
    ...(label.seriesName && label.value ? [el('c:separator', {}, [' '])] : []),
  ]);
}

/** A run's properties as a default run's (the attributes both allow). */
function pickRun(defRPr: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['sz', 'b', 'i', 'u', 'strike']) {
    const v = attr(defRPr, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Writes the labels layout decided for single points into their series' c:dLbls. */
function applyPointLabels(plotArea: XmlElement, labels: readonly NativePointLabel[]): void {
  const charts = elements(plotArea).filter((c) => CHART_TYPES.includes(c.name));
  const series = charts.flatMap((c) => childrenNamed(c, 'c:ser').map((ser) => ({ ser, chart: c })));
  for (const label of labels) {
    const found = series[label.series];
    if (!found) continue;
    const { ser, chart } = found;
    let dLbls = child(ser, 'c:dLbls');
    if (!dLbls) {
      const shared = child(chart, 'c:dLbls');
      dLbls = shared ? clone(shared) : el('c:dLbls', {}, [flag('c:showVal', false)]);
      ser.children.push(dLbls);
    }
    const own = pointLabel(label, dLbls);
    const same = (c: XmlElement) =>
      c.name === 'c:dLbl' && attr(child(c, 'c:idx') ?? el('x'), 'val') === String(label.index);
    dLbls.children = dLbls.children.filter((c) => typeof c === 'string' || !same(c));
    const before = dLbls.children.findIndex(
      (c) =>
        typeof c !== 'string' &&
        (c.name !== 'c:dLbl' || Number(attr(child(c, 'c:idx') ?? el('x'), 'val')) > label.index),
    );
    if (before < 0) dLbls.children.push(own);
    else dLbls.children.splice(before, 0, own);
  }
}

/** A legend naming only some series: the others' entries deleted. */
function legendOnly(doc: XmlElement, plotArea: XmlElement, only: readonly number[]): void {
  const legend = [...walk(doc)].find((e) => e.name === 'c:legend');
  if (!legend) return;
  const series = elements(plotArea)
    .filter((c) => CHART_TYPES.includes(c.name))
    .flatMap((c) => childrenNamed(c, 'c:ser'));
  const entries = series.flatMap((ser, k) =>
    only.includes(k)
      ? []
      : [
          el('c:legendEntry', {}, [
            el('c:idx', { val: attr(child(ser, 'c:idx') ?? el('x'), 'val') ?? String(k) }),
            el('c:delete', { val: '1' }),
          ]),
        ],
  );
  legend.children.push(...entries);
}

/** Category labels not shown are left out of every series' category cache (a blank label). */
function blankCategories(plotArea: XmlElement, shown: readonly number[]): void {
  const keep = new Set(shown.map(String));
  for (const cat of [...walk(plotArea)].filter((e) => e.name === 'c:cat'))
    for (const cache of [...walk(cat)].filter((e) => e.name === 'c:lvl' || e.name === 'c:strCache'))
      cache.children = cache.children.filter(
        (c) => typeof c === 'string' || c.name !== 'c:pt' || keep.has(attr(c, 'idx') ?? ''),
      );
}

/** One chart part, schema-valid, with what layout decided beyond pptxgenjs's options. */
export function fixChartXml(xml: string, extras: ChartPartExtras = {}): string {
  const doc = parseXml(xml);
  const plotArea = [...walk(doc.root)].find((e) => e.name === 'c:plotArea');
  if (plotArea) {
    for (const chart of elements(plotArea).filter((c) => CHART_TYPES.includes(c.name))) {
      if (chart.name === 'c:lineChart' && !child(chart, 'c:grouping'))
        chart.children.unshift(el('c:grouping', { val: 'standard' }));
      // Only bar series may say whether negative bars invert their fill.
      if (chart.name !== 'c:barChart')
        for (const ser of childrenNamed(chart, 'c:ser'))
          for (const dPt of childrenNamed(ser, 'c:dPt'))
            dPt.children = dPt.children.filter((c) => typeof c === 'string' || c.name !== 'c:invertIfNegative');
      readableLabels(chart);
    }
    if (extras.pointLabels?.length) applyPointLabels(plotArea, extras.pointLabels);
    if (extras.shownCategories) blankCategories(plotArea, extras.shownCategories);
    if (extras.legendOnly) legendOnly(doc.root, plotArea, extras.legendOnly);
    if (extras.plotArea) placePlotArea(plotArea, extras.plotArea);
    if (extras.xFormat) scatterXFormat(plotArea, extras.xFormat);
    if (extras.uprightTitles) placeUprightTitles(plotArea, extras.uprightTitles);
    twoAxisIds(plotArea);
  }
  if (extras.drawnTarget) doc.root.children.push(el('c:userShapes', { 'r:id': USER_SHAPES_REL }));
  order(doc.root, undefined);
  return serializeXml(doc);
}

const COLUMN = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/**
 * An embedded workbook's table: its range the sheet's used range (pptxgenjs appends a stray
 * apostrophe), and each column named as its header cell says (Excel and Keynote require it);
 * an empty header cell gets the column's name written into it.
 */
export function fixWorkbookParts(text: Map<string, string>): void {
  const sheetName = 'xl/worksheets/sheet1.xml';
  const sheet = text.get(sheetName);
  const strings = text.get('xl/sharedStrings.xml');
  if (!sheet) return;
  const sheetDoc = parseXml(sheet);
  const shared = strings
    ? childrenNamed(parseXml(strings).root, 'si').map((si) =>
        [...walk(si)]
          .filter((e) => e.name === 't')
          .map((t) => t.children.filter((c): c is string => typeof c === 'string').join(''))
          .join(''),
      )
    : [];
  const dimension = [...walk(sheetDoc.root)].find((e) => e.name === 'dimension');
  const sheetData = [...walk(sheetDoc.root)].find((e) => e.name === 'sheetData');
  const firstRow = sheetData && childrenNamed(sheetData, 'row').find((r) => attr(r, 'r') === '1');
  for (const [name, xml] of text) {
    if (!/^xl\/tables\/table\d+\.xml$/.test(name)) continue;
    const table = parseXml(xml);
    const ref = (attr(table.root, 'ref') ?? '').replace(/[^A-Z0-9:]/g, '');
    const range = (dimension && attr(dimension, 'ref')) || ref;
    setAttr(table.root, 'ref', range);
    const autoFilter = child(table.root, 'autoFilter');
    if (autoFilter) setAttr(autoFilter, 'ref', range);
    const columns = child(table.root, 'tableColumns');
    if (!columns || !firstRow) {
      text.set(name, serializeXml(table));
      continue;
    }
    const used = new Set<string>();
    childrenNamed(columns, 'tableColumn').forEach((column, i) => {
      const cellRef = `${COLUMN(i + 1)}1`;
      const cell = childrenNamed(firstRow, 'c').find((c) => attr(c, 'r') === cellRef);
      const v = cell && child(cell, 'v');
      const raw = v ? v.children.filter((c): c is string => typeof c === 'string').join('') : '';
      let header = cell && attr(cell, 't') === 's' ? (shared[Number(raw)] ?? '') : raw;
      if (!header.trim()) {
        // An empty header: name it (the categories column) and write that name into the cell.
        header = i === 0 ? 'Category' : `Series ${i}`;
        const inline = el('c', { r: cellRef, t: 'inlineStr' }, [el('is', {}, [el('t', {}, [header])])]);
        if (cell) Object.assign(cell, inline);
        else firstRow.children.splice(i, 0, inline);
      }
      // Column names are unique in a table; the header cells were written from series names.
      let unique = header;
      for (let k = 2; used.has(unique.toLowerCase()); k++) unique = `${header}${k}`;
      used.add(unique.toLowerCase());
      setAttr(column, 'name', unique);
    });
    text.set(name, serializeXml(table));
  }
  // pptxgenjs relates the table to the sheet but never lists it in the sheet: without
  // tableParts no spreadsheet application sees the table at all.
  const rels = text.get('xl/worksheets/_rels/sheet1.xml.rels');
  const tableIds = rels
    ? [...rels.matchAll(/<Relationship\b[^>]*>/g)]
        .map((m) => m[0])
        .filter((r) => /relationships\/table"/.test(r))
        .map((r) => /Id="([^"]+)"/.exec(r)?.[1])
        .filter((id): id is string => !!id)
    : [];
  if (tableIds.length && !child(sheetDoc.root, 'tableParts')) {
    const parts = el(
      'tableParts',
      { count: String(tableIds.length) },
      tableIds.map((id) => el('tablePart', { 'r:id': id })),
    );
    const extLst = sheetDoc.root.children.findIndex((c) => typeof c !== 'string' && c.name === 'extLst');
    if (extLst >= 0) sheetDoc.root.children.splice(extLst, 0, parts);
    else sheetDoc.root.children.push(parts);
  }
  text.set(sheetName, serializeXml(sheetDoc));
}

/** The parts of pptxgenjs's embedded workbook that fixWorkbookParts reads and mends. */
const WORKBOOK_PARTS =
  /^xl\/(worksheets\/sheet1\.xml|worksheets\/_rels\/sheet1\.xml\.rels|sharedStrings\.xml|tables\/table\d+\.xml)$/;
/** Any time: the package writer stamps the workbook's entries with its own. */
const WORKBOOK_TIME = new Date('2000-01-01T00:00:00Z');

/**
 * Every chart part and embedded workbook of a package, fixed in place. Workbooks are re-zipped
 * here with Node's zip code (JSZip deflated them in JavaScript, ~10 ms a gallery build), stored:
 * the package writer stamps and deflates them with its fixed time afterwards.
 */
export function fixChartParts(
  text: Map<string, string>,
  binary: Map<string, Buffer>,
  extras: readonly ChartPartExtras[] = [],
): void {
  // pptxgenjs numbers chart parts from a counter in the order charts are added: the extras' order.
  const charts = [...text.keys()]
    .map((name) => ({ name, n: Number(/^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1]) }))
    .filter((c) => Number.isFinite(c.n))
    .sort((a, b) => a.n - b.n);
  charts.forEach(({ name }, i) => text.set(name, fixChartXml(text.get(name)!, extras[i])));
  // Drawings numbered in chart order, whatever pptxgenjs's part numbers: the same deck, the same names.
  let drawings = 0;
  charts.forEach(({ name }, i) => {
    const target = extras[i]?.drawnTarget;
    if (!target) return;
    const drawing = `ppt/drawings/drawing${++drawings}.xml`;
    text.set(drawing, userShapesXml(target));
    const relsName = name.replace(/^ppt\/charts\//, 'ppt/charts/_rels/') + '.rels';
    const rel = `<Relationship Id="${USER_SHAPES_REL}" Type="${USER_SHAPES_TYPE}" Target="../drawings/drawing${drawings}.xml"/>`;
    const rels =
      text.get(relsName) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    text.set(relsName, rels.replace('</Relationships>', `${rel}</Relationships>`));
    const types = text.get('[Content_Types].xml');
    if (types)
      text.set(
        '[Content_Types].xml',
        types.replace('</Types>', `<Override PartName="/${drawing}" ContentType="${USER_SHAPES_CONTENT}"/></Types>`),
      );
  });
  for (const [name, data] of binary) {
    if (!/^ppt\/embeddings\/.*\.xlsx$/.test(name)) continue;
    const entries = readZip(data);
    const parts = new Map(
      entries.filter((e) => WORKBOOK_PARTS.test(e.name)).map((e) => [e.name, e.data.toString('utf8')]),
    );
    const before = new Map(parts);
    fixWorkbookParts(parts);
    const changed = (entry: string) => parts.has(entry) && parts.get(entry) !== before.get(entry);
    // Stored, not deflated: the package writer deflates every workbook with its fixed time afterwards.
    binary.set(
      name,
      writeZip(
        entries.map((e) => ({
          ...e,
          data: changed(e.name) ? Buffer.from(parts.get(e.name)!, 'utf8') : e.data,
          store: true,
        })),
        WORKBOOK_TIME,
      ),
    );
  }
}
