import type { NodeId, NodeView } from '../../../engine/types';
import { readTwoPcView } from './readView';

/** The inspector's view of a 2PC node: every transaction it knows, with its state and vote(s). */
export function TwoPcNodeDetails({ view }: { readonly id: NodeId; readonly view: NodeView }) {
  const v = readTwoPcView(view);
  const txs = Object.entries(v.transactions);
  return (
    <div>
      <dl className="facts">
        <dt>Role</dt>
        <dd>{v.role}</dd>
      </dl>
      <h4>Transactions</h4>
      {txs.length === 0 ? (
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
          <tbody>
            {txs.map(([tx, t]) => (
              <tr key={tx}>
                <th scope="row">{tx}</th>
                <td>{t.state}</td>
                <td>
                  {v.role === 'coordinator'
                    ? Object.entries(t.votes)
                        .map(([p, vote]) => `${p}: ${vote}`)
                        .join(', ') || 'none yet'
                    : (t.vote ?? 'not yet')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
