import { useMemo } from 'react';
import { useStore } from '../../../app/useStore';
import { messagesSent, textbookCounts } from '../../../protocols/ring-election/facts';
import type { RingView } from '../../../protocols/ring-election/types';
import { useNodes } from '../../hooks';
import { CountScale } from './CountScale';
import { RingPicture } from './RingPicture';
import type { WireMessage } from './ringPicture';
import './ring.css';

/** The election in one line: who was elected, or why nobody is yet. */
function headline(views: readonly { id: string; isUp: boolean; v: RingView }[], onWire: number): string {
  const leader = views.find((n) => n.isUp && n.v.isLeader);
  const down = views.filter((n) => !n.isUp).map((n) => n.id);
  if (leader) {
    const knowing = views.filter((n) => n.v.leader === leader.v.uid).length;
    return `Elected: uid ${leader.v.uid} (${leader.id}); ${knowing} of ${views.length} processes know it.`;
  }
  if (down.length > 0 && onWire === 0)
    return `No leader: the ring is broken at ${down.join(', ')}, and no uid can come home.`;
  if (onWire > 0) return `No leader yet: ${onWire} message${onWire === 1 ? '' : 's'} on the ring.`;
  return 'No leader: no election is under way.';
}

/**
 * The lesson's picture: the ring in sending order with each process's uid, its participant mark and the leader's
 * star; the messages on the wire with the uid they carry; and the Election messages sent so far against Chang and
 * Roberts' best case, average and worst case. Under it, the processes and the wire in words.
 */
export function RingPanel() {
  const nodes = useNodes();
  const records = useStore((s) => s.frame.trace.records);
  const length = useStore((s) => s.frame.trace.length);
  const messages = useStore((s) => s.frame.messages) as readonly WireMessage[];
  const nowMs = useStore((s) => s.now);
  const sent = useMemo(() => messagesSent(records, length), [records, length]);
  const views = nodes.map((n) => ({ id: n.id, isUp: n.isUp, v: n.view as RingView }));
  const onWire = messages.filter((m) => !m.isLost);
  const counts = textbookCounts(views.length);

  return (
    // Focusable, so a keyboard can scroll the panel when the ring and the tables do not fit (axe: scrollable region).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="ring-panel" aria-label="Ring election: uids, participants and messages" tabIndex={0}>
      <p className={views.some((n) => n.isUp && n.v.isLeader) ? 'ring-elected' : 'ring-open'}>
        {headline(views, onWire.length)}
      </p>
      <div className="ring-columns">
        <RingPicture views={views} messages={messages} nowMs={nowMs} />
        <div className="ring-words">
          <CountScale count={sent.election} elected={sent.elected} n={views.length} {...counts} />
          <table className="ring-table">
            <caption>Processes, in ring order (each sends to the next)</caption>
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col">uid</th>
                <th scope="col">Participant</th>
                <th scope="col">Leader it knows</th>
              </tr>
            </thead>
            <tbody>
              {views.map((n) => (
                <tr key={n.id} className={n.v.isLeader ? 'ring-elected' : undefined}>
                  <th scope="row">
                    {n.id}
                    {n.isUp ? '' : ', down'}
                  </th>
                  <td>{n.v.uid}</td>
                  <td>{n.v.participant ? '● yes' : '○ no'}</td>
                  <td>{n.v.isLeader ? `★ itself (${n.v.uid})` : n.v.leader === null ? '—' : `uid ${n.v.leader}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="ring-heading">On the wire</h3>
          {onWire.length === 0 ? (
            <p className="ring-open">Nothing.</p>
          ) : (
            <ul className="ring-wire" aria-label="Messages on the wire">
              {onWire.map((m) => (
                <li key={m.id}>
                  {m.from} → {m.to}: {m.message.type} {m.message.uid}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
