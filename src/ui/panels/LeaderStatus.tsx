import { useStore } from '../../app/useStore';
import { useProtocolUi } from '../hooks';
import { viewTerm } from '../roles';

/** Who leads now, in words: the first thing a newcomer looks for. */
export function LeaderStatus() {
  const word = useProtocolUi().leaderWord ?? 'Leader';
  const text = useStore((s) => {
    const world = s.sim.world();
    const leader = s.sim.protocol.leader(world);
    if (leader === null) return `No ${word.toLowerCase()}`;
    const term = viewTerm(world.nodes.find((n) => n.id === leader)?.view);
    return term === undefined ? `${word}: ${leader}` : `${word}: ${leader} (term ${term})`;
  });
  return (
    <output className={text.startsWith('No ') ? 'leader-status is-none' : 'leader-status'} aria-live="polite">
      {text}
    </output>
  );
}
