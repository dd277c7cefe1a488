import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { moduleTree } from '../../src/host/package-files.js';
import { REPO, tempProject } from '../helpers/project.js';

/** The chart cache's code fingerprint: every module that drawing runs, not a hand-kept list. */
describe('moduleTree', () => {
  it('covers src/charts and every briefdeck module it loads at run time', async () => {
    const { modules } = await moduleTree(pathToFileURL(join(REPO, 'src', 'charts') + '/'));
    for (const m of [
      'charts/config.ts',
      'charts/render.ts',
      'charts/render-worker.ts',
      'format.ts',
      'fonts.ts',
      'script.ts',
    ])
      expect(modules).toContain(m);
    // Imported only as types: erased from the compiled code, so not part of what draws.
    expect(modules).not.toContain('model.ts');
  });

  it('changes when a module imported from outside the folder changes, and only then', async () => {
    const dir = tempProject({
      'src/charts/draw.ts':
        "import { fmt } from '../format.js';\nimport type { T } from '../types.js';\nexport const d = fmt;\n",
      'src/charts/lazy.ts': "export const l = () => import('../deep/late.js');\n",
      'src/format.ts': "export { x } from './helper.js';\nexport const fmt = 1;\n",
      'src/helper.ts': 'export const x = 1;\n',
      'src/deep/late.ts': 'export const late = 1;\n',
      'src/types.ts': 'export type T = number;\n',
      'src/unrelated.ts': 'export const u = 1;\n',
    });
    const folder = pathToFileURL(join(dir, 'src', 'charts') + '/');
    const before = await moduleTree(folder);
    expect(before.modules).toEqual(['charts/draw.ts', 'charts/lazy.ts', 'deep/late.ts', 'format.ts', 'helper.ts']);

    writeFileSync(join(dir, 'src', 'unrelated.ts'), 'export const u = 2;\n');
    writeFileSync(join(dir, 'src', 'types.ts'), 'export type T = string;\n');
    expect((await moduleTree(folder)).hash).toBe(before.hash);

    writeFileSync(join(dir, 'src', 'helper.ts'), 'export const x = 2;\n');
    const afterHelper = await moduleTree(folder);
    expect(afterHelper.hash).not.toBe(before.hash);

    writeFileSync(join(dir, 'src', 'deep', 'late.ts'), 'export const late = 2;\n');
    expect((await moduleTree(folder)).hash).not.toBe(afterHelper.hash);
  });
});
