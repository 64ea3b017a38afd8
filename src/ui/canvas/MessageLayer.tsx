import { ViewportPortal } from '@xyflow/react';
import { useRef } from 'react';
import { traceIndex } from '../../app/traceIndex';
import { useStore, useStoreApi } from '../../app/useStore';
import type { MessageLook } from '../../engine/protocol';
import { flightProgress, LOST_AT, pointOnLink } from './geometry';

/** A message the network lost stays marked where it vanished for this long (virtual ms). */
const DROP_SHOWN_MS = 60;
/** Above this many messages in flight, only the selected one keeps its label. */
const MAX_LABELLED = 40;

/**
 * Every message in flight, in one layer above the links, placed from its send and arrival times and
 * the link's geometry at the current virtual time. This layer re-renders per frame; nodes and links
 * do not.
 */
export function MessageLayer() {
  const store = useStoreApi();
  const sim = useStore((s) => s.sim);
  const now = useStore((s) => s.now);
  useStore((s) => s.revision);
  const positions = useStore((s) => s.positions);
  const selected = useStore((s) => (s.selection?.kind === 'message' ? s.selection.id : null));
  const looks = useRef(new Map<number, MessageLook>());
  const lastSim = useRef(sim);
  if (lastSim.current !== sim) {
    lastSim.current = sim;
    looks.current = new Map();
  }
  const lookOf = (id: number, payload: Parameters<typeof sim.protocol.describeMessage>[0]) => {
    let look = looks.current.get(id);
    if (!look) {
      look = sim.protocol.describeMessage(payload);
      looks.current.set(id, look);
    }
    return look;
  };

  const flights = sim.messagesInFlight();
  const showLabels = flights.length <= MAX_LABELLED;
  const index = traceIndex(sim);
  const drops = index.dropsSince(now - DROP_SHOWN_MS);

  return (
    <ViewportPortal>
      <div className="message-layer">
        {drops.map((drop) => {
          const send = index.send(drop.id);
          const from = positions[drop.from];
          const to = positions[drop.to];
          if (!send || !from || !to) return null;
          const end = send.deliverAt ?? send.lostAt;
          const p =
            end === undefined
              ? 0
              : flightProgress({ sentAtMs: send.t, deliverAtMs: end, isLost: send.lostAt !== undefined }, drop.t);
          const at = pointOnLink(from, to, send.lostAt !== undefined ? LOST_AT : p);
          return (
            <div
              key={`drop-${drop.id}`}
              className="message-drop"
              style={{ transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)` }}
              aria-hidden="true"
            >
              ✕
            </div>
          );
        })}
        {flights.map((m) => {
          const from = positions[m.from];
          const to = positions[m.to];
          if (!from || !to) return null;
          const p = flightProgress(m, now);
          const at = pointOnLink(from, to, p);
          const look = lookOf(m.id, m.message);
          // A lost message fades out over the last part of its short trip.
          const fade = m.isLost ? Math.max(0, (p / LOST_AT - 0.5) * 2) : 0;
          const classes = ['message', look.isReply ? 'is-reply' : 'is-request'];
          if (m.isLost && fade > 0) classes.push('is-vanishing');
          if (m.duplicateOf !== undefined) classes.push('is-duplicate');
          if (m.id === selected) classes.push('is-selected');
          const isLabelled = showLabels || m.id === selected;
          if (!isLabelled) classes.push('is-dot');
          return (
            <button
              key={m.id}
              type="button"
              tabIndex={-1}
              className={classes.join(' ')}
              style={{
                transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)`,
                opacity: 1 - fade * 0.85,
              }}
              aria-label={`Message ${m.id}: ${look.label} from ${m.from} to ${m.to}`}
              title={isLabelled ? undefined : look.label}
              onClick={(event) => {
                event.stopPropagation();
                store.pause();
                store.select({ kind: 'message', id: m.id });
              }}
            >
              {isLabelled ? look.label : null}
            </button>
          );
        })}
      </div>
    </ViewportPortal>
  );
}
