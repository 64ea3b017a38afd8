import { entriesOf } from '../../engine/kit';
import type { SeriesDeclaration } from '../../engine/protocol';
import type { TwoPcContext } from './types';

/**
 * 2PC's plotted number (spec/protocols.md §1.8): how many transactions the coordinator has decided, read from its
 * log (Gray & Lamport 2006 §3: the decision is durable once logged), so a blocked transaction shows as a flat line.
 */
export const twoPcSeries: readonly SeriesDeclaration<TwoPcContext>[] = [
  {
    name: 'decided',
    title: 'Transactions decided',
    unit: 'transactions',
    per: 'run',
    sample(world) {
      let decided = 0;
      for (const n of world.nodes) {
        if (n.context.role !== 'coordinator') continue;
        for (const [, record] of entriesOf(n.context.log)) if (record !== 'begin') decided++;
      }
      return decided;
    },
  },
];
