import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import type { Host } from '../../host/types.js';
import type { Limits } from '../../limits.js';
import type { Locator } from '../../schema/locator.js';
import type { ThemeInputType } from '../../schema/theme.js';
import type { HouseTemplate } from '../../template/types.js';
import type { Origin } from '../origin.js';

/** One theme file, read and checked against the theme schema. */
export interface ThemeFileContent {
  input: ThemeInputType;
  locate: Locator;
  /** A .potx/.pptx theme: the template itself, whose layouts the deck is built on. */
  template?: HouseTemplate;
}

export interface ThemeAdapterContext {
  host: Host;
  diagnostics: Diagnostics;
  texts: Map<string, string>;
  limits?: Readonly<Limits>;
}

/** Reads one theme format. Registered in ./index.ts, one file per format. */
export interface ThemeAdapter {
  /** File name endings this adapter reads, lower case with the dot. */
  extensions: readonly string[];
  read(path: string, file: string, ctx: ThemeAdapterContext, at?: Origin): Promise<ThemeFileContent | undefined>;
}
