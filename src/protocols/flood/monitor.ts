import type { Finding, InvariantInfo, Monitor } from '../../engine/protocol';
import type { FloodContext } from './types';

/** Reliable broadcast's properties (Hadzilacos and Toueg 1994, §2.2), as a student can check them by eye. */
export const floodInvariants: readonly InvariantInfo[] = [
  {
    id: 'integrity',
    title: 'Integrity',
    rule: 'A node delivers each broadcast at most once, and only a broadcast that its origin really sent.',
  },
  {
    id: 'agreement',
    title: 'Agreement (once settled)',
    eventual: true,
    rule: 'Once the network is whole and quiet, every node that is up has delivered every broadcast any node delivered.',
  },
];

/** The monitor keeps nothing of its own: both properties read the nodes' delivery logs. */
export const floodMonitor: Monitor<null, FloodContext> = {
  initial: () => null,

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node) return { history, findings: [] };
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const b of node.context.delivered) {
      if (seen.has(b.id)) findings.push({ invariant: 'integrity', message: `${changed} delivered ${b.id} twice` });
      seen.add(b.id);
      const origin = world.nodes.find((n) => n.id === b.origin);
      if (!origin?.context.delivered.some((o) => o.id === b.id)) {
        findings.push({
          invariant: 'integrity',
          message: `${changed} delivered ${b.id}, which ${b.origin} never sent`,
        });
      }
    }
    return { history, findings };
  },

  settled(_history, world) {
    const all = new Map<string, string>();
    for (const n of world.nodes) for (const b of n.context.delivered) if (!all.has(b.id)) all.set(b.id, n.id);
    const findings: Finding[] = [];
    for (const n of world.nodes) {
      if (!n.isUp) continue;
      const has = new Set(n.context.delivered.map((b) => b.id));
      for (const [id, where] of all) {
        if (!has.has(id))
          findings.push({ invariant: 'agreement', message: `${n.id} never delivered ${id} (${where} did)` });
      }
    }
    return findings;
  },
};
