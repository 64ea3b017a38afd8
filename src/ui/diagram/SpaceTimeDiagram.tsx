import { type KeyboardEvent, type MouseEvent, useId, useMemo, useRef, useState } from 'react';
import type { ClockMode } from '../../app/clocks';
import type { MessageLook } from '../../engine/protocol';
import type { NodeId, Payload, TraceRecord, VirtualMs } from '../../engine/types';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, DEFAULT_WINDOW_MS, diagramModel } from './compose';
import { DiagramSvg } from './DiagramSvg';
import { xToTime } from './geometry';
import { buildScene } from './scene';
import { describeDiagram, recentMessages } from './summary';
import { useElementSize } from './useElementSize';
import { messageTitle } from './words';
import { ZOOM_CONTROL_PX, ZoomControl, zoomStep } from './ZoomControl';

export interface SpaceTimeDiagramProps {
  /** The run's trace (`sim.trace`); only its first `traceLength` records are drawn. */
  readonly trace: readonly TraceRecord[];
  /** How many records have happened by now (`sim.traceLength`). */
  readonly traceLength: number;
  /** The virtual time shown: the cursor. */
  readonly now: VirtualMs;
  /** One lane per node, top to bottom (`sim.nodeIds()`). */
  readonly nodeIds: readonly NodeId[];
  /** The protocol's look of a message (`sim.protocol.describeMessage`); keep it stable. */
  readonly describeMessage: (message: Payload) => MessageLook;
  /** The span of virtual time in view. Uncontrolled (own zoom state) when left out. */
  readonly windowMs?: number;
  readonly onWindowMsChange?: (windowMs: number) => void;
  /** Logical clocks at event points. */
  readonly clocks?: ClockMode;
  /** A message id to highlight (the one selected or hovered elsewhere). */
  readonly highlighted?: number | null;
  /** The pointer entered (id) or left (null) a message's arrow; also the keyboard's choice. */
  readonly onHover?: (id: number | null) => void;
  /** A click on the diagram: the virtual time under the pointer. */
  readonly onSeek?: (t: VirtualMs) => void;
  /** A fixed size in pixels; otherwise the diagram fills its container. */
  readonly width?: number;
  readonly height?: number;
  /** Changes when the trace's content changed without its length changing (a branch): the frame's `trace` does. */
  readonly traceKey?: unknown;
  /** The accessible name. */
  readonly label?: string;
}

const RECENT_FOR_READERS = 12;

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/**
 * A space-time diagram of a run: one lane per node, time left to right, an arrow per message from its
 * send to its delivery (or to where it was dropped, or to where it is now). A pure view of
 * (trace, traceLength, now): the picture is recomputed only when one of those (or the size, the window,
 * the clocks or the highlight) changes.
 */
export function SpaceTimeDiagram(props: SpaceTimeDiagramProps) {
  const { trace, traceLength, now, nodeIds, describeMessage, clocks = 'none', onHover, onSeek, traceKey } = props;
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const measured = useElementSize(box, props.width === undefined || props.height === undefined);
  const width = props.width ?? measured?.width ?? DEFAULT_WIDTH;
  const height = props.height ?? measured?.height ?? DEFAULT_HEIGHT;
  const [ownWindowMs, setOwnWindowMs] = useState(DEFAULT_WINDOW_MS);
  const windowMs = props.windowMs ?? ownWindowMs;
  const setWindowMs = (ms: number) => {
    if (props.windowMs === undefined) setOwnWindowMs(ms);
    props.onWindowMsChange?.(ms);
  };
  const [chosen, setChosen] = useState<number | null>(null);
  const highlighted = props.highlighted ?? chosen;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `traceKey` is a cache key for the trace's content.
  const model = useMemo(
    () => diagramModel({ trace, traceLength, nowMs: now, nodeIds, describeMessage, windowMs, clocks }),
    [trace, traceLength, now, nodeIds, describeMessage, windowMs, clocks, traceKey],
  );
  const scene = useMemo(
    () => buildScene(model, { width, height, clocks, highlighted, reservedTopLeftPx: ZOOM_CONTROL_PX }),
    [model, width, height, clocks, highlighted],
  );
  const description = useMemo(() => describeDiagram(model), [model]);
  const recent = useMemo(() => recentMessages(model, RECENT_FOR_READERS), [model]);
  const chosenMessage = model.messages.find((m) => m.id === chosen);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!onSeek) return;
    const svg = event.currentTarget.querySelector('svg');
    const rect = svg?.getBoundingClientRect();
    const scale = rect && rect.width > 0 ? scene.width / rect.width : 1;
    const x = (event.clientX - (rect?.left ?? 0)) * scale;
    onSeek(xToTime(scene.plot, scene.window, x));
  };

  const choose = (next: number | null) => {
    setChosen(next);
    onHover?.(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const ids = model.messages.map((m) => m.id);
    const at = chosen === null ? -1 : ids.indexOf(chosen);
    switch (event.key) {
      case 'ArrowRight':
        choose(ids[at < 0 ? ids.length - 1 : Math.min(ids.length - 1, at + 1)] ?? null);
        break;
      case 'ArrowLeft':
        choose(ids[at < 0 ? ids.length - 1 : Math.max(0, at - 1)] ?? null);
        break;
      case 'Home':
        choose(ids[0] ?? null);
        break;
      case 'End':
        choose(ids[ids.length - 1] ?? null);
        break;
      case 'Enter': {
        const m = model.messages.find((x) => x.id === chosen);
        if (m) onSeek?.(m.sentAtMs);
        break;
      }
      case 'Escape':
        choose(null);
        break;
      case '+':
      case '=':
        setWindowMs(zoomStep(windowMs, -1));
        break;
      case '-':
        setWindowMs(zoomStep(windowMs, 1));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      ref={box}
      className="space-time-diagram"
      style={{ position: 'relative', width: props.width ?? '100%', height: props.height ?? '100%', overflow: 'hidden' }}
    >
      {/* Keys go to the diagram (it walks messages with the arrows); the picture is told in the text beside it. */}
      <div
        role="application"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application widget takes its own keys, so it must take focus.
        tabIndex={0}
        aria-label={props.label ?? 'Space-time diagram'}
        aria-describedby={`${id}-description`}
        onClick={onClick}
        onKeyDown={onKeyDown}
        style={{ cursor: onSeek ? 'crosshair' : 'default', outlineOffset: -3 }}
      >
        <DiagramSvg scene={scene} highlighted={highlighted} patternId={`${id}-hatch`} onHover={onHover} />
      </div>
      <p id={`${id}-description`} style={visuallyHidden}>
        {description}
      </p>
      <ol aria-label="Latest messages, newest first" style={visuallyHidden}>
        {recent.map((r) => (
          <li key={r.id}>{r.text}</li>
        ))}
      </ol>
      <p aria-live="polite" style={visuallyHidden}>
        {chosenMessage ? messageTitle(chosenMessage) : ''}
      </p>
      <ZoomControl windowMs={windowMs} onChange={setWindowMs} />
    </div>
  );
}
