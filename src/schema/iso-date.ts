import { z } from 'zod';
import { dateProblem } from '../sources/dates.js';

/** A date as outlines and sources write it: ISO 8601, checked to exist (see sources/dates.ts). */
export function isoDate() {
  return z.union([z.string(), z.number()]).superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        ...(problem.suggestion ? { params: { expected: [problem.suggestion] } } : {}),
      });
  });
}
