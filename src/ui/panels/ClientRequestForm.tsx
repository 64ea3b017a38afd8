import { useState } from 'react';
import { requestCount } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import { useFace } from '../hooks';

/** A client request to wherever the protocol sends one (its entry point; rejected when there is none), with a command from the protocol's generator. */
export function ClientRequestForm() {
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
