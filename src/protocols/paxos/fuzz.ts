import type { FuzzCluster } from '../../engine/protocol';
import { Rng } from '../../engine/rng';

type FileEvent = Record<string, unknown>;

/**
 * paxos's fuzzer (the protocol's `fuzzScenario`, spec §1.9): the generic schedule sends every request to the
 * first live proposer, and a lone proposer never meets the cases Paxos exists for. Here two or three proposers
 * are asked for different values at nearly the same time, acceptors crash and come back in the middle of
 * rounds (the restart a forgetful acceptor gets wrong), and the network partitions, cuts, loses, duplicates,
 * delays and slows single links; nodes stall and clocks drift. A quarter of the runs open with the shape that
 * lets a forgotten promise choose two values (swarm testing aims at patterns, Groce et al. 2012). Faults stop at
 * FAULTS_UNTIL_MS; then the network heals and every node restarts, so the proposers still waiting finish.
 */
export const FAULTS_UNTIL_MS = 3000;

export function paxosFuzzScenario(seed: number, bug: string | null, cluster?: FuzzCluster): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const drawnNodes = rng.pick([3, 3, 5]);
  // Fitted to a given cluster (the browser search): its servers, and requests only to its proposers.
  const nodes = cluster ? cluster.nodes : drawnNodes;
  const ids = Array.from({ length: nodes }, (_, i) => `n${i + 1}`);
  const drawnProposers = rng.int(2, Math.max(2, Math.min(3, nodes)));
  const given = cluster?.config.proposers;
  const proposers = Math.min(typeof given === 'number' ? given : drawnProposers, nodes);
  const events: FileEvent[] = [];
  let values = 0;
  const value = () => `v${++values}`;
  const shaped = rng.chance(0.25);
  if (shaped) events.push(...forgottenPromiseShape(rng, ids, value));
  for (let p = 0; p < proposers; p++) {
    for (
      let at = rng.int(shaped ? 1500 : 0, shaped ? 2000 : 200);
      at < FAULTS_UNTIL_MS - 200;
      at += rng.int(200, 1500)
    ) {
      events.push({ at, type: 'request', node: ids[p], command: value() });
    }
  }
  const faults = rng.int(2, 12);
  for (let i = 0; i < faults; i++) events.push(...fault(rng, ids, rng.int(0, FAULTS_UNTIL_MS - 100)));
  events.sort((a, b) => (a.at as number) - (b.at as number));
  const end = FAULTS_UNTIL_MS;
  events.push(
    { at: end, type: 'heal' },
    { at: end, type: 'network', loss: 0, duplicate: 0, latencyMs: [5, 40] },
    ...ids.map((node) => ({ at: end, type: 'restart', node })),
  );
  const lo = rng.pick([20, 50, 100]);
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'paxos',
    title: `paxos fuzz run ${seed}`,
    seed,
    nodes,
    config: { proposers, retryMs: [lo, lo + rng.pick([0, 50, 100])], randomRetry: rng.chance(0.8) },
    network: { latencyMs: rng.chance(0.5) ? [5, 40] : [20, 120], loss: 0, duplicate: 0 },
    ...(bug === null ? {} : { bug }),
    events,
  };
}

/** One random fault at `at`. */
function fault(rng: Rng, ids: readonly string[], at: number): FileEvent[] {
  const node = rng.pick(ids);
  const other = () => rng.pick(ids.filter((n) => n !== node));
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      // A bounce in the middle of a round: the acceptor's promise must outlive it (§2.5).
      return [
        { at, type: 'crash', node },
        { at: at + rng.int(5, 300), type: 'restart', node },
      ];
    case 3:
      return [
        { at, type: 'partition', groups: [rng.chance(0.5) ? [node] : [node, other()]] },
        { at: at + rng.int(50, 800), type: 'heal' },
      ];
    case 4:
      return [{ at, type: 'network', loss: rng.int(0, 20) / 100, duplicate: rng.int(0, 20) / 100 }];
    case 5:
      return [{ at, type: 'network', latencyMs: [rng.int(1, 30), rng.int(30, 120)] }];
    case 6:
      return [{ at, type: 'stall', node, durationMs: rng.int(50, 800) }];
    case 7:
      return [{ at, type: 'cut', from: node, to: other() }];
    case 8:
      return [{ at, type: 'clock', node, driftPpm: rng.int(-2000, 2000) }];
    default: {
      // A congested link: one direction slows down for a while, so one message overtakes another.
      const to = other();
      const slow = rng.int(100, 900);
      return [
        { at, type: 'link', from: node, to, latencyMs: [slow, slow + rng.int(0, 100)], oneWay: true },
        { at: at + rng.int(100, 1000), type: 'link', from: node, to, latencyMs: [5, 40], oneWay: true },
      ];
    }
  }
}

/**
 * Proposers a and b cannot hear each other; b is asked first and its Accept to acceptor x is slowed; x bounces
 * while that Accept is on the wire, and then a is asked. The correct x still refuses a's lower ballot; one that
 * forgot its promise lets a's value be chosen, and then b's (the `forget-promise` preset is one such run).
 */
function forgottenPromiseShape(rng: Rng, ids: readonly string[], value: () => string): FileEvent[] {
  const [a, b] = rng.chance(0.5) ? [ids[0] as string, ids[1] as string] : [ids[1] as string, ids[0] as string];
  const x = rng.pick(ids.filter((n) => n !== a && n !== b));
  const at = rng.int(0, 100);
  const slow = rng.int(300, 900);
  const bounce = at + rng.int(50, 300);
  const back = bounce + rng.int(5, 100);
  return [
    { at, type: 'cut', from: a, to: b },
    { at, type: 'request', node: b, command: value() },
    { at: at + rng.int(1, 60), type: 'link', from: b, to: x, latencyMs: [slow, slow], oneWay: true },
    { at: bounce, type: 'crash', node: x },
    { at: back, type: 'restart', node: x },
    { at: back + rng.int(0, 50), type: 'request', node: a, command: value() },
    { at: at + rng.int(slow + 200, 1500), type: 'mend', from: a, to: b },
  ];
}
