import { describe, expect, it } from 'vitest';
import {
  BULLET_INDENT,
  bulletGroups,
  bulletParagraphs,
  bulletsElement,
  fitBullets,
  packBullets,
} from '../../src/layout/bullets.js';
import { LINE_HEIGHT } from '../../src/layout/fit.js';
import { TEXT_INSETS } from '../../src/layout/frame.js';
import type { BulletText } from '../../src/model.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { fakeContext } from '../helpers/layout.js';

const top = (text: string): BulletText => ({ text, level: 0 });
const sub = (text: string): BulletText => ({ text, level: 1 });
const insets = TEXT_INSETS.t + TEXT_INSETS.b;
/** Height of n one-line top-level bullets at a size: lines plus the space before each after the first. */
const oneLiners = (n: number, size: number) => n * size * LINE_HEIGHT + (n - 1) * 0.55 * size;

describe('bullet paragraphs', () => {
  it('sets sub-bullets 2 pt smaller (never below 10 pt), spaced less, in the deck faces and language', () => {
    const ctx = fakeContext({ lang: 'en' });
    const [a, b, c] = bulletParagraphs([top('One'), sub('One a'), top('中国')], 20, '112233', ctx);
    expect(a).toMatchObject({ level: 0, bullet: true, indent: BULLET_INDENT, spaceBefore: 0 });
    expect(a!.runs[0]).toMatchObject({ size: 20, color: '112233', font: ctx.face, lang: 'en-US' });
    expect(b).toMatchObject({ level: 1, spaceBefore: 0.2 * 20, lineHeight: 18 * LINE_HEIGHT });
    expect(b!.runs[0]!.size).toBe(18);
    expect(c).toMatchObject({ spaceBefore: 0.55 * 20 });
    expect(c!.runs[0]!.lang).toBe('zh-CN');
    expect(bulletParagraphs([sub('tiny')], 11, '000000', ctx)[0]!.runs[0]!.size).toBe(10);
  });

  it('makes a body text box in the theme text colour', () => {
    const ctx = fakeContext();
    const e = bulletsElement([top('One')], { x: 1, y: 2, w: 3, h: 4 }, 20, ctx);
    expect(e).toMatchObject({ kind: 'text', role: 'body', name: 'Body', box: { x: 1, y: 2, w: 3, h: 4 } });
    expect(e.kind === 'text' && e.paragraphs[0]!.runs[0]!.color).toBe(BASE_THEME.palette.text);
  });
});

describe('fitting bullets (fake measurer)', () => {
  const box = (h: number) => ({ x: 0, y: 0, w: 400, h });

  it('keeps the size when the list fits', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map(top);
    const r = fitBullets(five, box(oneLiners(5, 20) + insets), 20, 14, fakeContext());
    expect(r).toMatchObject({ fits: true, size: 20, height: oneLiners(5, 20) });
  });

  it('shrinks by half points to the largest size that fits', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map(top);
    const room = 150;
    // Five one-line bullets need 5 × 1.2 s + 4 × 0.55 s = 8.2 s.
    const largest = Math.floor(((room - insets) / 8.2) * 2) / 2;
    expect(fitBullets(five, box(room), 20, 14, fakeContext())).toMatchObject({ fits: true, size: largest });
  });

  it('does not fit, at the minimum, a word wider than the box', () => {
    // 400 pt less the 20 pt indent: a 60-character word needs 30 em, 420 pt at 14 pt.
    const r = fitBullets([top('x'.repeat(60))], box(400), 20, 14, fakeContext());
    expect(r).toMatchObject({ fits: false, size: 14, brokeWord: true });
  });
});

describe('packing bullets into slides (fake measurer)', () => {
  it('keeps each bullet with its sub-bullets', () => {
    expect(bulletGroups([top('A'), sub('a1'), sub('a2'), top('B'), top('C'), sub('c1')])).toEqual([
      [top('A'), sub('a1'), sub('a2')],
      [top('B')],
      [top('C'), sub('c1')],
    ]);
  });

  it('fills each page, in order, with as many bullets as fit', () => {
    const ten = Array.from({ length: 10 }, (_, i) => top(`Bullet ${i + 1}`));
    const pages = packBullets(ten, { x: 0, y: 0, w: 400, h: oneLiners(3, 20) + insets }, 20, fakeContext());
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat()).toEqual(ten);
  });

  it('never strands a sub-bullet at the top of a page', () => {
    const list = [top('A'), sub('a1'), sub('a2'), top('B'), top('C')];
    // Room for A with its two sub-bullets (24 + 2 × (4 + 21.6) pt) but not for B too.
    const pages = packBullets(list, { x: 0, y: 0, w: 400, h: 100 }, 20, fakeContext());
    expect(pages).toEqual([
      [top('A'), sub('a1'), sub('a2')],
      [top('B'), top('C')],
    ]);
  });

  it('gives a group too big for any page a page of its own', () => {
    const big = [top('A'), ...Array.from({ length: 8 }, (_, i) => sub(`a${i}`)), top('B')];
    const pages = packBullets(big, { x: 0, y: 0, w: 400, h: 100 }, 20, fakeContext());
    expect(pages).toEqual([big.slice(0, 9), [top('B')]]);
  });
});
