import type { BarEnd, Lanes } from './lanes';

const LANE_PX = 30;
const LABEL_PX = 56;
const WIDTH = 900;

/** The word and mark of each ending (never colour alone): ok ✓, fail ✗, unknown ?, still open →. */
export const END_WORDS: Readonly<Record<BarEnd, { mark: string; word: string }>> = {
  ok: { mark: '✓', word: 'ok' },
  fail: { mark: '✗', word: 'fail' },
  info: { mark: '?', word: 'unknown' },
  open: { mark: '→', word: 'open' },
};

/** The lanes as an SVG picture, with a cursor line at the panel's now. */
export function HistoryChart({ lanes, cursor, unit }: { lanes: Lanes; cursor: number; unit: string }) {
  const span = Math.max(1, lanes.endMs - lanes.startMs);
  const x = (t: number) => LABEL_PX + ((Math.min(t, lanes.endMs) - lanes.startMs) / span) * (WIDTH - LABEL_PX - 70);
  const height = 20 + LANE_PX * Math.max(1, lanes.clients.length);
  const marked = lanes.bars.filter((b) => b.isMarked).length;
  const flagged = lanes.bars.filter((b) => b.isFlagged).length;
  return (
    <svg
      className="history-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`${lanes.bars.length} operations of ${lanes.clients.length} clients as bars from invocation to completion${marked > 0 ? `, ${marked} marked as unorderable` : ''}${flagged > 0 ? `, ${flagged} pointed out by the protocol (⚑)` : ''}`}
    >
      {lanes.clients.map((client, i) => (
        <g key={client}>
          <text x={4} y={14 + i * LANE_PX + LANE_PX / 2} className="history-lane-label">
            {client}
          </text>
          <line
            x1={LABEL_PX}
            x2={WIDTH}
            y1={10 + (i + 1) * LANE_PX}
            y2={10 + (i + 1) * LANE_PX}
            className="history-lane-rule"
          />
        </g>
      ))}
      {lanes.bars.map((bar) => {
        const y = 14 + bar.lane * LANE_PX;
        const x0 = x(bar.from);
        const x1 = Math.max(x0 + 3, x(bar.to));
        const { mark, word } = END_WORDS[bar.end];
        return (
          <g
            key={bar.id}
            className={`history-bar is-${bar.end}${bar.isMarked ? ' is-marked' : ''}${bar.isFlagged ? ' is-flagged' : ''}`}
          >
            <title>{`op ${bar.id}: ${bar.label}, ${word} (${bar.from}-${bar.end === 'open' || bar.end === 'info' ? '…' : bar.to} ${unit})`}</title>
            <rect x={x0} y={y} width={x1 - x0} height={LANE_PX - 12} rx={3} />
            <text x={x0 + 3} y={y + 13} className="history-bar-label">
              {`${bar.isMarked ? '! ' : ''}${bar.isFlagged ? '⚑ ' : ''}${bar.id} ${bar.label}`}
            </text>
            <text x={x1 + 3} y={y + 13} className="history-bar-end">
              {`${mark} ${word}`}
            </text>
          </g>
        );
      })}
      <line x1={x(cursor)} x2={x(cursor)} y1={4} y2={height} className="history-cursor" />
    </svg>
  );
}
