import { own } from '../../engine/kit';
import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { QuorumContext } from './types';
import { valuesOf } from './versions';

/** What the quorum lecture's captions and questions say at its pause points (src/app/pauseChecks.test.ts checks them). */
type Scene = PauseScene<QuorumContext>;
type Check = PauseCheck<QuorumContext>;

const ctx = (s: Scene, id: string) => s.nodes.find((n) => n.id === id)?.context;
const check = (at: number, says: string, holds: (s: Scene) => boolean): Check => ({ at, says, holds });

/** The values a server holds of x in its own replica. */
const xAt = (s: Scene, id: string) => {
  const c = ctx(s, id);
  return c?.kind === 'server' ? valuesOf(own(c.store, 'x') ?? null) : [];
};

/** The values a client's last read of x returned, or null when its last op was not a read. */
const lastRead = (s: Scene, id: string) => {
  const c = ctx(s, id);
  return c?.kind === 'client' && c.last?.kind === 'read' ? valuesOf(c.last.object) : null;
};

export const quorumPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(500, "c2's read returned 1, which n1, n3 and n4 all hold", (s) => {
      return lastRead(s, 'c2')?.join() === '1' && ['n1', 'n3', 'n4'].every((n) => xAt(s, n).join() === '1');
    }),
    check(1600, 'c2 read 1 after the write of 2 was acknowledged; n2 holds 2 with a hint for n3', (s) => {
      const n2 = ctx(s, 'n2');
      const hint = n2?.kind === 'server' && n2.hinted.some((h) => h.for === 'n3' && valuesOf(h.object).join() === '2');
      const c1 = ctx(s, 'c1');
      const acked = c1?.kind === 'client' && c1.last?.kind === 'write' && valuesOf(c1.last.object).join() === '2';
      return lastRead(s, 'c2')?.join() === '1' && hint && acked && xAt(s, 'n3').join() === '1';
    }),
    check(3600, "c1's read returned the siblings 5 and 6", (s) => {
      return [...(lastRead(s, 'c1') ?? [])].sort().join() === '5,6';
    }),
  ],
};
