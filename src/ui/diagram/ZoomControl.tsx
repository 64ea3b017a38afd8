/** The spans of time the zoom steps through, in virtual ms. */
export const ZOOM_LEVELS_MS = [200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000] as const;
const MIN_MS = 200;
const MAX_MS = 60_000;

/** A span of time as the control shows it: `200 ms`, `2 s`. */
export function formatSpan(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}

/** The next level out (`direction` 1: more time) or in (-1) from `windowMs`. */
export function zoomStep(windowMs: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_LEVELS_MS.find((l) => l > windowMs) ?? MAX_MS;
  return [...ZOOM_LEVELS_MS].reverse().find((l) => l < windowMs) ?? MIN_MS;
}

/** How much of the diagram's top left corner the control covers; the scene keeps text out of it. */
export const ZOOM_CONTROL_PX = 140;

const buttonStyle = { width: 30, padding: '0 4px', fontSize: 17, lineHeight: 1.2, fontWeight: 700 } as const;

/** Two buttons and the span in view, in the diagram's top left corner, above the node names. */
export function ZoomControl({ windowMs, onChange }: { windowMs: number; onChange: (windowMs: number) => void }) {
  return (
    <div style={{ position: 'absolute', top: 2, left: 4, display: 'flex', gap: 4, alignItems: 'center', fontSize: 14 }}>
      <button
        type="button"
        style={buttonStyle}
        aria-label="Show more time"
        disabled={windowMs >= MAX_MS}
        onClick={() => onChange(zoomStep(windowMs, 1))}
      >
        −
      </button>
      <span aria-live="polite" style={{ minWidth: 60, textAlign: 'center', fontWeight: 600, whiteSpace: 'nowrap' }}>
        {formatSpan(windowMs)}
      </span>
      <button
        type="button"
        style={buttonStyle}
        aria-label="Show less time"
        disabled={windowMs <= MIN_MS}
        onClick={() => onChange(zoomStep(windowMs, -1))}
      >
        +
      </button>
    </div>
  );
}
