import { extname } from 'node:path';
import type { Diagnostics } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/hints.js';
import type { Host } from '../../host/types.js';
import type { Limits } from '../../limits.js';
import type { DataEntry, DataSet } from '../../model.js';
import type { Origin } from '../origin.js';
import { outsideProjectHint } from '../../project.js';
import { displayPath, resolveInside } from '../paths.js';
import type { DataAdapter, Memo } from './adapter.js';
import type { LinkOptions } from './linked.js';
import { csvData } from './csv.js';
import { jsonData } from './json.js';
import { xlsx } from './xlsx.js';
import { yamlData } from './yaml.js';

export type DataFormat = 'yaml' | 'json' | 'csv' | 'xlsx';

/** The data formats briefdeck reads: adding one is adding a file and a row here. */
export const DATA_ADAPTERS = {
  yaml: yamlData,
  json: jsonData,
  csv: csvData,
  xlsx,
} satisfies Record<DataFormat, DataAdapter>;

const EXTENSIONS = Object.values(DATA_ADAPTERS).flatMap((a) => a.extensions);

function adapterFor(path: string): DataAdapter | undefined {
  const ext = extname(path).toLowerCase();
  return Object.values(DATA_ADAPTERS).find((a) => a.extensions.includes(ext));
}

export interface DataFileRef {
  /** As written in the outline. */
  given: string;
  namespace?: string;
  /** Where the outline names the file. */
  at: Origin;
}

export interface LoadDataContext {
  host: Host;
  diagnostics: Diagnostics;
  outlineDir: string;
  projectDir: string;
  cwd: string;
  allowOutside: boolean;
  texts: Map<string, string>;
  memo: Memo;
  links?: LinkOptions;
  limits?: Readonly<Limits>;
}

function extensionList(): string {
  const exts = EXTENSIONS.map((e) => e);
  return `${exts.slice(0, -1).join(', ')} or ${exts[exts.length - 1]}`;
}

/** Reads every data file an outline names into one keyed set, reporting what is wrong where. */
export async function loadData(refs: readonly DataFileRef[], ctx: LoadDataContext): Promise<DataSet> {
  const { diagnostics } = ctx;
  const set: DataSet = {
    entries: new Map(),
    sources: new Map(),
    invalidKeys: new Set(),
    failedFiles: 0,
    fileCount: refs.length,
  };
  const sourceRefs: { id: string; at: Origin }[] = [];
  const invalidSources = new Set<string>();
  for (const ref of refs) {
    const { path, outside } = await resolveInside(
      ctx.host,
      ctx.projectDir,
      ctx.outlineDir,
      ref.given,
      ctx.allowOutside,
    );
    if (outside) {
      diagnostics.error(
        'path-outside-project',
        `data file ${ref.given} is outside the project folder`,
        ref.at,
        outsideProjectHint(ctx.projectDir, ctx.cwd),
      );
      set.failedFiles++;
      continue;
    }
    const adapter = adapterFor(path);
    if (!adapter) {
      const ext = extname(path).toLowerCase();
      diagnostics.error(
        'unsupported-file-type',
        `data file ${ref.given} is not ${extensionList()}`,
        ref.at,
        ext === '.xls' ? 'save the workbook as .xlsx (File › Save As › Excel Workbook)' : undefined,
      );
      set.failedFiles++;
      continue;
    }
    const file = displayPath(path, ctx.cwd);
    const content = await adapter.read(
      {
        path,
        file,
        given: ref.given,
        at: ref.at,
        ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}),
      },
      {
        host: ctx.host,
        diagnostics,
        projectDir: ctx.projectDir,
        texts: ctx.texts,
        memo: ctx.memo,
        ...(ctx.links ? { links: ctx.links } : {}),
        ...(ctx.limits ? { limits: ctx.limits } : {}),
      },
    );
    if (!content) {
      set.failedFiles++;
      continue;
    }
    for (const record of content.sources) {
      const previous = set.sources.get(record.id);
      if (previous) {
        diagnostics.error('duplicate-data-key', `source \`${record.id}\` is defined twice`, record.at, {
          related: [{ at: previous.at, message: 'also defined here' }],
        });
      } else set.sources.set(record.id, record);
    }
    for (const entry of content.entries) add(set, entry, diagnostics);
    for (const key of content.invalidKeys) set.invalidKeys.add(key);
    sourceRefs.push(...content.sourceRefs);
    for (const id of content.invalidSources ?? []) invalidSources.add(id);
  }
  for (const { id, at } of sourceRefs) {
    // A source whose citation was reported invalid is defined: naming it is not a second error.
    if (!set.sources.has(id) && !invalidSources.has(id)) {
      diagnostics.error(
        'unknown-source',
        `unknown source \`${id}\``,
        at,
        didYouMean(id, set.sources.keys()) ??
          (set.sources.size ? undefined : 'define it under `sources:` at the top of a data file'),
      );
    }
  }
  return set;
}

function add(set: DataSet, entry: DataEntry, diagnostics: Diagnostics): void {
  const previous = set.entries.get(entry.key);
  if (previous) {
    diagnostics.error('duplicate-data-key', `data key \`${entry.key}\` is defined twice`, entry.at, {
      hint: 'rename one of them, or give each file a namespace: data: { ns: file }',
      related: [{ at: previous.at, message: 'also defined here' }],
    });
    return;
  }
  set.entries.set(entry.key, entry);
}
