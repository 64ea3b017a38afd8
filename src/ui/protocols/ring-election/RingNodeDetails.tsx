import { isRingView } from '../../../protocols/ring-election/view';
import type { NodeDetailsProps } from '../types';

/** The inspector's view of a process on the ring: its uid, whether it takes part, and the leader it knows. */
export function RingNodeDetails({ view, isUp }: NodeDetailsProps) {
  if (!isRingView(view)) return null;
  const rows: [string, string][] = [
    ['uid', String(view.uid)],
    ['Participant', view.participant ? 'yes: it has sent or passed on an Election' : 'no'],
    [
      'Leader it knows',
      view.isLeader ? `itself: its uid ${view.uid} came home` : view.leader === null ? 'none' : `uid ${view.leader}`,
    ],
  ];
  return (
    <dl className="facts">
      {!isUp && (
        <>
          <dt>State</dt>
          <dd>crashed (it keeps its uid; it forgets whether it took part and who leads)</dd>
        </>
      )}
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
