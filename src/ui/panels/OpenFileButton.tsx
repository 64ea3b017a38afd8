import { useRef } from 'react';
import { useStoreApi } from '../../app/useStore';
import { openFile } from '../open';

/** "Open a scenario file…": a file picker; a bad file is reported and the run stays as it was. */
export function OpenFileButton({ onOpened }: { onOpened?: () => void }) {
  const store = useStoreApi();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Open a scenario file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Scenario file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          onOpened?.();
          await openFile(store, file);
        }}
      />
    </>
  );
}
