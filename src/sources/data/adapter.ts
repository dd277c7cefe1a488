import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { Host } from '../../host/types.js';
import type { DataFileContent } from '../../schema/validate-data.js';
import type { Origin } from '../origin.js';
import type { LinkOptions } from './linked.js';

export type { DataFileContent };

/** One data file an outline names, located and confined already. */
export interface DataFileInput {
  /** Absolute path. */
  path: string;
  /** The path users see in messages. */
  file: string;
  /** As written in the outline. */
  given: string;
  /** Namespace prefix for every key of the file (map form), or undefined. */
  namespace?: string;
  /** Where the outline names the file. */
  at: Origin;
}

export interface AdapterContext {
  host: Host;
  diagnostics: Diagnostics;
  projectDir: string;
  /** Texts read, by the name diagnostics use: the formatter quotes lines from them. */
  texts: Map<string, string>;
  /** Reuses the result of an earlier identical parse (same file, same content) in this session. */
  memo: Memo;
  /** For entries that name a workbook, a query or a web address; without it they are refused. */
  links?: LinkOptions;
}

/** A computation kept by key when it reported nothing; see Session.memo. */
export type Memo = <T>(key: string, compute: () => T | undefined, clean: () => boolean) => T | undefined;

/** Reads one data format into checked entries. Registered in ./index.ts, one file per format. */
export interface DataAdapter {
  /** File name endings this adapter reads, lower case with the dot. */
  extensions: readonly string[];
  read(file: DataFileInput, ctx: AdapterContext): Promise<DataFileContent | undefined>;
}
