/** WCAG 2.x relative luminance of a six-digit hex colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.replace('#', '').slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA: 3:1 for large text (18 pt, or 14 pt bold), 4.5:1 for the rest. */
export function textMinimum(sizePt: number, bold: boolean): number {
  return sizePt >= 18 || (bold && sizePt >= 14) ? 3 : 4.5;
}

/** WCAG 1.4.11: graphical objects (bars, slices, lines) need 3:1 against what is next to them. */
export const GRAPHIC_MINIMUM = 3;
