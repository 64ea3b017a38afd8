import { useStore, useStoreApi } from '../../app/useStore';
import { LinkModelForm } from './LinkModelForm';

/** The default link model of the whole network, as a `network` input. */
export function NetworkForm() {
  const store = useStoreApi();
  const runId = useStore((s) => s.runId);
  const model = useStore((s) => s.frame.network.model);
  return (
    <LinkModelForm
      key={runId}
      model={model}
      submitLabel="Apply to the whole network"
      onApply={(change) => store.act({ type: 'network', ...change })}
    />
  );
}
