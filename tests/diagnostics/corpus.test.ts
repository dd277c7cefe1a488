/**
 * The error corpus: one folder per mistake a non-programmer makes, under tests/fixtures/errors/<case>/.
 * Each folder is a project (deck.yaml, data/, templates/) with an expected.json:
 *
 *   { "description": "…",
 *     "diagnostics": [ { "code", "file", "line", "column", "suggestion"? } ],   // must all be reported
 *     "absent": [ { "code", "file"?, "line"?, "column"?, "suggestion"? } ] }   // optional: must not be reported
 *
 * `diagnostics` lists what must be reported, at the position a user needs (extra warnings are fine).
 * `absent` lists misleading follow-on reports: a diagnostic matching every field given fails the case.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DiagnosticJson } from '../../src/diagnostics/format.js';
import { checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CORPUS = join(ROOT, 'tests/fixtures/errors');
const BIN = join(ROOT, 'dist/cli/briefdeck.js');

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  suggestion?: string;
}

interface Absent {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  suggestion?: string;
}

interface CaseFile {
  description: string;
  diagnostics: Expected[];
  absent?: Absent[];
}

const cases = readdirSync(CORPUS)
  .filter((name) => statSync(join(CORPUS, name)).isDirectory())
  .sort();

function load(name: string): CaseFile {
  return JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as CaseFile;
}

function show(d: DiagnosticJson): string {
  const where = d.file ? `${d.file}:${d.line}:${d.column}` : '(no position)';
  return `  ${where} ${d.severity}[${d.code}] ${d.message}${d.suggestion ? `\n      hint: ${d.suggestion}` : ''}`;
}

function showExpected(e: Expected | Absent): string {
  const where = e.file === undefined ? '*' : `${e.file}:${e.line ?? '*'}:${e.column ?? '*'}`;
  return `${where} [${e.code}]${e.suggestion ? ` hint: ${e.suggestion}` : ''}`;
}

function matches(d: DiagnosticJson, e: Expected | Absent): boolean {
  if (d.code !== e.code) return false;
  if (e.file !== undefined && d.file !== e.file) return false;
  if (e.line !== undefined && d.line !== e.line) return false;
  if (e.column !== undefined && d.column !== e.column) return false;
  if (e.suggestion !== undefined && d.suggestion !== e.suggestion) return false;
  return true;
}

describe('error corpus', () => {
  it('has at least 34 cases, each with an expected.json and a deck.yaml', () => {
    expect(cases.length).toBeGreaterThanOrEqual(34);
    for (const name of cases) {
      expect(existsSync(join(CORPUS, name, 'expected.json')), `${name}/expected.json`).toBe(true);
      expect(existsSync(join(CORPUS, name, 'deck.yaml')), `${name}/deck.yaml`).toBe(true);
    }
  });

  it.each(cases)('%s', async (name) => {
    const caseDir = join(CORPUS, name);
    const expected = load(name);
    const result = await checkDeck('deck.yaml', { cwd: caseDir });
    const found = located(result);
    const listing = found.length ? found.map(show).join('\n') : '  (nothing)';
    const context = `${name}: ${expected.description}\nbriefdeck reported:\n${listing}`;

    expect(result.ok, `${context}\n\nexpected the check to fail`).toBe(false);

    const problems: string[] = [];
    for (const e of expected.diagnostics) {
      if (!found.some((d) => matches(d, e))) {
        const near = found.filter((d) => d.code === e.code);
        problems.push(
          `missing   ${showExpected(e)}${near.length ? `\n  same code reported as:\n${near.map(show).join('\n')}` : ''}`,
        );
      }
    }
    for (const a of expected.absent ?? []) {
      for (const d of found.filter((x) => matches(x, a)))
        problems.push(`unwanted  (absent: ${showExpected(a)})\n${show(d)}`);
    }
    for (const d of found) {
      if (d.message.includes('    at ')) problems.push(`stack trace in a message:\n${show(d)}`);
      if (d.severity === 'error' && !d.file && d.code !== 'too-many-errors')
        problems.push(`error without a position:\n${show(d)}`);
    }
    expect(problems, `${context}\n\n${problems.join('\n')}`).toEqual([]);
  });
});

describe('CLI on a corpus case', () => {
  it('prints file:line:col, the source line with a caret, and exits 1', () => {
    expect(existsSync(BIN), `${BIN} is missing: run \`npx tsc -p .\``).toBe(true);
    const caseDir = join(CORPUS, '14-outline-unknown-key-in-bullet');
    const run = spawnSync(process.execPath, [BIN, 'check', 'deck.yaml'], {
      cwd: caseDir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const out = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
    expect(run.status, out).toBe(1);
    expect(run.stderr, out).toContain('deck.yaml:10:37:');
    expect(run.stderr, out).toContain('[unknown-data-key]');
    expect(run.stderr, out).toMatch(/^\s*\|\s+\^+\s*$/m);
    expect(run.stderr, out).toContain('did you mean `trade.goods_2024`?');
    expect(run.stderr, out).not.toContain('    at ');
  });
});
