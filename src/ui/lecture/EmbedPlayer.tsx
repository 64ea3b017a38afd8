import { useMemo } from 'react';
import { embedOptions } from '../../app/embed';
import { startLink } from '../../app/player';
import { nodeIdsOf } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import { ClusterLoading } from '../ClusterLoading';
import { Canvas } from '../canvas/Canvas';
import { CompareSides } from '../compare/CompareSides';
import { usePartner } from '../compare/usePartner';
import { useProtocolUi } from '../hooks';
import { SpaceTimeDiagram } from '../lazy';
import { AlertBanner } from '../panels/AlertBanner';
import { CaptionBar } from '../panels/CaptionBar';
import { InvariantsPanel } from '../panels/InvariantsPanel';
import { Scrubber } from '../timeline/Scrubber';
import { AutoplayCountdown } from './AutoplayCountdown';
import { LectureControls } from './LectureControls';

/**
 * The player for an iframe in a slide deck (`?embed`): the cluster first, the caption band, a few
 * controls and a link to the full app; the other panels only when the address asks for them. It never
 * takes the keyboard focus by itself: the slide keeps it until the viewer clicks into the player.
 */
export function EmbedPlayer({ problems = [] }: { problems?: readonly string[] }) {
  const { panels, autoplay } = useMemo(() => embedOptions(window.location.search), []);
  const title = useStore((s) => s.scenario.title);
  const partner = usePartner();
  // Two runs side by side bring their own verdicts and captions: the single run's panels stay out.
  const extras = partner ? [] : (['invariants', 'logs', 'diagram'] as const).filter((p) => panels.has(p));
  return (
    <div className="player">
      <h1 className="sr-only">{title ? `netsplit: ${title}` : 'netsplit'}</h1>
      {!partner && <AlertBanner />}
      {!partner && panels.has('caption') && <CaptionBar />}
      {autoplay && <AutoplayCountdown />}
      <main className="player-stage" aria-label={partner ? 'Two runs on one timeline' : 'Cluster'}>
        {partner ? (
          <CompareSides side={partner} isPlayer hasCaption={panels.has('caption')} />
        ) : (
          <div className="canvas-wrap">
            <Canvas />
            <ClusterLoading />
          </div>
        )}
        {extras.length > 0 && (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
          <section className="player-panels" aria-label="Panels" tabIndex={0}>
            {extras.includes('invariants') && (
              <section aria-label="Safety rules" className="player-panel">
                <InvariantsPanel />
              </section>
            )}
            {extras.includes('logs') && <ProtocolPanel />}
            {extras.includes('diagram') && <EmbedDiagram />}
          </section>
        )}
      </main>
      {panels.has('timeline') && (
        <div className="player-timeline">
          <Scrubber />
        </div>
      )}
      {problems.length > 0 && (
        <p className="player-problems" role="status">
          {problems.join(' ')}
        </p>
      )}
      {panels.has('controls') ? (
        <LectureControls label="Player controls">
          <OpenLink />
        </LectureControls>
      ) : (
        <div className="player-open-corner">
          <OpenLink />
        </div>
      )}
    </div>
  );
}

/** The full app on this run from its start, in a new tab (the slide stays where it is). */
function OpenLink() {
  const store = useStoreApi();
  const key = useStore(() => store.runKey());
  // biome-ignore lint/correctness/useExhaustiveDependencies: the link changes when the run does (its key).
  const href = useMemo(() => startLink(store, window.location.href), [store, key]);
  return (
    <a className="player-open" href={href} target="_blank" rel="noopener">
      Open<span className="player-open-words"> in netsplit</span>
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

function ProtocolPanel() {
  const { Panel, panelTitle = 'Protocol' } = useProtocolUi();
  if (!Panel) return null;
  return (
    <section aria-label={panelTitle} className="player-panel protocol-panel">
      <Panel />
    </section>
  );
}

function EmbedDiagram() {
  const store = useStoreApi();
  const trace = useStore((s) => s.frame.trace);
  const describeMessage = useStore((s) => s.frame.protocol.describeMessage);
  const now = useStore((s) => s.now);
  const nodeIds = useStore((s) => nodeIdsOf(s.scenario));
  return (
    <section aria-label="Space-time diagram" className="player-panel player-diagram">
      <SpaceTimeDiagram
        trace={trace.records}
        traceLength={trace.length}
        now={now}
        nodeIds={nodeIds}
        describeMessage={describeMessage}
        traceKey={trace}
        onSeek={(t) => store.seek(t)}
        label="Space-time diagram"
      />
    </section>
  );
}
