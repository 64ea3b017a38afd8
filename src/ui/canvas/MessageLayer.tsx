import { useStore as useFlowStore, useReactFlow, ViewportPortal } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useStore, useStoreApi } from '../../app/useStore';
import type { AnyProtocol, MessageLook } from '../../engine/protocol';
import type { InFlight } from '../../engine/simulation';
import { flightProgress, LOST_AT, messagePoint, pointOnLink, vanishing } from './geometry';
import { MessageDots } from './MessageDots';

/** A message the network lost stays marked where it vanished for this long (virtual ms). */
const DROP_SHOWN_MS = 60;
/** Up to this many messages in flight, each is a labelled button; above it, dots on one canvas. */
const MAX_LABELLED = 40;
/** How close (screen px) a click must land to a dot to pick that message. */
const PICK_RADIUS_PX = 10;

/**
 * Every message in flight, in one layer above the links, placed from its send and arrival times and
 * the link's geometry at the current virtual time. This layer re-renders per frame; nodes and links
 * do not.
 */
export function MessageLayer() {
  const store = useStoreApi();
  const frame = useStore((s) => s.frame);
  const now = useStore((s) => s.now);
  const positions = useStore((s) => s.positions);
  const selected = useStore((s) => (s.selection?.kind === 'message' ? s.selection.id : null));
  const hovered = useStore((s) => s.hoveredMessage);
  const lookOf = useLooks(frame.protocol, frame.trace.records);
  const flights = frame.messages;
  const isDotMode = flights.length > MAX_LABELLED;
  usePickDots(isDotMode, lookOf);

  const { index } = frame;
  const drops = index.dropsSince(now - DROP_SHOWN_MS, frame.trace.length);
  const pick = (id: number) => {
    store.pause();
    store.select({ kind: 'message', id });
  };

  return (
    <ViewportPortal>
      <div className="message-layer">
        {isDotMode && <MessageDots flights={flights} now={now} positions={positions} lookOf={lookOf} />}
        {drops.map((drop) => {
          const send = index.send(drop.id, frame.trace.length);
          const from = positions[drop.from];
          const to = positions[drop.to];
          if (!send || !from || !to) return null;
          const end = send.deliverAt ?? send.lostAt;
          const isLost = send.lostAt !== undefined;
          const p = end === undefined ? 0 : flightProgress({ sentAtMs: send.t, deliverAtMs: end, isLost }, drop.t);
          const at = pointOnLink(from, to, isLost ? LOST_AT : p);
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
          if (isDotMode && m.id !== selected && m.id !== hovered) return null;
          const at = messagePoint(m, now, positions);
          if (!at) return null;
          const look = lookOf(m);
          const fade = vanishing(m, now);
          const classes = ['message', look.isReply ? 'is-reply' : 'is-request'];
          if (fade > 0) classes.push('is-vanishing');
          if (m.duplicateOf !== undefined) classes.push('is-duplicate');
          if (m.id === selected) classes.push('is-selected');
          if (m.id === hovered) classes.push('is-highlighted');
          return (
            <button
              key={m.id}
              type="button"
              tabIndex={-1}
              className={classes.join(' ')}
              style={{ transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)`, opacity: 1 - fade * 0.85 }}
              aria-label={`Message ${m.id}: ${look.label} from ${m.from} to ${m.to}`}
              onClick={(event) => {
                event.stopPropagation();
                pick(m.id);
              }}
              onPointerEnter={() => store.hoverMessage(m.id)}
              onPointerLeave={() => store.hoverMessage(null)}
            >
              {look.label}
            </button>
          );
        })}
      </div>
    </ViewportPortal>
  );
}

/** The protocol's description of each message, computed once per message of a run (its trace). */
function useLooks(protocol: AnyProtocol, run: unknown): (m: InFlight) => MessageLook {
  const cache = useRef({ run, looks: new Map<number, MessageLook>() });
  if (cache.current.run !== run) cache.current = { run, looks: new Map() };
  const { looks } = cache.current;
  return (m) => {
    let look = looks.get(m.id);
    if (!look) {
      look = protocol.describeMessage(m.message);
      looks.set(m.id, look);
    }
    return look;
  };
}

/** In dot mode the dots are pixels, not elements: a click near one picks its message. */
function usePickDots(isDotMode: boolean, lookOf: (m: InFlight) => MessageLook): void {
  const store = useStoreApi();
  const domNode = useFlowStore((s) => s.domNode);
  const { screenToFlowPosition, getZoom } = useReactFlow();
  const look = useRef(lookOf);
  look.current = lookOf;
  useEffect(() => {
    if (!isDotMode || !domNode) return;
    const onClick = (event: MouseEvent) => {
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { frame, now, positions } = store.getState();
      const radius = PICK_RADIUS_PX / getZoom();
      let best: { id: number; distance: number } | null = null;
      for (const m of frame.messages) {
        const at = messagePoint(m, now, positions);
        if (!at) continue;
        const distance = Math.hypot(at.x - point.x, at.y - point.y);
        if (distance <= radius && (!best || distance < best.distance)) best = { id: m.id, distance };
      }
      if (!best) return;
      event.stopPropagation();
      event.preventDefault();
      store.pause();
      store.select({ kind: 'message', id: best.id });
    };
    domNode.addEventListener('click', onClick, true);
    return () => domNode.removeEventListener('click', onClick, true);
  }, [isDotMode, domNode, store, screenToFlowPosition, getZoom]);
}
