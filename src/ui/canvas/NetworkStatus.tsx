import { Panel } from '@xyflow/react';
import { networkOf, nodeIdsOf, sidesOf } from '../../app/selectors';
import { useStore } from '../../app/useStore';

/**
 * The network's faults in words, in the canvas corner, so a broken picture never has to be decoded
 * from line styles alone: the partition's sides and the cut links.
 */
export function NetworkStatus() {
  const text = useStore((s) => {
    const network = networkOf(s.frame.network);
    const ids = nodeIdsOf(s.scenario);
    const lines: string[] = [];
    const sides = sidesOf(s.frame.network, ids);
    if (sides.length > 0) lines.push(`Partitioned: ${sides.map((side) => side.join(' ')).join('  |  ')}`);
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
