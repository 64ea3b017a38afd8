import { own, withEntry } from '../../engine/kit';
import type { Finding, InvariantInfo, Monitor, World } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { RingContext } from './types';

/** What an election on a ring must achieve (spec/protocols.md `ring-election`; Chang & Roberts 1979: extrema-finding). */
export const ringInvariants: readonly InvariantInfo[] = [
  {
    id: 'unique-leader',
    title: 'One leader',
    rule: 'At most one process ever declares itself leader (its own uid came all the way round the ring).',
  },
  {
    id: 'leader-is-max',
    title: 'The leader has the largest uid',
    rule: 'A process that declares itself leader, and every uid a process is told was elected, is the largest uid on the ring.',
  },
];

/** What the monitor remembers: who declared, and each process's marks when last seen (to tell what changed). */
export interface RingHistory {
  /** The processes that ever declared themselves leader, in the order they did. */
  readonly declared: readonly NodeId[];
  readonly last: Readonly<Record<NodeId, { readonly isLeader: boolean; readonly leader: number | null }>>;
}

/** The largest uid on the ring, crashed processes included (their numbers are still theirs). */
export const largestUid = (world: World<RingContext>): number =>
  world.nodes.reduce((max, n) => Math.max(max, n.context.uid), Number.NEGATIVE_INFINITY);

export const ringMonitor: Monitor<RingHistory, RingContext> = {
  initial: () => ({ declared: [], last: {} }),

  check(history, world, changed) {
    const node = world.nodes.find((n) => n.id === changed);
    if (!node?.isUp) return { history, findings: [] };
    const ctx = node.context;
    const before = own(history.last, changed) ?? { isLeader: false, leader: null };
    const findings: Finding[] = [];
    const max = largestUid(world);
    let declared = history.declared;
    if (ctx.isLeader && !before.isLeader) {
      const first = declared.find((d) => d !== changed);
      if (first !== undefined) {
        const uidOf = world.nodes.find((n) => n.id === first)?.context.uid;
        findings.push({
          invariant: 'unique-leader',
          message: `${changed} (uid ${ctx.uid}) declared itself leader, but ${first} (uid ${uidOf}) already had`,
        });
      }
      if (!declared.includes(changed)) declared = [...declared, changed];
      if (ctx.uid !== max) {
        findings.push({
          invariant: 'leader-is-max',
          message: `${changed} declared itself leader with uid ${ctx.uid}, but the largest uid is ${max}`,
        });
      }
    }
    if (!ctx.isLeader && ctx.leader !== null && ctx.leader !== before.leader && ctx.leader !== max) {
      findings.push({
        invariant: 'leader-is-max',
        message: `${changed} was told uid ${ctx.leader} was elected, but the largest uid is ${max}`,
      });
    }
    const last = withEntry(history.last, changed, { isLeader: ctx.isLeader, leader: ctx.leader });
    return { history: { declared, last }, findings };
  },
};
