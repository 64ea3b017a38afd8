import { ballotText } from '../../../protocols/paxos/ballot';
import { isPaxosView } from '../../../protocols/paxos/view';
import type { NodeDetailsProps } from '../types';

/** The inspector's view of a Paxos node: its acceptor and learner parts, and its proposer part if it has one. */
export function PaxosNodeDetails({ view, isUp }: NodeDetailsProps) {
  if (!isPaxosView(view)) return null;
  const rows: [string, string][] = [
    ['Promised', ballotText(view.promised)],
    ['Accepted', view.accepted === null ? 'nothing' : `${view.accepted.value} at ${ballotText(view.accepted.ballot)}`],
    ['Learned', view.chosen ?? 'nothing yet'],
  ];
  const p = view.proposer;
  if (p !== null) {
    rows.push(
      ['Proposer ballot', ballotText(p.ballot)],
      ['Phase', p.phase],
      ['Proposing', p.value ?? '—'],
      ['Promises from', p.promises.join(', ') || '—'],
      ['Accepted by', p.accepts.join(', ') || '—'],
    );
  }
  return (
    <dl className="facts">
      {!isUp && (
        <>
          <dt>State</dt>
          <dd>crashed (what it kept on disk survives: its promise, its accepted proposal, its round)</dd>
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
