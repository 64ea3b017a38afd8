import { nodeOf, ringTimer } from '../../app/selectors';
import { useStore } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { timerRemaining } from './geometry';

const SIZE = 144;
const R = 67;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * A ring around a node that drains as its timer (Raft: the election timeout) runs out, computed
 * from virtual time. Only this small component re-renders per frame, never the node card.
 */
export function TimerRing({ id, timerName }: { id: NodeId; timerName: string | undefined }) {
  const remaining = useStore((s) => {
    const node = nodeOf(s.frame, id);
    if (!node?.isUp) return -1;
    const timer = ringTimer(node, timerName);
    // Rounded so that a frame without visible change does not re-render.
    return timer ? Math.round(timerRemaining(timer, s.now) * 400) / 400 : -1;
  });
  if (remaining < 0) return null;
  const isLow = remaining < 0.2;
  return (
    <svg className="timer-ring" viewBox={`0 0 ${SIZE} ${SIZE}`} preserveAspectRatio="none" aria-hidden="true">
      <circle cx={SIZE / 2} cy={SIZE / 2} r={R} className="timer-track" />
      <circle
        cx={SIZE / 2}
        cy={SIZE / 2}
        r={R}
        className={isLow ? 'timer-left is-low' : 'timer-left'}
        strokeDasharray={`${CIRCUMFERENCE * remaining} ${CIRCUMFERENCE}`}
        transform={`rotate(-90 ${SIZE / 2} ${SIZE / 2})`}
      />
    </svg>
  );
}
