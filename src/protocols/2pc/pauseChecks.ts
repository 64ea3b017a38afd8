import { own } from '../../engine/kit';
import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { TwoPcMessage as Message, TwoPcContext } from './types';

/*
 * What each two-phase-commit preset's captions and questions say at its pause points, as facts about
 * the run (src/app/pauseChecks.test.ts plays every preset as the app does and checks them there).
 */

type Scene = PauseScene<TwoPcContext>;
type Check = PauseCheck<TwoPcContext>;

const node = (s: Scene, id: string) => s.nodes.find((n) => n.id === id);
const stateOf = (s: Scene, id: string, tx: string) => {
  const transactions = node(s, id)?.context.transactions;
  return transactions?.get(tx)?.state;
};
const votesTo = (s: Scene, to: string, tx: string, vote: 'yes' | 'no') =>
  s.inFlight.filter((m) => {
    const message = m.message as Message;
    return m.to === to && !m.isLost && message.type === 'Vote' && message.tx === tx && message.vote === vote;
  });

const check = (at: number, says: string, fact: (s: Scene) => boolean): Check => ({ at, says, holds: fact });

export const twoPcPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  committed: [
    check(545, 'three yes votes are on the wire to n1, which is still collecting', (s) => {
      const senders = new Set(votesTo(s, 'n1', 't1', 'yes').map((m) => m.from));
      return senders.size === 3 && stateOf(s, 'n1', 't1') === 'collecting';
    }),
  ],
  'participant-votes-no': [
    check(1540, 'n3 has aborted t2; its no is on the wire to n1, which has no vote from n2 yet', (s) => {
      const coordinator = node(s, 'n1')?.context;
      const votes = coordinator?.role === 'coordinator' ? coordinator.transactions.get('t2')?.votes : undefined;
      return (
        stateOf(s, 'n3', 't2') === 'aborted' &&
        votesTo(s, 'n1', 't2', 'no').some((m) => m.from === 'n3') &&
        stateOf(s, 'n1', 't2') === 'collecting' &&
        (votes === undefined || own(votes, 'n2') === undefined)
      );
    }),
  ],
  'coordinator-crash-blocks': [
    check(900, 'n1 is down and n2 is prepared: it voted yes and knows no outcome', (s) => {
      return !node(s, 'n1')?.isUp && stateOf(s, 'n2', 't1') === 'prepared';
    }),
  ],
  'participant-decides-alone': [
    check(900, 'n1 has committed t1 while n4 is still prepared', (s) => {
      return stateOf(s, 'n1', 't1') === 'committed' && stateOf(s, 'n4', 't1') === 'prepared';
    }),
  ],
};
