import { Panel } from '@xyflow/react';
import { useStore } from '../../app/useStore';

/**
 * The network's faults in words, in the canvas corner, so a broken picture never has to be decoded
 * from line styles alone: the partition's sides and the cut links.
 */
export function NetworkStatus() {
  useStore((s) => s.faultRevision);
  const text = useStore((s) => {
    const network = s.sim.network;
    const ids = s.scenario.nodes;
    const lines: string[] = [];
    if (network.isPartitioned) {
      const sides = new Map<number, string[]>();
      for (const id of ids) {
        const group = network.groupOf(id);
        sides.set(group, [...(sides.get(group) ?? []), id]);
      }
      lines.push(`Partitioned: ${[...sides.values()].map((side) => side.join(' ')).join('  |  ')}`);
    }
    const cuts: string[] = [];
    ids.forEach((a, i) => {
      for (const b of ids.slice(i + 1)) {
        const ab = network.isCut(a, b);
        const ba = network.isCut(b, a);
        if (ab && ba) cuts.push(`${a}–${b}`);
        else if (ab) cuts.push(`${a}→${b}`);
        else if (ba) cuts.push(`${b}→${a}`);
      }
    });
    if (cuts.length > 0) lines.push(`Cut: ${cuts.length > 8 ? `${cuts.length} links` : cuts.join(', ')}`);
    return lines.join('\n');
  });
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
