import { Rng } from '../../engine/rng';

type FileEvent = Record<string, unknown>;

/**
 * quorum's fuzzer (the protocol's `fuzzScenario`, spec §1.9): two or three clients read and write one to three
 * keys every few tens of milliseconds, now and then two of them writing one key at the same moment (the
 * concurrent writes that make siblings, or that last-write-wins must order), under crashes, partitions, cut
 * and slowed links, loss, duplication, stalls and clock offsets. The quorum configuration is drawn too: strict
 * or sloppy, (3,2,2) and its neighbours, vv or lww. Faults stop at FAULTS_UNTIL_MS; the settled tail (§1.9)
 * heals the network and restarts every node, and anti-entropy then has `settleMs` to converge the replicas.
 */
export const FAULTS_UNTIL_MS = 3000;

/**
 * Operations per client. A client runs one at a time (§1.5), so a backlog can outlast the faults by up to
 * MAX_OPS x clientTimeoutMs; the run lasts long enough after that for anti-entropy to converge the replicas
 * (client operations are no faults, so the settled tail alone would not wait for them).
 */
const MAX_OPS = 10;
const UNTIL_MS = FAULTS_UNTIL_MS + MAX_OPS * 1000 + 5000;

const QUORUMS: readonly (readonly [number, number])[] = [
  [2, 2],
  [2, 2],
  [1, 3],
  [3, 1],
  [2, 3],
  [1, 1],
  [1, 2],
];

export function quorumFuzzScenario(seed: number, bug: string | null): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const servers = rng.pick([3, 4, 5, 5]);
  const ids = Array.from({ length: servers }, (_, i) => `n${i + 1}`);
  const clients = Array.from({ length: rng.int(2, 3) }, (_, i) => `c${i + 1}`);
  const everyone = [...ids, ...clients];
  const keys = ['x', 'y', 'z'].slice(0, rng.int(1, 3));
  // The bug under test needs the configuration its invariant speaks of: a strict quorum with r + w > n, or lww.
  const [r, w] =
    bug === 'ack-before-w'
      ? rng.pick([
          [2, 2],
          [1, 3],
          [2, 3],
        ] as const)
      : rng.pick(QUORUMS);
  const sloppy = bug === 'ack-before-w' ? false : rng.chance(0.5);
  const conflicts = bug === 'lww-by-arrival' ? 'lww' : rng.pick(['vv', 'lww'] as const);
  const events: FileEvent[] = [];
  let seq = 0;
  for (const client of clients) {
    let ops = 0;
    for (let at = rng.int(0, 100); at < FAULTS_UNTIL_MS - 100 && ops < MAX_OPS; at += rng.int(20, 300), ops++) {
      const key = rng.pick(keys);
      const command = rng.chance(0.5) ? `write ${key} ${++seq}` : `read ${key}`;
      events.push({ at, type: 'request', client, command, ...(rng.chance(0.2) ? { node: rng.pick(ids) } : {}) });
    }
  }
  const bursts = rng.int(0, 3);
  for (let i = 0; i < bursts; i++) {
    const at = rng.int(0, FAULTS_UNTIL_MS - 100);
    const key = rng.pick(keys);
    for (const client of clients.slice(0, 2))
      events.push({ at, type: 'request', client, command: `write ${key} ${++seq}` });
  }
  const faults = rng.int(0, 8);
  for (let i = 0; i < faults; i++) events.push(...fault(rng, ids, everyone, rng.int(0, FAULTS_UNTIL_MS - 100)));
  events.sort((a, b) => (a.at as number) - (b.at as number));
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'quorum',
    title: `quorum fuzz run ${seed}`,
    seed,
    until: UNTIL_MS,
    nodes: servers,
    clients: clients.length,
    config: {
      n: 3,
      r,
      w,
      sloppy,
      conflicts,
      readRepair: rng.chance(0.8),
      hintedHandoff: rng.chance(0.8),
      requestTimeoutMs: rng.pick([100, 300]),
      clientTimeoutMs: 1000,
    },
    network: { latencyMs: rng.chance(0.5) ? [5, 40] : [10, 120], loss: 0, duplicate: 0 },
    ...(bug === null ? {} : { bug }),
    events,
  };
}

/** One random fault at `at`. */
function fault(rng: Rng, ids: readonly string[], everyone: readonly string[], at: number): FileEvent[] {
  const node = rng.pick(ids);
  const other = () => rng.pick(everyone.filter((n) => n !== node));
  switch (rng.int(0, 8)) {
    case 0:
    case 1:
      return [
        { at, type: 'crash', node },
        { at: at + rng.int(20, 800), type: 'restart', node },
      ];
    case 2:
    case 3:
      return [
        { at, type: 'partition', groups: [rng.chance(0.5) ? [node] : [node, other()]] },
        { at: at + rng.int(100, 1200), type: 'heal' },
      ];
    case 4:
      return [{ at, type: 'network', loss: rng.int(0, 15) / 100, duplicate: rng.int(0, 15) / 100 }];
    case 5:
      return [{ at, type: 'stall', node, durationMs: rng.int(50, 600) }];
    case 6:
      return [{ at, type: 'clock', node, offsetMs: rng.int(-300, 300) }];
    case 7:
      return [{ at, type: 'cut', from: node, to: other() }];
    default: {
      const to = other();
      const slow = rng.int(100, 600);
      return [
        { at, type: 'link', from: node, to, latencyMs: [slow, slow + rng.int(0, 100)], oneWay: true },
        { at: at + rng.int(100, 1000), type: 'link', from: node, to, latencyMs: [5, 40], oneWay: true },
      ];
    }
  }
}
