import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useStoreApi } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { ClockForm } from '../panels/ClockForm';
import { stallFields } from '../panels/timeForms';

/**
 * The node menu's two forms for time faults: "Pause process (GC) for …" (a `stall` input) and "Clock …"
 * (a `clock` input). Each applies at the current virtual time, as the file would state it.
 */
export function NodeTimeForm({
  id,
  form,
  className,
  onClose,
}: {
  id: NodeId;
  form: 'stall' | 'clock';
  className: string;
  onClose: (refocus: boolean) => void;
}) {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const title = form === 'stall' ? `Pause ${id}'s process` : `Clock of ${id}`;

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
    }
    event.stopPropagation();
  };

  return (
    <div
      className={`${className} node-time-form`}
      role="dialog"
      aria-label={title}
      ref={ref}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    >
      <strong>{title}</strong>
      {form === 'stall' ? (
        <StallForm
          id={id}
          onApply={(durationMs) => {
            store.act({ type: 'stall', node: id, durationMs });
            onClose(true);
          }}
        />
      ) : (
        <ClockForm
          submitLabel={`Change ${id}'s clock`}
          onApply={(change) => {
            store.act({ type: 'clock', node: id, ...change });
            onClose(true);
          }}
        />
      )}
      <button type="button" onClick={() => onClose(true)}>
        Cancel
      </button>
    </div>
  );
}

function StallForm({ id, onApply }: { id: NodeId; onApply: (durationMs: number) => void }) {
  const errorId = useId();
  const [text, setText] = useState('1000');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const fields = stallFields(text);
    if (typeof fields === 'string') setError(fields);
    else onApply(fields.durationMs);
  };
  return (
    <form className="model-form" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
      <label>
        Pause length (ms)
        <input type="number" min={1} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit">Pause {id}</button>
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
