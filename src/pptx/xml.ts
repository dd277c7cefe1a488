/* eslint-disable no-control-regex -- xmlSafe exists to find and remove control characters. */

/**
 * Text as XML 1.0 allows it. Control characters pasted from word processors (U+000B is
 * Word's line break) would make the slide XML malformed and the deck unopenable.
 */
export function xmlSafe(text: string): string {
  return text
    .replace(/[\u000B\u000C]/g, ' ')
    .replace(/[\u0000-\u0008\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Text made safe and escaped, for what is written into XML directly (element text or attribute values). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Every string of a value made XML-safe: the one place where text enters the package writer
 * (writePptx applies it to the whole rendered deck), so no kind of text (a series name, a
 * workbook cell, alt text) can be missed. It must happen before pptxgenjs encodes the text:
 * a lone surrogate becomes U+FFFD in UTF-8 and can no longer be told apart. Only strings,
 * arrays and plain objects are walked: pictures (Buffers), dates and maps pass unchanged.
 */
export function xmlSafeTexts<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeTexts) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = xmlSafeTexts(v);
  return out as T;
}
