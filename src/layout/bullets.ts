import type { BulletText, Element, Paragraph, Box } from '../model.js';
import { LINE_HEIGHT, measureBlocks, shrinkToFit, type Block } from './fit.js';
import { TEXT_INSETS, type LayoutContext, type TextContext } from './frame.js';
import { runLang } from './lang.js';

/** Bullet indents in points: pptxgenjs writes marL = indent × (level + 1) with a hanging indent. */
export const BULLET_INDENT = 20;
const SPACE_BEFORE = { 0: 0.55, 1: 0.2 } as const;

export function bulletBlocks(bullets: readonly BulletText[]): Block[] {
  return bullets.map((b) => ({
    text: b.text,
    indent: BULLET_INDENT * (b.level + 1),
    spaceBefore: SPACE_BEFORE[b.level],
  }));
}

export function bulletParagraphs(
  bullets: readonly BulletText[],
  size: number,
  color: string,
  ctx: TextContext,
): Paragraph[] {
  return bullets.map((b, i) => {
    const s = b.level === 0 ? size : Math.max(size - 2, 10);
    return {
      runs: [{ text: b.text, size: s, color, font: ctx.face, lang: runLang(b.text, ctx.lang) }],
      level: b.level,
      bullet: true,
      indent: BULLET_INDENT,
      align: 'left',
      lineHeight: s * LINE_HEIGHT,
      spaceBefore: i === 0 ? 0 : SPACE_BEFORE[b.level] * size,
    };
  });
}

/** Height of a bullet list at one size (sub-bullets are set 2 pt smaller), and whether a word had to break. */
function measureAt(
  bullets: readonly BulletText[],
  width: number,
  size: number,
  ctx: LayoutContext,
): { height: number; brokeWord: boolean } {
  let height = 0;
  let brokeWord = false;
  bulletBlocks(bullets).forEach((block, i) => {
    const s = bullets[i]!.level === 0 ? size : Math.max(size - 2, 10);
    const m = measureBlocks([block], width, s, ctx.measure);
    brokeWord ||= m.brokeWord;
    height += m.height + (i > 0 ? (block.spaceBefore ?? 0) * size : 0);
  });
  return { height, brokeWord };
}

export interface BulletFit {
  size: number;
  fits: boolean;
  height: number;
  /** A word wider than the box at this size. */
  brokeWord: boolean;
}

/** The largest size from `size` to `minSize` at which the bullets fit the box. */
export function fitBullets(
  bullets: readonly BulletText[],
  box: Box,
  size: number,
  minSize: number,
  ctx: LayoutContext,
): BulletFit {
  const width = box.w - TEXT_INSETS.l - TEXT_INSETS.r;
  const height = box.h - TEXT_INSETS.t - TEXT_INSETS.b;
  return shrinkToFit(size, minSize, (s) => {
    const m = measureAt(bullets, width, s, ctx);
    return { fits: m.height <= height + 1e-6 && !m.brokeWord, height: m.height, brokeWord: m.brokeWord };
  });
}

/** Groups a bullet with its sub-bullets, so a split never strands a sub-bullet. */
export function bulletGroups(bullets: readonly BulletText[]): BulletText[][] {
  const groups: BulletText[][] = [];
  for (const b of bullets) {
    if (b.level === 0 || groups.length === 0) groups.push([b]);
    else groups[groups.length - 1]!.push(b);
  }
  return groups;
}

/** Packs groups into pages that each fit the box at `size`; a group too big alone gets its own page. */
export function packBullets(
  bullets: readonly BulletText[],
  box: Box,
  size: number,
  ctx: LayoutContext,
): BulletText[][] {
  const width = box.w - TEXT_INSETS.l - TEXT_INSETS.r;
  const height = box.h - TEXT_INSETS.t - TEXT_INSETS.b;
  const pages: BulletText[][] = [];
  let page: BulletText[] = [];
  for (const group of bulletGroups(bullets)) {
    const candidate = [...page, ...group];
    if (page.length && measureAt(candidate, width, size, ctx).height > height) {
      pages.push(page);
      page = [...group];
    } else {
      page = candidate;
    }
  }
  if (page.length) pages.push(page);
  return pages;
}

export function bulletsElement(
  bullets: readonly BulletText[],
  box: Box,
  size: number,
  ctx: LayoutContext,
  name = 'Body',
): Element {
  return {
    kind: 'text',
    name,
    role: 'body',
    box,
    paragraphs: bulletParagraphs(bullets, size, ctx.theme.palette.text, ctx),
    valign: 'top',
    insets: TEXT_INSETS,
  };
}
