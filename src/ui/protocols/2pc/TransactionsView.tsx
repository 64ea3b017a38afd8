import { entriesOf, own } from '../../../engine/kit';
import type { CoordinatorTxView, ParticipantTxView, TwoPcView } from '../../../protocols/2pc/view';
import { useNodes } from '../../hooks';
import './twopc.css';

/**
 * Every transaction: the coordinator's state, each participant's state and vote, and the outcome in
 * words. A participant that voted yes while no decision can reach it is marked blocked.
 */
export function TransactionsView() {
  const nodes = useNodes();
  const views = nodes.map((n) => ({ ...n, v: n.view as TwoPcView }));
  const coordinator = views.find((n) => n.v.role === 'coordinator');
  const participants = views.filter((n) => n !== coordinator);
  // Every node's transactions in the order they were first seen, coordinator's first (a Set: linear in them all).
  const seen = new Set<string>();
  for (const n of views) if (n.v.transactions) for (const [tx] of entriesOf<unknown>(n.v.transactions)) seen.add(tx);
  const txs = [...seen];

  if (txs.length === 0) {
    return (
      <p className="muted">No transaction yet. Send a client request (Faults tab): its command names a transaction.</p>
    );
  }
  return (
    // Focusable: a narrow screen scrolls the table sideways, and keyboard users must be able to as well.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes focus so the arrow keys scroll it.
    <section className="tx-scroll" tabIndex={0} aria-label="Transactions table">
      <table className="tx-table">
        <thead>
          <tr>
            <th scope="col">Transaction</th>
            <th scope="col">Outcome</th>
            <th scope="col">
              {coordinator?.id ?? '?'} (coordinator){coordinator && !coordinator.isUp ? ', down' : ''}
            </th>
            {participants.map((p) => (
              <th scope="col" key={p.id}>
                {p.id}
                {p.isUp ? '' : ', down'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {txs.map((tx) => {
            const c = coordinator && coordinatorTx(coordinator.v, tx);
            const states = participants.map((p) => participantTx(p.v, tx));
            const isCoordinatorDown = coordinator !== undefined && !coordinator.isUp;
            return (
              <tr key={tx}>
                <th scope="row">{tx}</th>
                <td className="tx-outcome">{outcome(c, states, isCoordinatorDown)}</td>
                <td className={`tx-${c?.state ?? 'none'}`}>{c ? c.state : '—'}</td>
                {states.map((t, i) => (
                  <td key={participants[i]?.id} className={`tx-${t?.state ?? 'none'}`}>
                    {participantCell(t, isCoordinatorDown)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function coordinatorTx(v: TwoPcView, tx: string): CoordinatorTxView | undefined {
  return v.role === 'coordinator' ? own(v.transactions, tx) : undefined;
}

function participantTx(v: TwoPcView, tx: string): ParticipantTxView | undefined {
  return v.role === 'participant' ? own(v.transactions, tx) : undefined;
}

function participantCell(t: ParticipantTxView | undefined, isCoordinatorDown: boolean): string {
  if (!t) return '—';
  const vote = t.vote ? `voted ${t.vote}` : 'no vote';
  if (t.state === 'prepared') return isCoordinatorDown ? `BLOCKED, ${vote}` : `prepared, ${vote}`;
  return `${t.state}, ${vote}`;
}

function outcome(
  c: CoordinatorTxView | undefined,
  states: readonly (ParticipantTxView | undefined)[],
  isCoordinatorDown: boolean,
): string {
  const done = states.filter((t) => t?.state === 'committed' || t?.state === 'aborted').map((t) => t?.state);
  if (done.includes('committed') && done.includes('aborted')) return 'INCONSISTENT: committed here, aborted there';
  const waiting = states.filter((t) => t?.state === 'prepared').length;
  if (c?.state === 'committed' || c?.state === 'aborted') {
    return waiting > 0 ? `${c.state}; ${waiting} still to hear it` : c.state;
  }
  if (done.length > 0 && done.length === states.length) return done[0] as string;
  if (isCoordinatorDown && waiting > 0) return `undecided: coordinator down, ${waiting} participants blocked`;
  return 'undecided: collecting votes';
}
