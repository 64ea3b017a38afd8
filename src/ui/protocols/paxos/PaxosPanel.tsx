import { useMemo } from 'react';
import { useStore } from '../../../app/useStore';
import { ballotText, majorityOf } from '../../../protocols/paxos/ballot';
import type { PaxosView } from '../../../protocols/paxos/types';
import { useNodes } from '../../hooks';
import { chosenWords, paxosStory } from './paxosStory';
import './paxos.css';

const acceptedText = (v: PaxosView) =>
  v.accepted === null ? 'nothing' : `${v.accepted.value} at ${ballotText(v.accepted.ballot)}`;
const ids = (list: readonly string[]) => (list.length === 0 ? '—' : list.join(', '));

/**
 * The lesson's picture: each acceptor's promise and accepted proposal, each proposer's ballot, phase and the
 * promises and acceptances it holds, and the chosen value with the majority that chose it marked (✓). Under
 * the tables, every ballot that some acceptor accepted and how far it got towards a majority.
 */
export function PaxosPanel() {
  const nodes = useNodes();
  const records = useStore((s) => s.frame.trace.records);
  const length = useStore((s) => s.frame.trace.length);
  // The node ids as one string: the same cluster keeps the same story until the trace grows.
  const idList = nodes.map((n) => n.id).join(',');
  const story = useMemo(() => paxosStory(records, length, idList.split(',')), [records, length, idList]);
  const views = nodes.map((n) => ({ id: n.id, isUp: n.isUp, v: n.view as PaxosView }));
  const need = majorityOf(nodes.length);
  const majority = new Set(story.chosen?.majority ?? []);
  const proposers = views.filter((n) => n.v.proposer !== null);

  return (
    <section className="paxos-panel" aria-label="Ballots, promises and accepted values">
      <p className={story.chosen ? 'paxos-chosen' : 'paxos-open'}>{chosenWords(story)}</p>
      <div className="paxos-tables">
        <table className="paxos-table">
          <caption>Acceptors (a majority is {need})</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Promised</th>
              <th scope="col">Accepted</th>
              <th scope="col">Learned</th>
              <th scope="col">Chose it</th>
            </tr>
          </thead>
          <tbody>
            {views.map((n) => (
              <tr key={n.id} className={majority.has(n.id) ? 'paxos-majority' : undefined}>
                <th scope="row">
                  {n.id}
                  {n.isUp ? '' : ', down'}
                </th>
                <td>{ballotText(n.v.promised)}</td>
                <td>{acceptedText(n.v)}</td>
                <td>{n.v.chosen ?? '—'}</td>
                <td>{majority.has(n.id) ? `✓ ${story.chosen?.value}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="paxos-table">
          <caption>Proposers</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Ballot</th>
              <th scope="col">Phase</th>
              <th scope="col">Value</th>
              <th scope="col">Promises</th>
              <th scope="col">Accepted by</th>
            </tr>
          </thead>
          <tbody>
            {proposers.map(({ id, isUp, v }) => {
              const p = v.proposer;
              if (p === null) return null;
              return (
                <tr key={id}>
                  <th scope="row">
                    {id}
                    {isUp ? '' : ', down'}
                  </th>
                  <td>{ballotText(p.ballot)}</td>
                  <td className={`paxos-phase-${p.phase}`}>{p.phase}</td>
                  <td>{p.value ?? '—'}</td>
                  <td>
                    {p.promises.length}/{need}: {ids(p.promises)}
                  </td>
                  <td>
                    {p.accepts.length}/{need}: {ids(p.accepts)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {story.ballots.length > 0 && (
        <div>
          <h3 className="paxos-heading">Ballots accepted so far</h3>
          <ul className="paxos-ballots">
            {story.ballots.map((b) => (
              <li key={ballotText(b.ballot)} className={b.chosenAt === null ? undefined : 'paxos-majority'}>
                {ballotText(b.ballot)} {b.value}: accepted by {b.by.join(', ')} ({b.by.length} of {need})
                {b.chosenAt === null ? '' : ` ✓ chosen at ${(b.chosenAt / 1000).toFixed(2)} s`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
