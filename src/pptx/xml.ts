/* eslint-disable no-control-regex -- xmlSafe exists to find and remove control characters. */

/**
 * Text as XML 1.0 allows it. Control characters pasted from word processors (U+000B is
 * Word's line break) would make the slide XML malformed and the deck unopenable. For text
 * that pptxgenjs escapes itself.
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
