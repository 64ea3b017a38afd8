import '../styles/lecture.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Layout } from '../../app/player';
import { useStoreApi } from '../../app/useStore';
import { App } from '../App';
import { CompareView } from '../compare/CompareView';
import { usePartner } from '../compare/usePartner';
import { EmbedPlayer, PresenterView } from '../lazy';
import { handleShortcut } from '../shortcuts';
import { KeyboardHelp } from './KeyboardHelp';
import { type LectureApi, LectureContext } from './LectureContext';

/**
 * The page: the workbench, presenter mode or the embedded player, with the keyboard shortcuts and
 * their help. The keys listen on this document's window only, so a player in an iframe acts on keys
 * only once the viewer has clicked into it.
 */
export function Shell({ initialLayout, problems = [] }: { initialLayout: Layout; problems?: readonly string[] }) {
  const store = useStoreApi();
  const [isPresenting, setPresenting] = useState(initialLayout === 'presenter');
  const [isHelpOpen, setHelpOpen] = useState(false);
  const layout: Layout = initialLayout === 'embed' ? 'embed' : isPresenting ? 'presenter' : 'workbench';
  const partner = usePartner();

  const api: LectureApi = useMemo(
    () => ({
      layout,
      setPresenting: layout === 'embed' ? null : setPresenting,
      openHelp: () => setHelpOpen(true),
    }),
    [layout],
  );

  const previousLayout = useRef(layout);
  useEffect(() => {
    if (layout !== 'embed') syncPresentParam(layout === 'presenter');
    // Leaving presenter mode, focus goes back to the button that entered it, not to the page.
    if (previousLayout.current === 'presenter' && layout === 'workbench') {
      document.querySelector<HTMLButtonElement>('.presenter-button')?.focus();
    }
    previousLayout.current = layout;
  }, [layout]);

  useEffect(() => {
    const context = {
      isLecture: layout !== 'workbench',
      isPresenting: layout === 'presenter',
      setPresenting: api.setPresenting,
      openHelp: api.openHelp,
    };
    const onKey = (event: KeyboardEvent) => handleShortcut(store, event, context);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, layout, api]);

  return (
    <LectureContext.Provider value={api}>
      {layout === 'embed' && <EmbedPlayer problems={problems} />}
      {/* Two runs side by side are their own view, in the workbench and in presenter mode alike. */}
      {layout !== 'embed' && partner && <CompareView side={partner} problems={problems} />}
      {layout === 'presenter' && !partner && <PresenterView />}
      {layout === 'workbench' && !partner && <App problems={problems} />}
      <KeyboardHelp isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </LectureContext.Provider>
  );
}

/** Keeps `?present` in the address, so a reload (or a copied address) stays in presenter mode. */
function syncPresentParam(isPresenting: boolean): void {
  const url = new URL(window.location.href);
  if (url.searchParams.has('present') === isPresenting) return;
  if (isPresenting) url.searchParams.set('present', '');
  else url.searchParams.delete('present');
  const search = url.searchParams.toString().replace(/=(&|$)/g, '$1');
  history.replaceState(history.state, '', `${url.pathname}${search ? `?${search}` : ''}${url.hash}`);
}
