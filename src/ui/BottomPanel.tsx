import { type ReactNode, useState } from 'react';
import './styles/bottom.css';
import { DEFAULT_DIAGRAM_VIEW, type DiagramView } from './diagram/view';
import { OpenHistoryButton } from './history/OpenHistoryButton';
import type { OpenedHistory } from './history/opened';
import { useRunHasHistory } from './history/useRunHasHistory';
import { useOpenWhenAsked, useProtocolUi } from './hooks';
import { DiagramPanel, HistoryPanel, PlotsPanel } from './lazy';
import { type Tab, Tabs } from './Tabs';
import { SIDE_BY_SIDE, useMedia } from './useMedia';

/**
 * Under the timeline: the protocol's own panel (Raft: the logs), the space-time diagram, the Plots (the
 * protocol's series, if it declares any, and Experiments, for every protocol), and the History when the run has client operations or the user opened a history
 * file. On a wide screen without a history the protocol's panel shows beside the others; otherwise all are tabs.
 */
export function BottomPanel() {
  const hasRunHistory = useRunHasHistory();
  const [opened, setOpened] = useState<OpenedHistory | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const { Panel, panelTitle = 'Protocol' } = useProtocolUi();
  const isWide = useMedia(SIDE_BY_SIDE);
  const [tab, setTab] = useState('protocol');
  const [sideTab, setSideTab] = useState('diagram');
  // A pause point that says "look at the logs" brings its tab to the front.
  useOpenWhenAsked('panel', () => setTab('protocol'));
  useOpenWhenAsked('diagram', () => {
    setTab('diagram');
    setSideTab('diagram');
  });
  const [view, setView] = useState<DiagramView>(DEFAULT_DIAGRAM_VIEW);
  const diagram = (heading?: ReactNode) => <DiagramPanel view={view} onViewChange={setView} heading={heading} />;
  const plots: Tab = {
    id: 'plots',
    label: 'Plots',
    content: (
      <section className="plots-section" aria-label="Plots">
        <PlotsPanel />
      </section>
    ),
  };

  const showsHistory = hasRunHistory || opened !== null;
  const openHistory = (next: OpenedHistory) => {
    setOpenError(null);
    setOpened(next);
    setTab('history');
  };
  const history: Tab = {
    id: 'history',
    label: 'History',
    content: (
      <section className="history-section" aria-label="History">
        <HistoryPanel
          opened={opened}
          onOpened={openHistory}
          onClose={() => {
            setOpened(null);
            setTab('diagram');
          }}
        />
      </section>
    ),
  };
  // Before there is a history to show, the way to open one sits under the diagram.
  const openButton = (
    <div className="history-open">
      <OpenHistoryButton onOpened={openHistory} onError={setOpenError} />
      {openError !== null && <p role="alert">{openError}</p>}
    </div>
  );

  if (!showsHistory && (!Panel || isWide)) {
    return (
      <div className={`bottom-panel${Panel ? ' is-split' : ''}${sideTab === 'plots' ? ' shows-plots' : ''}`}>
        {Panel && (
          <section className="protocol-panel" aria-labelledby="protocol-panel-title">
            <h2 id="protocol-panel-title">{panelTitle}</h2>
            <Panel />
          </section>
        )}
        <div className="diagram-section has-tabs">
          <Tabs
            label="Beside the protocol panel"
            active={sideTab}
            onChange={setSideTab}
            tabs={[
              // The heading stays in the diagram's row of tools, as without plots (the tools never cover it).
              {
                id: 'diagram',
                label: 'Space-time diagram',
                content: (
                  <>
                    {diagram(<h2 id="diagram-title">Space-time diagram</h2>)}
                    {openButton}
                  </>
                ),
              },
              plots,
            ]}
          />
        </div>
      </div>
    );
  }
  const tabs: Tab[] = [
    ...(Panel
      ? [
          {
            id: 'protocol',
            label: panelTitle,
            content: (
              <section className="protocol-panel" aria-label={panelTitle}>
                <Panel />
              </section>
            ),
          },
        ]
      : []),
    {
      id: 'diagram',
      label: 'Space-time diagram',
      content: (
        <>
          {diagram()}
          {!showsHistory && openButton}
        </>
      ),
    },
    plots,
    ...(showsHistory ? [history] : []),
  ];
  // A tab asked for may not be there (no protocol panel, no plots, a history file closed).
  const active = tabs.some((t) => t.id === tab) ? tab : (tabs[0]?.id ?? 'diagram');
  const shows =
    active === 'diagram' || active === 'history' ? ' shows-diagram' : active === 'plots' ? ' shows-plots' : '';
  return (
    <div className={`bottom-panel is-tabbed${shows}`}>
      <Tabs label="Below the timeline" active={active} onChange={setTab} tabs={tabs} />
    </div>
  );
}
