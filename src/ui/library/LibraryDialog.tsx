import { useRef, useState } from 'react';
import { presetsOf } from '../../app/scenarios';
import { useStoreApi } from '../../app/useStore';
import { libraryProtocols } from '../../protocols';
import { openPreset } from '../open';
import { OpenFileButton } from '../panels/OpenFileButton';

/**
 * The scenario library: every preset, grouped by protocol, with its title and what it shows. It reads
 * only the manifest, so listing a protocol loads nothing; opening a preset loads its protocol.
 */
export function LibraryButton() {
  const store = useStoreApi();
  const dialog = useRef<HTMLDialogElement>(null);
  // The entries exist only while the dialog is open: a closed library adds nothing to the page.
  const [isOpen, setOpen] = useState(false);
  const close = () => dialog.current?.close();
  const open = (id: string) => {
    close();
    void openPreset(store, id, { playing: false });
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          // Choosing a scenario is a moment to think, not to watch the current run go on.
          store.pause();
          setOpen(true);
          dialog.current?.showModal();
        }}
        aria-haspopup="dialog"
      >
        Library
      </button>
      <dialog ref={dialog} className="library" aria-labelledby="library-title" onClose={() => setOpen(false)}>
        {isOpen && <LibraryContent onOpen={open} onClose={close} />}
      </dialog>
    </>
  );
}

function LibraryContent({ onOpen, onClose }: { onOpen: (id: string) => void; onClose: () => void }) {
  return (
    <>
      <header className="library-head">
        <h2 id="library-title">Scenario library</h2>
        <OpenFileButton onOpened={onClose} />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="muted">Each scenario opens paused at its start. Press Play to run it.</p>
      <div className="library-groups">
        {libraryProtocols.map((protocol) => (
          <section key={protocol.id} aria-labelledby={`library-${protocol.id}`}>
            <h3 id={`library-${protocol.id}`}>{protocol.title}</h3>
            <p className="library-summary">{protocol.summary}</p>
            <ul>
              {presetsOf(protocol.id).map((p) => (
                <li key={p.id}>
                  <button type="button" className="library-entry" onClick={() => onOpen(p.id)}>
                    <span className="library-entry-title">{p.title}</span>
                    <span className="library-entry-description">{p.shows}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
