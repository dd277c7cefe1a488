import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../src/resolve/freshness.js';
import { tempProject } from '../helpers/project.js';
import { run } from './helpers.js';

const outline = (extra: string) => `title: A deck
date: 2025-10-27
${extra}data: data.yaml
sections:
  - title: One
    slides:
      - type: bullets
        title: Facts
        bullets: ["Exports {{ exports }}, imports {{ imports }}, services {{ services }}"]
`;
const DATA = `sources: { s: { title: T, publisher: P } }
source: s
exports: { value: 3.5, as_of: 2025-09-30 }
imports: { value: 2.6, as_of: 2025-08 }
services: { value: 1.1 }
unused_old: { value: 1, as_of: 2019 }
`;

describe('freshness: as_of against max_age', () => {
  it('reads as_of as the end of the period it names', () => {
    expect(periodEnd('2024')?.toISOString().slice(0, 10)).toBe('2024-12-31');
    expect(periodEnd('2024-02')?.toISOString().slice(0, 10)).toBe('2024-02-29');
    expect(periodEnd('2024-Q3')?.toISOString().slice(0, 10)).toBe('2024-09-30');
    expect(periodEnd('2024-09-15')?.toISOString().slice(0, 10)).toBe('2024-09-15');
    expect(periodEnd('last autumn')).toBeUndefined();
  });

  it('warns about a figure the deck shows that is older than max_age, at the figure, and fails with --strict', async () => {
    const dir = tempProject({ 'decks/a.yaml': outline('max_age: 40d\n'), 'decks/data.yaml': DATA });
    const r = await run(['check', 'decks/a.yaml'], dir);
    expect(r.code).toBe(0);
    // imports (as of the end of August: 57 days) is stale; exports (27 days) is not; unused_old is not shown.
    expect(r.err).toContain(
      'decks/data.yaml:4:1: warning: `imports` is as of 2025-08, 57 days before the deck date 2025-10-27; max_age is 40d [stale-data]',
    );
    expect(r.err).not.toContain('`exports`');
    expect(r.err).not.toContain('unused_old` is as of');
    const strict = await run(['check', 'decks/a.yaml', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('error: `imports` is as of 2025-08');
    expect(
      (
        await run(
          ['check', 'decks/a.yaml'],
          tempProject({ 'decks/a.yaml': outline('max_age: 3m\n'), 'decks/data.yaml': DATA }),
        )
      ).err,
    ).not.toContain('stale-data');
  });

  it('says what is wrong with a max_age it cannot read, or one with no deck date to count from', async () => {
    const bad = await run(
      ['check', 'decks/a.yaml'],
      tempProject({ 'decks/a.yaml': outline('max_age: 40 days\n'), 'decks/data.yaml': DATA }),
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('decks/a.yaml:3:10: error:');
    expect(bad.err).toContain('an age such as `40d`, `6w`, `3m` or `1y`');
    const undated = await run(
      ['check', 'decks/a.yaml'],
      tempProject({
        'decks/a.yaml': outline('max_age: 40d\n').replace('date: 2025-10-27\n', ''),
        'decks/data.yaml': DATA,
      }),
    );
    expect(undated.err).toContain(
      'warning: max_age needs the deck `date` (YYYY-MM-DD) to count the age of figures from',
    );
  });
});
