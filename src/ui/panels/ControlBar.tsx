import { useStore, useStoreApi } from '../../app/useStore';
import { SPEEDS, speedHint, speedLabel } from '../speed';
import { FocusStatus } from './FocusStatus';
import { PlayButton } from './PlayButton';

/** Play, pause, step and speed, with the virtual clock. */
export function ControlBar() {
  const store = useStoreApi();
  const speed = useStore((s) => s.speed);
  const centiseconds = useStore((s) => Math.floor(s.now / 10));
  const speeds: number[] = SPEEDS.includes(speed as (typeof SPEEDS)[number])
    ? [...SPEEDS]
    : [...SPEEDS, speed].sort((a, b) => a - b);
  const index = speeds.indexOf(speed);

  return (
    <div className="control-bar" role="toolbar" aria-label="Playback">
      <PlayButton />
      <button
        type="button"
        onClick={() => store.stepEvent()}
        aria-keyshortcuts="N"
        aria-label="Step to next event"
        title="Pause and run exactly one event (N)"
      >
        Step<span className="long-label"> to next event</span>
      </button>
      <label className="speed">
        <span>Speed</span>
        <select
          value={index}
          onChange={(e) => store.setSpeed(speeds[Number(e.target.value)] ?? speed)}
          aria-describedby="speed-hint"
        >
          {speeds.map((s, i) => (
            <option key={s} value={i}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <span id="speed-hint" className="sr-only">
        {speedHint(speed)}
      </span>
      <output className="clock" aria-label="Simulated time">
        t = {(centiseconds / 100).toFixed(2)} s
      </output>
      <FocusStatus />
    </div>
  );
}
