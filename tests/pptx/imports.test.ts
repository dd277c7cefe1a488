import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

describe('the pptx writer', () => {
  it('imports no theme type: layout decided every style it writes', () => {
    const dir = join(REPO, 'src', 'pptx');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('write.ts');
    for (const file of files) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/import[^;]*?from '([^']+)'/gs)].map(
        (m) => m[0],
      );
      const offending = imports.filter((i) =>
        /\b(Theme|Palette|ThemeFonts|ThemeSizes)\b|schema\/theme|resolve\/theme/.test(i),
      );
      expect(offending, file).toEqual([]);
    }
  });
});
