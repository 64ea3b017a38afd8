import type { PauseCheck, PauseScene } from '../../engine/protocol';
import { type MultiPaxosContext, type MultiPaxosMessage, NOOP } from './types';

/** What the multipaxos lecture's captions and questions say at its pause points (src/app/pauseChecks.test.ts checks them). */
type Scene = PauseScene<MultiPaxosContext>;
type Check = PauseCheck<MultiPaxosContext>;

const node = (s: Scene, id: string) => s.nodes.find((n) => n.id === id);
const check = (at: number, says: string, holds: (s: Scene) => boolean): Check => ({ at, says, holds });
const isBallot = (b: { round: number; node: string } | null, round: number, id: string) =>
  b !== null && b.round === round && b.node === id;
const sent = (s: Scene, from: string, type: MultiPaxosMessage['type']) =>
  s.inFlight.filter((m) => m.from === from && (m.message as MultiPaxosMessage).type === type);

export const multiPaxosPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(
      260,
      'n1 leads with (1, n1), every replica up has decided A and B, and every acceptor promised (1, n1) only',
      (s) => {
        const n1 = node(s, 'n1')?.context;
        const decidedAB = s.nodes.every((n) => n.context.decisions[0] === 'A' && n.context.decisions[1] === 'B');
        const onePhase1 = s.nodes.every((n) => isBallot(n.context.promised, 1, 'n1'));
        return n1?.role === 'leader' && isBallot(n1.ballot, 1, 'n1') && decidedAB && onePhase1;
      },
    ),
    check(410, 'n1 is down, n2 runs phase 1 with (2, n2), and its P1a are on the wire', (s) => {
      const n2 = node(s, 'n2')?.context;
      const live = s.nodes.filter((n) => n.isUp && n.context.role === 'leader');
      return (
        node(s, 'n1')?.isUp === false &&
        n2?.role === 'candidate' &&
        isBallot(n2.ballot, 2, 'n2') &&
        live.length === 0 &&
        sent(s, 'n2', 'P1a').length > 0
      );
    }),
    check(
      440,
      'n2 leads with (2, n2): its P2a carry noop for slot 3 and D for slot 4; nothing is decided in slot 3',
      (s) => {
        const n2 = node(s, 'n2')?.context;
        const p2a = sent(s, 'n2', 'P2a').map((m) => m.message as Extract<MultiPaxosMessage, { type: 'P2a' }>);
        const noop = p2a.some((m) => m.slot === 3 && m.command === NOOP);
        const d = p2a.some((m) => m.slot === 4 && m.command === 'D');
        const open = s.nodes.every((n) => (n.context.decisions[2] ?? null) === null);
        return n2?.role === 'leader' && isBallot(n2.ballot, 2, 'n2') && noop && d && open;
      },
    ),
  ],
};
