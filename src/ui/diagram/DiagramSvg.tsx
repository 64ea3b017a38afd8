import { memo } from 'react';
import type { DiagramScene, SceneArrow, SceneText } from './scene';
import { COLOR, CROSS_PX, DOT_PX, FONT, FONT_PX, STROKE } from './style';

interface Props {
  readonly scene: DiagramScene;
  readonly highlighted: number | null;
  /** A unique id for the hatch pattern, so two diagrams on a page never share one. */
  readonly patternId: string;
  readonly onHover?: (id: number | null) => void;
}

function Label({ t, fontPx, fill, weight = 400 }: { t: SceneText; fontPx: number; fill: string; weight?: number }) {
  return (
    <text
      x={t.x}
      y={t.y}
      textAnchor={t.anchor}
      dominantBaseline="central"
      fontSize={fontPx}
      fontWeight={weight}
      fill={fill}
      stroke={COLOR.halo}
      strokeWidth={4}
      strokeLinejoin="round"
      paintOrder="stroke"
    >
      {t.text}
    </text>
  );
}

function Arrow({ a, isHighlighted, onHover }: { a: SceneArrow; isHighlighted: boolean; onHover?: Props['onHover'] }) {
  const s = a.segment;
  const color = a.fate === 'dropped' ? COLOR.dropped : COLOR.message;
  const width = isHighlighted ? STROKE.highlighted : STROKE.message;
  const c = CROSS_PX;
  return (
    <g
      data-message-id={a.id}
      data-fate={a.fate}
      data-kind={a.isReply ? 'reply' : 'request'}
      onPointerEnter={onHover && (() => onHover(a.id))}
      onPointerLeave={onHover && (() => onHover(null))}
    >
      <title>{a.title}</title>
      {isHighlighted && (
        <line {...s} stroke={COLOR.highlight} strokeWidth={10} strokeLinecap="round" pointerEvents="none" />
      )}
      <line
        {...s}
        stroke={color}
        strokeWidth={width}
        strokeDasharray={a.isReply ? STROKE.replyDash : undefined}
        pointerEvents="none"
      />
      {a.head &&
        (a.isReply ? (
          <polyline points={a.head.join(' ')} fill="none" stroke={color} strokeWidth={width} strokeLinejoin="round" />
        ) : (
          <polygon points={a.head.join(' ')} fill={color} />
        ))}
      {a.fate === 'dropped' && (
        <path
          d={`M${s.x2 - c},${s.y2 - c}L${s.x2 + c},${s.y2 + c}M${s.x2 - c},${s.y2 + c}L${s.x2 + c},${s.y2 - c}`}
          stroke={COLOR.dropped}
          strokeWidth={3}
          strokeLinecap="round"
        />
      )}
      {a.fate === 'inFlight' && (
        <circle
          cx={s.x2}
          cy={s.y2}
          r={DOT_PX}
          fill={a.isReply ? COLOR.background : color}
          stroke={color}
          strokeWidth={2}
        />
      )}
      {/* Last, so the wide invisible stroke is what the pointer finds. */}
      <line {...s} stroke="transparent" strokeWidth={STROKE.hit} pointerEvents="stroke" />
    </g>
  );
}

/** The scene as SVG elements: the same drawing as `sceneToSvgString`, with hover on every arrow. */
export const DiagramSvg = memo(function DiagramSvg({ scene, highlighted, patternId, onHover }: Props) {
  const { width, height, plot } = scene;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={FONT}
      aria-hidden="true"
      style={{ display: 'block', userSelect: 'none' }}
    >
      <defs>
        <pattern id={patternId} width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="10" height="10" fill={COLOR.crashFill} />
          <line x1="0" y1="0" x2="0" y2="10" stroke={COLOR.crashStripe} strokeWidth="4" />
        </pattern>
      </defs>
      <rect width={width} height={height} fill={COLOR.background} />
      {scene.ticks.map((t) => (
        <line key={`g${t.x}`} x1={t.x} y1={plot.top} x2={t.x} y2={plot.bottom} stroke={COLOR.grid} />
      ))}
      {scene.bands.map((b) => (
        <rect
          key={`${b.kind}${b.x}|${b.y}`}
          x={b.x}
          y={b.y}
          width={b.w}
          height={b.h}
          fill={b.kind === 'crashed' ? `url(#${patternId})` : COLOR.sides[b.side % COLOR.sides.length]}
          stroke={b.kind === 'crashed' ? COLOR.crashStripe : undefined}
        >
          <title>{b.title}</title>
        </rect>
      ))}
      {scene.lanes.map((l) => (
        <line
          key={l.id}
          x1={plot.left}
          y1={l.y}
          x2={plot.right}
          y2={l.y}
          stroke={COLOR.lane}
          strokeWidth={STROKE.lane}
        />
      ))}
      {scene.marks.map((m) => (
        <line
          key={`m${m.x}|${m.y1}|${m.y2}`}
          x1={m.x}
          y1={m.y1 - 8}
          x2={m.x}
          y2={m.y2 + 8}
          stroke={COLOR.ink}
          strokeWidth={2}
          strokeDasharray="2 4"
        >
          <title>{m.title}</title>
        </line>
      ))}
      {scene.arrows.map((a) => (
        <Arrow key={a.id} a={a} isHighlighted={a.id === highlighted} onHover={onHover} />
      ))}
      <g pointerEvents="none">
        {scene.bands.map(
          (b) =>
            b.text && (
              <Label key={`t${b.kind}${b.x}|${b.y}`} t={b.text} fontPx={FONT_PX.mark} fill={COLOR.ink} weight={700} />
            ),
        )}
        {scene.marks.map(
          (m) =>
            m.text && <Label key={`t${m.x}|${m.y1}`} t={m.text} fontPx={FONT_PX.mark} fill={COLOR.ink} weight={600} />,
        )}
        {scene.arrows.map(
          (a) =>
            a.label && (
              <Label
                key={`l${a.id}`}
                t={a.label}
                fontPx={FONT_PX.label}
                fill={COLOR.ink}
                weight={a.id === highlighted ? 700 : 500}
              />
            ),
        )}
        {scene.arrows.flatMap((a) =>
          a.clocks.map((c) => (
            <Label key={`c${a.id}|${c.x}|${c.y}`} t={c} fontPx={FONT_PX.clock} fill={COLOR.muted} weight={600} />
          )),
        )}
        {scene.lanes.map((l) => (
          <Label
            key={`n${l.id}`}
            t={{ x: plot.left - 12, y: l.y, text: l.id, anchor: 'end' }}
            fontPx={FONT_PX.lane}
            fill={COLOR.ink}
            weight={700}
          />
        ))}
        {scene.ticks.map((t) => (
          <Label
            key={`k${t.x}`}
            t={{ x: t.x, y: plot.bottom + 18, text: t.label, anchor: 'middle' }}
            fontPx={FONT_PX.tick}
            fill={COLOR.muted}
          />
        ))}
        {scene.cursor && (
          <>
            <line
              x1={scene.cursor.x}
              y1={plot.top - 6}
              x2={scene.cursor.x}
              y2={plot.bottom}
              stroke={COLOR.cursor}
              strokeWidth={STROKE.cursor}
            />
            <Label t={scene.cursor.label} fontPx={FONT_PX.mark} fill={COLOR.cursor} weight={700} />
          </>
        )}
      </g>
    </svg>
  );
});
