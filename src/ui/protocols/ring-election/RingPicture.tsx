import type { VirtualMs } from '../../../engine/types';
import type { RingView } from '../../../protocols/ring-election/types';
import { chipsOf, placeOnCircle, type WireMessage } from './ringPicture';

interface Props {
  readonly views: readonly { readonly id: string; readonly isUp: boolean; readonly v: RingView }[];
  readonly messages: readonly WireMessage[];
  readonly nowMs: VirtualMs;
}

const SIZE = 300;
const CENTER = { x: SIZE / 2, y: SIZE / 2 };
const RADIUS = 108;

/** The ring itself: processes with uid and marks, the one-way arrow, and each message on its arc. */
export function RingPicture({ views, messages, nowMs }: Props) {
  const order = views.map((n) => n.id);
  const chips = chipsOf(messages, order, nowMs, CENTER, RADIUS);
  const nodeRadius = views.length > 10 ? 14 : 20;
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="ring-svg" role="img" aria-labelledby="ring-svg-title">
      <title id="ring-svg-title">
        {`The ring: ${views.map((n) => `${n.id} uid ${n.v.uid}${n.v.participant ? ' participant' : ''}${n.v.isLeader ? ' leader' : ''}${n.isUp ? '' : ' down'}`).join(', ')}; ${chips.length} messages on the wire`}
      </title>
      <circle cx={CENTER.x} cy={CENTER.y} r={RADIUS} className="ring-track" />
      <text x={CENTER.x} y={CENTER.y - 4} textAnchor="middle" className="ring-direction">
        ↻ one way
      </text>
      <text x={CENTER.x} y={CENTER.y + 14} textAnchor="middle" className="ring-direction">
        each to the next
      </text>
      {views.map((n, i) => {
        const p = placeOnCircle(i, views.length, CENTER, RADIUS);
        const label = placeOnCircle(i, views.length, CENTER, RADIUS + nodeRadius + 14);
        const look = !n.isUp
          ? 'ring-node ring-down'
          : n.v.isLeader
            ? 'ring-node ring-leader'
            : n.v.participant
              ? 'ring-node ring-participant'
              : 'ring-node';
        return (
          <g key={n.id}>
            <circle cx={p.x} cy={p.y} r={nodeRadius} className={look} />
            <text x={p.x} y={p.y + 5} textAnchor="middle" className="ring-uid">
              {n.v.uid}
            </text>
            <text x={label.x} y={label.y + 4} textAnchor="middle" className="ring-id">
              {`${n.id}${n.isUp ? '' : ' ✗'}${n.v.isLeader ? ' ★' : n.v.participant ? ' ●' : ''}`}
            </text>
          </g>
        );
      })}
      {chips.map((c) => (
        <g key={c.id} className={c.isLost ? 'ring-chip ring-chip-lost' : `ring-chip ring-chip-${c.type}`}>
          <rect x={c.x - 15} y={c.y - 10} width={30} height={20} rx={5} />
          <text x={c.x} y={c.y + 5} textAnchor="middle">
            {c.type === 'Elected' ? `★${c.uid}` : c.uid}
          </text>
        </g>
      ))}
    </svg>
  );
}
