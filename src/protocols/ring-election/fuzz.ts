import { Rng } from '../../engine/rng';

type FileEvent = Record<string, unknown>;

/**
 * ring-election's fuzzer (the protocol's `fuzzScenario`, spec §1.9). The generic schedule sends every request to
 * the first process and draws its faults after the election at time 0 is over; here rings of 3 to 8 processes
 * with every kind of uid order start their elections at time 0 or on requests at any process, in the middle of
 * crashes and bounces, partitions, cuts, loss, duplication (a uid that comes home twice), slow single links
 * (one uid overtaking another), stalls and drifting clocks. Faults stop at FAULTS_UNTIL_MS; then the network
 * heals, every process restarts, and one more election is asked for, so runs also end with a leader.
 */
export const FAULTS_UNTIL_MS = 2000;

export function ringFuzzScenario(seed: number, bug: string | null): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const nodes = rng.int(3, 8);
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  const initiators = rng.chance(0.7) ? 'all' : 'none';
  const events: FileEvent[] = [];
  const elections = rng.int(initiators === 'none' ? 1 : 0, 4);
  for (let i = 0; i < elections; i++) {
    events.push({ at: rng.int(0, FAULTS_UNTIL_MS - 100), type: 'request', node: rng.pick(ids), command: 'elect' });
  }
  const faults = rng.int(1, 8);
  for (let i = 0; i < faults; i++) events.push(...fault(rng, ids, rng.int(0, FAULTS_UNTIL_MS - 100)));
  events.sort((a, b) => (a.at as number) - (b.at as number));
  const end = FAULTS_UNTIL_MS;
  events.push(
    { at: end, type: 'heal' },
    { at: end, type: 'network', loss: 0, duplicate: 0, latencyMs: [5, 40] },
    ...ids.map((node) => ({ at: end, type: 'restart', node })),
    { at: end + 100, type: 'request', node: rng.pick(ids), command: 'elect' },
  );
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'ring-election',
    title: `ring-election fuzz run ${seed}`,
    seed,
    nodes,
    config: { uids: uidSetting(rng, nodes), initiators },
    network: { latencyMs: rng.chance(0.5) ? [5, 40] : [1, 150], loss: 0, duplicate: 0 },
    ...(bug === null ? {} : { bug }),
    events,
  };
}

function uidSetting(rng: Rng, n: number): unknown {
  switch (rng.int(0, 3)) {
    case 0:
      return 'ascending';
    case 1:
      return 'descending';
    case 2:
      return 'random';
    default: {
      // Distinct integers, not 1..n: gaps and negative numbers must change nothing.
      const pool = new Set<number>();
      while (pool.size < n) pool.add(rng.int(-50, 1000));
      return [...pool];
    }
  }
}

/** One random fault at `at`. */
function fault(rng: Rng, ids: readonly string[], at: number): FileEvent[] {
  const node = rng.pick(ids);
  const other = () => rng.pick(ids.filter((n) => n !== node));
  switch (rng.int(0, 8)) {
    case 0:
    case 1:
      // A bounce in the middle of an election: it comes back a non-participant knowing no leader.
      return [
        { at, type: 'crash', node },
        { at: at + rng.int(5, 400), type: 'restart', node },
      ];
    case 2:
      return [
        { at, type: 'partition', groups: [rng.chance(0.5) ? [node] : [node, other()]] },
        { at: at + rng.int(50, 800), type: 'heal' },
      ];
    case 3:
      return [{ at, type: 'network', loss: rng.int(0, 20) / 100, duplicate: rng.int(0, 30) / 100 }];
    case 4:
      return [{ at, type: 'network', latencyMs: [rng.int(1, 30), rng.int(30, 200)] }];
    case 5:
      return [{ at, type: 'stall', node, durationMs: rng.int(50, 800) }];
    case 6:
      return [{ at, type: 'cut', from: node, to: other(), ...(rng.chance(0.5) ? { oneWay: true } : {}) }];
    case 7:
      return [{ at, type: 'clock', node, driftPpm: rng.int(-2000, 2000) }];
    default: {
      // A congested link: one direction slows down for a while, so a later uid overtakes an earlier one.
      const to = other();
      const slow = rng.int(100, 900);
      return [
        { at, type: 'link', from: node, to, latencyMs: [slow, slow + rng.int(0, 100)], oneWay: true },
        { at: at + rng.int(100, 1000), type: 'link', from: node, to, latencyMs: [5, 40], oneWay: true },
      ];
    }
  }
}
