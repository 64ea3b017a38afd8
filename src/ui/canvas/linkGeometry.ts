import type { XY } from '../../app/layout';
import type { LinkStatus } from '../../app/selectors';

/** What a link draws between two display centres: its line (broken when cut or across a partition) and a cross where it is cut. */
export interface LinkMarks {
  readonly whole: string;
  readonly line: string;
  /** Where the cross sits: mid-link when cut both ways, near the deaf end when cut one way. */
  readonly cross: XY | null;
  readonly mid: XY;
}

export function linkMarks(p: XY, q: XY, status: LinkStatus): LinkMarks {
  const at = (t: number) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
  const mid = at(0.5);
  const whole = `M ${p.x} ${p.y} L ${q.x} ${q.y}`;
  const isBroken = status === 'cut' || status === 'partitioned';
  const gapA = at(0.44);
  const gapB = at(0.56);
  const line = isBroken ? `M ${p.x} ${p.y} L ${gapA.x} ${gapA.y} M ${gapB.x} ${gapB.y} L ${q.x} ${q.y}` : whole;
  const cross = status === 'cut' ? mid : status === 'cut-ab' ? at(0.78) : status === 'cut-ba' ? at(0.22) : null;
  return { whole, line, cross, mid };
}

/** The squared distance from `c` to the segment p-q: which link a click landed on. */
export function distanceToSegment2(c: XY, p: XY, q: XY): number {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((c.x - p.x) * dx + (c.y - p.y) * dy) / length2));
  const x = p.x + t * dx - c.x;
  const y = p.y + t * dy - c.y;
  return x * x + y * y;
}
