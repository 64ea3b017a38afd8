import { useStore, useStoreApi } from '../../app/useStore';

/** A file or link that could not be opened, a save that was set aside: said plainly, dismissible. */
export function MessageBar() {
  const store = useStoreApi();
  const message = useStore((s) => s.message);
  if (!message) return null;
  return (
    <div className={`message-bar is-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      <span>{message.text}</span>
      <button type="button" onClick={() => store.report(null)}>
        Dismiss
      </button>
    </div>
  );
}
