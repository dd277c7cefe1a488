/**
 * Where something came from. Positions in text are kept as offsets; lines and columns are
 * worked out only when a diagnostic is printed, from the text it points into.
 */
export type Origin =
  /** Characters [start, end) of a text file (or of an unsaved buffer with that name). */
  | { kind: 'range'; file: string; start: number; end: number }
  /** A whole file: one that could not be read, or a binary one. */
  | { kind: 'file'; file: string }
  /** Something that is not a text file: a database row, a workbook cell, a part of an HTTP response. */
  | { kind: 'uri'; uri: string; pointer?: string };

export function rangeOrigin(file: string, start: number, end: number): Origin {
  return { kind: 'range', file, start, end: Math.max(end, start) };
}

export function fileOrigin(file: string): Origin {
  return { kind: 'file', file };
}

/** The file an origin names, for sorting and grouping; a URI for the others. */
export function originFile(origin: Origin): string {
  return origin.kind === 'uri' ? origin.uri : origin.file;
}

/** Offsets of the start of each line of a text, for turning offsets into lines and columns. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of `offset` (binary search over the line starts). */
export function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** The offset of 1-based `line`, `column`: for parsers that report lines (CSV). */
export function offsetOf(starts: readonly number[], line: number, column = 1): number {
  return (starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0) + column - 1;
}
