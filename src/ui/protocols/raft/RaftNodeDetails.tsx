import type { RaftView } from '../../../protocols/raft/view';
import type { NodeDetailsProps } from '../types';
import { termColor } from './colors';

/** The inspector's view of a Raft server: Figure 2's state, and a leader's view of each follower. */
export function RaftNodeDetails({ view, isUp }: NodeDetailsProps) {
  const raft = view as RaftView;
  const followers = Object.keys(raft.nextIndex ?? {});
  return (
    <div className="raft-details">
      <dl className="facts">
        <dt>Role</dt>
        <dd>{isUp ? raft.role : `crashed (was ${raft.role}; restarts as follower)`}</dd>
        <dt>Term</dt>
        <dd>{raft.term}</dd>
        <dt>Voted for</dt>
        <dd>{raft.votedFor ?? 'nobody'}</dd>
        <dt>Commit index</dt>
        <dd>{raft.commitIndex}</dd>
        <dt>Known leader</dt>
        <dd>{raft.leaderId ?? 'none'}</dd>
        {(raft.role === 'candidate' || raft.role === 'precandidate') && (
          <>
            <dt>Votes</dt>
            <dd>{raft.votes?.join(', ') || 'none'}</dd>
          </>
        )}
      </dl>
      <h4>Log ({raft.log.length} entries)</h4>
      {raft.log.length === 0 ? (
        <p className="muted">empty</p>
      ) : (
        <ol className="inspector-log">
          {raft.log.map((entry, i) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a log index is the entry's identity
              key={i}
              className={i < raft.commitIndex ? 'committed' : 'uncommitted'}
              style={{ borderLeftColor: termColor(entry.term) }}
            >
              <span className="mono">#{i + 1}</span> term {entry.term}{' '}
              <span className="mono">{entry.command || '(no-op)'}</span>
              {i < raft.commitIndex ? ' · committed' : ' · not committed'}
            </li>
          ))}
        </ol>
      )}
      {followers.length > 0 && (
        <>
          <h4>Replication (leader's view)</h4>
          <table className="small-table">
            <thead>
              <tr>
                <th scope="col">Follower</th>
                <th scope="col">nextIndex</th>
                <th scope="col">matchIndex</th>
              </tr>
            </thead>
            <tbody>
              {followers.map((f) => (
                <tr key={f}>
                  <th scope="row">{f}</th>
                  <td>{raft.nextIndex?.[f]}</td>
                  <td>{raft.matchIndex?.[f] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
