import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { PaxosContext, PaxosMessage } from './types';

/** What the paxos lecture's captions and questions say at its pause points (src/app/pauseChecks.test.ts checks them). */
type Scene = PauseScene<PaxosContext>;
type Check = PauseCheck<PaxosContext>;

const ctx = (s: Scene, id: string) => s.nodes.find((n) => n.id === id)?.context;
const check = (at: number, says: string, holds: (s: Scene) => boolean): Check => ({ at, says, holds });
const nobodyLearned = (s: Scene) => s.nodes.every((n) => n.context.chosen === null);

export const paxosPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(200, "n2 is in phase 1 for B, and n1's promise to it, reporting A at (1, n1), is on the wire", (s) => {
      const n2 = ctx(s, 'n2')?.proposer;
      const report = s.inFlight.some((m) => {
        const msg = m.message as PaxosMessage;
        return (
          m.from === 'n1' &&
          m.to === 'n2' &&
          msg.type === 'Promise' &&
          msg.accepted?.value === 'A' &&
          msg.accepted.ballot.round === 1 &&
          msg.accepted.ballot.node === 'n1'
        );
      });
      return n2?.phase === 'prepare' && n2.own === 'B' && n2.ballot?.round === 2 && report && nobodyLearned(s);
    }),
    check(520, 'n1 has prepared (9, n1) and no node has learned a value', (s) => {
      const n1 = ctx(s, 'n1')?.proposer;
      return n1?.ballot?.round === 9 && nobodyLearned(s);
    }),
    check(850, 'A is accepted at (13, n1) by at least three acceptors, and n2 is down', (s) => {
      const at13 = s.nodes.filter((n) => n.context.accepted?.value === 'A' && n.context.accepted.ballot.round === 13);
      const n2 = s.nodes.find((n) => n.id === 'n2');
      return at13.length >= 3 && n2?.isUp === false;
    }),
  ],
};
