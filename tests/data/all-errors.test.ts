import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/index.js';
import { located } from '../helpers/diagnostics.js';
import { tempProject } from '../helpers/project.js';

/**
 * One run reports every error of every data file, each at its line and column with what would be
 * right: a wrong `source:` form does not hide the notes, lengths and fields after it.
 */

const FIRST = `sources:
  a: { title: First }
source: { id: a }
trade:
  source: [a, b]
  growth:
    source: 5
    series: { Goods: 1, Services: { value: 2, note: bogus } }
  flows:
    labels: [2024]
    datasets: [{ label: Exports, values: [1, { value: 2, note: nearlyy }] }]
    sorce: a
  summary:
    columns: [Flow, Amount]
    rows: [[In, { value: 3, note: abut }], [Out]]
    source: { id: a }
`;

const SECOND = `sources:
  b: { title: Second, date: 2025-02-30 }
other:
  x: { value: 1, source: c }
  y: { value: 2, note: nearly, unit: 5 }
  z: { value: 3, source: b }
`;

const DECK = `title: Errors
data: [first.yaml, second.yaml]
sections:
  - title: Part
    slides:
      - type: bullets
        title: One
        bullets: ["{{ other.x }}"]
`;

describe('every data error in one run', () => {
  it('reports each error of two files at its place, with a suggestion', async () => {
    const dir = tempProject({ 'first.yaml': FIRST, 'second.yaml': SECOND, 'deck.yaml': DECK });
    const r = await checkDeck('deck.yaml', { cwd: dir, cacheDir: false, workers: 0 });
    const errors = located(r)
      .filter((d) => d.severity === 'error')
      .map((d) => [d.file, d.line, d.column, d.code, d.message, d.suggestion]);
    expect(errors).toEqual([
      [
        'first.yaml',
        3,
        9,
        'wrong-type',
        'the default `source` of a data file is one source id, not a map of fields',
        'write `source: a`, one of the ids under `sources:` (a)',
      ],
      [
        'first.yaml',
        5,
        11,
        'wrong-type',
        'the default `source` of a group is one source id, not a list',
        'write `source: a` here, and give an entry that combines several its own `source: [a, b]`',
      ],
      [
        'first.yaml',
        7,
        13,
        'wrong-type',
        '`source` should be text or a list, not a number',
        'write a source id from `sources:`, or a list of them: `[a, b]`',
      ],
      [
        'first.yaml',
        8,
        53,
        'data-invalid',
        expect.stringContaining('`note: bogus` is not a qualifier'),
        expect.stringContaining('more than'),
      ],
      [
        'first.yaml',
        11,
        42,
        'data-invalid',
        'dataset `Exports` has 2 values but there is 1 label',
        'give one value per label',
      ],
      ['first.yaml', 11, 64, 'data-invalid', expect.stringContaining('`note: nearlyy`'), 'did you mean `nearly`?'],
      ['first.yaml', 12, 5, 'unknown-field', 'unknown field `sorce` in `flows`', 'did you mean `source`?'],
      ['first.yaml', 15, 35, 'data-invalid', expect.stringContaining('`note: abut`'), 'did you mean `about`?'],
      [
        'first.yaml',
        15,
        44,
        'data-invalid',
        'table row has 1 cell but there are 2 columns (Flow, Amount)',
        expect.stringContaining('one cell per column'),
      ],
      [
        'first.yaml',
        16,
        13,
        'wrong-type',
        '`source` should be text or a list, not a map of fields',
        'write a source id from `sources:`, or a list of them: `[a, b]`',
      ],
      // The invalid citation \`b\` is reported once, not again where \`other.z\` names it.
      ['second.yaml', 2, 29, 'invalid-value', expect.stringContaining('2025-02-30'), null],
      ['second.yaml', 4, 26, 'unknown-source', 'unknown source `c`', 'did you mean `a`?'],
      ['second.yaml', 5, 38, 'wrong-type', expect.stringContaining('`unit` should be text'), null],
    ]);
  });
});
