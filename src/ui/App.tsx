import { type KeyboardEvent, useEffect, useState } from 'react';
import { useStore, useStoreApi } from '../app/useStore';
import { BottomPanel } from './BottomPanel';
import { ClusterLoading } from './ClusterLoading';
import { Canvas } from './canvas/Canvas';
import { FileDrop } from './FileDrop';
import { useProtocolUi } from './hooks';
import { PicturesPanel, ScriptPanel, SearchPanel, SharePanel } from './lazy';
import { PresenterButton } from './lecture/PresenterButton';
import { LibraryButton } from './library/LibraryDialog';
import { AlertBanner } from './panels/AlertBanner';
import { CaptionBar } from './panels/CaptionBar';
import { ControlBar } from './panels/ControlBar';
import { FaultsPanel } from './panels/FaultsPanel';
import { Inspector } from './panels/Inspector';
import { InvariantsPanel } from './panels/InvariantsPanel';
import { MessageBar } from './panels/MessageBar';
import { RunSetup } from './panels/RunSetup';
import { RunTitle } from './panels/RunTitle';
import { ShortcutList } from './panels/ShortcutList';
import { SheetButton, SheetHead, sheetDomId, useSheets } from './sheets';
import { Tabs } from './Tabs';
import { Timeline } from './timeline/Timeline';
import { COMPACT, PHONE, useMedia } from './useMedia';
// After every component's own styles: the screen classes adjust them.
import './styles/tablet.css';
import './styles/laptop.css';
import './styles/phone.css';

/**
 * The workbench: controls on top, the cluster in the middle, the protocol's panel below, tools beside.
 * Below 1100 px the tools open as a sheet; on a phone the controls sit in a bottom bar and the panel
 * under the timeline is a sheet too, so the cluster keeps the screen.
 */
export function App({ problems = [] }: { problems?: readonly string[] }) {
  const store = useStoreApi();
  const description = useStore((s) => s.scenario.description);
  const selection = useStore((s) => s.selection);
  const { panelTitle = 'Protocol' } = useProtocolUi();
  const [tab, setTab] = useState('inspect');
  const isPhone = useMedia(PHONE);
  const isCompact = useMedia(COMPACT);
  const sheets = useSheets(isCompact);
  const panelsLabel = `${panelTitle} & diagram`;

  useEffect(() => {
    if (selection) setTab('inspect');
  }, [selection]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    sheets.close();
  };

  return (
    <div className={`app${sheets.shown ? ` shows-${sheets.shown}` : ''}`}>
      <FileDrop store={store} />
      <header className="topbar">
        <h1 className="brand">netsplit</h1>
        <RunTitle />
        <LibraryButton />
        <PresenterButton />
        {isCompact && !isPhone && (
          <SheetButton sheet="tools" label="Tools" shown={sheets.shown} onToggle={sheets.toggle} />
        )}
        {!isPhone && <ControlBar />}
      </header>
      <AlertBanner />
      <MessageBar />
      {problems.length > 0 && (
        <p className="notice-line" role="status">
          {problems.join(' ')}
        </p>
      )}
      {/* Over the whole width: a caption of two lines beside the tools is one line here. */}
      <CaptionBar />
      <main className="workspace">
        <section className="stage" aria-label="Cluster">
          <div className="canvas-wrap">
            <Canvas />
            <ClusterLoading />
          </div>
          <Timeline />
          {!isPhone && <BottomPanel />}
        </section>
        {isPhone && (
          <section
            id={sheetDomId('panels')}
            className="sheet panels-sheet"
            aria-label={panelsLabel}
            hidden={sheets.shown !== 'panels'}
            onKeyDown={closeOnEscape}
          >
            <SheetHead title={panelsLabel} onClose={sheets.close} />
            <BottomPanel />
          </section>
        )}
        <aside
          id={sheetDomId('tools')}
          className={`sidebar${isCompact ? ' sheet tools-sheet' : ''}`}
          aria-label="Tools"
          hidden={isCompact && sheets.shown !== 'tools'}
          onKeyDown={isCompact ? closeOnEscape : undefined}
        >
          {isCompact && <SheetHead title="Tools" onClose={sheets.close} />}
          <section aria-labelledby="safety-title" className="safety">
            <h2 id="safety-title">Safety rules</h2>
            <InvariantsPanel />
          </section>
          <Tabs
            label="Tools"
            active={tab}
            onChange={setTab}
            tabs={[
              { id: 'inspect', label: 'Inspect', content: <Inspector /> },
              { id: 'faults', label: 'Faults', content: <FaultsPanel /> },
              { id: 'script', label: 'Script', content: <ScriptPanel /> },
              {
                id: 'run',
                label: 'Run',
                content: (
                  <>
                    <RunSetup />
                    {description && <p className="description">{description}</p>}
                    <SearchPanel />
                    <SharePanel />
                    <PicturesPanel />
                    <ShortcutList />
                  </>
                ),
              },
            ]}
          />
        </aside>
      </main>
      {isPhone && (
        <nav className="dock" aria-label="Playback and panels">
          <ControlBar />
          <div className="dock-sheets">
            <SheetButton sheet="tools" label="Tools" shown={sheets.shown} onToggle={sheets.toggle} />
            <SheetButton sheet="panels" label={panelsLabel} shown={sheets.shown} onToggle={sheets.toggle} />
          </div>
        </nav>
      )}
    </div>
  );
}
