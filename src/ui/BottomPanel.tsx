import { type ReactNode, useState } from 'react';
import './styles/bottom.css';
import { DEFAULT_DIAGRAM_VIEW, type DiagramView } from './diagram/view';
import { useOpenWhenAsked, useProtocolUi } from './hooks';
import { DiagramPanel } from './lazy';
import { Tabs } from './Tabs';
import { SIDE_BY_SIDE, useMedia } from './useMedia';

/**
 * Under the timeline: the protocol's own panel (Raft: the logs) and the space-time diagram. On a wide
 * screen both show side by side; otherwise they are two tabs.
 */
export function BottomPanel() {
  const { Panel, panelTitle = 'Protocol' } = useProtocolUi();
  const isWide = useMedia(SIDE_BY_SIDE);
  const [tab, setTab] = useState('protocol');
  // A pause point that says "look at the logs" brings its tab to the front.
  useOpenWhenAsked('panel', () => setTab('protocol'));
  useOpenWhenAsked('diagram', () => setTab('diagram'));
  const [view, setView] = useState<DiagramView>(DEFAULT_DIAGRAM_VIEW);
  const diagram = (heading?: ReactNode) => <DiagramPanel view={view} onViewChange={setView} heading={heading} />;

  if (!Panel || isWide) {
    return (
      <div className={`bottom-panel${Panel ? ' is-split' : ''}`}>
        {Panel && (
          <section className="protocol-panel" aria-labelledby="protocol-panel-title">
            <h2 id="protocol-panel-title">{panelTitle}</h2>
            <Panel />
          </section>
        )}
        <section className="diagram-section" aria-labelledby="diagram-title">
          {diagram(<h2 id="diagram-title">Space-time diagram</h2>)}
        </section>
      </div>
    );
  }
  return (
    <div className={`bottom-panel is-tabbed${tab === 'diagram' ? ' shows-diagram' : ''}`}>
      <Tabs
        label="Below the timeline"
        active={tab}
        onChange={setTab}
        tabs={[
          {
            id: 'protocol',
            label: panelTitle,
            content: (
              <section className="protocol-panel" aria-label={panelTitle}>
                <Panel />
              </section>
            ),
          },
          { id: 'diagram', label: 'Space-time diagram', content: diagram() },
        ]}
      />
    </div>
  );
}
