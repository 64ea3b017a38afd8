import { ballotText } from '../../../protocols/multipaxos/ballot';
import { isMultiPaxosView } from '../../../protocols/multipaxos/view';
import type { NodeDetailsProps } from '../types';

/** The inspector's view of a Multi-Paxos node: its leader part, its replica's log and its acceptor's pvalues. */
export function MultiPaxosNodeDetails({ view, isUp }: NodeDetailsProps) {
  if (!isMultiPaxosView(view)) return null;
  const decided = view.decisions.flatMap((c, i) => (c === null ? [] : [`${i + 1}: ${c}`]));
  const accepted = Object.entries(view.accepted).map(([s, pv]) => `${s}: ${pv.command} at ${ballotText(pv.ballot)}`);
  const rows: [string, string][] = [
    ['Role', isUp ? view.role : `crashed (was ${view.role}; restarts as follower)`],
    ['Ballot', ballotText(view.ballot)],
    ['Known leader', view.leaderId ?? 'none'],
    ['slot_in', String(view.slotIn)],
    ['slot_out', String(view.slotOut)],
    ['Decided', decided.join(', ') || 'nothing yet'],
    ['Accepted', accepted.join(', ') || 'nothing'],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
