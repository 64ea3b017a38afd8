import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { requestCount } from '../../app/selectors';
import { useStoreApi } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { useFace } from '../hooks';
import { NodeTimeForm } from './NodeTimeForm';

/**
 * A node's actions: crash or restart it, fire its timer now, send it a client request, pause its process or
 * change its clock (those two open a small form in place of the menu). Each builds an input for the store. Arrow keys move between items, Escape closes and returns focus.
 */
export function NodeMenu({
  id,
  isUp,
  opensLeft = false,
  opensUp = false,
  onClose,
}: {
  id: NodeId;
  isUp: boolean;
  /** A card right of the cluster's middle opens its menu on its left, towards the middle, inside the canvas. */
  opensLeft?: boolean;
  /** A card in the lower half opens its menu upwards from its bottom edge. */
  opensUp?: boolean;
  onClose: (refocus: boolean) => void;
}) {
  const store = useStoreApi();
  const { commands } = useFace();
  const ref = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<'stall' | 'clock' | null>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus({ preventScroll: true });
  }, []);

  const run = (action: () => void) => () => {
    action();
    onClose(true);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    } else if (event.key === 'Tab') {
      onClose(false);
    }
    // Keys typed in the menu are the menu's, not the canvas's (no arrow-key node moves).
    event.stopPropagation();
  };

  const className = ['node-menu', opensLeft && 'opens-left', opensUp ? 'opens-up' : 'opens-down', 'nodrag nopan']
    .filter(Boolean)
    .join(' ');
  if (form !== null) return <NodeTimeForm id={id} form={form} className={className} onClose={onClose} />;

  return (
    <div
      className={['node-menu', opensLeft && 'opens-left', opensUp ? 'opens-up' : 'opens-down', 'nodrag nopan']
        .filter(Boolean)
        .join(' ')}
      role="menu"
      aria-label={`Actions for ${id}`}
      ref={ref}
      onKeyDown={onKeyDown}
      // A click in the menu is not a click on the node (which would toggle the menu again).
      onClick={(event) => event.stopPropagation()}
    >
      {isUp ? (
        <button type="button" role="menuitem" onClick={run(() => store.act({ type: 'crash', node: id }))}>
          Crash {id}
        </button>
      ) : (
        <button type="button" role="menuitem" onClick={run(() => store.act({ type: 'restart', node: id }))}>
          Restart {id}
        </button>
      )}
      <button
        type="button"
        role="menuitem"
        disabled={!isUp}
        onClick={run(() => store.act({ type: 'timeout', node: id }))}
      >
        Force timeout on {id}
      </button>
      <button
        type="button"
        role="menuitem"
        disabled={!isUp}
        onClick={run(() =>
          store.act({ type: 'request', node: id, command: commands.next(requestCount(store.getState().frame) + 1) }),
        )}
      >
        Send client request to {id}
      </button>
      <button type="button" role="menuitem" disabled={!isUp} onClick={() => setForm('stall')}>
        Pause process (GC) for …
      </button>
      <button type="button" role="menuitem" onClick={() => setForm('clock')}>
        Clock …
      </button>
    </div>
  );
}
