import { z } from 'zod';
import { MAX_TIME_MS } from '../scenario/schema';

/** The experiment file, version 1 (docs/experiments.md). Structure only; parse.ts checks it against the scenario. */
export const EXPERIMENT_FORMAT = 'netsplit-experiment';
export const EXPERIMENT_VERSION = 1;
export const MAX_TRIALS = 100_000;
export const MAX_VALUES = 50;
/** Trials of all the values together: each is a scenario file held in memory until it runs. */
export const MAX_ALL_TRIALS = 200_000;

const trials = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_TRIALS, `must be at most ${MAX_TRIALS}`);

const path = z.string().min(1, 'must name a field').max(200);

const randomization = z
  .strictObject({
    path,
    uniform: z.tuple([z.number().int('must be whole numbers'), z.number().int('must be whole numbers')], {
      error: 'must be [lowest, highest], two whole numbers',
    }),
  })
  .refine(({ uniform: [lo, hi] }) => lo <= hi, {
    message: 'the lowest must not exceed the highest',
    path: ['uniform'],
  });

const milestone = z.string().min(1).max(60);
/** What the plot's axis calls the measured quantity. */
const label = z.string().min(1).max(80).optional();

const measure = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('milestone'),
      from: z.number().int('must be a whole number').min(0, 'must be an index into the scenario events'),
      milestone,
      label,
    }),
    z.strictObject({ kind: z.literal('messages-per-milestone'), milestone, label }),
    z.strictObject({
      kind: z.literal('fact'),
      fact: z.string().min(1).max(60),
      field: z.string().min(1).max(60),
      label,
    }),
  ],
  { error: 'must be one of milestone, messages-per-milestone, fact' },
);

const value = z.strictObject({
  label: z.string().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  value: z.unknown(),
  trials: trials.optional(),
  set: z.record(path, z.unknown()).optional(),
  randomize: z.array(randomization).max(20).optional(),
});

export const experimentFileSchema = z.strictObject({
  format: z.literal(EXPERIMENT_FORMAT, { error: `must be "${EXPERIMENT_FORMAT}"` }),
  version: z.literal(EXPERIMENT_VERSION, { error: `must be ${EXPERIMENT_VERSION}` }),
  title: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  seed: z.number().int('must be a whole number').min(0).max(0xffffffff, 'must fit in 32 bits (at most 4294967295)'),
  trials,
  until: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_TIME_MS).optional(),
  /** An inline scenario file, or the id of a preset (`raft/leader-crash`). */
  scenario: z.union([z.string().min(1), z.record(z.string(), z.unknown())], {
    error: 'must be a scenario file (an object) or a preset id',
  }),
  sweep: z
    .strictObject({
      path,
      values: z
        .array(value)
        .min(1, 'must list at least one value')
        .max(MAX_VALUES, `must list at most ${MAX_VALUES} values`)
        .refine((vs) => new Set(vs.map((v) => v.label)).size === vs.length, 'labels must differ'),
    })
    .optional(),
  randomize: z.array(randomization).max(20).optional(),
  measure,
});

export type ExperimentFile = z.infer<typeof experimentFileSchema>;
