import { z } from 'zod';
import { driftField, offsetField } from '../engine/inputs/clock';
import { latency, MAX_TIME_MS, probability } from '../engine/inputs/fields';
import { type Input, inputKinds, inputTypes } from '../engine/inputs/table';
import { workloadSchema } from './workload';

/** The format of a scenario file, version 1 (shared/spec/scenario.md). Structure only; parse.ts adds meaning. */
export const FORMAT = 'netsplit-scenario';
export const VERSION = 1;

export const NODE_ID = /^[a-z0-9-]{1,16}$/;
export const MAX_NODES = 64;
/** spec/protocols.md §1.1: at most 16 clients, and servers + clients at most MAX_NODES. */
export const MAX_CLIENTS = 16;
export const MAX_EVENTS = 100_000;
/** Client requests at one instant of virtual time (parse.ts checks it). */
export const MAX_REQUESTS_PER_INSTANT = 1000;
export { MAX_TIME_MS } from '../engine/inputs/fields';

const [first, ...rest] = inputTypes.map((type) => inputKinds[type].schema);

/** An event of the file: one of the input kinds' schemas (engine/inputs/table.ts), told apart by `type`. */
export const eventSchema = z.discriminatedUnion(
  'type',
  // Each kind's schema is a strict object with a literal `type` (the table's InputKind says so).
  [first, ...rest] as unknown as [z.ZodObject, ...z.ZodObject[]],
  { error: `must be one of ${inputTypes.join(', ')}` },
) as unknown as z.ZodType<Input, Input>;

export const networkSchema = z.strictObject({
  latencyMs: latency.default([10, 30]),
  loss: probability.default(0),
  duplicate: probability.default(0),
});

export const fileSchema = z.strictObject({
  format: z.literal(FORMAT, { error: `must be "${FORMAT}"` }),
  version: z.literal(VERSION),
  protocol: z.string(),
  title: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  seed: z.number().int('must be a whole number').min(0).max(0xffffffff, 'must fit in 32 bits (at most 4294967295)'),
  nodes: z.union(
    [
      z.number().int().min(1, 'must be at least 1').max(MAX_NODES, `must be at most ${MAX_NODES}`),
      z
        .array(z.string().regex(NODE_ID, 'must be 1 to 16 characters of a-z, 0-9 and -'))
        .min(1)
        .max(MAX_NODES)
        .refine((ids) => ids[0] !== 'leader' && !ids.includes('leader'), '"leader" is a selector, not a node id')
        .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a node id'),
    ],
    { error: `must be a count from 1 to ${MAX_NODES} or a list of node ids` },
  ),
  // §1.1: a count (c1..cN) or a list of ids; parse.ts checks them against the servers and the protocol.
  clients: z
    .union(
      [
        z.number().int().min(1, 'must be at least 1').max(MAX_CLIENTS, `must be at most ${MAX_CLIENTS}`),
        z.array(z.string().regex(NODE_ID, 'must be 1 to 16 characters of a-z, 0-9 and -')).min(1).max(MAX_CLIENTS),
      ],
      { error: `must be a count from 1 to ${MAX_CLIENTS} or a list of client ids` },
    )
    .optional(),
  workload: workloadSchema.optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  network: networkSchema.default({ latencyMs: [10, 30], loss: 0, duplicate: 0 }),
  initial: z.record(z.string(), z.unknown()).optional(),
  /** spec/protocols.md §1.1, §1.4: each named node's clock at time 0. */
  clocks: z
    .record(z.string(), z.strictObject({ offsetMs: offsetField.optional(), driftPpm: driftField.optional() }))
    .optional(),
  bug: z.string().nullable().optional(),
  until: z.number().positive().max(MAX_TIME_MS).optional(),
  events: z.array(eventSchema).max(MAX_EVENTS).default([]),
});

export type ScenarioFile = z.input<typeof fileSchema>;
export type ParsedFile = z.output<typeof fileSchema>;
