import { parseFilter, type FilterCall } from '../format.js';

/** One `{{ key | filter }}` inside a text, with character offsets for error positions. */
export interface Placeholder {
  start: number;
  end: number;
  key: string;
  keyOffset: number;
  filters: { call: FilterCall; offset: number; length: number }[];
}

export type TemplatePart = string | Placeholder;

export type TemplateResult = { parts: TemplatePart[] } | { error: string; offset: number; length: number };

/** Splits text into literal parts and placeholders. `{{` without `}}` is an error, not literal text. */
export function parseTemplate(text: string): TemplateResult {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const strayClose = text.indexOf('}}', i);
    if (strayClose >= 0 && (open < 0 || strayClose < open)) {
      return { error: '`}}` without a matching `{{`', offset: strayClose, length: 2 };
    }
    if (open < 0) {
      parts.push(text.slice(i));
      break;
    }
    if (open > i) parts.push(text.slice(i, open));
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      return { error: '`{{` is not closed with `}}`', offset: open, length: 2 };
    }
    const inner = text.slice(open + 2, close);
    const pieces = splitOutsideQuotes(inner);
    const keyText = pieces[0]!;
    const key = keyText.trim();
    if (!key)
      return {
        error: 'empty placeholder: write a data key between `{{` and `}}`',
        offset: open,
        length: close + 2 - open,
      };
    const keyOffset = open + 2 + keyText.indexOf(key);
    const filters: Placeholder['filters'] = [];
    let offset = open + 2 + keyText.length + 1;
    for (const piece of pieces.slice(1)) {
      const trimmed = piece.trim();
      if (!trimmed) return { error: 'empty filter after `|`', offset: offset - 1, length: 1 };
      filters.push({ call: parseFilter(trimmed), offset: offset + piece.indexOf(trimmed), length: trimmed.length });
      offset += piece.length + 1;
    }
    parts.push({ start: open, end: close + 2, key, keyOffset, filters });
    i = close + 2;
  }
  return { parts };
}

/** Splits at `|` except inside a quoted label, so that `["a|b"]` stays one reference. */
function splitOutsideQuotes(inner: string): string[] {
  const pieces: string[] = [];
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|') {
      pieces.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(inner.slice(from));
  return pieces;
}
