import { useRef, useState } from 'react';
import { presetsOf } from '../../app/scenarios';
import { useStoreApi } from '../../app/useStore';
import { getPreset, libraryProtocols } from '../../protocols';
import { openComparison } from '../compare/openComparison';
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
  const compare = (id: string, partner: string) => {
    close();
    void openComparison(store, id, partner);
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
        {isOpen && <LibraryContent onOpen={open} onCompare={compare} onClose={close} />}
      </dialog>
    </>
  );
}

function LibraryContent({
  onOpen,
  onCompare,
  onClose,
}: {
  onOpen: (id: string) => void;
  onCompare: (id: string, partner: string) => void;
  onClose: () => void;
}) {
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
                  {p.compare && <CompareEntry id={p.id} partner={p.compare} onCompare={onCompare} />}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

/** A preset's "Compare side by side" (its manifest names the partner): both open on one timeline. */
function CompareEntry({
  id,
  partner,
  onCompare,
}: {
  id: string;
  partner: string;
  onCompare: (id: string, partner: string) => void;
}) {
  const other = getPreset(partner);
  if (!other) return null;
  return (
    <button type="button" className="library-compare" onClick={() => onCompare(id, partner)}>
      Compare side by side with “{other.title}”
    </button>
  );
}
