import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { BullyContext, Role } from './types';

/** What the bully lecture's captions and questions say at its pause points (src/app/pauseChecks.test.ts checks them). */
type Scene = PauseScene<BullyContext>;
type Check = PauseCheck<BullyContext>;

const node = (s: Scene, id: string) => s.nodes.find((n) => n.id === id);
const is = (s: Scene, id: string, role: Role, coordinator: string | null) => {
  const n = node(s, id);
  return n?.isUp === true && n.context.role === role && n.context.coordinator === coordinator;
};
const check = (at: number, says: string, holds: (s: Scene) => boolean): Check => ({ at, says, holds });
const all = (ids: readonly string[], p: (id: string) => boolean) => ids.every(p);

export const bullyPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(
      400,
      'n5 is coordinator and n1 to n4 are members naming n5',
      (s) => is(s, 'n5', 'coordinator', 'n5') && all(['n1', 'n2', 'n3', 'n4'], (id) => is(s, id, 'member', 'n5')),
    ),
    check(
      1250,
      'n5 is down and every other node still names it',
      (s) => node(s, 'n5')?.isUp === false && all(['n1', 'n2', 'n3', 'n4'], (id) => is(s, id, 'member', 'n5')),
    ),
    check(
      1360,
      'n1, n2 and n3 are waiting after an Answer; n4 is electing',
      (s) => all(['n1', 'n2', 'n3'], (id) => is(s, id, 'waiting', null)) && is(s, 'n4', 'electing', null),
    ),
    check(
      2100,
      'n5 is coordinator again and n4 names it',
      (s) => is(s, 'n5', 'coordinator', 'n5') && all(['n1', 'n2', 'n3', 'n4'], (id) => is(s, id, 'member', 'n5')),
    ),
    check(
      3150,
      "n4 and n5 are both coordinators, and n5's Answer to n4 is on the wire",
      (s) =>
        is(s, 'n4', 'coordinator', 'n4') &&
        is(s, 'n5', 'coordinator', 'n5') &&
        s.inFlight.some(
          (m) => m.from === 'n4' && m.to === 'n5' && (m.message as { type?: string }).type === 'Election',
        ),
    ),
    check(
      5000,
      'n3 coordinates n1 and n2; n5 coordinates n4',
      (s) =>
        is(s, 'n3', 'coordinator', 'n3') &&
        is(s, 'n1', 'member', 'n3') &&
        is(s, 'n2', 'member', 'n3') &&
        is(s, 'n5', 'coordinator', 'n5') &&
        is(s, 'n4', 'member', 'n5'),
    ),
  ],
};
