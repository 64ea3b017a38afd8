import { entriesOf, sizeOf } from '../../../engine/kit';
import type { TwoPcView } from '../../../protocols/2pc/view';
import type { NodeDetailsProps } from '../types';

/** The inspector's view of a 2PC node: every transaction it knows, with its state and vote(s). */
export function TwoPcNodeDetails({ view, isUp }: NodeDetailsProps) {
  const v = view as TwoPcView;
  return (
    <div>
      <dl className="facts">
        <dt>Role</dt>
        <dd>{isUp ? v.role : `${v.role}, crashed`}</dd>
      </dl>
      <h4>Transactions</h4>
      {v.transactions === undefined || sizeOf(v.transactions) === 0 ? (
        <p className="muted">none yet</p>
      ) : (
        <table className="small-table">
          <thead>
            <tr>
              <th scope="col">Transaction</th>
              <th scope="col">State</th>
              <th scope="col">{v.role === 'coordinator' ? 'Votes received' : 'Its vote'}</th>
            </tr>
          </thead>
          <tbody>{v.role === 'coordinator' ? <CoordinatorRows v={v} /> : <ParticipantRows v={v} />}</tbody>
        </table>
      )}
    </div>
  );
}

function CoordinatorRows({ v }: { v: Extract<TwoPcView, { role: 'coordinator' }> }) {
  return [...entriesOf(v.transactions)].map(([tx, t]) => (
    <tr key={tx}>
      <th scope="row">{tx}</th>
      <td>{t.state}</td>
      <td>
        {Object.entries(t.votes)
          .map(([p, vote]) => `${p}: ${vote}`)
          .join(', ') || 'none yet'}
      </td>
    </tr>
  ));
}

function ParticipantRows({ v }: { v: Extract<TwoPcView, { role: 'participant' }> }) {
  return [...entriesOf(v.transactions)].map(([tx, t]) => (
    <tr key={tx}>
      <th scope="row">{tx}</th>
      <td>{t.state}</td>
      <td>{t.vote ?? 'not yet'}</td>
    </tr>
  ));
}
