import { seconds } from '../../app/branches';
import { useStore, useStoreApi } from '../../app/useStore';
import { useFace } from '../hooks';
import { BranchList } from './BranchList';
import { legendOf, MarkerGlyph } from './MarkerGlyph';
import { Scrubber } from './Scrubber';

/** Time travel: step one event back or forward, scrub to any time, see the run's shape and branches. */
export function Timeline() {
  const store = useStoreApi();
  const now = useStore((s) => s.seeking?.targetMs ?? s.now);
  const endMs = useStore(() => store.endMs());
  const seeking = useStore((s) => s.seeking);
  const whole = useStore(() => store.currentWholeRun());
  const face = useFace();

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-row">
        <button type="button" onClick={() => store.stepBack()} title="Step back one event (←)">
          <span aria-hidden="true">◀ </span>Step back
        </button>
        <Scrubber />
        <button type="button" onClick={() => store.stepForward()} title="Step forward one event (→)">
          Step forward<span aria-hidden="true"> ▶</span>
        </button>
        <span className="timeline-time" aria-hidden="true">
          {seconds(now)} / {seconds(endMs)}
        </span>
      </div>
      <div className="timeline-row timeline-info">
        <ul className="legend" aria-label="Marker shapes">
          {legendOf(face).map((l) => (
            <li key={l.glyph.name}>
              <MarkerGlyph glyph={l.glyph} size={13} /> {l.word}
            </li>
          ))}
        </ul>
        {seeking && (
          <span className="seek-progress" role="status">
            Computing the run to {seconds(seeking.targetMs)}…{' '}
            <progress value={seeking.progress} max={1} aria-label="Seek progress" />{' '}
            <button type="button" onClick={() => store.stopSeek()}>
              Stop
            </button>
          </span>
        )}
        {!seeking && whole && !whole.isDone && (
          <span className="seek-progress muted">
            Mapping the whole run… {Math.round((whole.doneMs / whole.horizonMs) * 100)}%
          </span>
        )}
        <BranchList />
      </div>
    </section>
  );
}
