import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { DataEntry, SourceRecord } from '../../model.js';
import type { Where } from './location.js';

/** The data format adapters' contract (STRUCTURE.md): one module per format, chosen by file extension. */
export interface DataAdapter {
  extensions: readonly string[];
  read(file: DataFileInput, ctx: AdapterContext): Promise<DataFileContent | undefined>;
}

export interface DataFileInput {
  /** Absolute path, already checked to be inside the project. */
  path: string;
  /** As shown to the user. */
  file: string;
  namespace?: string;
  /** Where the outline names it. */
  at: Where;
}

/** What an adapter may read through; the input host once it lands (reads are recorded as build inputs). */
export interface AdapterHost {
  readBytes(path: string, kind: InputKind): Promise<Buffer>;
  readonly inputs: InputRecord[];
}
export type InputKind = 'outline' | 'data' | 'theme' | 'asset' | 'font' | 'template' | 'query' | 'http';
export interface InputRecord {
  path: string;
  sha256: string;
  kind: InputKind;
}

export interface AdapterContext {
  host: AdapterHost;
  diagnostics: Diagnostics;
  projectDir: string;
  limits?: unknown;
}

export interface DataFileContent {
  entries: DataEntry[];
  sources: SourceRecord[];
  sourceRefs: { id: string; at: Where }[];
  invalidKeys: string[];
}
