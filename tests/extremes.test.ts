import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '../src/extremes.js';

describe('maxOf and minOf', () => {
  it('agree with Math.max and Math.min, empty and NaN included', () => {
    for (const values of [[3, -1, 7], [-0.5], [1, NaN, 2], []]) {
      expect(maxOf(values)).toBe(Math.max(...values));
      expect(minOf(values)).toBe(Math.min(...values));
    }
    expect(maxOf([], 0)).toBe(0);
  });

  it('take more values than a call can have arguments', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 100_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(100_002);
    expect(minOf(values)).toBe(0);
  });
});
