/** WCAG contrast, for label colours on bars and slices (the picture and the native chart). */

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a 6-digit hex colour (no #). */
export function luminance(hex: string): number {
  const n = parseInt(hex, 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour for a label on `fill`: white when it reaches 4.5:1 there (dark fills),
 * else the dark text colour when it does, else black.
 */
export function labelColourOn(fill: string, dark: string, light = 'FFFFFF'): string {
  // Mid-tone fills may reach 4.5:1 with neither: then black, which reaches it on any fill white does not.
  const candidates = [light, dark, '000000'];
  return (
    candidates.find((c) => contrastRatio(c, fill) >= 4.5) ??
    candidates.reduce((a, b) => (contrastRatio(b, fill) > contrastRatio(a, fill) ? b : a))
  );
}
