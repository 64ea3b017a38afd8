import { useState } from 'react';
import { PairStore } from '../../app/compare/compare';
import { comparisonLink } from '../../app/compare/links';
import { linkedRun } from '../../app/compare/open';
import type { SideStore } from '../../app/compare/sideStore';
import { DEFAULT_SPEED } from '../../app/store';
import { useStoreApi } from '../../app/useStore';
import { LibraryButton } from '../library/LibraryDialog';
import { ControlBar } from '../panels/ControlBar';
import { MessageBar } from '../panels/MessageBar';
import { Timeline } from '../timeline/Timeline';
import { PHONE, useMedia } from '../useMedia';
import { CompareSides } from './CompareSides';
import { useCompareAddress } from './useCompareAddress';

/**
 * The workbench for two runs (`?preset=…&compare=…`, the Library's "Compare side by side"): one set of
 * playback controls and one timeline for both, each run in its own canvas with its own verdicts. The
 * tools of a single run (script, search, the protocol's panel) come back with "Show run A alone".
 */
export function CompareView({ side, problems = [] }: { side: SideStore; problems?: readonly string[] }) {
  const isPhone = useMedia(PHONE);
  useCompareAddress(side.getState().presetId);
  return (
    <div className="app compare-app">
      <header className="topbar">
        <h1 className="brand">netsplit</h1>
        <p className="scenario-title">Comparing two runs</p>
        <LibraryButton />
        <CompareActions side={side} />
        {!isPhone && <ControlBar />}
      </header>
      <MessageBar />
      {problems.length > 0 && (
        <p className="notice-line" role="status">
          {problems.join(' ')}
        </p>
      )}
      <main className="compare-workspace" aria-label="Two runs on one timeline">
        <CompareSides side={side} />
        <Timeline />
      </main>
      {isPhone && (
        <nav className="dock" aria-label="Playback">
          <ControlBar />
        </nav>
      )}
    </div>
  );
}

/** A link to the comparison as played, and back to one run. */
function CompareActions({ side }: { side: SideStore }) {
  const store = useStoreApi();
  const [link, setLink] = useState<{ url: string; isCopied: boolean } | null>(null);
  const copy = async () => {
    store.pause();
    const { now, speed } = store.getState();
    const url = comparisonLink(
      window.location.href,
      linkedRun(store),
      linkedRun(side),
      now,
      speed === DEFAULT_SPEED ? null : speed,
    );
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
    <div className="compare-actions">
      <button type="button" className="compare-copy" onClick={copy}>
        Copy link
      </button>
      <button type="button" onClick={() => store instanceof PairStore && store.endCompare()}>
        Show run A alone
      </button>
      {link && (
        <div className="compare-link" role="status">
          <span>{link.isCopied ? 'Link copied: it opens both runs, paused here.' : 'Copy this link:'}</span>
          <input
            type="text"
            readOnly
            value={link.url}
            aria-label="Link to this comparison"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => setLink(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
