import { isDivided, nodeIdsOf, selectedNodes } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { useFace } from '../hooks';
import { ClientRequestForm } from './ClientRequestForm';
import { ClockForm } from './ClockForm';
import { NetworkForm } from './NetworkForm';
import { WorkloadForm } from './WorkloadForm';

/** Breaking the cluster on purpose: partitions, one-click faults, the whole network's behaviour. */
export function FaultsPanel() {
  const store = useStoreApi();
  const ids = useStore((s) => s.scenario.nodes);
  const picked = useStore((s) => s.picked);
  const isBoxSelect = useStore((s) => s.isBoxSelect);
  const face = useFace();
  // What each of the protocol's selectors names now, as `id,id|id|...` so the panel re-renders on a change only.
  const named = useStore((s) =>
    selectedNodes(s.frame)
      .map((ids) => ids.join(','))
      .join('|'),
  );
  const selected: readonly (readonly NodeId[])[] = named.split('|').map((ids) => (ids ? ids.split(',') : []));
  const first = selected[0] ?? [];
  const canHeal = useStore((s) => isDivided(s.frame.network, nodeIdsOf(s.scenario)));
  const hasClients = useStore((s) => (s.scenario.clients?.length ?? 0) > 0 && s.frame.protocol.ops !== undefined);

  const minoritySize = Math.floor((ids.length - 1) / 2);
  const splitMajority = () => {
    // The first selector's nodes go to the minority side: cut off from the majority, they lose their role.
    const order = [...first, ...ids.filter((id) => !first.includes(id))];
    const minority = order.slice(0, minoritySize);
    store.act({ type: 'partition', groups: [minority, ids.filter((id) => !minority.includes(id))] });
  };
  const canSplit = picked.length > 0 && picked.length < ids.length;

  return (
    <div className="faults">
      <section aria-labelledby="quick-faults">
        <h3 id="quick-faults">One click</h3>
        <div className="button-row">
          {face.selectors.map((selector, i) => {
            const nodes = selected[i] ?? [];
            return (
              <button
                key={selector.id}
                type="button"
                disabled={nodes.length === 0 || nodes.length >= ids.length}
                onClick={() => store.act({ type: 'partition', groups: [[...nodes]] })}
              >
                Isolate {selector.title}
              </button>
            );
          })}
          <button type="button" disabled={minoritySize < 1} onClick={splitMajority}>
            Split majority | minority
          </button>
          <button type="button" disabled={!canHeal} onClick={() => store.act({ type: 'heal' })} aria-keyshortcuts="H">
            Heal everything
          </button>
        </div>
      </section>

      <section aria-labelledby="partition-tool">
        <h3 id="partition-tool">Partition</h3>
        <p className="hint">
          Pick servers: tick them here, Ctrl-click them, or drag a box on the canvas with the box tool. Then split them
          off: they keep talking to each other, not to the rest.
        </p>
        <fieldset className="pick-list">
          <legend className="sr-only">Servers on the split-off side</legend>
          {ids.map((id) => (
            <label key={id} className="pick">
              <input type="checkbox" checked={picked.includes(id)} onChange={() => store.togglePicked(id)} />
              {id}
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="button" aria-pressed={isBoxSelect} onClick={() => store.setBoxSelect(!isBoxSelect)}>
            Box tool {isBoxSelect ? 'on' : 'off'}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!canSplit}
            onClick={() => {
              store.act({ type: 'partition', groups: [picked] });
              store.setPicked([]);
            }}
          >
            Split off {canSplit ? picked.join(', ') : 'picked servers'}
          </button>
        </div>
      </section>

      <section aria-labelledby="network-tool">
        <h3 id="network-tool">Whole network</h3>
        <NetworkForm />
      </section>

      <section aria-labelledby="clock-tool">
        <h3 id="clock-tool">Clocks</h3>
        <p className="hint">
          Every node's local clock at once: one clock input per node, applied now (a node's menu changes one).
        </p>
        <ClockForm
          submitLabel="Apply to every node's clock"
          onApply={(change) => {
            for (const id of ids) store.act({ type: 'clock', node: id, ...change });
          }}
        />
      </section>

      <section aria-labelledby="client-tool">
        <h3 id="client-tool">Client</h3>
        <ClientRequestForm />
      </section>

      {hasClients && (
        <section aria-labelledby="workload-tool">
          <h3 id="workload-tool">Workload</h3>
          <WorkloadForm />
        </section>
      )}
    </div>
  );
}
