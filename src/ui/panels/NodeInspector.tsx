import { isEitherWayCut, messageOf, nodeIdsOf, recentFor } from '../../app/selectors';
import { formatMs } from '../../app/store';
import { useStore, useStoreApi } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { nodeLook, roleGlyph } from '../faces';
import { useFace, useNode, useProtocolUi } from '../hooks';
import { clockWords, pausedText } from './timeWords';

const RECENT = 10;

/** A node's whole state (the protocol's view) and its latest messages in and out. */
export function NodeInspector({ id }: { id: NodeId }) {
  const store = useStoreApi();
  const node = useNode(id);
  const ui = useProtocolUi();
  const face = useFace();
  const ids = useStore((s) => nodeIdsOf(s.scenario));
  const frame = useStore((s) => s.frame);
  const cuts = useStore((s) => ids.map((o) => isEitherWayCut(s.frame.network, id, o)).join());
  if (!node) return null;
  const look = nodeLook(face, node, ids.length);
  const { NodeDetails } = ui;
  const recent = recentFor(frame, id, RECENT);
  const cutList = cuts.split(',');
  const clock = clockWords(node.clock, frame.nowMs);

  return (
    <div className="inspector">
      <h3>
        {id}{' '}
        <span className="role-word" style={{ color: look.role.color }}>
          <span aria-hidden="true">{roleGlyph(look, node.isUp)} </span>
          {look.role.word}
        </span>
      </h3>
      {!node.isUp && <p className="muted">Crashed: only its persistent state survives; a restart begins from it.</p>}
      {node.isUp && node.stalledUntil !== undefined && (
        <p className="node-paused-note">
          {pausedText(node.stalledUntil)}: its process is paused; what reaches it waits until then.
        </p>
      )}
      {clock && <p className="node-clock">{clock}</p>}
      {NodeDetails ? (
        <NodeDetails id={id} view={node.view} isUp={node.isUp} />
      ) : (
        <pre className="json">{JSON.stringify(node.view, null, 2)}</pre>
      )}
      <h4>Recent messages</h4>
      {recent.length === 0 ? (
        <p className="muted">none yet</p>
      ) : (
        <ul className="recent">
          {recent.map((r) => {
            const isOut = r.from === id;
            const other = isOut ? r.to : r.from;
            const verb =
              r.kind === 'send'
                ? isOut
                  ? 'sent to'
                  : 'sent by'
                : r.kind === 'deliver'
                  ? isOut
                    ? 'delivered to'
                    : 'received from'
                  : `dropped (${r.reason}) ${isOut ? 'to' : 'from'}`;
            const inFlight = r.kind === 'send' && messageOf(frame, r.id) !== undefined;
            return (
              <li key={`${r.kind}-${r.id}`} className={`recent-${r.kind}`}>
                <span className="mono">{formatMs(r.t)}</span> <span aria-hidden="true">{isOut ? '→' : '←'}</span>{' '}
                {r.type} {verb} {other}
                {inFlight && (
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => store.select({ kind: 'message', id: r.id })}
                  >
                    inspect message {r.id}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h4>Links</h4>
      <ul className="link-list">
        {ids
          .filter((o) => o !== id)
          .map((o) => {
            const isCut = cutList[ids.indexOf(o)] === 'true';
            return (
              <li key={o}>
                <button type="button" onClick={() => store.act({ type: isCut ? 'mend' : 'cut', from: id, to: o })}>
                  {isCut ? 'Mend' : 'Cut'} link {id}–{o}
                </button>
                <button
                  type="button"
                  className="linklike"
                  aria-label={`Options for link ${id}–${o}`}
                  onClick={() => store.select({ kind: 'link', a: id, b: o })}
                >
                  more…
                </button>
              </li>
            );
          })}
      </ul>
    </div>
  );
}
