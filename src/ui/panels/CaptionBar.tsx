import { pauseAt } from '../../app/pauseNav';
import { latestCaption } from '../../app/selectors';
import { useStore } from '../../app/useStore';

/**
 * The scenario's narration, sized for the back of a hall: its latest caption, and when the run stands
 * at a pause point, that point's question, prominently; otherwise why playback stopped. Always plain
 * text (a scenario's words are never HTML).
 */
export function CaptionBar() {
  const caption = useStore((s) => latestCaption(s.frame));
  const prompt = useStore(
    (s) => pauseAt(s.frame.inputs, s.now, s.playing || s.seeking !== null),
    (a, b) => a?.at === b?.at && a?.text === b?.text,
  );
  const notice = useStore((s) => s.notice);
  const playing = useStore((s) => s.playing);
  // A scenario that narrates keeps its band all along, so the cluster does not jump when a caption comes;
  // one that never narrates gives the room back to the cluster.
  const narrates = useStore((s) => s.frame.inputs.some((i) => i.type === 'caption' || i.type === 'pause'));
  const isEmpty = !caption && !prompt && !(notice && !playing);
  return (
    <div
      className={`caption-bar${isEmpty ? ' is-empty' : ''}${isEmpty && !narrates ? ' is-unused' : ''}`}
      aria-live="polite"
    >
      {caption && <p className="caption">{caption}</p>}
      {prompt ? (
        <p className="pause-prompt">
          {prompt.text ? (
            <>
              <strong>Paused:</strong> {prompt.text}
            </>
          ) : (
            <strong>Paused at a stop point.</strong>
          )}
        </p>
      ) : (
        notice && !playing && <p className="notice">{notice}</p>
      )}
    </div>
  );
}
