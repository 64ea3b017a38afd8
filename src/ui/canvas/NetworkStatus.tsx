import { Panel } from '@xyflow/react';
import { networkOf, nodeIdsOf, sidesOf } from '../../app/selectors';
import { useStore } from '../../app/useStore';
import type { NetworkState } from '../../engine/network';
import type { NodeId } from '../../engine/types';

/**
 * The words for one network state, kept by its identity: the selector runs on every store update, and the
 * state changes only with a fault, so a 64-node cluster (2,016 pairs) no longer checks every pair each frame.
 */
const said = new WeakMap<NetworkState, { readonly ids: readonly NodeId[]; readonly text: string }>();

export function statusText(state: NetworkState, ids: readonly NodeId[]): string {
  const kept = said.get(state);
  if (kept?.ids === ids) return kept.text;
  const network = networkOf(state);
  const lines: string[] = [];
  const sides = sidesOf(state, ids);
  if (sides.length > 0) lines.push(`Partitioned: ${sides.map((side) => side.join(' ')).join('  |  ')}`);
  const cuts: string[] = [];
  if (state.cuts.length > 0) {
    ids.forEach((a, i) => {
      for (const b of ids.slice(i + 1)) {
        const ab = network.isCut(a, b);
        const ba = network.isCut(b, a);
        if (ab && ba) cuts.push(`${a}–${b}`);
        else if (ab) cuts.push(`${a}→${b}`);
        else if (ba) cuts.push(`${b}→${a}`);
      }
    });
  }
  if (cuts.length > 0) lines.push(`Cut: ${cuts.length > 8 ? `${cuts.length} links` : cuts.join(', ')}`);
  const text = lines.join('\n');
  said.set(state, { ids, text });
  return text;
}

/**
 * The network's faults in words, in the canvas corner, so a broken picture never has to be decoded
 * from line styles alone: the partition's sides and the cut links.
 */
export function NetworkStatus() {
  const text = useStore((s) => statusText(s.frame.network, nodeIdsOf(s.scenario)));
  if (!text) return null;
  return (
    <Panel position="top-left">
      <div className="network-status" role="status">
        {text.split('\n').map((line) => {
          const [label, rest] = line.split(': ');
          return (
            <span key={line}>
              <strong>{label}:</strong> {rest}
            </span>
          );
        })}
      </div>
    </Panel>
  );
}
