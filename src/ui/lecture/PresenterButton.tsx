import { useLecture } from './LectureContext';

/** The workbench's way into presenter mode (also P, or `?present` in the address). */
export function PresenterButton() {
  const { setPresenting } = useLecture();
  if (!setPresenting) return null;
  return (
    <button
      type="button"
      className="presenter-button"
      onClick={() => setPresenting(true)}
      aria-keyshortcuts="P"
      aria-label="Presenter mode"
      title="Presenter mode: large type, no side panels (P; Esc leaves)"
    >
      Presenter<span className="long-label"> mode</span>
    </button>
  );
}
