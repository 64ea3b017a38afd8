import { useState } from 'react';
import { exportFile, linkFor } from '../../app/session';
import { formatMs } from '../../app/store';
import { useStore, useStoreApi } from '../../app/useStore';
import { EmbedCode } from '../lecture/EmbedCode';
import { OpenFileButton } from './OpenFileButton';

/** Save the run as a file, open one, share a link that replays it exactly; and the run's fingerprint. */
export function SharePanel() {
  const store = useStoreApi();
  const [link, setLink] = useState<{ url: string; isCopied: boolean } | null>(null);
  const whole = useStore(() => store.currentWholeRun());

  const download = () => {
    const { name, text } = exportFile(store);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const copy = async () => {
    store.pause();
    const url = linkFor(store, window.location.href);
    let isCopied = false;
    try {
      await navigator.clipboard.writeText(url);
      isCopied = true;
    } catch {
      isCopied = false;
    }
    setLink({ url, isCopied });
  };

  return (
    <section className="share" aria-labelledby="share-title">
      <h3 id="share-title">Save and share</h3>
      <div className="share-buttons">
        <button type="button" onClick={download}>
          Download scenario file
        </button>
        <OpenFileButton />
        <button type="button" onClick={copy}>
          Copy share link
        </button>
      </div>
      {link && (
        <div className="share-link">
          <p role="status">
            {link.isCopied
              ? 'Link copied. It replays this run, paused here:'
              : 'Copy this link (the clipboard refused):'}
          </p>
          <input
            type="text"
            readOnly
            value={link.url}
            aria-label="Share link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <EmbedCode />
      <p className="fingerprint">
        Run fingerprint
        {whole ? ` (to ${formatMs(whole.horizonMs)})` : ''}:{' '}
        <code data-testid="fingerprint">{whole?.traceHash ?? (whole?.problem ? 'none' : 'computing…')}</code>
      </p>
      {whole?.problem && <p className="error">Not computed: {whole.problem}.</p>}
      <p className="muted">
        Two runs with the same fingerprint are the same run, event for event. Drop a scenario file anywhere on the page
        to open it.
      </p>
    </section>
  );
}
