import { useId, useState } from 'react';
import { runNameOf } from '../../app/runName';
import { MAX_CLUSTER, presetsOf, reconfigure } from '../../app/scenarios';
import { useStore, useStoreApi } from '../../app/useStore';
import { libraryProtocols } from '../../protocols';
import { openPreset, openProtocol } from '../open';

/** What the run is: scenario, protocol, cluster size, seed and bug variant. Changing any starts a new run. */
export function RunSetup() {
  const store = useStoreApi();
  const scenario = useStore((s) => s.scenario);
  const presetId = useStore((s) => s.presetId);
  const name = useStore((s) => runNameOf(s.scenario, s.frame.inputs, s.presetId));
  const protocol = useStore((s) => s.frame.protocol);
  const [error, setError] = useState<string | null>(null);
  const bugHelp = useId();
  const bug = protocol.bugs.find((b) => b.id === scenario.bug);

  const change = (patch: { nodes?: number; seed?: number; bug?: string | null }) => {
    const result = reconfigure(scenario, patch);
    if (result.ok) {
      setError(null);
      // Still the preset it started from, now modified: the name says so (app/runName.ts).
      store.load(result.scenario, presetId);
    } else setError(result.errors.join('; '));
  };

  return (
    <form className="run-setup" onSubmit={(e) => e.preventDefault()}>
      <label>
        Scenario
        <select
          value={name.kind === 'preset' && presetId ? presetId : ''}
          onChange={(e) => {
            if (e.target.value) void openPreset(store, e.target.value);
          }}
        >
          {name.kind !== 'preset' && (
            <option value="">{name.kind === 'modified' ? `(modified) ${name.presetTitle}` : '(custom run)'}</option>
          )}
          {presetsOf(scenario.protocol).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Protocol
        <select value={scenario.protocol} onChange={(e) => void openProtocol(store, e.target.value)}>
          {libraryProtocols.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <label>
          Cluster size
          <select value={scenario.nodes.length} onChange={(e) => change({ nodes: Number(e.target.value) })}>
            {Array.from({ length: Math.max(MAX_CLUSTER, scenario.nodes.length) }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'node' : 'nodes'}
              </option>
            ))}
          </select>
        </label>
        <SeedInput seed={scenario.seed} onChange={(seed) => change({ seed })} />
      </div>
      <label>
        Bug variant
        <select
          value={scenario.bug ?? ''}
          onChange={(e) => change({ bug: e.target.value || null })}
          aria-describedby={bugHelp}
        >
          <option value="">None: the correct protocol</option>
          {protocol.bugs.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </label>
      <p id={bugHelp} className={bug ? 'bug-explanation' : 'muted'}>
        {bug ? bug.explanation : 'Pick a bug to see which safety rule it breaks and when.'}
      </p>
      <button type="button" onClick={() => store.load(scenario, presetId)}>
        Restart this run from 0
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function SeedInput({ seed, onChange }: { seed: number; onChange: (seed: number) => void }) {
  const [text, setText] = useState(String(seed));
  const [shown, setShown] = useState(seed);
  if (shown !== seed) {
    setShown(seed);
    setText(String(seed));
  }
  const apply = () => {
    const value = Number(text);
    if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff && value !== seed) onChange(value);
    else setText(String(seed));
  };
  return (
    <label>
      Seed
      <input
        type="number"
        min={0}
        max={4294967295}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
    </label>
  );
}
