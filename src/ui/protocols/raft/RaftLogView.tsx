import './raft.css';
import { useLayoutEffect, useRef } from 'react';
import { useStoreApi } from '../../../app/useStore';
import type { RaftView } from '../../../protocols/raft/view';
import { type NodeSlice, useNodes } from '../../hooks';
import { termColor } from './colors';

/** The live leader of the highest term, as the log view marks it (the face's `leader` selector, from views). */
function currentLeader(nodes: readonly NodeSlice[]): { id: string; view: RaftView } | null {
  let best: { id: string; view: RaftView } | null = null;
  for (const n of nodes) {
    const view = n.view as RaftView;
    if (n.isUp && view.role === 'leader' && (!best || view.term > best.view.term)) best = { id: n.id, view };
  }
  return best;
}

/**
 * Every server's log side by side: one row per server, one column per log index. Cells are coloured
 * by term and say the term; committed entries are solid, uncommitted ones dashed and pale. On each
 * follower's row the leader's nextIndex (N) and matchIndex (M) for it are marked.
 */
export function RaftLogView() {
  const nodes = useNodes();
  const store = useStoreApi();
  const scroller = useRef<HTMLDivElement>(null);
  const leader = currentLeader(nodes);
  const rows = nodes.map((n) => ({ ...n, raft: n.view as RaftView }));
  let columns = 1;
  for (const row of rows) columns = Math.max(columns, row.raft.log.length);
  if (leader) for (const next of Object.values(leader.view.nextIndex ?? {})) columns = Math.max(columns, next);
  const indexes = Array.from({ length: columns }, (_, i) => i + 1);

  // Keep the newest entries in view while the log grows, unless the user scrolled back.
  const wasAtEnd = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && wasAtEnd.current) el.scrollLeft = el.scrollWidth;
  });
  const onScroll = () => {
    const el = scroller.current;
    if (el) wasAtEnd.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 8;
  };

  return (
    <div className="raft-log">
      <div className="raft-log-scroll" ref={scroller} onScroll={onScroll}>
        <table className="raft-log-table">
          <caption className="sr-only">Every server's log: one row per server, one column per log index</caption>
          <thead>
            <tr>
              <th scope="col">Server</th>
              {indexes.map((i) => (
                <th scope="col" key={i}>
                  {i}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const isLeader = leader?.id === row.id;
              const next = leader && !isLeader ? leader.view.nextIndex?.[row.id] : undefined;
              const match = leader && !isLeader ? leader.view.matchIndex?.[row.id] : undefined;
              return (
                <tr key={row.id} className={row.isUp ? undefined : 'is-crashed'}>
                  <th scope="row">
                    <button
                      type="button"
                      className="linklike"
                      onClick={() => store.select({ kind: 'node', id: row.id })}
                    >
                      {row.id}
                    </button>
                    <span className="raft-log-role">
                      {row.isUp ? (isLeader ? 'leader' : row.raft.role) : 'crashed'} · commit {row.raft.commitIndex}
                    </span>
                  </th>
                  {indexes.map((i) => {
                    const entry = row.raft.log[i - 1];
                    const isCommitted = i <= row.raft.commitIndex;
                    const marks = `${i === next ? 'N' : ''}${i === match ? 'M' : ''}`;
                    const label = [
                      entry &&
                        `index ${i}, term ${entry.term}, ${entry.command || 'no-op'}, ${isCommitted ? 'committed' : 'uncommitted'}`,
                      i === next && "leader's nextIndex",
                      i === match && "leader's matchIndex",
                    ]
                      .filter(Boolean)
                      .join('; ');
                    return (
                      <td
                        key={i}
                        aria-label={label || undefined}
                        className={entry ? (isCommitted ? 'entry committed' : 'entry uncommitted') : 'empty'}
                      >
                        {entry && (
                          <span
                            className="entry-box"
                            style={isCommitted ? { background: termColor(entry.term) } : undefined}
                          >
                            <span className="entry-term">t{entry.term}</span>
                            <span className="entry-command" title={entry.command || undefined}>
                              {entry.command || '·'}
                            </span>
                          </span>
                        )}
                        {!entry && marks && <span className="entry-box ghost" aria-hidden="true" />}
                        {marks && (
                          <span className="entry-marks">
                            {i === next && <abbr title={`leader's nextIndex for ${row.id}`}>N</abbr>}
                            {i === match && <abbr title={`leader's matchIndex for ${row.id}`}>M</abbr>}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="legend">
        <span className="legend-item">
          <span className="swatch committed" /> committed
        </span>
        <span className="legend-item">
          <span className="swatch uncommitted" /> not yet committed
        </span>
        <span className="legend-item">t3 = written in term 3</span>
        <span className="legend-item">N / M = nextIndex / matchIndex</span>
      </p>
    </div>
  );
}
