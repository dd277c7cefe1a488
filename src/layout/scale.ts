import type { Origin } from '../diagnostics/diagnostic.js';
import type { ThemeSizes } from '../model.js';

/**
 * The deck's type scale: one size per role across the whole deck. A reader who sees titles at
 * 30 pt on one slide and 26 pt on the next reads a difference in importance that is not there.
 *
 * Layout runs twice. The first pass (`probe`) lets every text shrink within its role's range and
 * records the size each needed; the deck's size for a role is the smallest of those. The second
 * pass (`hold`) sets every text of the role at that one size: what does not fit at it continues
 * on a further slide instead of shrinking further.
 */
export type Role = 'title' | 'body' | 'side' | 'statValue' | 'statLabel' | 'caption' | 'source';

/** How far body text may shrink below its theme size before it continues on a further slide instead. */
export const SMALL_SHRINK = 2;

export interface RoleRange {
  /** The size to start from. */
  size: number;
  /** The smallest size this pass may fit at. */
  min: number;
}

interface Need {
  size: number;
  at: Origin;
}

export class TypeScale {
  private readonly needs = new Map<Role, Need[]>();
  private constructor(
    readonly sizes: ThemeSizes,
    private readonly heldSizes: ReadonlyMap<Role, number> | undefined,
  ) {}

  /** The first pass: every role may shrink within its theme range; needs are recorded. */
  static probe(sizes: ThemeSizes): TypeScale {
    return new TypeScale(sizes, undefined);
  }

  /** The second pass: each role held at the smallest size the probe needed for it. */
  hold(): TypeScale {
    const sizes = new Map<Role, number>();
    for (const role of ROLES) {
      const needs = this.needs.get(role) ?? [];
      sizes.set(role, Math.min(themeRange(this.sizes, role).size, ...needs.map((n) => n.size)));
    }
    return new TypeScale(this.sizes, sizes);
  }

  /** The texts that pulled a role below its theme size in the probe. */
  pulledDown(role: Role): Need[] {
    const theme = themeRange(this.sizes, role).size;
    return (this.needs.get(role) ?? []).filter((n) => n.size < theme);
  }

  get holding(): boolean {
    return this.heldSizes !== undefined;
  }

  /** The size range a text of `role` may be fitted in on this pass. */
  range(role: Role): RoleRange {
    const held = this.heldSizes?.get(role);
    if (held !== undefined) return { size: held, min: held };
    return themeRange(this.sizes, role);
  }

  /** The deck's size for a role (the theme size while probing). */
  size(role: Role): number {
    return this.range(role).size;
  }

  /** Sub-bullets: two points under the body, never under the body floor. */
  subBullet(body: number): number {
    return Math.max(Math.min(this.sizes.bodyMin, body), body - 2);
  }

  /** Records the size a text of `role` at `at` needed in the probe. */
  need(role: Role, size: number, at: Origin): void {
    if (this.heldSizes) return;
    const list = this.needs.get(role) ?? [];
    list.push({ size, at });
    this.needs.set(role, list);
  }
}

const ROLES: readonly Role[] = ['title', 'body', 'side', 'statValue', 'statLabel', 'caption', 'source'];

/** Each role's theme size and how far the probe may shrink it. */
export function themeRange(s: ThemeSizes, role: Role): RoleRange {
  const bodyFloor = Math.max(s.bodyMin, s.body - SMALL_SHRINK);
  switch (role) {
    case 'title':
      return { size: s.title, min: s.titleMin };
    case 'body':
      return { size: s.body, min: Math.min(bodyFloor, s.body) };
    case 'side': {
      const side = Math.max(Math.min(s.body, s.chartBullets), s.bodyMin);
      return { size: side, min: Math.min(side, Math.max(s.bodyMin, side - SMALL_SHRINK)) };
    }
    case 'statValue':
      return { size: s.statValue, min: s.statValueMin };
    case 'statLabel':
      return { size: s.statLabel, min: s.statLabelMin };
    case 'caption':
      return { size: s.caption, min: s.captionMin };
    case 'source':
      return { size: s.source, min: s.sourceMin };
  }
}
