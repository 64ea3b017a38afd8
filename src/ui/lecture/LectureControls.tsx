import type { ReactNode } from 'react';
import { goToNextPause, goToPreviousPause, pauseProgress } from '../../app/pauseNav';
import { useStore, useStoreApi } from '../../app/useStore';
import { PlayButton } from '../panels/PlayButton';

/**
 * The few controls a lecture needs: previous pause point, play or pause, next pause point, the clock
 * and how far through the story the run is. `children` add the layout's own (leave, open the app).
 */
export function LectureControls({ label, children }: { label: string; children?: ReactNode }) {
  const store = useStoreApi();
  const centiseconds = useStore((s) => Math.floor((s.seeking?.targetMs ?? s.now) / 10));
  const progress = useStore(
    (s) => pauseProgress(s.frame.inputs, s.seeking?.targetMs ?? s.now),
    (a, b) => a.passed === b.passed && a.total === b.total,
  );
  return (
    <div className="lecture-controls" role="toolbar" aria-label={label}>
      <button
        type="button"
        onClick={() => goToPreviousPause(store)}
        aria-keyshortcuts="PageUp"
        title="Previous pause point (Page Up)"
      >
        <span aria-hidden="true">❚◀ </span>
        <span className="control-word">
          Previous<span className="sr-only"> pause point</span>
        </span>
      </button>
      <PlayButton />
      <button
        type="button"
        onClick={() => goToNextPause(store)}
        aria-keyshortcuts="PageDown"
        title="Next pause point (Page Down)"
      >
        <span className="control-word">
          Next<span className="sr-only"> pause point</span>
        </span>
        <span aria-hidden="true"> ▶❚</span>
      </button>
      <output className="clock" aria-label="Simulated time">
        t = {(centiseconds / 100).toFixed(2)} s
      </output>
      {progress.total > 0 && (
        <span className="lecture-progress">
          pause point {progress.passed} of {progress.total}
        </span>
      )}
      {children}
    </div>
  );
}
