import { type FormEvent, useMemo, useState } from 'react';
import { applyEdit, type Edit } from '../../app/authoring';
import { keyOf, scriptMarks, seconds } from '../../app/branches';
import { useStore, useStoreApi } from '../../app/useStore';
import type { Input } from '../../engine/types';
import { getProtocol } from '../../protocols';
import { inputRow } from './inputRow';
import './script.css';

/**
 * The run's script: every input with its time, where the author renames the scenario, inserts a
 * pause with a question, edits a caption, moves or deletes an input. Each edit re-runs the scenario
 * from 0, deterministically, and comes back to the time the author stood at.
 */
export function ScriptPanel() {
  const store = useStoreApi();
  const scenario = useStore((s) => s.scenario);
  const inputs = useStore((s) => s.frame.inputs);
  const runId = useStore((s) => s.runId);
  const now = useStore((s) => Math.round(s.now));
  const [error, setError] = useState<string | null>(null);
  const isScripted = useMemo(() => scriptMarks(inputs, scenario.events), [inputs, scenario.events]);
  // An input's key is its content (and which copy of it): an input added before it keeps its row as it is.
  const keys = useMemo(() => {
    const seen = new Map<string, number>();
    return inputs.map((input) => {
      const key = keyOf(input);
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return `${key}#${seen.get(key)}`;
    });
  }, [inputs]);

  const edit = (change: Edit): boolean => {
    const { scenario, frame } = store.getState();
    let result: ReturnType<typeof applyEdit>;
    try {
      result = applyEdit(scenario, frame.inputs, change, getProtocol);
    } catch (e) {
      result = { ok: false, errors: [(e as Error).message] };
    }
    if (!result.ok) {
      setError(result.errors.join('; '));
      return false;
    }
    setError(null);
    store.rerun(result.scenario);
    return true;
  };

  return (
    <section className="script" aria-labelledby="script-title">
      <h3 id="script-title">Script</h3>
      <p className="muted">Every change plays the run again from 0 and comes back here.</p>
      <TextForm
        key={`title-${runId}`}
        label="Scenario title"
        initial={scenario.title ?? ''}
        button="Rename"
        onSubmit={(title) => edit({ kind: 'rename', title })}
      />
      <TextForm
        key={`pause-${runId}`}
        label="Question at the pause"
        initial=""
        placeholder="What should the class notice here?"
        button={`Insert pause at ${seconds(now)}`}
        clearOnSubmit
        onSubmit={(text) => edit({ kind: 'insert-pause', at: now, text })}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h4 id="script-inputs">Inputs ({inputs.length})</h4>
      {inputs.length === 0 && <p className="muted">No inputs yet: crash a server, cut a link or add a pause.</p>}
      {inputs.length > 0 && (
        <p className="muted">
          <span className="script-origin is-scenario">scenario</span> came with the run;{' '}
          <span className="script-origin is-user">you</span> added it. A branch keeps the scenario's later inputs.
        </p>
      )}
      <ol className="script-inputs" aria-labelledby="script-inputs">
        {inputs.map((input, index) => (
          <InputItem
            key={`${runId}:${keys[index]}`}
            input={input}
            index={index}
            isScripted={isScripted[index] ?? false}
            onEdit={edit}
          />
        ))}
      </ol>
    </section>
  );
}

function InputItem(props: { input: Input; index: number; isScripted: boolean; onEdit: (edit: Edit) => boolean }) {
  const { input, index, isScripted, onEdit } = props;
  const row = inputRow(input);
  const name = `${row.kind}${row.target ? ` ${row.target}` : ''} at ${seconds(input.at)}`;
  const [at, setAt] = useState(String(input.at));
  const text = input.type === 'caption' || input.type === 'pause' ? (input.text ?? '') : '';
  const [draft, setDraft] = useState(text);

  const move = () => {
    const value = Number(at);
    if (at.trim() === '' || !Number.isFinite(value)) setAt(String(input.at));
    else if (value !== input.at && !onEdit({ kind: 'move', index, at: value })) setAt(String(input.at));
  };
  const saveText = () => {
    if (draft !== text) onEdit({ kind: 'caption', index, text: draft });
  };

  return (
    <li className={`script-input is-${row.kind}`}>
      <div className="script-line">
        <label className="script-time">
          <span className="sr-only">Time of {name}, in ms</span>
          <input
            type="number"
            min={0}
            step={1}
            value={at}
            onChange={(e) => setAt(e.target.value)}
            onBlur={move}
            onKeyDown={(e) => {
              if (e.key === 'Enter') move();
            }}
          />
          <span aria-hidden="true">ms</span>
        </label>
        <span className="script-what">
          <strong>{row.kind}</strong> {row.target}
        </span>
        <span className={`script-origin ${isScripted ? 'is-scenario' : 'is-user'}`}>
          {isScripted ? 'scenario' : 'you'}
        </span>
        <button
          type="button"
          className="script-delete"
          aria-label={`Delete ${name}`}
          onClick={() => onEdit({ kind: 'delete', index })}
        >
          Delete
        </button>
      </div>
      {row.hasText && (
        <label className="script-text">
          <span className="sr-only">Text of {name}</span>
          <input
            type="text"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={saveText}
            onKeyDown={(e) => {
              if (e.key === 'Enter') saveText();
            }}
          />
        </label>
      )}
    </li>
  );
}

function TextForm(props: {
  label: string;
  initial: string;
  button: string;
  placeholder?: string;
  clearOnSubmit?: boolean;
  onSubmit: (text: string) => boolean;
}) {
  const [text, setText] = useState(props.initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.onSubmit(text.trim()) && props.clearOnSubmit) setText('');
  };
  return (
    <form className="script-form" onSubmit={submit}>
      <label>
        {props.label}
        <input type="text" value={text} placeholder={props.placeholder} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit">{props.button}</button>
    </form>
  );
}
