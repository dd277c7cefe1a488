import { describe, expect, it } from 'vitest';
import { layoutBulletsSlide } from '../../../src/layout/slides/bullets.js';
import type { Element, LaidOutSlide, ResolvedSlide } from '../../../src/model.js';
import { BASE_THEME } from '../../../src/resolve/theme.js';
import { fakeContext, HERE } from '../../helpers/layout.js';

type Slide = Extract<ResolvedSlide, { kind: 'bullets' }>;
const slideOf = (title: string, texts: string[]): Slide => ({
  kind: 'bullets',
  title,
  notes: 'Say this.',
  sources: ['s1'],
  at: HERE,
  bullets: texts.map((text) => ({ text, level: 0 })),
});
type Text = Extract<Element, { kind: 'text' }>;
const texts = (s: LaidOutSlide, role: Text['role']) =>
  s.elements.filter((e): e is Text => e.kind === 'text' && e.role === role);

describe('bullets slides (fake measurer)', () => {
  it('keeps a short list on one slide at the body size, with its source line and notes', () => {
    const ctx = fakeContext({ sourceLines: new Map([['s1', 'Guangming Daily, 27 Oct 2025']]) });
    const [slide, ...more] = layoutBulletsSlide(slideOf('Three points', ['One', 'Two', 'Three']), ctx);
    expect(more).toEqual([]);
    const body = texts(slide!, 'body')[0]!;
    expect(body.paragraphs.map((p) => [p.runs[0]!.text, p.runs[0]!.size])).toEqual([
      ['One', BASE_THEME.sizes.body],
      ['Two', BASE_THEME.sizes.body],
      ['Three', BASE_THEME.sizes.body],
    ]);
    expect(texts(slide!, 'other').map((t) => t.paragraphs[0]!.runs[0]!.text)).toEqual([
      'Source: Guangming Daily, 27 Oct 2025',
    ]);
    expect(slide!.notes).toBe('Say this.');
    expect(ctx.fit.stats).toEqual({ shrunk: 0, split: 0 });
  });

  it('continues a long list on slides titled "(cont.)", every bullet once and in order, and counts one split', () => {
    const ctx = fakeContext();
    const items = Array.from({ length: 30 }, (_, i) => `Point ${i + 1}`);
    const slides = layoutBulletsSlide(slideOf('Thirty points', items), ctx);
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.map((s) => texts(s, 'title')[0]!.paragraphs[0]!.runs[0]!.text)).toEqual([
      'Thirty points',
      ...slides.slice(1).map(() => 'Thirty points (cont.)'),
    ]);
    const shown = slides.flatMap((s) => texts(s, 'body')[0]!.paragraphs.map((p) => p.runs[0]!.text));
    expect(shown).toEqual(items);
    // Continued pages keep the body size: shrinking is tried on the whole list only.
    for (const s of slides) expect(texts(s, 'body')[0]!.paragraphs[0]!.runs[0]!.size).toBe(BASE_THEME.sizes.body);
    expect(ctx.fit.stats).toEqual({ shrunk: 0, split: 1 });
    expect(ctx.diagnostics.items.map((d) => d.message)).toEqual([`bullets continued over ${slides.length} slides`]);
  });

  it('titles continued Chinese slides with （续）', () => {
    const items = Array.from({ length: 30 }, (_, i) => `第${i + 1}点`);
    const slides = layoutBulletsSlide(slideOf('三十点', items), fakeContext({ lang: 'zh' }));
    expect(texts(slides[1]!, 'title')[0]!.paragraphs[0]!.runs[0]).toMatchObject({
      text: '三十点（续）',
      lang: 'zh-CN',
    });
  });
});
