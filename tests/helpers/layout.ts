import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import type { LayoutContext } from '../../src/layout/frame.js';
import { createLayoutContext } from '../../src/layout/index.js';
import type { TextMeasurer } from '../../src/layout/measure.js';
import type { Theme } from '../../src/model.js';
import { BASE_THEME } from '../../src/resolve/theme.js';
import { hasEastAsian } from '../../src/script.js';
import { rangeOrigin } from '../../src/sources/origin.js';

/**
 * A measurer without fonts: every character half an em wide (a CJK character a whole em),
 * bold or not. Layout decisions made with it can be worked out by hand.
 */
export const fakeMeasurer: TextMeasurer = {
  width: (text, size) => [...text].reduce((w, ch) => w + (hasEastAsian(ch) ? 1 : 0.5) * size, 0),
};

/** A layout context over the fake measurer and the base theme (or a change of it). */
export function fakeContext(
  options: { theme?: Partial<Theme>; lang?: string; sourceLines?: Map<string, string> } = {},
): LayoutContext & { diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics();
  const ctx = createLayoutContext(
    {
      theme: { ...BASE_THEME, ...options.theme },
      meta: { lang: options.lang ?? 'en' },
      sourceLines: options.sourceLines ?? new Map(),
    },
    fakeMeasurer,
    diagnostics,
  );
  return { ...ctx, diagnostics };
}

/** A place in an outline, for slides made in a test. */
export const HERE = rangeOrigin('test.yaml', 0, 1);
