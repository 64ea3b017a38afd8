import { preferenceOf } from '../../../protocols/quorum/placement';
import type { HashRing } from '../../../protocols/shared/hashRing';
import { ringHash } from '../../../protocols/shared/hashRing';

/** Okabe and Ito's hues, darkened to at least 4.5:1 on white, one per server in scenario order. */
const HUES = ['#0072b2', '#b34a00', '#007a5a', '#a34d80', '#6a3d9a', '#8a6d00', '#005f87', '#9c2d2d'];
const SIZE = 220;
const C = SIZE / 2;
const R = 80;
const FULL = 2 ** 32;

const at = (position: number, radius: number) => {
  const angle = (2 * Math.PI * position) / FULL - Math.PI / 2;
  return { x: C + radius * Math.cos(angle), y: C + radius * Math.sin(angle) };
};

/**
 * The hash ring (Dynamo §4.2, §4.3): every server's tokens as ticks in its colour, and each key at its hash,
 * from which its preference list, the first n distinct nodes clockwise, is walked (named in the title).
 */
export function RingPicture({ ring, keys, n }: { ring: HashRing; keys: readonly string[]; n: number }) {
  const colour = (node: string) => HUES[ring.members.indexOf(node) % HUES.length] as string;
  const words = keys.map((k) => `${k} on ${preferenceOf(ring, k, n).join(', ')}`).join('; ');
  return (
    <figure className="quorum-ring">
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="quorum-ring-title">
        <title id="quorum-ring-title">
          The hash ring: {ring.members.length} nodes with {ring.tokens.length} tokens. {words}
        </title>
        <circle cx={C} cy={C} r={R} fill="none" stroke="#767676" strokeWidth={1} />
        {ring.tokens.map((t) => {
          const a = at(t.token, R - 7);
          const b = at(t.token, R + 7);
          return (
            <line
              key={`${t.node}-${t.token}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke={colour(t.node)}
              strokeWidth={3}
            />
          );
        })}
        {keys.map((k) => {
          const p = at(ringHash(k), R - 24);
          const q = at(ringHash(k), R - 9);
          return (
            <g key={k}>
              <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke="#222" strokeWidth={1.5} />
              <text x={p.x} y={p.y} fontSize={13} fontWeight={700} textAnchor="middle" dominantBaseline="middle">
                {k}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="quorum-legend">
        {ring.members.map((m) => (
          <span key={m}>
            <span className="quorum-swatch" style={{ background: colour(m) }} aria-hidden="true" /> {m}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
