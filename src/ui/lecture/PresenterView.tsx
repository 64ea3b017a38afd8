import '../styles/presenter.css';
import { useStore } from '../../app/useStore';
import { Canvas } from '../canvas/Canvas';
import { useAskedToShow, useProtocolUi } from '../hooks';
import { AlertBanner } from '../panels/AlertBanner';
import { CaptionBar } from '../panels/CaptionBar';
import { useLecture } from './LectureContext';
import { LectureControls } from './LectureControls';
import { usePresenterPanel } from './usePresenterPanel';
import { useReveal } from './useReveal';

/**
 * Presenter mode, for a hall: the cluster and the narration in large type, nothing else. The controls
 * appear when the mouse moves or a key reaches them (Tab), and fade away again; the keys always work.
 * The protocol's panel shows beside the cluster on a wide screen and under it on a tall one; `isPanelAsked`
 * opens it from outside (see usePresenterPanel).
 */
export function PresenterView({ isPanelAsked = false }: { isPanelAsked?: boolean }) {
  const { setPresenting, openHelp } = useLecture();
  const title = useStore((s) => s.scenario.title);
  const { Panel, panelTitle = 'Protocol' } = useProtocolUi();
  // A pause point that asks for the protocol's panel (`show: "panel"`) opens it beside the cluster.
  const isAsked = useAskedToShow() === 'panel';
  const panel = usePresenterPanel(isPanelAsked || isAsked);
  const { isRevealed, reveal, hold } = useReveal();

  return (
    <div className={`presenter${isRevealed ? ' is-revealed' : ''}`} onPointerMove={reveal} onPointerDown={reveal}>
      <h1 className="sr-only">{title ? `${title}: presenter mode` : 'Presenter mode'}</h1>
      <AlertBanner />
      <CaptionBar />
      {/* Before the cluster in the page's order: Tab reaches the controls first. */}
      <div className="presenter-controls" onPointerEnter={() => hold(true)} onPointerLeave={() => hold(false)}>
        <LectureControls label="Presenter controls">
          {Panel && (
            <button
              type="button"
              aria-pressed={panel.isShown}
              onClick={(event) => {
                panel.toggle();
                // Clicked with the pointer, the toggle gives the keyboard back: Space plays again, as the help says.
                if (event.detail > 0) event.currentTarget.blur();
              }}
            >
              {panelTitle}
            </button>
          )}
          <button type="button" onClick={openHelp} aria-keyshortcuts="Shift+?" aria-label="Keyboard shortcuts">
            ?
          </button>
          <button type="button" onClick={() => setPresenting?.(false)} aria-keyshortcuts="Escape P">
            Leave<span className="sr-only"> presenter mode</span>
          </button>
        </LectureControls>
      </div>
      <main className={`presenter-stage${Panel && panel.isShown ? ' shows-panel' : ''}`} aria-label="Cluster">
        <div className="canvas-wrap">
          <Canvas />
        </div>
        {Panel && panel.isShown && (
          <section className="protocol-panel" aria-labelledby="presenter-panel-title">
            <h2 id="presenter-panel-title">{panelTitle}</h2>
            <Panel />
          </section>
        )}
      </main>
    </div>
  );
}
