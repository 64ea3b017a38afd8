import { traceIndex } from '../../app/traceIndex';
import { useStore } from '../../app/useStore';

/** The scenario's narration: its latest caption, or why playback stopped. Always plain text. */
export function CaptionBar() {
  const caption = useStore((s) => traceIndex(s.sim).latestCaption());
  const notice = useStore((s) => s.notice);
  const playing = useStore((s) => s.playing);
  return (
    <div className="caption-bar" aria-live="polite">
      {caption && <p className="caption">{caption}</p>}
      {notice && !playing && <p className="notice">{notice}</p>}
    </div>
  );
}
