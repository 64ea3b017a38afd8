import { useState } from 'react';
import { embedSnippet } from '../../app/player';
import { useStoreApi } from '../../app/useStore';

/** "Copy embed code": an iframe snippet that plays this run in a slide, copied and shown to copy by hand. */
export function EmbedCode() {
  const store = useStoreApi();
  const [code, setCode] = useState<{ text: string; isCopied: boolean } | null>(null);
  const copy = async () => {
    const text = embedSnippet(store, window.location.href);
    let isCopied = false;
    try {
      await navigator.clipboard.writeText(text);
      isCopied = true;
    } catch {
      isCopied = false;
    }
    setCode({ text, isCopied });
  };
  return (
    <div className="embed-code">
      <button type="button" onClick={copy}>
        Copy embed code
      </button>
      {code && (
        <>
          <p role="status">
            {code.isCopied
              ? 'Embed code copied. Paste it into a slide: it plays this run from its start.'
              : 'Copy this embed code (the clipboard refused):'}
          </p>
          <textarea
            readOnly
            rows={4}
            value={code.text}
            aria-label="Embed code"
            onFocus={(e) => e.currentTarget.select()}
          />
        </>
      )}
    </div>
  );
}
