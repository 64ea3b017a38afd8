import '@xyflow/react/dist/style.css';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/canvas.css';
import './ui/styles/sidebar.css';
import './ui/styles/timeline.css';
import { MotionConfig } from 'motion/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseStart, startAutosave } from './app/session';
import { Store } from './app/store';
import { installTestHook } from './app/testHook';
import { StoreContext, useClock } from './app/useStore';
import { startWholeRun } from './app/wholeRunClient';
import { App } from './ui/App';

const storage = browserStorage();
const start = chooseStart(window.location, storage);
const store = new Store(start.scenario, { presetId: start.presetId, speed: start.speed, playing: start.playing });
if (start.nowMs > 0) store.seek(start.nowMs);
if (start.message) store.report(start.message);
// The link has been read: a reload now restores the autosave, with whatever the user did since.
if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
installTestHook(store);
if (storage) startAutosave(store, storage, window);
startWholeRun(store);
const options = start;

function Root() {
  useClock(store);
  return (
    <StoreContext.Provider value={store}>
      <MotionConfig reducedMotion="user">
        <App problems={options.problems} />
      </MotionConfig>
    </StoreContext.Provider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
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
