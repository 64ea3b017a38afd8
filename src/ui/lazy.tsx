import { type ComponentProps, lazy, Suspense } from 'react';

/**
 * The parts of the page the first screen does not show, each a chunk of its own that loads when it is
 * first shown (DESIGN.md, "Performance budget": the first screen ships only the shell and the default
 * protocol). Their fallback is nothing: a tab or a panel fills a moment later, never a spinner.
 */

const LazyDiagramPanel = lazy(() => import('./diagram/DiagramPanel').then((m) => ({ default: m.DiagramPanel })));
const LazySpaceTimeDiagram = lazy(() =>
  import('./diagram/SpaceTimeDiagram').then((m) => ({ default: m.SpaceTimeDiagram })),
);
const LazyPlotsPanel = lazy(() => import('./plots/PlotsPanel').then((m) => ({ default: m.PlotsPanel })));
const LazyScriptPanel = lazy(() => import('./authoring/ScriptPanel').then((m) => ({ default: m.ScriptPanel })));
const LazySharePanel = lazy(() => import('./panels/SharePanel').then((m) => ({ default: m.SharePanel })));
const LazySearchPanel = lazy(() => import('./panels/SearchPanel').then((m) => ({ default: m.SearchPanel })));
const LazyPicturesPanel = lazy(() => import('./panels/PicturesPanel').then((m) => ({ default: m.PicturesPanel })));
const LazyHistoryPanel = lazy(() => import('./history/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const LazyPresenterView = lazy(() => import('./lecture/PresenterView').then((m) => ({ default: m.PresenterView })));
const LazyEmbedPlayer = lazy(() => import('./lecture/EmbedPlayer').then((m) => ({ default: m.EmbedPlayer })));

export function DiagramPanel(props: ComponentProps<typeof LazyDiagramPanel>) {
  return (
    <Suspense fallback={null}>
      <LazyDiagramPanel {...props} />
    </Suspense>
  );
}

export function SpaceTimeDiagram(props: ComponentProps<typeof LazySpaceTimeDiagram>) {
  return (
    <Suspense fallback={null}>
      <LazySpaceTimeDiagram {...props} />
    </Suspense>
  );
}

export function PlotsPanel() {
  return (
    <Suspense fallback={null}>
      <LazyPlotsPanel />
    </Suspense>
  );
}

export function ScriptPanel() {
  return (
    <Suspense fallback={null}>
      <LazyScriptPanel />
    </Suspense>
  );
}

export function SharePanel() {
  return (
    <Suspense fallback={null}>
      <LazySharePanel />
    </Suspense>
  );
}

export function SearchPanel() {
  return (
    <Suspense fallback={null}>
      <LazySearchPanel />
    </Suspense>
  );
}

export function PicturesPanel() {
  return (
    <Suspense fallback={null}>
      <LazyPicturesPanel />
    </Suspense>
  );
}

export function PresenterView(props: ComponentProps<typeof LazyPresenterView>) {
  return (
    <Suspense fallback={null}>
      <LazyPresenterView {...props} />
    </Suspense>
  );
}

export function EmbedPlayer(props: ComponentProps<typeof LazyEmbedPlayer>) {
  return (
    <Suspense fallback={null}>
      <LazyEmbedPlayer {...props} />
    </Suspense>
  );
}

export function HistoryPanel(props: ComponentProps<typeof LazyHistoryPanel>) {
  return (
    <Suspense fallback={null}>
      <LazyHistoryPanel {...props} />
    </Suspense>
  );
}
