import type { Frame } from '../../app/frame';
import { messageOf, sendOf } from '../../app/selectors';
import { formatMs } from '../../app/store';
import { useStore, useStoreApi } from '../../app/useStore';
import type { TraceRecord } from '../../engine/types';

/** One message: its payload as the protocol wrote it, its fate, and the two things one can do to it. */
export function MessageInspector({ id }: { id: number }) {
  const store = useStoreApi();
  const flight = useStore((s) => messageOf(s.frame, id));
  const send = useStore((s) => sendOf(s.frame, id));
  const protocol = useStore((s) => s.frame.protocol);
  const fate = useStore((s) => (flight ? null : fateOf(s.frame, id)));
  if (!send) return <p className="muted">Message {id} is not part of this run.</p>;
  const look = protocol.describeMessage(send.message);

  return (
    <div className="inspector">
      <h3>
        Message {id}: {look.label}
      </h3>
      <dl className="facts">
        <dt>From → to</dt>
        <dd>
          {send.from} → {send.to}
        </dd>
        <dt>Kind</dt>
        <dd>{look.isReply ? 'reply' : 'request'}</dd>
        <dt>Sent at</dt>
        <dd>{formatMs(send.t)}</dd>
        <dt>{send.lostAt !== undefined ? 'Lost at' : 'Arrives at'}</dt>
        <dd>{formatMs(send.lostAt ?? send.deliverAt ?? send.t)}</dd>
        {send.duplicateOf !== undefined && (
          <>
            <dt>Copy of</dt>
            <dd>message {send.duplicateOf}</dd>
          </>
        )}
        <dt>Now</dt>
        <dd>{flight ? (flight.isLost ? 'in flight, will be lost' : 'in flight') : fate}</dd>
      </dl>
      <h4>Payload</h4>
      <pre className="json">{JSON.stringify(send.message, null, 2)}</pre>
      <div className="button-row">
        <button
          type="button"
          disabled={!flight || flight.isLost}
          onClick={() => store.act({ type: 'drop', message: id })}
        >
          Drop message {id}
        </button>
        <button
          type="button"
          disabled={!flight || flight.isLost}
          onClick={() => store.act({ type: 'duplicate', message: id })}
        >
          Duplicate message {id}
        </button>
      </div>
    </div>
  );
}

/** What became of a message by now: only the first `length` records have happened (the rest is the known future). */
function fateOf(frame: Frame, id: number): string {
  const at = frame.index.endOf(id, frame.trace.length);
  const r = at === undefined ? undefined : (frame.trace.records[at] as TraceRecord);
  if (r?.kind === 'deliver') return `delivered at ${formatMs(r.t)}`;
  if (r?.kind === 'drop') return `dropped at ${formatMs(r.t)} (${dropReason(r.reason)})`;
  return 'gone';
}

function dropReason(reason: string): string {
  switch (reason) {
    case 'loss':
      return 'the network lost it';
    case 'partition':
      return 'the link was cut';
    case 'crashed':
      return 'the receiver was down';
    case 'user':
      return 'you dropped it';
    case 'silent':
      return 'the sender is Byzantine and silent (spec §1.6)';
    default:
      return reason;
  }
}
