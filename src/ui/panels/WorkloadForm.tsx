import { useState } from 'react';
import { reconfigure } from '../../app/scenarios';
import { useStore, useStoreApi } from '../../app/useStore';

/**
 * The scenario's workload on or off, at a rate (spec/protocols.md §1.5). A change of the `workload` field is
 * a change of setup, so it starts a new run, as RunSetup's changes do.
 */
export function WorkloadForm() {
  const store = useStoreApi();
  const scenario = useStore((s) => s.scenario);
  const presetId = useStore((s) => s.presetId);
  const [rate, setRate] = useState(String(scenario.workload?.rate ?? 2));
  const [error, setError] = useState<string | null>(null);
  const isOn = scenario.workload !== undefined;

  const change = (on: boolean, rateText: string) => {
    const value = Number(rateText);
    if (on && !(value > 0 && value <= 1000)) {
      setError('Rate: must be above 0 and at most 1000 operations per second');
      return;
    }
    const result = reconfigure(scenario, { workload: on ? { rate: value } : null });
    if (result.ok) {
      setError(null);
      store.load(result.scenario, presetId);
    } else setError(result.errors.join('; '));
  };

  return (
    <form
      className="workload-form"
      onSubmit={(e) => {
        e.preventDefault();
        change(true, rate);
      }}
    >
      <label className="pick">
        <input type="checkbox" checked={isOn} onChange={(e) => change(e.target.checked, rate)} />
        Workload on (starts a new run)
      </label>
      <label>
        Rate (operations per second per client)
        <input
          type="number"
          min={0.1}
          max={1000}
          step="any"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          onBlur={() => {
            if (isOn && Number(rate) !== scenario.workload?.rate) change(true, rate);
          }}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
