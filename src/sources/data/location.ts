import type { Origin } from '../origin.js';

/** A position: in the outline or a data file, or inside a workbook, a database or a response. */
export type Where = Origin;

/** A place inside a file that has no lines: a workbook cell or range, a JSON pointer in a response. */
export interface Pointer {
  file: string;
  /** `Sheet "Monthly"!C14`, `/data/0/value`. */
  pointer: string;
}

/** Shown as `trade.xlsx: Sheet "Monthly"!C14: error: …`. */
export function pointerWhere(p: Pointer): Where {
  return p.pointer ? { kind: 'uri', uri: p.file, pointer: p.pointer } : { kind: 'file', file: p.file };
}
