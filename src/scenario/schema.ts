import { z } from 'zod';

/** The format of a scenario file, version 1 (shared/spec/scenario.md). Structure only; parse.ts adds meaning. */
export const FORMAT = 'netsplit-scenario';
export const VERSION = 1;

export const NODE_ID = /^[a-z0-9-]{1,16}$/;
export const MAX_NODES = 64;
export const MAX_EVENTS = 100_000;
/** One virtual day: anything longer is surely a typo. */
export const MAX_TIME_MS = 86_400_000;

const time = z.number().finite().min(0, 'must be at least 0').max(MAX_TIME_MS, `must be at most ${MAX_TIME_MS} ms`);
const probability = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const latency = z
  .tuple([z.number().int().min(0).max(60_000), z.number().int().min(0).max(60_000)])
  .refine(([lo, hi]) => lo <= hi, 'the first number (minimum) must not exceed the second (maximum)');
const nodeRef = z.string().min(1, 'must name a node');
const text = z.string().max(2000, 'is longer than 2000 characters');

const linkFields = { latencyMs: latency.optional(), loss: probability.optional(), duplicate: probability.optional() };

export const eventSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ at: time, type: z.literal('crash'), node: nodeRef }),
    z.strictObject({ at: time, type: z.literal('restart'), node: nodeRef }),
    z.strictObject({ at: time, type: z.literal('partition'), groups: z.array(z.array(nodeRef)).min(1) }),
    z.strictObject({ at: time, type: z.literal('heal') }),
    z.strictObject({ at: time, type: z.literal('cut'), from: nodeRef, to: nodeRef, oneWay: z.boolean().optional() }),
    z.strictObject({ at: time, type: z.literal('mend'), from: nodeRef, to: nodeRef, oneWay: z.boolean().optional() }),
    z.strictObject({ at: time, type: z.literal('link'), from: nodeRef, to: nodeRef, ...linkFields }),
    z.strictObject({ at: time, type: z.literal('network'), ...linkFields }),
    z.strictObject({ at: time, type: z.literal('request'), command: z.string().max(200), node: nodeRef.optional() }),
    z.strictObject({ at: time, type: z.literal('timeout'), node: nodeRef }),
    z.strictObject({ at: time, type: z.literal('drop'), message: z.number().int().min(1) }),
    z.strictObject({ at: time, type: z.literal('duplicate'), message: z.number().int().min(1) }),
    z.strictObject({ at: time, type: z.literal('caption'), text }),
    z.strictObject({ at: time, type: z.literal('pause'), text: text.optional() }),
  ],
  {
    error:
      'must be one of crash, restart, partition, heal, cut, mend, link, network, request, timeout, drop, duplicate, caption, pause',
  },
);

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
  config: z.record(z.string(), z.unknown()).default({}),
  network: networkSchema.default({ latencyMs: [10, 30], loss: 0, duplicate: 0 }),
  initial: z.record(z.string(), z.unknown()).optional(),
  bug: z.string().nullable().optional(),
  until: z.number().positive().max(MAX_TIME_MS).optional(),
  events: z.array(eventSchema).max(MAX_EVENTS).default([]),
});

export type ScenarioFile = z.input<typeof fileSchema>;
export type ParsedFile = z.output<typeof fileSchema>;
