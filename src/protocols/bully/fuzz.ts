import { Rng } from '../../engine/rng';

type FileEvent = Record<string, unknown>;

/**
 * bully's fuzzer (the protocol's `fuzzScenario`, spec §1.9). The generic schedule leaves a slowed network slow
 * to the end, and a bully cluster whose round trips stay above T never settles: that is the protocol's model
 * (a synchronous system, Garcia-Molina 1982 §II), not a bug. Here every fault the lesson is about is drawn until
 * FAULTS_UNTIL_MS (coordinators crashed and bounced, often the highest node, the recovery the bug gets wrong;
 * partitions, cuts, loss, duplication, links and networks slower than T, stalls, drifting clocks, `elect`
 * requests anywhere); then the network heals and its latency returns within T, and every node restarts.
 */
export const FAULTS_UNTIL_MS = 3000;

export function bullyFuzzScenario(seed: number, bug: string | null): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const nodes = rng.pick([3, 4, 5, 5]);
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  const events: FileEvent[] = [];
  const slowed = new Set<string>();
  const faults = rng.int(2, 12);
  for (let i = 0; i < faults; i++) events.push(...fault(rng, ids, rng.int(0, FAULTS_UNTIL_MS - 100), slowed));
  events.sort((a, b) => (a.at as number) - (b.at as number));
  const end = FAULTS_UNTIL_MS;
  events.push(
    { at: end, type: 'heal' },
    { at: end, type: 'network', loss: 0, duplicate: 0, latencyMs: [5, 30] },
    ...[...slowed].sort().map((pair) => {
      const [from, to] = pair.split('>');
      return { at: end, type: 'link', from, to, latencyMs: [5, 30] };
    }),
    ...ids.map((node) => ({ at: end + rng.int(0, 200), type: 'restart', node })),
  );
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'bully',
    title: `bully fuzz run ${seed}`,
    seed,
    nodes,
    network: { latencyMs: rng.chance(0.5) ? [5, 15] : [5, 40], loss: 0, duplicate: 0 },
    ...(bug === null ? {} : { bug }),
    events,
  };
}

/** One random fault at `at`. */
function fault(rng: Rng, ids: readonly string[], at: number, slowed: Set<string>): FileEvent[] {
  const top = ids[ids.length - 1] as string;
  const node = rng.chance(0.3) ? top : rng.pick(ids);
  const other = () => rng.pick(ids.filter((n) => n !== node));
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
      // The coordinator (often the highest node) goes down and comes back: the recovery must bully.
      return [
        { at, type: 'crash', node },
        { at: at + rng.int(5, 1200), type: 'restart', node },
      ];
    case 2:
      return [{ at, type: 'crash', node }];
    case 3:
      return [
        { at, type: 'partition', groups: [rng.chance(0.5) ? [node] : [node, other()]] },
        { at: at + rng.int(50, 1200), type: 'heal' },
      ];
    case 4:
      return [{ at, type: 'network', loss: rng.int(0, 20) / 100, duplicate: rng.int(0, 20) / 100 }];
    case 5:
      // A network slower than T (answerTimeoutMs, 100 ms) for a while: two coordinators, then back.
      return [
        { at, type: 'network', latencyMs: [rng.int(1, 80), rng.int(80, 220)] },
        { at: at + rng.int(100, 1000), type: 'network', latencyMs: [5, 30] },
      ];
    case 6:
      return [{ at, type: 'stall', node, durationMs: rng.int(50, 800) }];
    case 7:
      return rng.chance(0.5)
        ? [{ at, type: 'cut', from: node, to: other() }]
        : [{ at, type: 'request', node, command: 'elect' }];
    case 8:
      return [{ at, type: 'clock', node, driftPpm: rng.int(-2000, 2000) }];
    default: {
      const to = other();
      const slow = rng.int(100, 400);
      slowed.add(`${node}>${to}`);
      return [{ at, type: 'link', from: node, to, latencyMs: [slow, slow + rng.int(0, 100)], oneWay: true }];
    }
  }
}
