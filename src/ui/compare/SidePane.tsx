import { useId } from 'react';
import { runNameOf } from '../../app/runName';
import { formatMs, type Store } from '../../app/store';
import { StoreContext, useStore } from '../../app/useStore';
import { Canvas } from '../canvas/Canvas';
import { AlertBanner } from '../panels/AlertBanner';
import { CaptionBar } from '../panels/CaptionBar';
import { FocusStatus } from '../panels/FocusStatus';
import { InvariantsPanel } from '../panels/InvariantsPanel';
import { useHistoryVerdict } from './useHistoryVerdict';
import { safetyLine } from './verdict';

export interface SidePaneProps {
  readonly store: Store;
  /** `Run A`, `Run B`: how the page and its reader tell the two apart. */
  readonly label: string;
  /** The side's captions and pause questions (each run narrates itself). */
  readonly hasCaption?: boolean;
  /** The list of safety rules under the one-line verdicts (the workbench has room for it). */
  readonly hasRules?: boolean;
}

/**
 * One run of a comparison: its name, who its protocol points at now, its narration, its canvas and its
 * verdicts, all read from its own store. Under its own `StoreContext`, a click on its canvas (a crash, a
 * partition) applies to this run; the clock belongs to the pair.
 */
export function SidePane({ store, label, hasCaption = true, hasRules = false }: SidePaneProps) {
  return (
    <StoreContext.Provider value={store}>
      <SideBody label={label} hasCaption={hasCaption} hasRules={hasRules} />
    </StoreContext.Provider>
  );
}

function SideBody({ label, hasCaption, hasRules }: { label: string; hasCaption: boolean; hasRules: boolean }) {
  const headId = useId();
  const name = useStore((s) => runNameOf(s.scenario, s.frame.inputs, s.presetId));
  const protocolTitle = useStore((s) => s.frame.protocol.title);
  return (
    <section className="compare-side" aria-labelledby={headId}>
      <header className="compare-side-head">
        <h2 id={headId} className="compare-side-title" title={`${name.title} (${protocolTitle}, ${name.kindWords})`}>
          <span className="compare-side-label">{label}:</span> {name.title}
        </h2>
        <span className="compare-side-kind">
          {protocolTitle} · <span className={`run-kind is-${name.kind}`}>{name.kindWords}</span>
        </span>
        <FocusStatus />
      </header>
      {hasCaption && <CaptionBar />}
      <AlertBanner />
      <div className="canvas-wrap">
        <Canvas />
      </div>
      <SideVerdicts hasRules={hasRules} />
    </section>
  );
}

/** What the run has shown so far: its safety rules and, for a protocol with a model, its history's verdict. */
function SideVerdicts({ hasRules }: { hasRules: boolean }) {
  const invariants = useStore((s) => s.frame.protocol.invariants);
  const violations = useStore((s) => s.frame.violations);
  const history = useHistoryVerdict();
  const safety = safetyLine(invariants, violations, formatMs);
  return (
    <div className="compare-verdicts">
      <p className={`compare-verdict ${violations.length > 0 ? 'is-broken' : 'is-holding'}`}>
        <span aria-hidden="true">{violations.length > 0 ? '✕ ' : '✓ '}</span>
        {safety}
      </p>
      {history !== null && <p className="compare-verdict is-history">{history}</p>}
      {hasRules && invariants.length > 0 && (
        <details className="compare-rules">
          <summary>Safety rules</summary>
          <InvariantsPanel />
        </details>
      )}
    </div>
  );
}
