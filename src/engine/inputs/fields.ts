import { z } from 'zod';

/** The zod pieces every input kind's schema is made of (scenario.md, "Event types"). */

/** One virtual day: anything longer is surely a typo. */
export const MAX_TIME_MS = 86_400_000;

export const time = z
  .number()
  .finite()
  .min(0, 'must be at least 0')
  .max(MAX_TIME_MS, `must be at most ${MAX_TIME_MS} ms`);
export const probability = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
export const latency = z
  .tuple([z.number().int().min(0).max(60_000), z.number().int().min(0).max(60_000)])
  .refine(([lo, hi]) => lo <= hi, 'the first number (minimum) must not exceed the second (maximum)');
export const nodeRef = z.string().min(1, 'must name a node');
export const text = z.string().max(2000, 'is longer than 2000 characters');

export const linkFields = {
  latencyMs: latency.optional(),
  loss: probability.optional(),
  duplicate: probability.optional(),
};
