import { Rng } from '../../engine/rng';

type FileEvent = Record<string, unknown>;

/**
 * multipaxos's fuzzer (the protocol's `fuzzScenario`, spec §1.9). The generic schedule sends requests to the
 * entry point; Multi-Paxos's lessons need leader changes in the middle of a stream of commands: requests to
 * "leader" at a steady pace, the leader crashed or cut off while slots are in flight, lossy and slow links
 * that leave holes in the log, nodes bounced, stalled, partitioned, clocks drifting. Faults stop at
 * FAULTS_UNTIL_MS; then the network heals and every node restarts, and 2 s of quiet follow, so the eventual
 * `gaps-filled` is always judged. A quarter of the runs also open a hole on purpose (holeShape below; swarm
 * testing aims at patterns, Groce et al. 2012).
 */
export const FAULTS_UNTIL_MS = 3000;
const REQUESTS_UNTIL_MS = 2800;
const MAX_REQUESTS = 40;

export function multiPaxosFuzzScenario(seed: number, bug: string | null): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const nodes = rng.pick([3, 5, 5]);
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  const events: FileEvent[] = [];
  const window = rng.pick([1, 3, 5, 5]);
  // Requests stop before the faults do and stay within what the leader can decide (about `window` per round
  // trip), so the backlog drains in the quiet time and `gaps-filled` judges a log at rest, not one mid-stream.
  const gap = window === 1 ? rng.pick([100, 200, 300]) : rng.pick([30, 50, 100, 200]);
  let n = 0;
  for (let at = rng.int(150, 400); at < REQUESTS_UNTIL_MS && n < MAX_REQUESTS; at += rng.int(gap / 2, gap * 2)) {
    events.push({ at, type: 'request', node: rng.chance(0.9) ? 'leader' : rng.pick(ids), command: `c${++n}` });
  }
  if (rng.chance(0.25)) events.push(...holeShape(rng, () => `c${++n}`));
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
    config: { window },
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

/**
 * The shape that leaves a hole (the `leader-change-noop` preset is one such run): a burst of requests to the
 * leader on a lossy network, then the leader dies before its heartbeat resends the lost P2a. A later slot may
 * be accepted by a majority while an earlier one is accepted nowhere: only a noop fills it.
 */
function holeShape(rng: Rng, command: () => string): FileEvent[] {
  const at = rng.int(600, 2000);
  const burst = rng.int(2, 4);
  const end = at + burst + rng.int(10, 45);
  return [
    { at, type: 'network', loss: rng.int(30, 70) / 100 },
    ...Array.from({ length: burst }, (_, i) => ({ at: at + i, type: 'request', node: 'leader', command: command() })),
    { at: at + burst, type: 'network', loss: 0 },
    { at: end, type: 'crash', node: 'leader' },
  ];
}
