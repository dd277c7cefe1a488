import type { Origin } from '../sources/origin.js';

/** A path into a parsed document: map keys and list indices. */
export type Path = readonly (string | number)[];

/**
 * How validation and resolution find where a value was written, without knowing the format
 * it was read from: a YAML or JSON document gives one, and so can any other adapter.
 */
export interface Locator {
  /** Where the value (or, with 'key', the key) at `path` is; its nearest existing parent if absent. */
  at(path: Path, which?: 'value' | 'key'): Origin;
  /** Where character `offset` of the string at `path` is, for errors inside a text. */
  inString(path: Path, offset: number, length?: number): Origin;
  /** A map's keys in the order written: plain objects put number-like keys ("2021") first. */
  keysInOrder(path: Path): string[] | undefined;
  /** Whether the field at `path` was written `key: #…`, a value that YAML read as a comment. */
  commentedValue(path: Path): boolean;
}
