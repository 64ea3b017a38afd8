import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { hasLinkOverride, linkStatus } from '../../app/selectors';
import { useStore } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { useDisplayCentre } from './useStage';

export interface LinkData extends Record<string, unknown> {
  readonly a: NodeId;
  readonly b: NodeId;
}

export type { LinkStatus } from '../../app/selectors';

/**
 * A link between two servers. Open: a quiet grey line. Cut: red and broken in the middle, with a
 * cross in the gap. Cut one way: a cross near the end that no longer hears the other. Across a
 * partition: a faint broken line.
 */
export const LinkEdge = memo(function LinkEdge({ data }: EdgeProps) {
  const { a, b } = data as LinkData;
  const p = useDisplayCentre(a);
  const q = useDisplayCentre(b);
  // The frame shares its network between faults: the same object, so this compares one reference per frame.
  const network = useStore((s) => s.frame.network);
  const status = linkStatus(network, a, b);
  const hasOverride = hasLinkOverride(network, a, b);
  const isInspected = useStore(
    (s) =>
      s.selection?.kind === 'link' &&
      ((s.selection.a === a && s.selection.b === b) || (s.selection.a === b && s.selection.b === a)),
  );
  if (!p || !q) return null;
  const mid = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
  const at = (t: number) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
  const whole = `M ${p.x} ${p.y} L ${q.x} ${q.y}`;
  const isBroken = status === 'cut' || status === 'partitioned';
  const gapA = at(0.44);
  const gapB = at(0.56);
  const broken = `M ${p.x} ${p.y} L ${gapA.x} ${gapA.y} M ${gapB.x} ${gapB.y} L ${q.x} ${q.y}`;
  const cross = status === 'cut' ? mid : status === 'cut-ab' ? at(0.78) : status === 'cut-ba' ? at(0.22) : null;

  return (
    <>
      <path d={whole} className="link-hit" />
      <path d={isBroken ? broken : whole} className={`link link-${status}${isInspected ? ' is-inspected' : ''}`} />
      {cross && (
        <g className="link-cross" transform={`translate(${cross.x} ${cross.y})`}>
          <circle r={11} />
          <path d="M -5 -5 L 5 5 M 5 -5 L -5 5" />
        </g>
      )}
      {hasOverride && !cross && (
        <g className="link-tuned" transform={`translate(${mid.x} ${mid.y})`}>
          <circle r={9} />
          <text dy="0.35em">~</text>
        </g>
      )}
    </>
  );
});
