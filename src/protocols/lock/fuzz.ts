import type { FuzzCluster } from '../../engine/protocol';
import { Rng } from '../../engine/rng';

/**
 * The lock's fuzzer (spec §1.9, the protocol's `fuzzScenario`): random runs with two or three clients
 * updating under the lock, and the faults of the lock's failure model: process pauses (stalls, aimed now
 * and then at a client's operation, as Jepsen's pause nemesis would), clocks, crashes, partitions, loss,
 * duplication. Faults stop at FAULTS_UNTIL_MS; then the network heals and every node restarts.
 *
 * Redlock's safety rests on clocks that do not jump (redis.io, "Distributed Locks with Redis", Safety
 * arguments; Kleppmann 2016): its runs draw offsets and bounded drift but no jumps, which are its lesson
 * (the `redlock-clock-jump` preset), not a bug. The lease variant with fencing is safe under every fault.
 */
export const FAULTS_UNTIL_MS = 3200;

export function lockFuzzScenario(seed: number, bug: string | null, cluster?: FuzzCluster): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const drawn =
    bug === 'no-fencing'
      ? 'lease'
      : bug === 'redlock-ignores-elapsed'
        ? 'redlock'
        : rng.pick(['lease', 'redlock'] as const);
  // Fitted to a given cluster (the browser search), the run's own variant and sizes replace the drawn ones.
  const variant = cluster ? (cluster.config.variant === 'redlock' ? 'redlock' : 'lease') : drawn;
  const drawnRedis = rng.pick([3, 5]);
  const redisCount = cluster ? cluster.nodes - 1 : drawnRedis;
  const servers = cluster ? cluster.nodes : variant === 'lease' ? 2 : redisCount + 1;
  const serverIds = Array.from({ length: servers }, (_, i) => `n${i + 1}`);
  const drawnClients = rng.int(2, 3);
  const clientIds = Array.from({ length: cluster ? cluster.clients : drawnClients }, (_, i) => `c${i + 1}`);
  const everyone = [...serverIds, ...clientIds];
  const events: Record<string, unknown>[] = [];
  const requests: { at: number; client: string }[] = [];
  let seq = 0;
  for (const client of clientIds) {
    for (let at = rng.int(0, 300); at < FAULTS_UNTIL_MS - 200; at += rng.int(150, 900)) {
      requests.push({ at, client });
      events.push({ at, type: 'request', client, command: `update ${++seq}` });
    }
  }
  const clocks: Record<string, { offsetMs: number; driftPpm: number }> = {};
  for (const id of everyone) {
    if (rng.chance(0.3)) clocks[id] = { offsetMs: rng.int(-500, 500), driftPpm: rng.int(-100, 100) };
  }
  const faults = rng.int(0, 8);
  for (let i = 0; i < faults; i++) {
    const at = rng.int(0, FAULTS_UNTIL_MS - 100);
    const node = rng.pick(everyone);
    switch (rng.int(0, 7)) {
      case 0: {
        // A pause aimed at an operation: just after a client's request, while it acquires or works.
        const r = rng.pick(requests);
        if (r)
          events.push({ at: r.at + rng.int(0, 260), type: 'stall', node: r.client, durationMs: rng.int(100, 2500) });
        break;
      }
      case 1:
        events.push({ at, type: 'stall', node, durationMs: rng.int(50, 2000) });
        break;
      case 2:
        events.push({ at, type: 'crash', node }, { at: at + rng.int(20, 600), type: 'restart', node });
        break;
      case 3: {
        const other = rng.pick(everyone.filter((n) => n !== node));
        events.push({ at, type: 'partition', groups: [rng.chance(0.5) ? [node] : [node, other]] });
        events.push({ at: at + rng.int(50, 800), type: 'heal' });
        break;
      }
      case 4:
        events.push({ at, type: 'network', loss: rng.int(0, 15) / 100, duplicate: rng.int(0, 15) / 100 });
        break;
      case 5:
        events.push({ at, type: 'network', latencyMs: [rng.int(1, 30), rng.int(30, 120)] });
        break;
      case 6:
        if (variant === 'lease') events.push({ at, type: 'clock', node, jumpMs: rng.int(-1500, 1500) });
        else events.push({ at, type: 'clock', node, driftPpm: rng.int(-100, 100) });
        break;
      default:
        events.push({ at, type: 'cut', from: node, to: rng.pick(everyone.filter((n) => n !== node)) });
    }
  }
  events.sort((a, b) => (a.at as number) - (b.at as number));
  const end = FAULTS_UNTIL_MS;
  events.push(
    { at: end, type: 'heal' },
    { at: end, type: 'network', loss: 0, duplicate: 0, latencyMs: [5, 40] },
    ...everyone.map((node) => ({ at: end, type: 'restart', node })),
  );
  const config: Record<string, unknown> = { variant, leaseMs: rng.pick([300, 1000]), holdMs: rng.pick([50, 200]) };
  if (variant === 'redlock') config.redisCount = redisCount;
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'lock',
    title: `lock fuzz run ${seed}`,
    seed,
    nodes: servers,
    clients: clientIds.length,
    ...(Object.keys(clocks).length > 0 ? { clocks } : {}),
    config,
    network: { latencyMs: [5, 40], loss: 0, duplicate: 0 },
    ...(bug === null ? {} : { bug }),
    events,
  };
}
