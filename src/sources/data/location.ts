import type { Span } from '../../diagnostics/diagnostic.js';

/**
 * A position in the outline or a data file. Today a line/column Span; it becomes the `Origin`
 * of src/sources/origin.ts when that lands, and `cellAt` then returns `{ kind: 'uri', uri, pointer }`.
 */
export type Where = Span;

/** A place inside a file that has no lines: a workbook cell or range, a JSON pointer in a response. */
export interface Pointer {
  file: string;
  /** `Sheet "Monthly"!C14`, `/data/0/value`. */
  pointer: string;
}

/** A pointer as a diagnostic position: the file, with the pointer leading the message (see `pointed`). */
export function pointerWhere(p: Pointer): Where {
  return { file: p.file, line: 0, column: 0 };
}

/** `Sheet "Monthly"!C14: not a number`: the message as shown for a position without lines. */
export function pointed(p: Pointer, message: string): string {
  return `${p.pointer}: ${message}`;
}
