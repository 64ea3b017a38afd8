import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { PbContext, ServerContext } from './types';

/** What the lecture's captions and questions say at its pause points (src/app/pauseChecks.test.ts checks them). */
type Scene = PauseScene<PbContext>;
type Check = PauseCheck<PbContext>;

const server = (s: Scene, id: string): ServerContext | undefined => {
  const ctx = s.nodes.find((n) => n.id === id)?.context;
  return ctx?.kind === 'server' ? ctx : undefined;
};
const holds = (s: Scene, id: string, op: number) => server(s, id)?.log.some((e) => e.op === op) === true;
const check = (at: number, says: string, fact: (s: Scene) => boolean): Check => ({ at, says, holds: fact });

export const pbPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(400, 'n1 has acknowledged x = 1, and both backups hold it', (s) => {
      return server(s, 'n1')?.ackedIndex === 1 && holds(s, 'n2', 1) && holds(s, 'n3', 1);
    }),
    check(2500, 'n1 fell back to async and acknowledged x = 3, which no backup holds', (s) => {
      const n1 = server(s, 'n1');
      return (
        n1?.role === 'primary' && !n1.semiSyncOn && n1.ackedIndex === 3 && !holds(s, 'n2', 3) && !holds(s, 'n3', 3)
      );
    }),
    check(5800, 'n2 is the primary of epoch 2 without x = 3, and n1 followed it and dropped x = 3', (s) => {
      const n1 = server(s, 'n1');
      const n2 = server(s, 'n2');
      return (
        n2?.role === 'primary' &&
        n2.epoch === 2 &&
        n1?.role === 'backup' &&
        n1.epoch === 2 &&
        !holds(s, 'n1', 3) &&
        !holds(s, 'n2', 3)
      );
    }),
  ],
};
