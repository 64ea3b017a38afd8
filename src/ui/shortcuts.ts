import { goToNextPause, goToPreviousPause } from '../app/pauseNav';
import type { Store } from '../app/store';
import { SPEEDS } from './speed';

export interface ShortcutGroup {
  readonly title: string;
  readonly keys: readonly (readonly [key: string, what: string])[];
}

/**
 * Every keyboard shortcut, grouped: the one list behind the keyboard help (`?`), the Run tab and the
 * README (a unit test checks the README against it).
 */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Playback',
    keys: [
      ['Space', 'play or pause; a stopped run plays on to the next pause point'],
      ['N', 'step to the next event'],
      ['+ / −', 'faster / slower'],
    ],
  },
  {
    title: 'Time travel',
    keys: [
      [
        '← / →',
        'step back / forward one event (in presenter mode and the embedded player: previous / next pause point)',
      ],
      ['Shift + ← / →', 'previous / next marker on the timeline'],
      ['Home / End', 'on the timeline: the start / the end of the run'],
      ['Page Up / Down on the focused timeline', 'one second back / forward'],
    ],
  },
  {
    title: 'Lecture',
    keys: [
      ['Page Up / Down', 'previous / next pause point, like ← / → in lecture use (what presentation clickers send)'],
      ['P', 'presenter mode on / off'],
      ['Esc', 'leave presenter mode (after closing any menu)'],
      ['?', 'this list of keys (Esc closes it)'],
    ],
  },
  {
    title: 'Faults',
    keys: [['H', 'heal every partition and cut link']],
  },
  {
    title: 'Canvas',
    keys: [
      ['Esc', 'close a menu, clear the selection'],
      ['Tab', "reach every control, server and link; a server's ⋯ button opens its menu"],
      ['Enter on a link', 'open its menu in the Inspect tab'],
    ],
  },
];

/** What the keys act on besides the run: the layout and the help. */
export interface ShortcutContext {
  /** Presenter mode or the embedded player: the arrows move between pause points. */
  readonly isLecture: boolean;
  readonly isPresenting: boolean;
  /** Null where presenter mode is not offered (the embedded player). */
  readonly setPresenting: ((isPresenting: boolean) => void) | null;
  readonly openHelp: () => void;
}

const noContext: ShortcutContext = { isLecture: false, isPresenting: false, setPresenting: null, openHelp: () => {} };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, select, textarea, [contenteditable]') !== null;
}

const OWN_KEYS = new Set([' ', 'Enter', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest('input, select, textarea, button, a, [contenteditable], [role="menuitem"], [role="tab"]') !== null
  );
}

/** A key that means "next" or "previous" pause point here, if any. */
function pauseDirection(event: KeyboardEvent, context: ShortcutContext): 1 | -1 | null {
  if (event.key === 'PageDown') return 1;
  if (event.key === 'PageUp') return -1;
  if (!context.isLecture || event.shiftKey) return null;
  if (event.key === 'ArrowRight') return 1;
  if (event.key === 'ArrowLeft') return -1;
  return null;
}

export function handleShortcut(store: Store, event: KeyboardEvent, context: ShortcutContext = noContext): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  // An open dialog (the library, the keyboard help) owns its keys; Esc closes it natively.
  if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
  if (event.key === 'Escape') {
    const { menuFor, selection } = store.getState();
    if (context.isPresenting && menuFor === null && selection === null) context.setPresenting?.(false);
    store.openMenu(null);
    store.select(null);
    return;
  }
  if (isTyping(event.target)) return;
  if (event.key === '?') {
    event.preventDefault();
    context.openHelp();
    return;
  }
  if ((event.key === 'p' || event.key === 'P') && context.setPresenting) {
    context.setPresenting(!context.isPresenting);
    return;
  }
  // A clicker's keys reach the run even from a focused button; what owns the arrows keeps them.
  const direction = pauseDirection(event, context);
  if (direction !== null && !(event.key.startsWith('Arrow') && ownsArrows(event.target))) {
    event.preventDefault();
    if (direction > 0) goToNextPause(store);
    else goToPreviousPause(store);
    return;
  }
  // A focused control keeps the keys it acts on itself (Space, Enter, arrows, Home, End); letter keys
  // still reach the run, so N steps right after a click on Play.
  if (isInteractive(event.target) && OWN_KEYS.has(event.key)) return;
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

/** A menu, a tab list, a slider, or a server or link on the canvas (React Flow moves it with the arrows). */
function ownsArrows(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('[role="menuitem"], [role="tab"], [role="slider"], .react-flow__node, .react-flow__edge') !== null
  );
}
