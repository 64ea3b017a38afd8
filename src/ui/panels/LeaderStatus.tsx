import { useStore } from '../../app/useStore';
import { viewTerm } from '../roles';

/** Who leads now, in words: the first thing a newcomer looks for. */
export function LeaderStatus() {
  const text = useStore((s) => {
    const world = s.sim.world();
    const leader = s.sim.protocol.leader(world);
    if (leader === null) return 'No leader';
    const term = viewTerm(world.nodes.find((n) => n.id === leader)?.view);
    return term === undefined ? `Leader: ${leader}` : `Leader: ${leader} (term ${term})`;
  });
  return (
    <output className={text === 'No leader' ? 'leader-status is-none' : 'leader-status'} aria-live="polite">
      {text}
    </output>
  );
}
