import { linkStatus, networkOf } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { LinkModelForm } from './LinkModelForm';

const describe: Record<string, string> = {
  open: 'carries messages both ways',
  cut: 'cut both ways',
  'cut-ab': 'cut one way',
  'cut-ba': 'cut one way',
  partitioned: 'blocked by a partition',
};

/** A link's menu: cut or mend it, each way on its own, and its own latency, loss and duplication. */
export function LinkInspector({ a, b }: { a: NodeId; b: NodeId }) {
  const store = useStoreApi();
  const status = useStore((s) => linkStatus(s.frame.network, a, b));
  const ab = useStore((s) => networkOf(s.frame.network).isCut(a, b));
  const ba = useStore((s) => networkOf(s.frame.network).isCut(b, a));
  const model = useStore(
    (s) => networkOf(s.frame.network).linkModel(a, b),
    (x, y) => JSON.stringify(x) === JSON.stringify(y),
  );
  const isCut = ab || ba;

  return (
    <div className="inspector">
      <h3>
        Link {a}–{b}
      </h3>
      <p>
        Now: <strong>{describe[status]}</strong>
        {ab && !ba && ` (${a} → ${b} blocked)`}
        {ba && !ab && ` (${b} → ${a} blocked)`}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => store.act({ type: isCut ? 'mend' : 'cut', from: a, to: b })}>
          {isCut ? 'Mend' : 'Cut'} both ways
        </button>
        <button type="button" onClick={() => store.act({ type: ab ? 'mend' : 'cut', from: a, to: b, oneWay: true })}>
          {ab ? 'Mend' : 'Cut'} {a} → {b} only
        </button>
        <button type="button" onClick={() => store.act({ type: ba ? 'mend' : 'cut', from: b, to: a, oneWay: true })}>
          {ba ? 'Mend' : 'Cut'} {b} → {a} only
        </button>
      </div>
      <h4>This link's behaviour</h4>
      <LinkModelForm
        key={`${a}-${b}`}
        model={model}
        submitLabel={`Apply to link ${a}–${b}`}
        onApply={(change) => store.act({ type: 'link', from: a, to: b, ...change })}
      />
    </div>
  );
}
