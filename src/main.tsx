import '@xyflow/react/dist/style.css';
import './ui/styles/base.css';
import './ui/styles/layout.css';
import './ui/styles/canvas.css';
import './ui/styles/sidebar.css';
import { MotionConfig } from 'motion/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { presetScenario } from './app/scenarios';
import { Store } from './app/store';
import { installTestHook } from './app/testHook';
import { startOptions } from './app/url';
import { StoreContext, useClock } from './app/useStore';
import { App } from './ui/App';

const options = startOptions(window.location.search);
const store = new Store(presetScenario(options.presetId), {
  presetId: options.presetId,
  speed: options.speed,
  playing: options.playing,
});
installTestHook(store);

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
