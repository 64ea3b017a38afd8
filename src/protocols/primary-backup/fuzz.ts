import { Rng } from '../../engine/rng';

type FileEvent = Record<string, unknown>;

/**
 * primary-backup's fuzzer (the protocol's `fuzzScenario`, spec §1.9): two or three clients write, cas and read
 * through the primary while servers crash and restart, partitions cut the primary off (split brain), links are
 * cut, messages lost, duplicated and delayed, and processes stall. Time keys are drawn short so that failovers
 * happen within a run. The mode is drawn, except for the `ack-before-replicate` bug: it breaks sync mode's
 * promise, so its runs are in sync mode. Faults stop at FAULTS_UNTIL_MS; then the network heals and every
 * node restarts.
 */
export const FAULTS_UNTIL_MS = 3000;

export function pbFuzzScenario(seed: number, bug: string | null): Record<string, unknown> {
  const rng = Rng.fromSeed(seed);
  const servers = rng.pick([2, 3, 3, 4]);
  const ids = Array.from({ length: servers }, (_, i) => `n${i + 1}`);
  const clients = Array.from({ length: rng.int(2, 3) }, (_, i) => `c${i + 1}`);
  const everyone = [...ids, ...clients];
  const mode = bug === 'ack-before-replicate' ? 'sync' : rng.pick(['async', 'semi-sync', 'sync'] as const);
  const heartbeatMs = rng.pick([20, 50, 100]);
  const config = {
    mode,
    heartbeatMs,
    failoverTimeoutMs: heartbeatMs * rng.int(3, 10),
    semiSyncTimeoutMs: rng.pick([100, 300, 1000]),
    clientTimeoutMs: rng.pick([300, 1000]),
  };
  const events: FileEvent[] = [];
  let seq = 0;
  for (const client of clients) {
    for (let at = rng.int(0, 200); at < FAULTS_UNTIL_MS - 100; at += rng.int(40, 400)) {
      const draw = rng.int(0, 9);
      const key = rng.pick(['x', 'y']);
      const command = draw < 5 ? `write ${key} ${++seq}` : draw < 7 ? `cas ${key} ${seq} ${++seq}` : `read ${key}`;
      events.push({ at, type: 'request', client, command });
    }
  }
  const faults = rng.int(1, 8);
  for (let i = 0; i < faults; i++) events.push(...fault(rng, ids, everyone, rng.int(0, FAULTS_UNTIL_MS - 100)));
  events.sort((a, b) => (a.at as number) - (b.at as number));
  const end = FAULTS_UNTIL_MS;
  events.push(
    { at: end, type: 'heal' },
    { at: end, type: 'network', loss: 0, duplicate: 0, latencyMs: [5, 40] },
    ...everyone.map((node) => ({ at: end, type: 'restart', node })),
  );
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'primary-backup',
    title: `primary-backup fuzz run ${seed}`,
    seed,
    nodes: servers,
    clients: clients.length,
    config,
    network: { latencyMs: rng.chance(0.5) ? [5, 40] : [10, 100], loss: 0, duplicate: 0 },
    ...(bug === null ? {} : { bug }),
    events,
  };
}

/** One random fault at `at`; the primary (n1 at first) is the favourite target, as failover is the lesson. */
function fault(rng: Rng, ids: readonly string[], everyone: readonly string[], at: number): FileEvent[] {
  const server = rng.chance(0.5) ? (ids[0] as string) : rng.pick(ids);
  const other = () => rng.pick(everyone.filter((n) => n !== server));
  switch (rng.int(0, 7)) {
    case 0:
    case 1:
      return [
        { at, type: 'crash', node: server },
        { at: at + rng.int(20, 1500), type: 'restart', node: server },
      ];
    case 2: {
      // The primary cut off from the servers, with or without some clients: split brain when a backup promotes.
      const side = [server, ...everyone.filter((n) => n !== server && !ids.includes(n) && rng.chance(0.5))];
      return [
        { at, type: 'partition', groups: [side] },
        { at: at + rng.int(100, 1500), type: 'heal' },
      ];
    }
    case 3:
      return [{ at, type: 'network', loss: rng.int(0, 20) / 100, duplicate: rng.int(0, 20) / 100 }];
    case 4:
      return [{ at, type: 'network', latencyMs: [rng.int(1, 30), rng.int(30, 150)] }];
    case 5:
      return [{ at, type: 'stall', node: rng.pick(everyone), durationMs: rng.int(50, 1000) }];
    case 6:
      return [
        { at, type: 'cut', from: server, to: other() },
        { at: at + rng.int(100, 1500), type: 'mend', from: server, to: other() },
      ];
    default: {
      const to = rng.pick(ids.filter((n) => n !== server));
      if (to === undefined) return [];
      const slow = rng.int(100, 600);
      return [
        { at, type: 'link', from: server, to, latencyMs: [slow, slow + rng.int(0, 100)], oneWay: true },
        { at: at + rng.int(100, 1000), type: 'link', from: server, to, latencyMs: [5, 40], oneWay: true },
      ];
    }
  }
}
