import type { Store } from '../app/store';
import { SPEEDS } from './speed';

/** Keyboard shortcuts, listed in the Run tab and the README. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space', 'play or pause'],
  ['N', 'step to the next event'],
  ['← / →', 'step back / forward one event (on the page or the timeline)'],
  ['Shift + ← / →', 'previous / next marker on the timeline'],
  ['Home / End', 'on the timeline: the start / the end of the run'],
  ['Page Up / Down', 'on the timeline: one second back / forward'],
  ['+ / −', 'faster / slower'],
  ['H', 'heal every partition and cut link'],
  ['Esc', 'close a menu, clear the selection'],
  ['Tab', "reach every control, server and link; a server's ⋯ button opens its menu"],
  ['Enter on a link', 'open its menu in the Inspect tab'],
];

function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest('input, select, textarea, button, a, [contenteditable], [role="menuitem"], [role="tab"]') !== null
  );
}

export function handleShortcut(store: Store, event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Escape') {
    store.openMenu(null);
    store.select(null);
    return;
  }
  if (isInteractive(event.target)) return;
  const state = store.getState();
  const i = SPEEDS.findIndex((s) => s >= state.speed);
  switch (event.key) {
    case ' ':
      event.preventDefault();
      store.togglePlay();
      return;
    case 'n':
    case 'N':
      store.stepEvent();
      return;
    case '+':
    case '=':
      store.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i < 0 ? SPEEDS.length - 1 : i + 1)] ?? state.speed);
      return;
    case '-':
      store.setSpeed(SPEEDS[Math.max(0, (i < 0 ? SPEEDS.length : i) - 1)] ?? state.speed);
      return;
    case 'ArrowLeft':
    case 'ArrowRight': {
      // Only when nothing else owns the arrows (a focused server, link or control keeps them).
      if (event.target instanceof Element && event.target !== document.body) return;
      event.preventDefault();
      const direction = event.key === 'ArrowLeft' ? -1 : 1;
      if (event.shiftKey) store.seekMarker(direction);
      else if (direction < 0) store.stepBack();
      else store.stepForward();
      return;
    }
    case 'h':
    case 'H':
      store.act({ type: 'heal' });
      return;
    default:
  }
}
