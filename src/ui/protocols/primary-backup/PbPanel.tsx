import { useMemo } from 'react';
import { useStore, useStoreApi } from '../../../app/useStore';
import { lostWords, lostWrites } from '../../../protocols/primary-backup/lost';
import type { PbConfig } from '../../../protocols/primary-backup/types';
import { isServerView, type ServerView } from '../../../protocols/primary-backup/view';
import { useNodes } from '../../hooks';
import { ackRule, epochColor } from './pbStory';
import './pb.css';

/**
 * The lesson's picture: one row per server with its role, epoch and log, each entry coloured by the epoch that
 * wrote it, the acknowledged ones solid and the rest dashed, a bar after the acknowledged index; the primary's
 * semi-sync state; and every acknowledged write a later primary lacks, marked ⚑ wherever it still is and
 * listed under the logs.
 */
export function PbPanel() {
  const store = useStoreApi();
  const nodes = useNodes();
  const records = useStore((s) => s.frame.trace.records);
  const length = useStore((s) => s.frame.trace.length);
  const mode = ((useStore((s) => s.scenario.config) as Partial<PbConfig>).mode ?? 'async') as PbConfig['mode'];
  const lost = useMemo(() => lostWrites(records, length), [records, length]);
  const lostOps = new Set(lost.map((w) => w.op));
  const servers = nodes.flatMap((n) =>
    isServerView(n.view) ? [{ id: n.id, isUp: n.isUp, v: n.view as ServerView }] : [],
  );
  const primary = servers.filter((s) => s.isUp && s.v.role === 'primary').sort((a, b) => b.v.epoch - a.v.epoch)[0];
  const columns = Math.max(1, ...servers.map((s) => s.v.log.length));
  const indexes = Array.from({ length: columns }, (_, i) => i + 1);

  return (
    <section className="pb-panel" aria-label="Every server's log, epoch and acknowledged writes">
      <p className="pb-rule">{ackRule(mode, primary ? primary.v.semiSyncOn : null)}</p>
      <div className="pb-scroll">
        <table className="pb-table">
          <caption className="sr-only">One row per server, one column per log index</caption>
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
            {servers.map(({ id, isUp, v }) => (
              <tr key={id} className={isUp ? undefined : 'is-crashed'}>
                <th scope="row">
                  <button type="button" className="linklike" onClick={() => store.select({ kind: 'node', id })}>
                    {id}
                  </button>
                  <span className="pb-role">
                    {isUp ? v.role : 'crashed'} · epoch {v.epoch}
                    {v.role === 'primary' && mode === 'semi-sync'
                      ? v.semiSyncOn
                        ? ' · semi-sync on'
                        : ' · async (fell back)'
                      : ''}
                  </span>
                </th>
                {indexes.map((i) => {
                  const entry = v.log[i - 1];
                  const isAcked = i <= v.ackedIndex;
                  const isLost = entry !== undefined && lostOps.has(entry.op);
                  const label = entry
                    ? `index ${i}, epoch ${entry.epoch}, ${entry.command} (op ${entry.op}), ${isAcked ? 'acknowledged' : 'not acknowledged'}${isLost ? ', an acknowledged write a later primary lacks' : ''}${i === v.ackedIndex ? ', the acknowledged index' : ''}`
                    : undefined;
                  return (
                    <td
                      key={i}
                      aria-label={label}
                      className={`${entry ? (isAcked ? 'pb-entry acked' : 'pb-entry pending') : 'pb-empty'}${i === v.ackedIndex ? ' is-ack-point' : ''}`}
                    >
                      {entry && (
                        <span
                          className={`pb-box${isLost ? ' is-lost' : ''}`}
                          style={{ background: isAcked ? epochColor(entry.epoch) : undefined }}
                        >
                          <span className="pb-epoch">
                            {isLost ? '⚑ ' : ''}e{entry.epoch}
                          </span>
                          <span className="pb-command">{entry.command}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="pb-legend">
        <span className="legend-item">
          <span className="pb-swatch acked" /> acknowledged
        </span>
        <span className="legend-item">
          <span className="pb-swatch pending" /> not yet acknowledged
        </span>
        <span className="legend-item">e2 = written in epoch 2</span>
        <span className="legend-item">▌ = the acknowledged index</span>
        <span className="legend-item">⚑ = acknowledged, and a later primary lacks it</span>
      </p>
      <h3 className="pb-heading">Acknowledged writes a later primary lacks</h3>
      {lost.length === 0 ? (
        <p className="muted">None so far: every write a client was told succeeded is in every later primary's log.</p>
      ) : (
        <ul className="pb-lost" aria-label="Acknowledged writes lost">
          {lost.map((w) => (
            <li key={w.op}>
              ⚑ {lostWords(w)} (found at {(w.at / 1000).toFixed(2)} s)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
