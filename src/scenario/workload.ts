import { z } from 'zod';
import type { OpGrammar } from '../engine/clients';
import { MAX_TIME_MS, time } from '../engine/inputs/fields';
import type { RequestInput } from '../engine/inputs/request';
import { quote } from '../engine/quote';
import { Rng } from '../engine/rng';
import type { NodeId } from '../engine/types';

/**
 * `workload` (spec/protocols.md §1.5): a generated stream of client operations, expanded before the run
 * into `request` events with a `client`. Its draws come from a stream forked from the seed with the label
 * `workload`, so adding one never shifts the network's or the nodes' draws.
 */

/** At most this many generated operations (§1.5). */
export const MAX_WORKLOAD_OPS = 100_000;

export const workloadSchema = z.strictObject({
  clients: z.array(z.string()).min(1, 'must list at least one client').optional(),
  rate: z
    .number({ error: 'must be a number of operations per second per client' })
    .gt(0, 'must be above 0')
    .max(1000, 'must be at most 1000'),
  mix: z.record(z.string(), z.number().finite().min(0, 'must not be negative')),
  keys: z
    .union([z.array(z.string()).min(1).max(1000), z.number().int().min(1).max(1000)], {
      error: 'must be a list of keys or a count from 1 to 1000',
    })
    .optional(),
  from: time.optional(),
  until: time.optional(),
  arrival: z.enum(['poisson', 'periodic']).optional(),
});

export type WorkloadFile = z.output<typeof workloadSchema>;

/** A workload with every default filled in. */
export interface Workload {
  readonly clients: readonly NodeId[];
  readonly rate: number;
  readonly mix: readonly (readonly [string, number])[];
  readonly keys: readonly string[];
  readonly from: number;
  /** Absent: the run's end. */
  readonly until?: number;
  readonly arrival: 'poisson' | 'periodic';
}

/** What the workload's checks need of the protocol and the scenario. */
export interface WorkloadContext {
  readonly protocolId: string;
  readonly ops: OpGrammar | undefined;
  readonly hasClientMachine: boolean;
  readonly clients: readonly NodeId[];
}

/** The workload's meaning, checked against the protocol: errors name the field (`workload.mix.delete: ...`). */
export function interpretWorkload(file: WorkloadFile, ctx: WorkloadContext, errors: string[]): Workload | null {
  const before = errors.length;
  if (!ctx.hasClientMachine) {
    errors.push(`workload: ${ctx.protocolId} has no client machine`);
    return null;
  }
  if (ctx.clients.length === 0) {
    errors.push('workload: the scenario has no clients (add "clients")');
    return null;
  }
  const known = new Set(ctx.clients);
  (file.clients ?? []).forEach((id, i) => {
    if (!known.has(id)) errors.push(`workload.clients[${i}]: ${quote(id)} is not a client`);
    else if (file.clients?.indexOf(id) !== i) errors.push(`workload.clients[${i}]: ${quote(id)} is listed twice`);
  });
  const names = ctx.ops?.names ?? [];
  const mix = Object.entries(file.mix);
  for (const [name] of mix) {
    if (!names.includes(name)) {
      errors.push(`workload.mix${pathKey(name)}: not an operation of ${ctx.protocolId} (${names.join(', ')})`);
    }
  }
  if (mix.length === 0 || mix.every(([, w]) => w === 0)) errors.push('workload.mix: the weights must sum above 0');
  const keys =
    typeof file.keys === 'number' ? Array.from({ length: file.keys }, (_, i) => `k${i + 1}`) : (file.keys ?? ['x']);
  const ops = ctx.ops;
  if (ops && typeof file.keys !== 'number') {
    keys.forEach((key, i) => {
      const drawn = mix.filter(([n, w]) => w > 0 && names.includes(n));
      if (drawn.some(([n]) => ops.parse(ops.workloadOp(n, key, 1, 0)) === null)) {
        errors.push(`workload.keys[${i}]: ${quote(key)} is not a key of ${ctx.protocolId} (${ops.usage})`);
      }
    });
  }
  const from = file.from ?? 0;
  if (file.until !== undefined && file.until <= from) errors.push('workload.until: must be after workload.from');
  if (errors.length > before) return null;
  return {
    clients: file.clients ?? ctx.clients,
    rate: file.rate,
    mix,
    keys,
    from,
    ...(file.until === undefined ? {} : { until: file.until }),
    arrival: file.arrival ?? 'poisson',
  };
}

const pathKey = (key: string) =>
  /^[A-Za-z_$][\w$-]*$/.test(key) && key.length <= 40 ? `.${key}` : `[${quote(key, JSON.stringify)}]`;

/** The workload's file form (the scenario's `workload` field, defaults filled in). */
export function workloadToFile(w: Workload): Record<string, unknown> {
  return {
    clients: [...w.clients],
    rate: w.rate,
    mix: Object.fromEntries(w.mix),
    keys: [...w.keys],
    from: w.from,
    ...(w.until === undefined ? {} : { until: w.until }),
    arrival: w.arrival,
  };
}

/**
 * The workload's `request` events (§1.5), in time order. Client by client, from the stream labelled
 * `workload`: arrival times (poisson: exponential gaps of mean 1000/rate ms; periodic: client i of m at
 * from + (j + i/m) * 1000/rate), an operation name by weight and a key uniformly. Then, in time order (ties
 * by client order), each gets its command from the grammar's `workloadOp(name, key, seq, last)`: seq 1, 2, ...
 * over the workload, `last` the value of the previous write or cas of that key in that order, else 0. The
 * parser refuses a workload expected to pass MAX_WORKLOAD_OPS (`workloadSize`); a poisson stream that draws
 * more by chance is cut there.
 */
export function expandWorkload(w: Workload, seed: number, endMs: number, ops: OpGrammar): RequestInput[] {
  const until = Math.min(w.until ?? endMs, MAX_TIME_MS);
  const gapMs = 1000 / w.rate;
  const rng = Rng.fromSeed(seed).forkLabelled('workload');
  const total = w.mix.reduce((sum, [, weight]) => sum + weight, 0);
  const drawn: { at: number; client: number; name: string; key: string }[] = [];
  w.clients.forEach((_, i) => {
    const m = w.clients.length;
    let at = w.from;
    for (let j = 0; ; j++) {
      // Poisson arrivals: exponential gaps by inversion, -mean * ln(1 - u) with u in [0, 1).
      at = w.arrival === 'periodic' ? w.from + (j + i / m) * gapMs : at - gapMs * Math.log(1 - rng.float());
      if (at >= until || drawn.length >= MAX_WORKLOAD_OPS) break;
      drawn.push({ at, client: i, name: pickByWeight(w.mix, total, rng.float()), key: rng.pick(w.keys) });
    }
  });
  drawn.sort((a, b) => a.at - b.at || a.client - b.client);
  const last = new Map<string, number>();
  return drawn.map((d, index) => {
    const seq = index + 1;
    const command = ops.workloadOp(d.name, d.key, seq, last.get(d.key) ?? 0);
    // An operation with arguments (a write, a cas) leaves its value in the key; one without (a read) does not.
    if ((ops.parse(command)?.args.length ?? 0) > 0) last.set(d.key, seq);
    return { at: d.at, type: 'request', command, client: w.clients[d.client] as NodeId };
  });
}

function pickByWeight(mix: readonly (readonly [string, number])[], total: number, u: number): string {
  let x = u * total;
  for (const [name, weight] of mix) {
    if (weight > 0 && x < weight) return name;
    x -= weight;
  }
  // Rounding can leave x a hair above the last weight: the last drawable name.
  return (mix.findLast(([, weight]) => weight > 0) as readonly [string, number])[0];
}

/** How many operations the workload makes (periodic) or is expected to make (poisson) up to `endMs`. */
export function workloadSize(w: Workload, endMs: number): number {
  const span = Math.max(0, Math.min(w.until ?? endMs, MAX_TIME_MS) - w.from);
  return Math.ceil((w.clients.length * span * w.rate) / 1000);
}
