import type { OnTheWire, PauseCheck, PauseScene } from '../../engine/protocol';
import type { RingContext, RingMessage } from './types';

/** What the ring-election lecture's captions and questions say at its pause points (src/app/pauseChecks.test.ts). */
type Scene = PauseScene<RingContext>;
type Check = PauseCheck<RingContext>;

const check = (at: number, says: string, holds: (s: Scene) => boolean): Check => ({ at, says, holds });
const wire = (s: Scene): RingMessage[] =>
  s.inFlight.filter((m) => !m.isLost).map((m: OnTheWire) => m.message as RingMessage);
const elections = (s: Scene) =>
  wire(s)
    .filter((m) => m.type === 'Election')
    .map((m) => m.uid)
    .sort((a, b) => a - b);
const nobodyLeads = (s: Scene) => s.nodes.every((n) => !n.context.isLeader);
const node = (s: Scene, id: string) => s.nodes.find((n) => n.id === id);

export const ringPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(200, 'every process is a participant and its own Election is on the wire: 1 to 6', (s) => {
      const all = s.nodes.every((n) => n.context.participant);
      return all && elections(s).join() === '1,2,3,4,5,6' && nobodyLeads(s);
    }),
    check(2100, 'only Election 6 is on the wire, and nobody leads yet', (s) => {
      return wire(s).length === 1 && elections(s).join() === '6' && nobodyLeads(s);
    }),
    check(6500, 'n3 (uid 6) leads, every process was told 6, and nothing is on the wire', (s) => {
      const told = s.nodes.every((n) => n.context.leader === 6 && !n.context.participant);
      return node(s, 'n3')?.context.isLeader === true && told && wire(s).length === 0;
    }),
    check(9600, 'n3 is down and n5 has replaced uid 1 with its own 5, which is on its way to n6', (s) => {
      const n5 = s.inFlight.find((m) => m.from === 'n5' && m.to === 'n6');
      const carries = (n5?.message as RingMessage | undefined)?.uid === 5;
      return node(s, 'n3')?.isUp === false && carries && node(s, 'n5')?.context.participant === true;
    }),
  ],
};
