import { useStore, useStoreApi } from '../../app/useStore';

/** Play or pause the run: the one button the workbench, presenter mode and the player share. */
export function PlayButton() {
  const store = useStoreApi();
  const playing = useStore((s) => s.playing);
  return (
    <button
      type="button"
      className="primary play-button"
      onClick={() => store.togglePlay()}
      aria-keyshortcuts="Space"
      title="Play or pause (Space)"
    >
      <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
    </button>
  );
}
