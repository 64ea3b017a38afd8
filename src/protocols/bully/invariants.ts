import type { InvariantInfo, Monitor, NodeStatus } from '../../engine/protocol';
import { priority } from './rules';
import type { BullyContext } from './types';

/**
 * Garcia-Molina 1982, §III, Assertion 2 in the contract's form: once no failures or recoveries happen for long
 * enough, the highest node up is coordinator and every up node names it. Assertion 1 (two nodes in the Normal
 * state name the same coordinator) holds only while messages arrive within T and no partition divides the
 * nodes; it is not checked after every event but measured (facts.ts, `twoCoordinatorsMs`).
 */
export const bullyInvariants: readonly InvariantInfo[] = [
  {
    id: 'highest-alive-leads',
    title: 'The highest node up coordinates (once settled)',
    eventual: true,
    downOk: true,
    rule:
      'Once the network is whole and quiet, every node that is up names the highest node that is up as its ' +
      'coordinator, and that node is the only one in role coordinator.',
  },
];

type Node = NodeStatus<BullyContext>;

/** The monitor keeps nothing: the one invariant is judged at the end of a settled run from the views. */
export const bullyMonitor: Monitor<null, BullyContext> = {
  initial: () => null,
  check: (history) => ({ history, findings: [] }),
  settled(_history, world) {
    const up = world.nodes.filter((n) => n.isUp);
    const top = up.reduce<Node | null>(
      (best, n) => (best === null || priority(n.context, n.id) > priority(best.context, best.id) ? n : best),
      null,
    );
    if (top === null) return [];
    const problems: string[] = [];
    const say = (message: string) => problems.push(message);
    for (const n of up) {
      const { role, coordinator } = n.context;
      if (coordinator !== top.id) {
        say(`${n.id} names ${coordinator ?? 'no coordinator'} (${role}), but ${top.id} is the highest node up`);
      } else if (n.id === top.id && role !== 'coordinator') {
        say(`${n.id} is the highest node up but is ${role}, not coordinator`);
      } else if (n.id !== top.id && role === 'coordinator') {
        say(`${n.id} is in role coordinator beside ${top.id}`);
      }
    }
    // One finding for the settled cluster, naming every node that is out of line.
    return problems.length === 0 ? [] : [{ invariant: 'highest-alive-leads', message: problems.join('; ') }];
  },
};
