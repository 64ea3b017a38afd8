import { useEffect, useState } from 'react';
import { useStore, useStoreApi } from '../app/useStore';
import { BottomPanel } from './BottomPanel';
import { ClusterLoading } from './ClusterLoading';
import { Canvas } from './canvas/Canvas';
import { FileDrop } from './FileDrop';
import { PicturesPanel, ScriptPanel, SharePanel } from './lazy';
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
import { Tabs } from './Tabs';
import { Timeline } from './timeline/Timeline';

/** The workbench: controls on top, the cluster in the middle, the protocol's panel below, tools beside. */
export function App({ problems = [] }: { problems?: readonly string[] }) {
  const store = useStoreApi();
  const description = useStore((s) => s.scenario.description);
  const selection = useStore((s) => s.selection);
  const [tab, setTab] = useState('inspect');

  useEffect(() => {
    if (selection) setTab('inspect');
  }, [selection]);

  return (
    <div className="app">
      <FileDrop store={store} />
      <header className="topbar">
        <h1 className="brand">netsplit</h1>
        <RunTitle />
        <LibraryButton />
        <PresenterButton />
        <ControlBar />
      </header>
      <AlertBanner />
      <MessageBar />
      {problems.length > 0 && (
        <p className="notice-line" role="status">
          {problems.join(' ')}
        </p>
      )}
      <main className="workspace">
        <section className="stage" aria-label="Cluster">
          <CaptionBar />
          <div className="canvas-wrap">
            <Canvas />
            <ClusterLoading />
          </div>
          <Timeline />
          <BottomPanel />
        </section>
        <aside className="sidebar" aria-label="Tools">
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
    </div>
  );
}
