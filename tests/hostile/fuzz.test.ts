/**
 * Property-based fuzzing of the shipped outlines, data and themes: each case mutates one of them
 * (deletes, duplicates, hostile tokens, random text) and builds. Whatever the mutation, the build
 * either succeeds with a structurally valid deck or fails with diagnostics: it never throws,
 * hangs, or writes outside out/ (and the chart cache). A short run here; `npm run fuzz` runs
 * FUZZ_RUNS cases (default 1000) with a fresh seed, printing the seed to replay a failure;
 * FUZZ_MINUTES bounds the run by time instead (`FUZZ_RUNS=100000 FUZZ_MINUTES=20 npm run fuzz`).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { REPO } from '../helpers/project.js';
import { snapshot } from './helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** FUZZ_MINUTES: stop after this long, however many of FUZZ_RUNS are done (the count is printed). */
const MINUTES = Number(process.env.FUZZ_MINUTES ?? 0);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : RUNS > 100 ? Date.now() : 20261201;

/** Files a case may mutate, with the outline that uses them. */
const TARGETS = [
  { outline: 'decks/opening-up.yaml', file: 'decks/opening-up.yaml' },
  { outline: 'decks/opening-up.yaml', file: 'decks/data/opening-up.yaml' },
  { outline: 'decks/chart-gallery.yaml', file: 'decks/chart-gallery.yaml' },
  { outline: 'decks/chart-gallery.yaml', file: 'decks/data/chart-gallery.yaml' },
  { outline: 'decks/opening-up-zh.yaml', file: 'decks/opening-up-zh.yaml' },
  { outline: 'decks/opening-up.yaml', file: 'templates/official.yaml' },
] as const;

/** Text that has broken parsers and writers before. */
const HOSTILE = [
  '*a',
  '&a ',
  '!!binary aGk=',
  '!!js/function "f"',
  '!x ',
  '<<: *a',
  '\u202E',
  '\u0000',
  '\u000B',
  '\uD800',
  '\t',
  '{{',
  '}}',
  '{{ nope }}',
  ': ',
  '- ',
  '"',
  "'",
  '#',
  '1e400',
  '-.inf',
  '.nan',
  '9'.repeat(400),
  'x'.repeat(5000),
  '中文'.repeat(300),
  '../../../etc/passwd',
  '/dev/zero',
  '2025-02-30',
  '[[[[[[[[',
  '\n  - ',
  '\r\n',
  'ﷺ',
  '😀',
];

type Op =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...HOSTILE) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
);

function apply(text: string, ops: Op[]): string {
  for (const o of ops) {
    if (o.kind === 'delete' || o.kind === 'insert') {
      const at = text.length ? o.at % text.length : 0;
      text =
        o.kind === 'delete'
          ? text.slice(0, at) + text.slice(at + o.length)
          : text.slice(0, at) + o.text + text.slice(at);
    } else {
      const lines = text.split('\n');
      const i = o.at % lines.length;
      if (o.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else {
        const j = o.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      text = lines.join('\n');
    }
  }
  return text;
}

// eslint-disable-next-line no-control-regex -- looking for what XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

async function checkDeckFile(path: string, slides: number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  expect(zip.file('ppt/presentation.xml')).not.toBeNull();
  const slideParts = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  expect(slideParts).toHaveLength(slides);
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    expect(NOT_XML.test(xml), `${name} has a character XML forbids`).toBe(false);
    expect(xml.startsWith('<?xml') || xml.startsWith('<'), name).toBe(true);
  }
}

describe('fuzzing the shipped inputs', () => {
  const cache = mkdtempSync(join(tmpdir(), 'briefdeck-fuzz-cache-'));
  let cases = 0;

  it(
    `builds ${RUNS} mutated projects without a throw, a hang or a write outside out/ (seed ${SEED})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TARGETS),
          fc.array(op, { minLength: 1, maxLength: 4 }),
          async (target, ops) => {
            cases++;
            const dir = mkdtempSync(join(tmpdir(), 'briefdeck-fuzz-'));
            try {
              for (const part of ['decks', 'templates', 'assets'])
                cpSync(join(REPO, part), join(dir, part), { recursive: true });
              const path = join(dir, target.file);
              writeFileSync(path, apply(readFileSync(path, 'utf8'), ops));
              const before = snapshot(dir);
              const r = await buildDeck(target.outline, { cwd: dir, cacheDir: cache, workers: 0 });
              const deck = join(dir, 'out', r.deckName);
              if (r.ok) await checkDeckFile(deck, r.slideCount);
              else {
                expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
                for (const d of r.diagnostics) expect(typeof d.message).toBe('string');
                expect(existsSync(deck)).toBe(false);
              }
              const after = snapshot(dir);
              for (const [name, stamp] of after)
                if (!name.startsWith('out/')) expect(before.get(name), name).toBe(stamp);
            } finally {
              rmSync(dir, { recursive: true, force: true });
            }
          },
        ),
        {
          numRuns: RUNS,
          seed: SEED,
          timeout: 120_000,
          endOnFailure: true,
          ...(MINUTES > 0 ? { interruptAfterTimeLimit: MINUTES * 60_000 } : {}),
        },
      );
      console.log(`fuzz: ${cases} cases, seed ${SEED}`);
    },
    Math.max(120_000, MINUTES > 0 ? (MINUTES + 5) * 60_000 : RUNS * 60_000),
  );
});
