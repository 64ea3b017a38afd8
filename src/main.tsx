import '@xyflow/react/dist/style.css';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/canvas.css';
import './ui/styles/sidebar.css';
import './ui/styles/timeline.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PairStore } from './app/compare/compare';
import { hasSharedPartner, partnerSource } from './app/compare/links';
import { loadPartner, openComparisonLink } from './app/compare/open';
import { embedOptions } from './app/embed';
import { layoutFrom, playerStart, startPlayer } from './app/player';
import { chooseStart, openLinkInTab, startAutosave } from './app/session';
import { hasSharedScenario } from './app/share';
import { installTestHook } from './app/testHook';
import { StoreContext, useClock } from './app/useStore';
import { startWholeRun } from './app/wholeRunClient';
import { DEFAULT_PRESET, descriptor, getPreset } from './protocols';
import { LoadingNote } from './ui/ClusterLoading';
import { Shell } from './ui/lecture/Shell';
import { prepareProtocol } from './ui/open';

const embed = embedOptions(window.location.search);
const layout = layoutFrom(window.location.search, embed);
// An embedded player shows what its address names: it neither reads nor overwrites the run this
// browser saved for the workbench.
const storage = layout === 'embed' ? null : browserStorage();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);
// While the first run's protocol loads, a quiet word where the cluster will be (late, so a quick load
// shows nothing). The protocol it most likely is: the one ?preset= names, else the default's.
const likely = getPreset(new URLSearchParams(window.location.search).get('preset') ?? '') ?? getPreset(DEFAULT_PRESET);
root.render(
  <div className="app-loading">
    <LoadingNote title={descriptor(likely?.protocol ?? '')?.title ?? 'the scenario'} />
  </div>,
);

const start = await chooseStart(window.location, storage)
  .then(async (chosen) => {
    await prepareProtocol(chosen.scenario.protocol);
    return chosen;
  })
  .catch((error: unknown) => {
    // Only the network gets here (the code of the shipped default could not be fetched).
    root.render(
      <div className="app-loading">
        <p role="alert">netsplit could not load its first scenario ({String(error)}). Reload the page to try again.</p>
      </div>,
    );
    throw error;
  });
// `?compare=` or a link's `c=`: a second run beside the first, on one timeline (app/compare/links.ts).
const isPreset = (id: string) => getPreset(id) !== undefined;
const second = await loadPartner(partnerSource(window.location, isPreset));
if (second.partner) await prepareProtocol(second.partner.scenario.protocol).catch(() => {});
const player = layout === 'embed' ? playerStart(embed, start) : null;
const store = new PairStore(start.scenario, {
  presetId: start.presetId,
  speed: start.speed,
  layout: start.layout,
  // At most 12 ms of engine work a frame, so the page answers a click within a frame or two.
  frameWork: { maxMs: 12, clock: () => performance.now() },
  playing: player ? player.isPlaying && player.nowMs === 0 : start.playing,
});
if (second.partner) store.compareWith(second.partner.scenario, second.partner.presetId);
if (player) startPlayer(store, player.nowMs, player.isPlaying);
else if (start.branches) store.restoreBranches(start.branches, start.nowMs);
else if (start.nowMs > 0) store.seek(start.nowMs);
if (start.message) store.report(start.message);
// The link has been read: a reload now restores the autosave, with whatever the user did since.
const forgetLink = () => history.replaceState(null, '', window.location.pathname + window.location.search);
if (window.location.hash) forgetLink();
// A link pasted into this open tab changes only the fragment, so the page does not load again: open it
// here, with the same checks and messages. (A changed ?preset= makes the browser load the page anew.)
window.addEventListener('hashchange', () => {
  const { hash } = window.location;
  if (!hasSharedScenario(hash)) return;
  // Opened or refused (the message says why), the link has been read: forget it, so pasting it again opens it again.
  const opening = hasSharedPartner(hash)
    ? openComparisonLink(store, hash, prepareProtocol)
    : openLinkInTab(store, hash, prepareProtocol);
  void opening.finally(forgetLink);
});
installTestHook(store, prepareProtocol);
if (storage) startAutosave(store, storage, window);
startWholeRun(store);
const problems = [...(player ? player.problems : start.problems), ...(second.problem ? [second.problem] : [])];

function Root() {
  useClock(store);
  return (
    <StoreContext.Provider value={store}>
      <Shell initialLayout={layout} problems={problems} />
    </StoreContext.Provider>
  );
}

root.render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

/** localStorage, or nothing when the browser refuses it (private mode, disabled storage). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
