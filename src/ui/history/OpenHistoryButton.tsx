import { useRef } from 'react';
import { type OpenedHistory, readHistoryFile } from './opened';

/** "Open history file…": a Jepsen or netsplit history; a malformed file is reported and nothing else changes. */
export function OpenHistoryButton({
  onOpened,
  onError,
}: {
  onOpened: (opened: OpenedHistory) => void;
  onError: (message: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="open-history" onClick={() => input.current?.click()}>
        Open history file…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="History file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const read = await readHistoryFile(file);
          if (read.ok) onOpened(read.opened);
          else onError(read.message);
        }}
      />
    </>
  );
}
