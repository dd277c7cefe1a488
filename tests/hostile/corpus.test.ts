/**
 * The hostile corpus: one folder per case under tests/fixtures/hostile/<case>/, each a project
 * (deck.yaml and what it names) with an expected.json:
 *
 *   { "description": "…", "ok": false,
 *     "diagnostics": [ { "code", "file"?, "line"?, "column"?, "suggestion"? } ] }   // each must be reported
 *
 * Beside each case's own expectations, every case must keep to the project: no input read from
 * outside it (but briefdeck's own templates and assets), and no text from outside it printed.
 * `_outside/` holds what cases link to; `templates/` holds a theme planted next to the projects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/index.js';
import { isInside } from '../../src/sources/paths.js';
import { located } from '../helpers/diagnostics.js';
import { REPO } from '../helpers/project.js';
import { printed } from './helpers.js';

const CORPUS = join(REPO, 'tests/fixtures/hostile');

interface Case {
  description: string;
  ok: boolean;
  diagnostics: { code: string; file?: string; line?: number; column?: number; suggestion?: string }[];
}

const cases = readdirSync(CORPUS)
  .filter((n) => /^\d/.test(n))
  .sort();

describe('hostile corpus', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));

  for (const name of cases) {
    const dir = join(CORPUS, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Case;
    it(`${name}: ${expected.description}`, async () => {
      const r = await checkDeck('deck.yaml', { cwd: dir });
      expect(r.ok).toBe(expected.ok);
      const got = located(r);
      for (const want of expected.diagnostics) expect(got).toContainEqual(expect.objectContaining(want));
      const allowed = [dir, join(REPO, 'templates'), join(REPO, 'assets')];
      for (const input of r.inputs)
        expect(
          allowed.some((root) => isInside(root, input.path)),
          input.path,
        ).toBe(true);
      expect(printed(r)).not.toMatch(/hunter2|PLANTED/);
    });
  }
});
