import { formatMs } from '../../app/store';
import { useStore, useStoreApi } from '../../app/useStore';

/** When a safety rule breaks: what broke, in plain words, and where in the run. Playback has paused. */
export function AlertBanner() {
  const store = useStoreApi();
  const alert = useStore((s) => s.alert);
  const title = useStore((s) => s.frame.protocol.invariants.find((i) => i.id === s.alert?.invariant));
  return (
    alert && (
      // It slides in by CSS (layout.css): an animation library for one banner cost the first screen 49 kB.
      <div className="alert" role="alert">
        <div className="alert-text">
          <span>
            <strong>Safety violated: {title?.title ?? alert.invariant}.</strong> {alert.message}.
          </span>
          <span className="alert-where">
            At {formatMs(alert.time)}, event #{alert.event} of the trace; playback paused here.
            {title && ` The rule: ${title.rule}`}
          </span>
        </div>
        <button type="button" onClick={() => store.dismissAlert()}>
          Dismiss
        </button>
      </div>
    )
  );
}
