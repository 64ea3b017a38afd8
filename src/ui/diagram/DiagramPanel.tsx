import { type KeyboardEvent, type ReactNode, useState } from 'react';
import type { ClockMode } from '../../app/clocks';
import { nodeIdsOf } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import { downloadBlob, pictureName, svgBlob } from '../pictures/download';
import type { DiagramInput } from './compose';
import { diagramToPng, diagramToSvg } from './exportImage';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';
import type { DiagramView } from './view';

/** The keys the diagram takes for itself (walking messages, zoom); the page's shortcuts must not see them. */
const DIAGRAM_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', '+', '=', '-']);

/** An exported picture is this wide, and this tall per lane: legible on a slide. */
const EXPORT_WIDTH = 1600;
const EXPORT_LANE_PX = 64;
const EXPORT_MIN_HEIGHT = 320;

export { DEFAULT_DIAGRAM_VIEW, type DiagramView } from './view';

/**
 * The run's space-time diagram in the workbench: the cursor is now, a click seeks there, and the
 * message under the pointer is the one the canvas highlights (and the other way round). The view
 * (time span, clocks) is held by the parent, so it survives switching tabs. A `heading` shares the row
 * of the tools, which wrap under it when the row is too narrow, so they never cover it.
 */
export function DiagramPanel({
  view,
  onViewChange,
  heading,
}: {
  view: DiagramView;
  onViewChange: (view: DiagramView) => void;
  heading?: ReactNode;
}) {
  const store = useStoreApi();
  const trace = useStore((s) => s.frame.trace);
  const describeMessage = useStore((s) => s.frame.protocol.describeMessage);
  const now = useStore((s) => s.now);
  const nodeIds = useStore((s) => nodeIdsOf(s.scenario));
  const title = useStore((s) => s.scenario.title);
  const highlighted = useStore((s) => s.hoveredMessage ?? (s.selection?.kind === 'message' ? s.selection.id : null));
  const [error, setError] = useState<string | null>(null);

  const input = (): DiagramInput => ({
    trace: trace.records,
    traceLength: trace.length,
    nowMs: now,
    nodeIds,
    describeMessage,
    windowMs: view.windowMs,
    clocks: view.clocks,
    highlighted,
    width: EXPORT_WIDTH,
    height: Math.max(EXPORT_MIN_HEIGHT, 110 + EXPORT_LANE_PX * nodeIds.length),
  });
  const saveSvg = () => downloadBlob(svgBlob(diagramToSvg(input())), pictureName(title, 'diagram', now, 'svg'));
  const savePng = async () => {
    try {
      setError(null);
      downloadBlob(await diagramToPng(input(), 2), pictureName(title, 'diagram', now, 'png'));
    } catch (e) {
      setError(`The picture could not be made: ${(e as Error).message}.`);
    }
  };
  const keepKeys = (event: KeyboardEvent) => {
    if (DIAGRAM_KEYS.has(event.key) && (event.target as Element).getAttribute('role') === 'application')
      event.stopPropagation();
  };

  return (
    <div className="diagram-panel">
      <div className="diagram-tools">
        {heading}
        <label>
          Clocks
          <select value={view.clocks} onChange={(e) => onViewChange({ ...view, clocks: e.target.value as ClockMode })}>
            <option value="none">None</option>
            <option value="lamport">Lamport timestamps</option>
            <option value="vector">Vector clocks</option>
          </select>
        </label>
        <fieldset className="save-as">
          <legend>
            Save<span className="sr-only"> diagram</span> as
          </legend>
          <button type="button" onClick={savePng} aria-label="Save diagram as PNG">
            PNG
          </button>
          <button type="button" onClick={saveSvg} aria-label="Save diagram as SVG">
            SVG
          </button>
        </fieldset>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: it only keeps the diagram's own keys from the page shortcuts. */}
      <div className="diagram-box" onKeyDown={keepKeys}>
        <SpaceTimeDiagram
          trace={trace.records}
          traceLength={trace.length}
          now={now}
          nodeIds={nodeIds}
          describeMessage={describeMessage}
          windowMs={view.windowMs}
          onWindowMsChange={(windowMs) => onViewChange({ ...view, windowMs })}
          clocks={view.clocks}
          highlighted={highlighted}
          onHover={(id) => store.hoverMessage(id)}
          onSeek={(t) => store.seek(Math.round(t))}
          traceKey={trace}
        />
      </div>
    </div>
  );
}
