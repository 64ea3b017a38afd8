// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { presetScenario } from '../app/scenarios';
import { Store } from '../app/store';
import { handleShortcut, SHORTCUT_GROUPS, type ShortcutContext } from './shortcuts';

const press = (store: Store, key: string, context: ShortcutContext, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, cancelable: true, ...init });
  document.body.dispatchEvent(event);
  Object.defineProperty(event, 'target', { value: document.body });
  handleShortcut(store, event, context);
};

const context = (over: Partial<ShortcutContext> = {}): ShortcutContext => ({
  isLecture: false,
  isPresenting: false,
  setPresenting: vi.fn(),
  openHelp: vi.fn(),
  ...over,
});

describe('keyboard shortcuts', () => {
  it('the README lists every shortcut of the keyboard help, in its words', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const group of SHORTCUT_GROUPS)
      for (const [key, what] of group.keys) expect(readme).toContain(`| ${group.title} | ${key} | ${what} |`);
  });

  it('Page Down and Page Up move between pause points; the arrows do only in lecture use', () => {
    const store = new Store(presetScenario('raft/lecture'), { speed: 1 });
    press(store, 'PageDown', context());
    expect(store.getState().playing).toBe(true);
    press(store, 'PageDown', context());
    for (let i = 0; i < 1000 && store.getState().seeking; i++) store.tick(16);
    expect(store.getState().now).toBe(400);
    const length = store.getState().frame.trace.length;
    press(store, 'ArrowLeft', context());
    expect(store.getState().frame.trace.length).toBeLessThan(length); // one event back
    expect(store.getState().now).toBeGreaterThan(0);
    press(store, 'ArrowLeft', context({ isLecture: true }));
    expect(store.getState().now).toBe(0);
    press(store, 'PageUp', context());
    expect(store.getState().now).toBe(0);
  });

  it('P toggles presenter mode, Esc leaves it once nothing is selected, ? opens the help', () => {
    const store = new Store(presetScenario('raft/lecture'));
    const workbench = context();
    press(store, 'p', workbench);
    expect(workbench.setPresenting).toHaveBeenCalledWith(true);
    const presenting = context({ isLecture: true, isPresenting: true });
    store.select({ kind: 'node', id: 'n1' });
    press(store, 'Escape', presenting);
    expect(presenting.setPresenting).not.toHaveBeenCalled();
    expect(store.getState().selection).toBeNull();
    press(store, 'Escape', presenting);
    expect(presenting.setPresenting).toHaveBeenCalledWith(false);
    press(store, '?', presenting, { shiftKey: true });
    expect(presenting.openHelp).toHaveBeenCalled();
  });
});
