import { useEffect, useRef } from 'react';
import { ShortcutTable } from '../panels/ShortcutList';

/**
 * Every keyboard shortcut in a modal dialog (`?`). Esc or Close shuts it, and focus goes back to where
 * it was before it opened.
 */
export function KeyboardHelp({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) {
      returnTo.current = document.activeElement;
      element.showModal();
    } else if (!isOpen && element.open) element.close();
  }, [isOpen]);

  const onDialogClose = () => {
    onClose();
    const target = returnTo.current;
    returnTo.current = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus();
  };

  return (
    <dialog ref={dialog} className="keyboard-help" aria-labelledby="keyboard-help-title" onClose={onDialogClose}>
      {isOpen && (
        <>
          <header className="keyboard-help-head">
            <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </header>
          <ShortcutTable />
        </>
      )}
    </dialog>
  );
}
