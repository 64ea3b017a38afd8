import { useId, useState } from 'react';
import type { LinkModel } from '../../engine/types';

export interface ModelChange {
  readonly latencyMs: readonly [number, number];
  readonly loss: number;
  readonly duplicate: number;
}

/** Latency range, loss and duplication, edited together and applied with one input. */
export function LinkModelForm({
  model,
  submitLabel,
  onApply,
}: {
  model: LinkModel;
  submitLabel: string;
  onApply: (change: ModelChange) => void;
}) {
  const id = useId();
  const [lo, setLo] = useState(String(model.latencyMs[0]));
  const [hi, setHi] = useState(String(model.latencyMs[1]));
  const [loss, setLoss] = useState(String(Math.round(model.loss * 100)));
  const [dup, setDup] = useState(String(Math.round(model.duplicate * 100)));
  const [error, setError] = useState<string | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const [a, b, l, d] = [lo, hi, loss, dup].map(Number) as [number, number, number, number];
    if (![a, b].every((n) => Number.isInteger(n) && n >= 0 && n <= 60_000) || a > b) {
      setError('Latency: two whole numbers of ms from 0 to 60000, the minimum first.');
      return;
    }
    if (![l, d].every((n) => Number.isFinite(n) && n >= 0 && n <= 100)) {
      setError('Loss and duplication are percentages from 0 to 100.');
      return;
    }
    setError(null);
    onApply({ latencyMs: [a, b], loss: l / 100, duplicate: d / 100 });
  };

  return (
    <form className="model-form" onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined}>
      <div className="row">
        <label>
          Latency min (ms)
          <input type="number" min={0} max={60000} value={lo} onChange={(e) => setLo(e.target.value)} />
        </label>
        <label>
          Latency max (ms)
          <input type="number" min={0} max={60000} value={hi} onChange={(e) => setHi(e.target.value)} />
        </label>
      </div>
      <div className="row">
        <label>
          Loss (%)
          <input type="number" min={0} max={100} value={loss} onChange={(e) => setLoss(e.target.value)} />
        </label>
        <label>
          Duplication (%)
          <input type="number" min={0} max={100} value={dup} onChange={(e) => setDup(e.target.value)} />
        </label>
      </div>
      <button type="submit">{submitLabel}</button>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
