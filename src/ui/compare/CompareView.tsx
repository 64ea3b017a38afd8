import { useState } from 'react';
import { PairStore } from '../../app/compare/compare';
import { comparisonLink } from '../../app/compare/links';
import { linkedRun } from '../../app/compare/open';
import type { SideStore } from '../../app/compare/sideStore';
import { embedSnippet } from '../../app/player';
import { DEFAULT_SPEED } from '../../app/store';
import { useStoreApi } from '../../app/useStore';
import { FileDrop } from '../FileDrop';
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
 * tools of a single run (script, search, the protocol's panel) come back with "Run A alone".
 */
export function CompareView({ side, problems = [] }: { side: SideStore; problems?: readonly string[] }) {
  const store = useStoreApi();
  const isPhone = useMedia(PHONE);
  useCompareAddress(side.getState().presetId);
  return (
    <div className="app compare-app">
      {/* A dropped file opens in place of the comparison, as anywhere in the app. */}
      <FileDrop store={store} />
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

/** A link to the comparison as played, the embed code for a slide, and back to one run. */
function CompareActions({ side }: { side: SideStore }) {
  const store = useStoreApi();
  const [shown, setShown] = useState<{ what: 'link' | 'embed'; text: string; isCopied: boolean } | null>(null);
  const copy = async (what: 'link' | 'embed') => {
    store.pause();
    const { now, speed } = store.getState();
    const page = window.location.href;
    const text =
      what === 'embed'
        ? embedSnippet(store, page)
        : comparisonLink(page, linkedRun(store), linkedRun(side), now, speed === DEFAULT_SPEED ? null : speed);
    let isCopied = false;
    try {
      await navigator.clipboard.writeText(text);
      isCopied = true;
    } catch {
      isCopied = false;
    }
    setShown({ what, text, isCopied });
  };
  const words = shown?.what === 'embed' ? 'Embed code' : 'Link';
  return (
    <div className="compare-actions">
      <button type="button" className="compare-copy" onClick={() => copy('link')}>
        Copy link
      </button>
      <button type="button" className="compare-copy" onClick={() => copy('embed')}>
        Embed code
      </button>
      <button type="button" onClick={() => store instanceof PairStore && store.endCompare()}>
        Run A alone
      </button>
      {shown && (
        <div className="compare-link" role="status">
          <span>
            {shown.isCopied
              ? `${words} copied: ${shown.what === 'embed' ? 'a player of both runs from their start.' : 'it opens both runs, paused here.'}`
              : `Copy this ${words.toLowerCase()}:`}
          </span>
          <input
            type="text"
            readOnly
            value={shown.text}
            aria-label={shown.what === 'embed' ? 'Embed code of this comparison' : 'Link to this comparison'}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => setShown(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
