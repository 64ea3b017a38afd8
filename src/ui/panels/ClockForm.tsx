import { useId, useState } from 'react';
import { CLOCK_KINDS, type ClockKind, clockFields } from './timeForms';

/**
 * A clock change (spec/protocols.md §1.4): set the offset, set the drift, or jump, applied as `clock` inputs
 * of the run (one per node given), exactly as a file would state them.
 */
export function ClockForm({
  submitLabel,
  onApply,
}: {
  submitLabel: string;
  onApply: (change: Partial<Record<ClockKind, number>>) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<ClockKind>('offsetMs');
  const [text, setText] = useState('100');
  const [error, setError] = useState<string | null>(null);
  const unit = CLOCK_KINDS.find((k) => k.id === kind)?.unit ?? 'ms';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const change = clockFields(kind, text);
    if (typeof change === 'string') {
      setError(change);
      return;
    }
    setError(null);
    onApply(change);
  };

  return (
    <form className="model-form" onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined}>
      <div className="row">
        <label>
          Change
          <select value={kind} onChange={(e) => setKind(e.target.value as ClockKind)}>
            {CLOCK_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Amount ({unit})
          <input type="number" value={text} onChange={(e) => setText(e.target.value)} />
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
