import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { XY } from '../../app/layout';
import { hasLinkOverride, linkStatus } from '../../app/selectors';
import { useStore } from '../../app/useStore';
import type { NodeId } from '../../engine/types';
import { linkMarks } from './linkGeometry';
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
  const { whole, line, cross, mid } = linkMarks(p, q, status);

  return (
    <>
      <path d={whole} className="link-hit" />
      <path d={line} className={`link link-${status}${isInspected ? ' is-inspected' : ''}`} />
      <LinkDecor cross={cross} mid={mid} hasOverride={hasOverride} />
    </>
  );
});

/** A cut link's cross, or the mark of a link with its own model (a `link` input). */
export function LinkDecor({ cross, mid, hasOverride }: { cross: XY | null; mid: XY; hasOverride: boolean }) {
  if (cross) {
    return (
      <g className="link-cross" transform={`translate(${cross.x} ${cross.y})`}>
        <circle r={11} />
        <path d="M -5 -5 L 5 5 M 5 -5 L -5 5" />
      </g>
    );
  }
  if (!hasOverride) return null;
  return (
    <g className="link-tuned" transform={`translate(${mid.x} ${mid.y})`}>
      <circle r={9} />
      <text dy="0.35em">~</text>
    </g>
  );
}
