import { useMemo } from 'react';
import { useStore } from '../../../app/useStore';
import { type Bar, type Lane, lockStory, type WriteMark } from './lockStory';
import './lock.css';

const ROW = 34;
const LABEL = 150;
const WIDTH = 1000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const tokenWord = (token: number | null) => (token === null ? 'no token' : `token ${token}`);

/**
 * The lesson's picture: against real time, who held the lease at the service (or each master's key),
 * each client's belief that it holds the lock with its token and where its lease or validity ran out,
 * and the storage's accepted (✓) and refused (✗) writes with their tokens. Under it, the same in words.
 */
export function LockPanel() {
  const trace = useStore((s) => s.frame.trace);
  // The run's time now (the frame keeps the time of its last change while nothing changes).
  const nowMs = useStore((s) => s.now);
  const shape = useStore((s) => s.frame.shape);
  const config = useStore((s) => s.scenario.config) as {
    leaseMs?: number;
    driftFactor?: number;
    driftMarginMs?: number;
  };
  const story = useMemo(() => {
    const leaseMs = config.leaseMs ?? 1000;
    const driftMs = Math.floor(leaseMs * (config.driftFactor ?? 0.01)) + (config.driftMarginMs ?? 2);
    const kinds = new Map(shape.nodes.map((n) => [n.id, n.kind]));
    return lockStory(trace.records, trace.length, nowMs, { leaseMs, driftMs }, (id) => kinds.get(id) ?? 'client');
  }, [trace, nowMs, shape, config]);
  const span = Math.max(story.endMs, 1000);
  const x = (t: number) => LABEL + ((WIDTH - LABEL - 10) * Math.min(t, span)) / span;
  const height = ROW * story.lanes.length + 24;

  if (story.lanes.every((l) => l.bars.length === 0 && l.writes.length === 0)) {
    return <p className="muted">Nobody has taken the lock yet. A client's operation "update V" takes it.</p>;
  }
  return (
    <section className="lock-panel" aria-label="Who held the lock, against real time">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="lock-svg" role="img" aria-labelledby="lock-svg-title">
        <title id="lock-svg-title">
          Leases, beliefs and writes against real time, up to {seconds(nowMs)}; the list below says the same in words.
        </title>
        <defs>
          <pattern id="lock-overrun" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#fbe3d6" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#b34a00" strokeWidth="3" />
          </pattern>
        </defs>
        {story.lanes.map((lane, row) => (
          <LaneRow key={lane.node} lane={lane} y={row * ROW} x={x} now={nowMs} />
        ))}
        <line x1={x(nowMs)} x2={x(nowMs)} y1={0} y2={height - 20} className="lock-now" />
        <text x={x(nowMs)} y={height - 6} className="lock-axis" textAnchor="middle">
          now {seconds(nowMs)}
        </text>
      </svg>
      <ul className="lock-words">
        {story.lanes.map((lane) => (
          <li key={lane.node}>{laneWords(lane, nowMs)}</li>
        ))}
      </ul>
    </section>
  );
}

const KIND_WORD: Record<Lane['kind'], string> = {
  service: 'lock service',
  master: 'redis master',
  client: 'client',
  storage: 'storage',
};

function LaneRow({ lane, y, x, now }: { lane: Lane; y: number; x: (t: number) => number; now: number }) {
  const mid = y + ROW / 2;
  return (
    <g>
      <text x={4} y={mid + 5} className="lock-label">
        {lane.node} {KIND_WORD[lane.kind]}
      </text>
      {lane.bars.map((bar) => {
        const end = bar.to ?? now;
        const validEnd = bar.validTo === null ? end : Math.min(end, bar.validTo);
        return (
          <g key={`${bar.from}-${bar.holder}`}>
            <rect
              x={x(bar.from)}
              y={y + 6}
              width={Math.max(2, x(validEnd) - x(bar.from))}
              height={ROW - 12}
              className={`lock-bar lock-${lane.kind}`}
            />
            {end > validEnd && (
              <rect
                x={x(validEnd)}
                y={y + 6}
                width={Math.max(2, x(end) - x(validEnd))}
                height={ROW - 12}
                fill="url(#lock-overrun)"
                className="lock-overrun"
              />
            )}
            <text x={x(bar.from) + 4} y={mid + 5} className="lock-bar-text">
              {lane.kind === 'client'
                ? tokenWord(bar.token)
                : `${bar.holder}${bar.token === null ? '' : ` · ${bar.token}`}`}
            </text>
          </g>
        );
      })}
      {lane.writes.map((w) => (
        <text
          key={`${w.at}-${w.client}-${w.token}`}
          x={x(w.at)}
          y={mid + 5}
          className={w.accepted ? 'lock-ok' : 'lock-refused'}
          textAnchor="middle"
        >
          {w.accepted ? '✓' : '✗'}
          {w.token ?? ''}
        </text>
      ))}
    </g>
  );
}

/** One lane in words: what a screen reader hears, and what a student copies into notes. */
export function laneWords(lane: Lane, now: number): string {
  const name = `${lane.node} (${KIND_WORD[lane.kind]})`;
  if (lane.kind === 'storage') {
    if (lane.writes.length === 0) return `${name}: no write yet.`;
    return `${name}: ${lane.writes.map(writeWords).join('; ')}.`;
  }
  if (lane.bars.length === 0)
    return `${name}: ${lane.kind === 'client' ? 'has not held the lock' : 'no lock granted'}.`;
  return `${name}: ${lane.bars.map((b) => barWords(lane.kind, b, now)).join('; ')}.`;
}

function barWords(kind: Lane['kind'], b: Bar, now: number): string {
  const until = b.to === null ? 'still now' : `to ${seconds(b.to)}`;
  if (kind !== 'client') {
    return `${b.holder}${b.token === null ? '' : ` with token ${b.token}`} from ${seconds(b.from)} ${until}`;
  }
  const end = b.to ?? now;
  const past =
    b.validTo !== null && end > b.validTo
      ? `, ${seconds(end - b.validTo)} past its lease (ended ${seconds(b.validTo)})`
      : '';
  return `believed it held the lock (${tokenWord(b.token)}) from ${seconds(b.from)} ${until}${past}`;
}

const writeWords = (w: WriteMark) =>
  `${w.accepted ? 'accepted' : 'REFUSED'} ${w.client}'s write of ${w.value} (${tokenWord(w.token)}) at ${seconds(w.at)}`;
