import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/project.js';

/** Every .ts file under a folder of src/. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The compile pipeline: what runs between an outline and the deck's bytes. */
const PIPELINE = [
  'compile.ts',
  'session.ts',
  'options.ts',
  'index.ts',
  'model.ts',
  'format.ts',
  'words.ts',
  'sources',
  'schema',
  'resolve',
  'layout',
  'charts',
  'pptx',
  'diagnostics',
  'a11y',
  'incremental',
  'template',
];

describe('the structure of src/', () => {
  it('reads and writes files only through the host and emit modules, anywhere in the compile pipeline', () => {
    const src = join(REPO, 'src');
    const files = PIPELINE.flatMap((p) => {
      const path = join(src, p);
      return statSync(path).isDirectory() ? sources(path) : [path];
    });
    expect(files.length).toBeGreaterThan(50);
    const offending = files.filter((f) =>
      /from 'node:fs(\/promises)?'|require\('node:fs'\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offending.map((f) => relative(src, f))).toEqual([]);
  });

  it('keeps layout independent of the pptx writer: layout decides, pptx only translates', () => {
    const offending = sources(join(REPO, 'src', 'layout')).filter((f) =>
      /from '(\.\.\/)+pptx\//.test(readFileSync(f, 'utf8')),
    );
    expect(offending.map((f) => relative(join(REPO, 'src'), f))).toEqual([]);
  });
});
