import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { UNIT_SHARE } from '../../src/layout/slides/stats.js';
import { hasEastAsian } from '../../src/script.js';
import { openPptx, shapesOf, textsOf, type OpenedDeck } from '../helpers/pptx.js';
import { REPO, tempProject } from '../helpers/project.js';

/** The design rules of issue 9, read from the XML of the shipped decks as they are built. */
const DECKS = ['opening-up', 'opening-up-zh', 'chart-gallery', 'slide-gallery'] as const;
const decks = new Map<string, OpenedDeck>();

beforeAll(async () => {
  const out = join(tempProject(), 'out');
  for (const name of DECKS) {
    const r = await buildDeck(`decks/${name}.yaml`, { cwd: REPO, outDir: out, cacheDir: false });
    expect(r.ok, `${name}: ${r.diagnostics.map((d) => d.message).join('; ')}`).toBe(true);
    decks.set(name, await openPptx(join(out, `${name}.pptx`)));
  }
}, 120_000);

interface RunInfo {
  text: string;
  size: number;
  italic: boolean;
  latin: string;
}
interface ParaInfo {
  text: string;
  runs: RunInfo[];
  /** Exact line pitch in points, if written. */
  pitch?: number;
}

function paragraphs(xml: string): ParaInfo[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => {
    const runs = [...p[1]!.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)]
      .map((r) => ({
        text: textsOf(r[1]!).join(''),
        size: Number(/ sz="(\d+)"/.exec(r[1]!)?.[1] ?? 0) / 100,
        italic: / i="1"/.test(r[1]!),
        latin: /<a:latin typeface="([^"]*)"/.exec(r[1]!)?.[1] ?? '',
      }))
      // The 1 pt ideographic space before an opening “ (see paragraphRuns) is no text of any role.
      .filter((r) => !(r.text === '\u3000' && r.size === 1));
    const pitch = /<a:lnSpc><a:spcPts val="(\d+)"\/>/.exec(p[1]!)?.[1];
    return { text: runs.map((r) => r.text).join(''), runs, ...(pitch ? { pitch: Number(pitch) / 100 } : {}) };
  });
}

const shapes = (deck: OpenedDeck) =>
  deck.slides.flatMap((s) => shapesOf(s.xml).map((sh) => ({ ...sh, slide: s.index })));

describe.each(DECKS)('%s', (name) => {
  const deck = () => decks.get(name)!;

  it('sets every headline figure of the deck at one size, and every unit at half of it', () => {
    const runs = shapes(deck())
      .filter((s) => /^Stat \d+ value$/.test(s.name))
      .flatMap((s) => paragraphs(s.xml).flatMap((p) => p.runs.map((r) => r.size)));
    const figure = Math.max(...runs);
    expect(new Set(runs.filter((size) => size !== figure))).toEqual(
      new Set(runs.some((size) => size !== figure) ? [Math.round(figure * UNIT_SHARE * 2) / 2] : []),
    );
  });

  it('sets every slide title, and all body text, at one size per role, body at or above the 18 pt floor', () => {
    // Content slides (those with the short rule under their title): opening and section slides have their own roles.
    const titles = new Set(
      deck()
        .slides.map((s) => shapesOf(s.xml))
        .filter((sh) => sh.some((x) => x.name === 'Title rule'))
        .flatMap((sh) => sh.filter((x) => x.isTitle))
        .flatMap((sh) => paragraphs(sh.xml).flatMap((p) => p.runs.map((r) => r.size))),
    );
    expect(titles.size).toBe(1);
    const body = shapes(deck())
      .filter((s) => s.name === 'Body')
      .flatMap((s) => paragraphs(s.xml).flatMap((p) => p.runs));
    // The chart gallery has charts only.
    if (name !== 'chart-gallery') expect(body.length).toBeGreaterThan(0);
    for (const r of body) expect(r.size, r.text).toBeGreaterThanOrEqual(18);
  });

  it('rules tables horizontally only, with no filled cells', () => {
    for (const slide of deck().slides) {
      for (const tc of slide.xml.matchAll(/<a:tcPr[^>]*>([\s\S]*?)<\/a:tcPr>/g)) {
        const props = tc[1]!;
        for (const side of ['lnL', 'lnR']) {
          const line = new RegExp(`<a:${side}[^>]*>([\\s\\S]*?)</a:${side}>`).exec(props);
          if (line) expect(line[1], `slide ${slide.index} ${side}`).toMatch(/<a:noFill\/>/);
        }
        expect(props.replace(/<a:ln[LRTB][\s\S]*?<\/a:ln[LRTB]>/g, '')).not.toMatch(/<a:solidFill>/);
      }
    }
  });

  it('sets CJK text at a line pitch of 1.35–1.5 and never in italic', () => {
    const paras = shapes(deck()).flatMap((s) => paragraphs(s.xml));
    for (const p of paras.filter((p) => hasEastAsian(p.text) && p.pitch !== undefined)) {
      const size = Math.max(...p.runs.map((r) => r.size));
      expect(p.pitch! / size, p.text).toBeGreaterThanOrEqual(1.35);
      expect(p.pitch! / size, p.text).toBeLessThanOrEqual(1.5);
    }
    for (const r of paras.flatMap((p) => p.runs).filter((r) => hasEastAsian(r.text)))
      expect(r.italic, r.text).toBe(false);
  });

  it('sets caption and source as one foot note above the footer rule, clear of the slide number', async () => {
    const EMU = 12700;
    // The slide-number placeholder of the layouts (its box is inherited by every content slide).
    const layouts = deck().names.filter((n) => /^ppt\/slide(Layouts|Masters)\/[^/]+\.xml$/.test(n));
    const numbers = (await Promise.all(layouts.map((n) => deck().file(n))))
      .flatMap((xml) => shapesOf(xml))
      .filter((s) => /<p:ph[^>]*type="sldNum"/.test(s.xml));
    expect(numbers.length).toBeGreaterThan(0);
    let notes = 0;
    for (const slide of deck().slides) {
      const sh = shapesOf(slide.xml);
      const source = sh.find((s) => s.name === 'Source');
      const caption = sh.find((s) => s.name === 'Caption');
      for (const note of [source, caption].filter((s) => s !== undefined)) {
        notes++;
        for (const n of numbers) expect(note.y + note.h, `slide ${slide.index} ${note.name}`).toBeLessThanOrEqual(n.y);
      }
      // Together: the caption ends just above the source line (2 pt), never a line's height away.
      if (source && caption) {
        const gap = (source.y - caption.y - caption.h) / EMU;
        expect(gap, `slide ${slide.index}`).toBeGreaterThanOrEqual(0);
        expect(gap, `slide ${slide.index}`).toBeLessThanOrEqual(4);
      }
      // Nothing of the body reaches into the foot note.
      const top = Math.min(...[source, caption].filter((s) => s !== undefined).map((s) => s.y));
      for (const s of sh.filter((s) => s !== source && s !== caption && !s.isTitle && s.h > 0))
        if (s.x < 12192000 && s.y + s.h > 0 && s.y < top)
          expect(s.y + s.h, `slide ${slide.index} ${s.name}`).toBeLessThanOrEqual(top);
    }
    expect(notes).toBeGreaterThan(0);
  });

  it('starts charts, tables and stat cards at one top under the title rule, figures on one baseline', () => {
    const EMU = 12700;
    const boxOf = (xml: string) => {
      const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(xml);
      return { y: Number(off?.[2] ?? 0) };
    };
    let seen = 0;
    for (const slide of deck().slides) {
      const sh = shapesOf(slide.xml);
      const rule = sh.find((s) => s.name === 'Title rule');
      if (!rule) continue;
      // Cards and tables start 33 pt under the rule's top (30 pt clear of it); charts, which have
      // no top rule of their own, 18 pt.
      const frames = [...slide.xml.matchAll(/<p:graphicFrame>([\s\S]*?)<\/p:graphicFrame>/g)].map((m) => m[1]!);
      const tops = [
        ...sh.filter((s) => s.name === 'Stat 1 card').map((s) => ({ y: s.y, gap: 33 })),
        ...frames.map((f) => ({ y: boxOf(f).y, gap: f.includes('drawingml/2006/chart') ? 18 : 33 })),
        ...[...slide.xml.matchAll(/<p:pic>([\s\S]*?)<\/p:pic>/g)]
          .filter((m) => /name="Chart"/.test(m[1]!))
          .map((m) => ({ y: boxOf(m[1]!).y, gap: 18 })),
      ];
      for (const top of tops) expect((top.y - rule.y) / EMU, `slide ${slide.index}`).toBeCloseTo(top.gap, 0);
      seen += tops.length;
      const values = sh.filter((s) => /^Stat \d+ value$/.test(s.name));
      const rowsOf = new Set(values.map((v) => v.y));
      const pitches = new Set(values.map((v) => /<a:spcPts val="(\d+)"/.exec(v.xml)?.[1]));
      // Cards of one row share their figure's top and line pitch: one baseline.
      if (values.length) expect(pitches.size, `slide ${slide.index}`).toBe(1);
      if (values.length && values.length <= 3) expect(rowsOf.size, `slide ${slide.index}`).toBe(1);
    }
    if (name !== 'chart-gallery') expect(seen).toBeGreaterThan(0);
  });

  it('has no caption in italic', () => {
    for (const s of shapes(deck()).filter((s) => s.name === 'Caption'))
      for (const r of paragraphs(s.xml).flatMap((p) => p.runs)) expect(r.italic, r.text).toBe(false);
  });
});

describe('the Chinese flagship', () => {
  const zh = () => decks.get('opening-up-zh')!;
  const allText = () => zh().slides.flatMap((s) => s.texts);

  it('writes numbers the Chinese way: 万 and 亿, no thousands separators', () => {
    const text = allText().join('\n');
    expect(text).not.toMatch(/\d,\d{3}/);
    expect(text).toMatch(/12万家/);
    expect(text).toMatch(/\d+亿美元/);
  });

  it('keeps a measure word with its figure on stat cards', () => {
    const values = shapes(zh())
      .filter((s) => /^Stat \d+ value$/.test(s.name))
      .map((s) => textsOf(s.xml).join(''));
    expect(values).toContain('8年');
    expect(values).toContain('22个');
  });

  it('sets quotation marks beside Chinese text in the East Asian face', () => {
    // In text boxes; table cells are written with one face per cell (not yet split).
    const runs = shapes(zh())
      .flatMap((s) => paragraphs(s.xml))
      .filter((p) => hasEastAsian(p.text))
      // A line-start opening quote is set half-width in the Latin face (see the next block).
      .flatMap((p) => p.runs.filter((r, i) => !(i === 0 && /^[“‘]+$/.test(r.text))))
      .filter((r) => /[“”]/.test(r.text))
      // Marks around an English title (the Sources slide) stay in its Latin run, as in English.
      .filter((r) => !/[A-Za-z][“”]|[“”][A-Za-z]/.test(r.text));
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r.latin, r.text).toBe('Microsoft YaHei');
  });
});

describe('an opening quotation mark at the start of a Chinese paragraph', () => {
  it('stands behind a 1 pt ideographic space, in text boxes and table cells, so no viewer sets it as Latin', () => {
    const zh = decks.get('opening-up-zh')!;
    const paras = zh.slides.flatMap((s) => [...s.xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1]!));
    const runsOf = (p: string) =>
      [...p.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((r) => ({
        text: textsOf(r[1]!).join(''),
        size: Number(/ sz="(\d+)"/.exec(r[1]!)?.[1] ?? 0) / 100,
        latin: /<a:latin typeface="([^"]*)"/.exec(r[1]!)?.[1] ?? '',
      }));
    const opening = paras.map(runsOf).filter((runs) =>
      runs
        .map((r) => r.text)
        .join('')
        .replace(/^\u3000/, '')
        .startsWith('“'),
    );
    // Slide titles, table cells and the quotation of the Chinese flagship open with “.
    expect(opening.length).toBeGreaterThanOrEqual(5);
    for (const runs of opening) {
      expect(runs[0], runs.map((r) => r.text).join('')).toMatchObject({
        text: '\u3000',
        size: 1,
        latin: 'Microsoft YaHei',
      });
      expect(runs[1]!.text.startsWith('“')).toBe(true);
      // The “ itself is set in the Latin face: half-width, its ink on the grid (design review §2).
      expect(runs[1]!.latin).toBe('Calibri');
    }
    // English text is left alone.
    const en = decks.get('opening-up')!;
    expect(en.slides.some((s) => s.xml.includes('<a:t>\u3000</a:t>'))).toBe(false);
  });
});

describe('stat cards of the English flagship', () => {
  it('draw one accent bar colour on every card', () => {
    const en = decks.get('opening-up')!;
    const colours = new Set(
      shapes(en)
        .filter((s) => /^Stat \d+ bar$/.test(s.name))
        .map((s) => /<a:srgbClr val="([0-9A-F]{6})"/.exec(s.xml)?.[1]),
    );
    expect(colours.size).toBe(1);
  });
});
