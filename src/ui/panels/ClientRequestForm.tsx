import { useState } from 'react';
import { useStore, useStoreApi } from '../../app/useStore';
import { useProtocolUi } from '../hooks';

/** A client request to wherever the protocol sends one (Raft: the leader; rejected when there is none). */
export function ClientRequestForm() {
  const store = useStoreApi();
  const ui = useProtocolUi();
  const count = useStore((s) => s.sim.inputs.filter((i) => i.type === 'request').length + 1);
  const suggestion = ui.newCommand?.(count) ?? `c${count}`;
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
        Command
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
