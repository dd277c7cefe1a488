import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuildResult } from '../../src/index.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { latinMetricFor } from '../../src/sources/theme/from-template.js';
import { readTemplate, type Box, type HouseTemplate } from '../../src/template/index.js';
import { measureSlideText } from '../helpers/fit-check.js';
import { openPptx, shapesOf, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';
import { withInheritedBoxes } from '../helpers/template.js';
import { validatePptx } from '../office/validator.js';

/**
 * Slides of two parts on a template layout with two content placeholders ("Two Content",
 * "Comparison" of pandoc's reference template): one part in each placeholder's box, left and
 * right, measured to fit; a slide of one part spans both.
 */

const EMU = 12700;
const OUTLINE = `title: Two parts
lang: en
theme: ../templates/pandoc-reference.pptx
data: data.yaml
sections:
  - title: Columns
    divider: false
    slides:
      - type: bullets
        title: A long list in two columns
        layout: Two Content
        bullets:
          - Align further with high-standard rules, with the services sector at the core
          - Widen pilots in telecoms and healthcare; open education and culture in steps
          - Press ahead with CPTPP and DEPA accession; grow the high-standard FTA network
          - Run bolder institutional pilots and roll out proven measures faster
          - Build a free trade port with Chinese characteristics and global influence
          - Keep foreign trade stable in scale and better in structure
          - Make the business environment market-oriented, law-based and international
          - Protect the rights of foreign investors in line with the law
      - type: chart
        title: A chart and its bullets side by side
        layout: Two Content
        chart: { type: column, data: trade }
        bullets:
          - Goods trade grew each year
          - Services trade grew faster
      - type: chart
        title: The same on the comparison layout
        layout: Comparison
        chart: { type: column, data: trade }
        bullets:
          - Goods trade grew each year
          - Services trade grew faster
      - type: chart
        title: A chart alone spans both
        layout: Two Content
        chart: { type: column, data: trade }
      - type: bullets
        title: A list too long for both columns continues
        layout: Two Content
        bullets: [${Array.from({ length: 40 }, (_, i) => `"Point ${i + 1}: a measure the plan sets out, with its reason and its date"`).join(', ')}]
`;
const DATA = `trade:
  unit: "%"
  series:
    "Knowledge-intensive services": 38
    "Digitally delivered services": 40
    "Cross-border e-commerce": 67
`;
let dir = '';
let result: BuildResult;
let deck: OpenedDeck;
let template: HouseTemplate;

beforeAll(async () => {
  dir = tempProject({ 'briefdeck.yaml': '' }, ['decks', 'templates']);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  copyFileSync(
    join(REPO, 'tests/fixtures/templates/pandoc-reference.pptx'),
    join(dir, 'templates/pandoc-reference.pptx'),
  );
  writeFileSync(join(dir, 'decks/two.yaml'), OUTLINE);
  writeFileSync(join(dir, 'decks/data.yaml'), DATA);
  result = await buildDeck('decks/two.yaml', { cwd: dir, cacheDir: join(dir, 'cache') });
  deck = await openPptx(join(dir, 'out/two.pptx'));
  template = await readTemplate(readFileSync(join(dir, 'templates/pandoc-reference.pptx')), 'pandoc-reference.pptx');
}, 120_000);

const layoutOf = (target: string) => template.layouts.find((l) => l.part.endsWith(`/${target.split('/').pop()}`))!;
const contentBoxes = (name: string) =>
  template.layouts
    .find((l) => l.name === name)!
    .placeholders.filter((p) => p.type === 'obj')
    .map((p) => p.box!)
    .sort((a, b) => a.x - b.x);

/** Shapes and pictures of a slide with their boxes in points. */
function placed(xml: string): { name: string; box: Box; text: boolean; xml: string }[] {
  const sps = shapesOf(xml).map((s) => ({
    name: s.name,
    xml: s.xml,
    box: { x: s.x / EMU, y: s.y / EMU, w: s.w / EMU, h: s.h / EMU },
    text: /<a:t>/.test(s.xml),
  }));
  const pics = [...xml.matchAll(/<p:pic>([\s\S]*?)<\/p:pic>/g)].map((m) => {
    const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(m[1]!)!;
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(m[1]!)!;
    return {
      name: /name="([^"]*)"/.exec(m[1]!)![1]!,
      box: { x: +off[1]! / EMU, y: +off[2]! / EMU, w: +ext[1]! / EMU, h: +ext[2]! / EMU },
      text: false,
      xml: m[1]!,
    };
  });
  return [...sps, ...pics];
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.w <= outer.x + outer.w + 0.5 &&
  inner.y + inner.h <= outer.y + outer.h + 0.5;

describe('slides of two parts on a two-content layout', () => {
  it('builds without errors, each slide on the layout it names', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const names = deck.slides.map((s) => layoutOf(s.layout).name);
    expect(names.slice(0, 6)).toEqual([
      'Title Slide',
      'Two Content',
      'Two Content',
      'Comparison',
      'Two Content',
      'Two Content',
    ]);
    // The long list's continuations stay on the layout it names.
    expect(names.length).toBeGreaterThan(6);
    expect(new Set(names.slice(5))).toEqual(new Set(['Two Content']));
  });

  it('splits a long bullet list between the two placeholders, balanced, on one slide', () => {
    const [left, right] = contentBoxes('Two Content') as [Box, Box];
    const bodies = placed(deck.slides[1]!.xml).filter((s) => s.text && !/Title|Slide number/i.test(s.name));
    expect(bodies).toHaveLength(2);
    expect(inside(bodies[0]!.box, left)).toBe(true);
    expect(inside(bodies[1]!.box, right)).toBe(true);
    // Every bullet is on the slide, in order: the first in the left column, the last in the right,
    // four each (the bullets are of a length).
    const [leftXml, rightXml] = bodies.map((b) => b.xml);
    expect(leftXml).toContain('Align further');
    expect(rightXml).toContain('Protect the rights');
    expect(leftXml!.match(/<a:p>/g)).toHaveLength(4);
    expect(rightXml!.match(/<a:p>/g)).toHaveLength(4);
    expect(deck.slides[2]!.title).not.toContain('(cont.)');
  });

  it('puts the chart in the left placeholder and its bullets in the right one, on both layouts', () => {
    for (const [index, name] of [
      [2, 'Two Content'],
      [3, 'Comparison'],
    ] as const) {
      const [left, right] = contentBoxes(name) as [Box, Box];
      const shapes = placed(deck.slides[index]!.xml);
      const chart = shapes.find((s) => /chart/i.test(s.name) && !s.text)!;
      expect(chart, name).toBeDefined();
      expect(inside(chart.box, left), `${name}: chart ${JSON.stringify(chart.box)} in ${JSON.stringify(left)}`).toBe(
        true,
      );
      const bullets = shapes.find((s) => s.text && deck.slides[index]!.xml.includes('Services trade grew faster'))!;
      const beside = shapes.filter((s) => s.text && inside(s.box, right));
      expect(beside.length, name).toBe(1);
      expect(bullets).toBeDefined();
      // The chart takes the left box's width: not the 60 % share of the whole body.
      expect(chart.box.w).toBeGreaterThan(left.w - 2);
    }
  });

  it("puts each column's text into its own placeholder of the layout, so that Reset slide keeps it there", () => {
    const idxOf = (name: string) =>
      template.layouts
        .find((l) => l.name === name)!
        .placeholders.filter((p) => p.type === 'obj')
        .sort((a, b) => a.box!.x - b.box!.x)
        .map((p) => String(p.idx));
    const bodyPlaceholders = (xml: string) =>
      shapesOf(xml)
        .filter((s) => s.name === 'Body')
        .map((s) => /<p:ph\b[^>]*\bidx="(\d+)"/.exec(s.xml)?.[1]);
    expect(bodyPlaceholders(deck.slides[1]!.xml)).toEqual(idxOf('Two Content'));
    expect(bodyPlaceholders(deck.slides[2]!.xml)).toEqual([idxOf('Two Content')[1]]);
    // On Comparison, the right content placeholder, not the heading above it.
    expect(bodyPlaceholders(deck.slides[3]!.xml)).toEqual([idxOf('Comparison')[1]]);
  });

  it('lets a chart alone span both placeholders', () => {
    const [left, right] = contentBoxes('Two Content') as [Box, Box];
    const chart = placed(deck.slides[4]!.xml).find((s) => /chart/i.test(s.name) && !s.text)!;
    expect(chart.box.x).toBeCloseTo(left.x, 0);
    expect(chart.box.x + chart.box.w).toBeCloseTo(right.x + right.w, 0);
  });

  it('continues a list too long for both columns on further slides, in two columns again', () => {
    const pages = deck.slides.slice(5);
    for (const next of pages.slice(1)) expect(next.title).toContain('(cont.)');
    const [left, right] = contentBoxes('Two Content') as [Box, Box];
    // Every page but the last has both columns; the last at least the left.
    for (const [i, page] of pages.entries()) {
      const bodies = placed(page.xml).filter((p) => p.text && /Point/.test(p.name + page.xml));
      expect(bodies.some((b) => inside(b.box, left))).toBe(true);
      if (i < pages.length - 1) expect(bodies.some((b) => inside(b.box, right))).toBe(true);
    }
    // Each point once, in order.
    const all = pages.flatMap((p) => p.texts).join(' ');
    const at = Array.from({ length: 40 }, (_, i) => all.indexOf(`Point ${i + 1}:`));
    expect(at.every((a) => a >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('keeps every text inside its box, and gives the validator nothing to find', async () => {
    const measure = createMeasurer({
      latinMetric: latinMetricFor(template.fonts.minor.latin),
      eastAsianMetric: 'Noto Sans CJK SC',
    });
    const boxes = deck.slides.flatMap((s) =>
      measureSlideText(withInheritedBoxes(s.xml, layoutOf(s.layout)), s.index, measure),
    );
    const over = boxes.filter((b) => b.needed > b.available + 0.5);
    expect(over, JSON.stringify(over, null, 1)).toEqual([]);
    expect(await validatePptx(join(dir, 'out/two.pptx'))).toEqual([]);
  });
});
