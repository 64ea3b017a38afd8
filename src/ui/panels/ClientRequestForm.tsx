import { useState } from 'react';
import { requestCount } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import type { OpGrammar } from '../../engine/clients';
import { useFace } from '../hooks';
import { opFields } from './opFields';

/**
 * A client request. With clients and an operation grammar (spec/protocols.md §1.5): pick the client, the
 * operation, its key and values. Otherwise as before: a command to wherever the protocol sends one (its
 * entry point; rejected when there is none), suggested by the protocol's generator.
 */
export function ClientRequestForm() {
  const clients = useStore((s) => s.scenario.clients);
  const ops = useStore((s) => s.frame.protocol.ops);
  if (clients && clients.length > 0 && ops) return <OperationForm clients={clients} ops={ops} />;
  return <CommandForm />;
}

function CommandForm() {
  const store = useStoreApi();
  const { commands } = useFace();
  const count = useStore((s) => requestCount(s.frame) + 1);
  const suggestion = commands.next(count);
  const [command, setCommand] = useState('');
  return (
    <form
      className="request-form"
      onSubmit={(e) => {
        e.preventDefault();
        store.act({ type: 'request', command: command.trim() || suggestion });
        setCommand('');
      }}
    >
      <label>
        {commands.label}
        <input
          type="text"
          maxLength={200}
          value={command}
          placeholder={suggestion}
          onChange={(e) => setCommand(e.target.value)}
        />
      </label>
      <button type="submit">Send client request</button>
    </form>
  );
}

function OperationForm({ clients, ops }: { clients: readonly string[]; ops: OpGrammar }) {
  const store = useStoreApi();
  const count = useStore((s) => requestCount(s.frame) + 1);
  const [client, setClient] = useState(clients[0] ?? '');
  const [name, setName] = useState(ops.names[0] ?? '');
  const [key, setKey] = useState('x');
  const [values, setValues] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fields = opFields(ops, name);
  // A fresh value per request by default, as a workload writes unique values (§1.5).
  const argument = (i: number) => values[i]?.trim() || String(count + i);
  const command = [name, key.trim(), ...fields.values.map((_, i) => argument(i))].join(' ');
  const chosen = clients.includes(client) ? client : (clients[0] ?? '');
  return (
    <form
      className="request-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ops.parse(command) === null) {
          setError(`"${command}" is not an operation (${ops.usage})`);
          return;
        }
        setError(null);
        store.act({ type: 'request', client: chosen, command });
        setValues([]);
      }}
    >
      <div className="row">
        <label>
          Client
          <select value={chosen} onChange={(e) => setClient(e.target.value)}>
            {clients.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Operation
          <select value={name} onChange={(e) => setName(e.target.value)}>
            {ops.names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          Key
          <input type="text" maxLength={16} value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        {fields.values.map((label, i) => (
          <label key={label}>
            {label === 'V' ? 'Value' : `Value ${label.slice(1)}`}
            <input
              type="text"
              inputMode="numeric"
              maxLength={20}
              value={values[i] ?? ''}
              placeholder={String(count + i)}
              onChange={(e) => setValues(Object.assign([...values], { [i]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="hint">
        Sends <code>{command}</code> from {chosen}.
      </p>
      <button type="submit">Send client operation</button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
