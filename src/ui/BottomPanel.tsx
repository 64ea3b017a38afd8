import { type ReactNode, useRef, useState } from 'react';
import './styles/bottom.css';
import { useStore } from '../app/useStore';
import type { TraceRecord } from '../engine/types';
import { DEFAULT_DIAGRAM_VIEW, type DiagramView } from './diagram/view';
import { OpenHistoryButton } from './history/OpenHistoryButton';
import type { OpenedHistory } from './history/opened';
import { useOpenWhenAsked, useProtocolUi } from './hooks';
import { DiagramPanel, HistoryPanel } from './lazy';
import { Tabs } from './Tabs';
import { SIDE_BY_SIDE, useMedia } from './useMedia';

/**
 * Whether the run so far has a client operation (an `invoke` record): scanned once per record, from where the
 * last look stopped, so playing costs nothing more per frame.
 */
function useRunHasHistory(): boolean {
  const seen = useRef<{ records: readonly TraceRecord[] | null; upTo: number; found: boolean }>({
    records: null,
    upTo: 0,
    found: false,
  });
  return useStore((s) => {
    const { records, length } = s.frame.trace;
    const memo = seen.current;
    if (memo.records !== records || length < memo.upTo) seen.current = { records, upTo: 0, found: false };
    const at = seen.current;
    for (; !at.found && at.upTo < length; at.upTo++) if (records[at.upTo]?.kind === 'invoke') at.found = true;
    return at.found;
  });
}

/**
 * Under the timeline: the protocol's own panel (Raft: the logs) and the space-time diagram. On a wide
 * screen both show side by side; otherwise they are two tabs. When the run has a client history, or the
 * user opened a history file, the History panel joins them as a tab.
 */
export function BottomPanel() {
  const hasRunHistory = useRunHasHistory();
  const [opened, setOpened] = useState<OpenedHistory | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const { Panel, panelTitle = 'Protocol' } = useProtocolUi();
  const isWide = useMedia(SIDE_BY_SIDE);
  const [tab, setTab] = useState('protocol');
  // A pause point that says "look at the logs" brings its tab to the front.
  useOpenWhenAsked('panel', () => setTab('protocol'));
  useOpenWhenAsked('diagram', () => setTab('diagram'));
  const [view, setView] = useState<DiagramView>(DEFAULT_DIAGRAM_VIEW);
  const diagram = (heading?: ReactNode) => <DiagramPanel view={view} onViewChange={setView} heading={heading} />;

  const showsHistory = hasRunHistory || opened !== null;
  const openHistory = (next: OpenedHistory) => {
    setOpenError(null);
    setOpened(next);
    setTab('history');
  };
  const history = (
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
  );

  // Before there is a history to show, the way to open one sits under the diagram.
  const openButton = (
    <div className="history-open">
      <OpenHistoryButton onOpened={openHistory} onError={setOpenError} />
      {openError !== null && <p role="alert">{openError}</p>}
    </div>
  );

  if (!showsHistory && (!Panel || isWide)) {
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
          {openButton}
        </section>
      </div>
    );
  }
  // Without a protocol panel, or once a history file is closed, the tab asked for may not be there.
  const active = (tab === 'protocol' && !Panel) || (tab === 'history' && !showsHistory) ? 'diagram' : tab;
  return (
    <div className={`bottom-panel is-tabbed${active !== 'protocol' ? ' shows-diagram' : ''}`}>
      <Tabs
        label="Below the timeline"
        active={active}
        onChange={setTab}
        tabs={[
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
          ...(showsHistory ? [{ id: 'history', label: 'History', content: history }] : []),
        ]}
      />
    </div>
  );
}
