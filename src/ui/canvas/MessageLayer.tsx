import { useStore as useFlowStore, useReactFlow, ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { XY } from '../../app/layout';
import { useStore, useStoreApi } from '../../app/useStore';
import type { AnyProtocol, MessageLook } from '../../engine/protocol';
import type { InFlight } from '../../engine/simulation';
import { flightProgress, LOST_AT, messagePoint, pointOnLink, type Rim, vanishing } from './geometry';
import { type Box, type LabelInput, layoutLabels, tether } from './labels';
import { MessageDots } from './MessageDots';
import { labelFontOf, labelSize, nodeObstacles } from './messageLook';
import { displayCentres, rimOf } from './stage';
import { useStageOf } from './useStage';

/** A message the network lost stays marked where it vanished for this long (virtual ms). */
const DROP_SHOWN_MS = 60;
/** Up to this many messages in flight, each is a labelled button; above it, dots on one canvas. */
const MAX_LABELLED = 40;
/** How close (screen px) a click must land to a dot to pick that message. */
const PICK_RADIUS_PX = 10;

/**
 * Every message in flight, in one layer above the links, placed from its send and arrival times and
 * the link's geometry at the current virtual time: a dot where the message is (a button, named for
 * it), and its label beside it where labels.ts finds room, clear of the nodes' words and of each other.
 * This layer re-renders per frame; nodes and links do not.
 */
export function MessageLayer() {
  const store = useStoreApi();
  const stage = useStageOf();
  const frame = useStore((s) => s.frame);
  const now = useStore((s) => s.now);
  const positions = useStore((s) => s.positions);
  const selected = useStore((s) => (s.selection?.kind === 'message' ? s.selection.id : null));
  const hovered = useStore((s) => s.hoveredMessage);
  const lookOf = useLooks(frame.protocol, frame.trace.records);
  const centres = useMemo(() => displayCentres(stage, positions), [stage, positions]);
  const rim = rimOf(stage);
  const flights = frame.messages;
  const isDotMode = flights.length > MAX_LABELLED;
  usePickDots(isDotMode, centres, rim);
  const slots = useRef(new Map<number, number>());

  const labelFont = labelFontOf(stage);
  const dot = Math.max(7, labelFont * 0.45);
  const shown = flights.flatMap((m) => {
    if (isDotMode && m.id !== selected && m.id !== hovered) return [];
    const at = messagePoint(m, now, centres, rim);
    const from = centres[m.from];
    const to = centres[m.to];
    return at && from && to ? [{ m, at, dir: unit(from, to), look: lookOf(m) }] : [];
  });
  const inputs: LabelInput[] = shown.map(({ m, at, dir, look }) => ({
    id: m.id,
    text: look.label,
    at,
    dir,
    isPinned: m.id === selected || m.id === hovered,
  }));
  const obstacles = nodeObstacles(frame, centres, stage);
  const inView = useInView();
  const plans = layoutLabels(inputs, {
    measure: (text) => labelSize(text, labelFont),
    dot,
    gap: Math.max(3, labelFont * 0.25),
    circles: obstacles.circles,
    boxes: inView ? [...obstacles.boxes, ...inView.corners] : obstacles.boxes,
    ...(inView ? { bounds: inView.bounds } : {}),
    previous: slots.current,
  });
  slots.current = new Map(plans.map((p) => [p.key, p.slot]));
  const lookById = new Map(shown.map((s) => [s.m.id, s.look]));
  const dotById = new Map(shown.map((s) => [s.m.id, s.at]));

  const { index } = frame;
  const drops = index.dropsSince(now - DROP_SHOWN_MS, frame.trace.length);
  const pick = (id: number) => {
    store.pause();
    store.select({ kind: 'message', id });
  };
  const hover = (id: number | null) => store.hoverMessage(id);

  return (
    <ViewportPortal>
      <div className="message-layer" style={{ '--label-font': `${labelFont}px` } as React.CSSProperties}>
        {isDotMode && <MessageDots flights={flights} now={now} centres={centres} rim={rim} lookOf={lookOf} />}
        {drops.map((drop) => {
          const send = index.send(drop.id, frame.trace.length);
          const from = centres[drop.from];
          const to = centres[drop.to];
          if (!send || !from || !to) return null;
          const end = send.deliverAt ?? send.lostAt;
          const isLost = send.lostAt !== undefined;
          const p = end === undefined ? 0 : flightProgress({ sentAtMs: send.t, deliverAtMs: end, isLost }, drop.t);
          const at = pointOnLink(from, to, isLost ? LOST_AT : p, rim);
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
        {shown.map(({ m, at, look }) => {
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
              style={{
                transform: `translate(${at.x - dot}px, ${at.y - dot}px)`,
                width: dot * 2,
                height: dot * 2,
                opacity: 1 - fade * 0.85,
              }}
              aria-label={`Message ${m.id}: ${look.label} from ${m.from} to ${m.to}`}
              title={`${look.label}, ${m.from} → ${m.to}`}
              onClick={(event) => {
                event.stopPropagation();
                pick(m.id);
              }}
              onPointerEnter={() => hover(m.id)}
              onPointerLeave={() => hover(null)}
              onFocus={() => hover(m.id)}
              onBlur={() => hover(null)}
            />
          );
        })}
        {plans.map((plan) => {
          if (!plan.box) return null;
          const dots = plan.members.flatMap((id) => dotById.get(id) ?? []);
          const line = tether(plan.box, dots, dot * 2.2);
          if (!line) return null;
          const length = Math.hypot(line.to.x - line.from.x, line.to.y - line.from.y);
          const angle = Math.atan2(line.to.y - line.from.y, line.to.x - line.from.x);
          return (
            <div
              key={`tether-${plan.key}`}
              className="message-tether"
              aria-hidden="true"
              style={{
                width: length,
                transform: `translate(${line.from.x}px, ${line.from.y}px) rotate(${angle}rad)`,
              }}
            />
          );
        })}
        {plans.map((plan) => {
          if (!plan.box) return null;
          const look = lookById.get(plan.key);
          const isMerged = plan.members.length > 1;
          const classes = ['message-label', look?.isReply ? 'is-reply' : 'is-request'];
          if (plan.members.includes(selected ?? -1)) classes.push('is-selected');
          if (plan.members.includes(hovered ?? -1)) classes.push('is-highlighted');
          return (
            <div
              key={`label-${plan.key}`}
              className={classes.join(' ')}
              aria-hidden="true"
              data-members={plan.members.length}
              title={isMerged ? `${plan.members.length} messages: ${look?.label}` : undefined}
              style={{
                transform: `translate(${plan.box.x}px, ${plan.box.y}px)`,
                width: plan.box.width,
                height: plan.box.height,
              }}
              onClick={(event) => {
                event.stopPropagation();
                pick(plan.key);
              }}
              onPointerEnter={() => hover(plan.key)}
              onPointerLeave={() => hover(null)}
            >
              {plan.text}
            </div>
          );
        })}
      </div>
    </ViewportPortal>
  );
}

/** Screen pixels kept free at the canvas's lower corners: the legend's button and the zoom controls. */
const LEGEND_CORNER = { width: 130, height: 48 };
const CONTROLS_CORNER = { width: 52, height: 124 };

/** The canvas in view, in flow units, less its edges; and the corners with controls, which labels avoid. */
function useInView(): { bounds: Box; corners: Box[] } | null {
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  if (width <= 0 || height <= 0 || zoom <= 0) return null;
  const edge = 4;
  const bounds = {
    x: (edge - tx) / zoom,
    y: (edge - ty) / zoom,
    width: (width - 2 * edge) / zoom,
    height: (height - 2 * edge) / zoom,
  };
  const corner = (left: number, size: { width: number; height: number }) => ({
    x: (left - tx) / zoom,
    y: (height - size.height - ty) / zoom,
    width: size.width / zoom,
    height: size.height / zoom,
  });
  return { bounds, corners: [corner(width - LEGEND_CORNER.width, LEGEND_CORNER), corner(0, CONTROLS_CORNER)] };
}

function unit(a: XY, b: XY): XY {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
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
function usePickDots(isDotMode: boolean, centres: Readonly<Record<string, XY>>, rim: Rim): void {
  const store = useStoreApi();
  const domNode = useFlowStore((s) => s.domNode);
  const { screenToFlowPosition, getZoom } = useReactFlow();
  const drawn = useRef({ centres, rim });
  drawn.current = { centres, rim };
  useEffect(() => {
    if (!isDotMode || !domNode) return;
    const onClick = (event: MouseEvent) => {
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { frame, now } = store.getState();
      const radius = PICK_RADIUS_PX / getZoom();
      let best: { id: number; distance: number } | null = null;
      for (const m of frame.messages) {
        const at = messagePoint(m, now, drawn.current.centres, drawn.current.rim);
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
