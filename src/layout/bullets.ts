import type { BulletText, Element, Paragraph, Box, Run } from '../model.js';
import { HEIGHT_SAFETY, lineFactor, measureBlocks, shrinkToFit, WIDTH_SAFETY, type Block } from './fit.js';
import { paragraphRuns, TEXT_INSETS, type LayoutContext, type TextContext } from './frame.js';
import { runLang } from './lang.js';
import { settleLastLine, SOFT_BREAK } from './linebreak.js';
import { typeset } from './typography.js';

/** Bullet indents in points: pptxgenjs writes marL = indent × (level + 1) with a hanging indent. */
export const BULLET_INDENT = 20;
/** Space before a bullet as a multiple of the body size: the least, and the most a tall box spreads it to. */
export const SPACE_BEFORE = { 0: 0.55, 1: 0.2 } as const;
const MAX_SPACE_BEFORE = 1.6;

/** A bullet split into its optional bold lead-in (`**lead:** text`) and the rest. */
export function leadIn(text: string): { lead?: string; rest: string } {
  const m = /^\*\*(.+?)\*\*\s*(.*)$/s.exec(text);
  return m ? { lead: m[1]!, rest: m[2]! } : { rest: text };
}

/** The bullet as the reader sees it: the lead-in's markers gone. */
export function plainBullet(text: string): string {
  const { lead, rest } = leadIn(typeset(text, { glue: true }));
  if (lead === undefined) return rest;
  // A lead-in ending in full-width punctuation ("主动开放：") needs no space after it.
  return /[\u3000-\u303f\uff00-\uffef]$/.test(lead) ? `${lead}${rest}` : `${lead} ${rest}`;
}

export function bulletBlocks(bullets: readonly BulletText[], spacing = 1): Block[] {
  return bullets.map((b) => ({
    text: plainBullet(b.text),
    indent: BULLET_INDENT * (b.level + 1),
    spaceBefore: SPACE_BEFORE[b.level] * spacing,
    // A lead-in is bold: measuring the whole bullet bold errs on the safe side.
    ...(leadIn(b.text).lead !== undefined ? { bold: true } : {}),
  }));
}

/** Sub-bullets are set two points under the body, never under the body floor. */
function levelSize(level: 0 | 1, size: number, ctx: LayoutContext): number {
  return level === 0 ? size : ctx.scale.subBullet(size);
}

export function bulletParagraphs(
  bullets: readonly BulletText[],
  size: number,
  color: string,
  ctx: LayoutContext & TextContext,
  /** The box's text width, for settling last lines; without it they are left as they wrap. */
  width = Infinity,
  spacing = 1,
): Paragraph[] {
  return bullets.map((b, i) => {
    const s = levelSize(b.level, size, ctx);
    const plain = plainBullet(b.text);
    const { lead } = leadIn(b.text);
    const settled = settleLastLine(plain, (width - BULLET_INDENT * (b.level + 1)) * WIDTH_SAFETY, (t) =>
      ctx.measure.width(t, s, lead !== undefined),
    );
    // Soft breaks would shift the lead-in's end: a bullet with a lead-in keeps only length-preserving ties.
    const shown = lead !== undefined && settled.includes(SOFT_BREAK) ? plain : settled;
    const run = (text: string, bold: boolean): Run => ({
      text,
      size: s,
      color,
      ...(bold ? { bold } : {}),
      font: ctx.face,
      lang: runLang(text, ctx.lang),
    });
    // The settled text keeps the lead-in's characters in place: split it at the lead-in's length.
    const parts =
      lead === undefined
        ? [run(shown, false)]
        : [run(shown.slice(0, lead.length), true), run(shown.slice(lead.length), false)];
    return {
      runs: paragraphRuns(parts, ctx.face),
      level: b.level,
      bullet: true,
      indent: BULLET_INDENT,
      align: 'left',
      lineHeight: s * lineFactor(plain),
      spaceBefore: i === 0 ? 0 : SPACE_BEFORE[b.level] * spacing * size,
    };
  });
}

/** Height of a bullet list at one size (sub-bullets smaller), and whether a word had to break. */
function measureAt(
  bullets: readonly BulletText[],
  width: number,
  size: number,
  ctx: LayoutContext,
  spacing = 1,
): { height: number; brokeWord: boolean } {
  let height = 0;
  let brokeWord = false;
  bulletBlocks(bullets, spacing).forEach((block, i) => {
    const s = levelSize(bullets[i]!.level, size, ctx);
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

const inner = (box: Box) => ({
  width: box.w - TEXT_INSETS.l - TEXT_INSETS.r,
  height: (box.h - TEXT_INSETS.t - TEXT_INSETS.b) * HEIGHT_SAFETY,
});

/** The largest size from `size` to `minSize` at which the bullets fit the box, 5 % of it kept free. */
export function fitBullets(
  bullets: readonly BulletText[],
  box: Box,
  size: number,
  minSize: number,
  ctx: LayoutContext,
): BulletFit {
  const { width, height } = inner(box);
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
  const { width, height } = inner(box);
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

/**
 * A bullet list in its box, from the box's top. With `fill`, a list shorter than its box uses
 * some of the height: the space between bullets grows (up to MAX_SPACE_BEFORE); what is still
 * free stays below the list, so the first bullet of every slide stands at one y.
 */
export function bulletsElement(
  bullets: readonly BulletText[],
  box: Box,
  size: number,
  ctx: LayoutContext,
  options: { name?: string; fill?: boolean } = {},
): Element {
  const { width, height } = inner(box);
  let spacing = 1;
  if (options.fill && bullets.length > 1) {
    const base = measureAt(bullets, width, size, ctx, 1);
    const gaps = bullets.slice(1).reduce((a, b) => a + SPACE_BEFORE[b.level] * size, 0);
    const free = height - base.height;
    if (free > 0 && gaps > 0) spacing = Math.min(MAX_SPACE_BEFORE / SPACE_BEFORE[0], 1 + free / gaps);
    // The list starts at the body's top whatever its length: every slide's body begins at one y.
  }
  return {
    kind: 'text',
    name: options.name ?? 'Body',
    role: 'body',
    box,
    paragraphs: bulletParagraphs(
      bullets,
      size,
      ctx.theme.palette.text,
      ctx,
      box.w - TEXT_INSETS.l - TEXT_INSETS.r,
      spacing,
    ),
    valign: 'top',
    insets: TEXT_INSETS,
  };
}
