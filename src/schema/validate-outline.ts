import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Locator } from './locator.js';
import { Outline, Slide, type OutlineInput, type SlideInput } from './outline.js';
import { ONCE, validateAgainst } from './validate.js';

export interface ValidatedOutline {
  outline: OutlineInput;
  /** False when parts were dropped because they are invalid: good for finding more errors, not for output. */
  complete: boolean;
}

/**
 * Validates an outline. When parts are wrong, the valid rest is kept (top-level fields,
 * sections, slides) so that later stages can still report their own errors in the same run.
 */
/** A slide as written, or without its unknown fields (already reported), or null. */
function salvageSlide(slide: unknown): SlideInput | null {
  const first = Slide.safeParse(slide, ONCE);
  if (first.success) return first.data;
  if (!slide || typeof slide !== 'object') return null;
  const unknown = new Set(
    first.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [])),
  );
  if (!unknown.size) return null;
  const second = Slide.safeParse(Object.fromEntries(Object.entries(slide).filter(([k]) => !unknown.has(k))), ONCE);
  return second.success ? second.data : null;
}

export function validateOutline(
  plain: unknown,
  locate: Locator,
  diagnostics: Diagnostics,
): ValidatedOutline | undefined {
  const full = validateAgainst(Outline, plain, locate, diagnostics);
  if (full) return { outline: full, complete: true };
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return undefined;
  const input = plain as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(Outline.shape)) {
    if (key === 'sections' || !(key in input)) continue;
    const r = field.safeParse(input[key], ONCE);
    if (r.success) kept[key] = r.data;
  }
  if (typeof kept.title !== 'string') kept.title = '';
  // Invalid sections and slides become null rather than being dropped, so that every
  // remaining one keeps its index and later errors still point at the right place.
  const sections = Array.isArray(input.sections) ? input.sections : [];
  kept.sections = sections.map((section: unknown) => {
    if (!section || typeof section !== 'object') return null;
    const s = section as Record<string, unknown>;
    return {
      title: typeof s.title === 'string' ? s.title : '',
      ...(typeof s.notes === 'string' ? { notes: s.notes } : {}),
      slides: (Array.isArray(s.slides) ? s.slides : []).map(salvageSlide),
    };
  });
  return { outline: kept as OutlineInput, complete: false };
}
