import type { AnyProtocol } from '../engine/protocol';
import type { Rng } from '../engine/rng';

/** How many clients a fuzz run of a protocol with clients gets unless `--clients` says (spec/protocols.md §1.9). */
export const DEFAULT_FUZZ_CLIENTS = 2;

/**
 * §1.9: "a random workload when the protocol has clients (`--clients N`, default 2)": `clients: N` and a §1.5
 * `workload` whose rate (ops per second per client), mix over the grammar's `ops.names` and key count are drawn
 * from the run's stream. Null (and nothing drawn) for a protocol without a client machine and grammar, or whose
 * `fuzzFaults` leaves out `workload`, so Raft
 * and 2PC draw exactly the stream they always did. The workload ends with the fault draws (`untilMs`), keeping
 * histories small enough for the checker; its last operations complete in the quiet tail.
 */
export function randomWorkload(
  rng: Rng,
  protocol: Pick<AnyProtocol, 'clientMachine' | 'ops' | 'fuzzFaults'>,
  clients: number,
  untilMs: number,
): { readonly clients: number; readonly workload: Record<string, unknown> } | null {
  const ops = protocol.ops;
  if (!protocol.clientMachine || !ops || ops.names.length === 0 || clients <= 0) return null;
  // §1.9 "within fuzzFaults": a protocol that lists its failure model without `workload` gets none.
  if (protocol.fuzzFaults !== undefined && !protocol.fuzzFaults.includes('workload')) return null;
  const rate = rng.int(1, 8);
  const weights: number[] = ops.names.map(() => rng.int(0, 3));
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  const mix = Object.fromEntries(ops.names.map((name, i) => [name, weights[i] ?? 0]));
  const keys = rng.int(1, 3);
  const arrival = rng.chance(0.8) ? 'poisson' : 'periodic';
  return { clients, workload: { rate, mix, keys, from: 0, until: untilMs, arrival } };
}
