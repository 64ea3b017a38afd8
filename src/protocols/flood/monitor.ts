import type { Finding, InvariantInfo, Monitor, NodeStatus, World } from '../../engine/protocol';
import type { FloodContext } from './types';

/**
 * Reliable broadcast's properties (Hadzilacos and Toueg 1994, §2.2), as a student can check them by eye.
 * Both speak of honest nodes: spec/protocols.md §1.6 has a node's deeds count until it turns Byzantine, and
 * nothing it does after. A liar keeps a broadcast's id and origin (the engine stamps `from`, so it cannot
 * pass for another node), so it can forge bodies but cannot make an honest node break Integrity; a bug can.
 */
export const floodInvariants: readonly InvariantInfo[] = [
  {
    id: 'integrity',
    title: 'Integrity',
    rule: 'An honest node delivers each broadcast at most once, and only a broadcast that its origin really sent.',
  },
  {
    id: 'agreement',
    title: 'Agreement (once settled)',
    eventual: true,
    rule:
      'Once the network is whole and quiet, every honest member that is up has delivered every broadcast that ' +
      'an honest member it is connected to (through honest members) delivered.',
  },
];

type Node = NodeStatus<FloodContext>;

/** §1.6, §1.7: a node that relays as the protocol says: honest, and in the cluster. */
const relaysHonestly = (n: Node) => n.byzantine === undefined && n.member !== false && n.isUp;

/** The monitor keeps nothing of its own: both properties read the nodes' delivery logs. */
export const floodMonitor: Monitor<null, FloodContext> = {
  initial: () => null,

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    // §1.6: a Byzantine node's own log is no longer evidence of anything.
    if (!node || node.byzantine !== undefined) return { history, findings: [] };
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
    const findings: Finding[] = [];
    // Each group of honest members joined by links through honest members must agree; a liar, a silent node
    // or one outside the cluster relays nothing true, so the ring may fall into such groups.
    for (const group of honestGroups(world)) {
      const all = new Map<string, string>();
      for (const n of group) for (const b of n.context.delivered) if (!all.has(b.id)) all.set(b.id, n.id);
      for (const n of group) {
        const has = new Set(n.context.delivered.map((b) => b.id));
        for (const [id, where] of all) {
          if (!has.has(id))
            findings.push({ invariant: 'agreement', message: `${n.id} never delivered ${id} (${where} did)` });
        }
      }
    }
    return findings;
  },
};

/** The honest members, in groups connected by links between honest members, in node order. */
function honestGroups(world: World<FloodContext>): Node[][] {
  const byId = new Map(world.nodes.filter(relaysHonestly).map((n) => [n.id, n]));
  const placed = new Set<string>();
  const groups: Node[][] = [];
  for (const start of byId.values()) {
    if (placed.has(start.id)) continue;
    const group: Node[] = [];
    const todo = [start];
    placed.add(start.id);
    for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
      group.push(n);
      for (const next of n.context.neighbours) {
        const m = byId.get(next);
        if (m && !placed.has(next)) {
          placed.add(next);
          todo.push(m);
        }
      }
    }
    groups.push(group.sort((a, b) => world.nodes.indexOf(a) - world.nodes.indexOf(b)));
  }
  return groups;
}
