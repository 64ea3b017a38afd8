import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import { seconds } from '../../app/branches';
import type { Marker } from '../../app/markers';
import { useStore, useStoreApi } from '../../app/useStore';
import type { Face } from '../../engine/face';
import { useFace } from '../hooks';
import { glyphOf, MarkerGlyph, markerWord } from './MarkerGlyph';

/** Markers closer than this fraction of the track share a place: the first of each kind is drawn. */
const BUCKETS = 300;
/** Markers in one lane keep at least this many pixels apart, so none hides another. */
const GAP_PX = 16;

/**
 * The time slider: a track from 0 to the end of the run, the part computed on this branch, the
 * markers, and the thumb at now. Drag or click to seek; the keys are on the slider itself.
 */
export function Scrubber() {
  const store = useStoreApi();
  const now = useStore((s) => s.seeking?.targetMs ?? s.now);
  const frontier = useStore((s) => s.frontier);
  const endMs = useStore(() => store.endMs());
  const markers = useStore(() => store.timelineMarkers());
  const face = useFace();
  const track = useRef<HTMLDivElement>(null);
  const isDragging = useRef(false);
  const width = useWidth(track);

  const timeAt = (clientX: number) => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return now;
    const fraction = Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
    return Math.round(fraction * endMs);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    isDragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    store.seek(timeAt(event.clientX));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (isDragging.current) store.seek(timeAt(event.clientX));
  };
  const onPointerUp = () => {
    isDragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const handled = scrubberKey(event.key, event.shiftKey);
    if (!handled) return;
    event.preventDefault();
    event.stopPropagation();
    handled(store, now, endMs);
  };

  const at = (t: number) => `${(Math.min(t, endMs) / endMs) * 100}%`;
  return (
    <div className="scrubber">
      <div className="scrubber-markers">
        {placeMarkers(visibleMarkers(markers, endMs, face), (GAP_PX / Math.max(width, 1)) * endMs).map(
          ({ m, x, lane }) => (
            <button
              key={`${m.kind}-${m.index}-${m.t}`}
              type="button"
              tabIndex={-1}
              className={`marker lane-${lane}${m.t > frontier ? ' is-future' : ''}`}
              style={{ left: at(x) }}
              title={`${markerWord(m, face)} at ${seconds(m.t)}: ${m.label}`}
              aria-label={`${markerWord(m, face)} at ${seconds(m.t)}: ${m.label}`}
              onClick={() => store.seek(m.t)}
            >
              <MarkerGlyph glyph={glyphOf(m, face)} size={m.kind === 'violation' ? 18 : 15} />
            </button>
          ),
        )}
      </div>
      <div
        ref={track}
        className="scrubber-track"
        role="slider"
        tabIndex={0}
        aria-label="Time"
        aria-valuemin={0}
        aria-valuemax={Math.round(endMs)}
        aria-valuenow={Math.round(now)}
        aria-valuetext={`${seconds(now)} of ${seconds(endMs)}`}
        aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <div className="scrubber-rail" />
        <div className="scrubber-computed" style={{ width: at(frontier) }} />
        <div className="scrubber-played" style={{ width: at(now) }} />
        <div className="scrubber-thumb" style={{ left: at(now) }} />
      </div>
    </div>
  );
}

type KeyAction = (store: ReturnType<typeof useStoreApi>, now: number, endMs: number) => void;

/** The slider's keys: one event, one marker, or the ends of the run. */
function scrubberKey(key: string, isShift: boolean): KeyAction | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return isShift ? (s) => s.seekMarker(-1) : (s) => s.stepBack();
    case 'ArrowRight':
    case 'ArrowUp':
      return isShift ? (s) => s.seekMarker(1) : (s) => s.stepForward();
    case 'PageUp':
      return (s, now) => s.seek(Math.max(0, now - 1000));
    case 'PageDown':
      return (s, now, end) => s.seek(Math.min(end, now + 1000));
    case 'Home':
      return (s) => s.seek(0);
    case 'End':
      return (s, _now, end) => s.seek(end);
    default:
      return null;
  }
}

/** One marker of each kind per slice of the track: a long run's hundreds of commits stay readable. */
function visibleMarkers(markers: readonly Marker[], endMs: number, face: Face): Marker[] {
  const seen = new Set<string>();
  const out: Marker[] = [];
  for (const m of markers) {
    if (m.t > endMs) continue;
    const key = `${glyphOf(m, face).name}:${Math.floor((m.t / endMs) * BUCKETS)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/** Faults and violations ride above the rail, the protocol's milestones, stops and captions below. */
function laneOf(m: Marker): 0 | 1 {
  return m.kind === 'fault' || m.kind === 'violation' ? 0 : 1;
}

/** Each marker's lane and drawn time: nudged right just enough to keep clear of its neighbour. */
function placeMarkers(markers: readonly Marker[], gapMs: number): { m: Marker; x: number; lane: 0 | 1 }[] {
  const last = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  return markers.map((m) => {
    const lane = laneOf(m);
    const x = Math.max(m.t, (last[lane] as number) + gapMs);
    last[lane] = x;
    return { m, x, lane };
  });
}

function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.getBoundingClientRect().width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
