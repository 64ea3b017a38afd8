import { AnimatePresence, motion } from 'motion/react';
import { formatMs } from '../../app/store';
import { useStore, useStoreApi } from '../../app/useStore';

/** When a safety rule breaks: what broke, in plain words, and where in the run. Playback has paused. */
export function AlertBanner() {
  const store = useStoreApi();
  const alert = useStore((s) => s.alert);
  const title = useStore((s) => s.frame.protocol.invariants.find((i) => i.id === s.alert?.invariant));
  return (
    <AnimatePresence>
      {alert && (
        <motion.div
          className="alert"
          role="alert"
          initial={{ opacity: 0, y: -8 }}
          animate={{ opacity: 1, y: 0 }}
          exit={{ opacity: 0 }}
          transition={{ duration: 0.2 }}
        >
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
        </motion.div>
      )}
    </AnimatePresence>
  );
}
