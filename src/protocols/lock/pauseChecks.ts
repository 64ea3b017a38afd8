import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { LockContext } from './types';

/*
 * What each lock preset's captions and questions say at its pause points, as facts about the run
 * (src/app/pauseChecks.test.ts plays every preset as the app does and checks them there).
 */

type Scene = PauseScene<LockContext>;
type Check = PauseCheck<LockContext>;

const ctx = (s: Scene, id: string) => s.nodes.find((n) => n.id === id)?.context;
const check = (at: number, says: string, fact: (s: Scene) => boolean): Check => ({ at, says, holds: fact });

const storageTokens = (s: Scene) => {
  const storage = ctx(s, 'n2');
  return storage?.role === 'storage' ? storage.writes.map((w) => w.token) : [];
};

export const lockPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(800, 'c1 still believes it holds token 33, and the service still counts its lease', (s) => {
      const c1 = ctx(s, 'c1');
      const service = ctx(s, 'n1');
      return (
        c1?.role === 'client' &&
        c1.holding &&
        c1.token === 33 &&
        service?.role === 'service' &&
        service.holder === 'c1' &&
        service.token === 33
      );
    }),
    check(1700, "the storage refused c1's token 33 after accepting c2's 34", (s) => {
      const storage = ctx(s, 'n2');
      return (
        storage?.role === 'storage' &&
        storage.maxToken === 34 &&
        storage.rejected.some((w) => w.client === 'c1' && w.token === 33) &&
        storageTokens(s).join() === '34'
      );
    }),
    check(2600, 'the storage accepted tokens 34, 35 and 36 in order, though 35 and 36 were held at once', (s) => {
      return storageTokens(s).join() === '34,35,36';
    }),
  ],
};
