import { Rng } from '../../engine/rng';

type FileEvent = Record<string, unknown>;

/**
 * multipaxos's fuzzer (the protocol's `fuzzScenario`, spec §1.9). The generic schedule sends requests to the
 * entry point; Multi-Paxos's lessons need leader changes in the middle of a stream of commands: requests to
 * "leader" at a steady pace, the leader crashed or cut off while slots are in flight, lossy and slow links
 * that leave holes in the log, nodes bounced, stalled, partitioned, clocks drifting. Faults stop at
 * FAULTS_UNTIL_MS; then the network heals and every node restarts, and 2 s of quiet follow, so the eventual
 * `gaps-filled` is always judged.
 */
export const FAULTS_UNTIL_MS = 3000;

export function multiPaxosFuzzScenario(seed: number, bug: string | null): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const nodes = rng.pick([3, 5, 5]);
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  const events: FileEvent[] = [];
  let n = 0;
  const gap = rng.pick([20, 50, 100, 200]);
  for (let at = rng.int(150, 400); at < FAULTS_UNTIL_MS + 800; at += rng.int(gap / 2, gap * 2)) {
    events.push({ at, type: 'request', node: rng.chance(0.9) ? 'leader' : rng.pick(ids), command: `c${++n}` });
  }
  const faults = rng.int(2, 10);
  for (let i = 0; i < faults; i++) events.push(...fault(rng, ids, rng.int(200, FAULTS_UNTIL_MS - 100)));
  events.sort((a, b) => (a.at as number) - (b.at as number));
  const end = FAULTS_UNTIL_MS;
  events.push(
    { at: end, type: 'heal' },
    { at: end, type: 'network', loss: 0, duplicate: 0, latencyMs: [5, 30] },
    ...ids.map((node) => ({ at: end, type: 'restart', node })),
  );
  events.sort((a, b) => (a.at as number) - (b.at as number));
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'multipaxos',
    title: `multipaxos fuzz run ${seed}`,
    seed,
    nodes,
    config: { window: rng.pick([1, 3, 5, 5]) },
    network: { latencyMs: rng.chance(0.5) ? [5, 30] : [10, 80], loss: 0, duplicate: 0 },
    ...(bug === null ? {} : { bug }),
    events,
  };
}

/** One random fault at `at`. */
function fault(rng: Rng, ids: readonly string[], at: number): FileEvent[] {
  const node = rng.chance(0.5) ? 'leader' : rng.pick(ids);
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      // The leader (or another node) dies with slots in flight; it comes back later, or at the end.
      // A restart of every node brings back whichever node "leader" named (an up node's restart is skipped).
      if (rng.chance(0.4)) return [{ at, type: 'crash', node }];
      return [{ at, type: 'crash', node }, ...restartAll(ids, at + rng.int(50, 1200))];
    case 3:
      return [
        { at, type: 'partition', groups: [[rng.pick(ids)]] },
        { at: at + rng.int(100, 1000), type: 'heal' },
      ];
    case 4:
      return [{ at, type: 'network', loss: rng.int(5, 40) / 100, duplicate: rng.int(0, 20) / 100 }];
    case 5:
      return [{ at, type: 'network', latencyMs: [rng.int(1, 30), rng.int(30, 150)] }];
    case 6:
      return [{ at, type: 'stall', node, durationMs: rng.int(100, 800) }];
    case 7: {
      const a = rng.pick(ids);
      const b = rng.pick(ids.filter((x) => x !== a));
      return [{ at, type: 'cut', from: a, to: b }];
    }
    case 8:
      return [{ at, type: 'clock', node: rng.pick(ids), driftPpm: rng.int(-2000, 2000) }];
    default:
      return [{ at, type: 'network', loss: 0, duplicate: 0 }];
  }
}

const restartAll = (ids: readonly string[], at: number): FileEvent[] =>
  ids.map((node) => ({ at, type: 'restart', node }));
