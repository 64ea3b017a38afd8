import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { drawnLinks } from '../../app/layout';
import { hasLinkOverride, isEitherWayCut, type LinkStatus, linkStatus } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import { LinkDecor } from './LinkEdge';
import { distanceToSegment2, linkMarks } from './linkGeometry';
import { displayCentres } from './stage';
import { useStageOf } from './useStage';

/**
 * Above this many links (a full mesh of 29 nodes or more), the links are drawn by one layer instead of an
 * edge each: a React Flow edge is an SVG of its own with two store subscriptions, and two thousand of them
 * (64 nodes) cost more per frame than the whole rest of the canvas. Below it, each link is a focusable edge.
 */
export const BULK_LINKS = 400;

/** How close (screen px) a click must land to a link to cut or mend it. */
const PICK_PX = 9;

/**
 * Every link of a large cluster in one SVG beneath the nodes: the open links as one path, the links across
 * a partition as another, and each cut or tuned link (a few) with its own marks. It changes only when the
 * network, the layout or the inspected link does. A click on a line cuts or mends the nearest link, as a
 * click on an edge does.
 */
export function LinkLayer() {
  const store = useStoreApi();
  const stage = useStageOf();
  const shape = useStore((s) => s.frame.shape);
  const network = useStore((s) => s.frame.network);
  const positions = useStore((s) => s.positions);
  const inspected = useStore((s) => (s.selection?.kind === 'link' ? s.selection : null));
  const flow = useReactFlow();
  const centres = useMemo(() => displayCentres(stage, positions), [stage, positions]);
  const links = useMemo(() => drawnLinks(shape), [shape]);

  const drawing = useMemo(() => {
    const lines: Record<'open' | 'partitioned', string[]> = { open: [], partitioned: [] };
    const marked: { key: string; status: LinkStatus; line: string; decor: Parameters<typeof LinkDecor>[0] }[] = [];
    for (const { a, b } of links) {
      const p = centres[a];
      const q = centres[b];
      if (!p || !q) continue;
      const status = linkStatus(network, a, b);
      const hasOverride = hasLinkOverride(network, a, b);
      const marks = linkMarks(p, q, status);
      if ((status === 'open' || status === 'partitioned') && !hasOverride) lines[status].push(marks.line);
      else marked.push({ key: `${a}~${b}`, status, line: marks.line, decor: { ...marks, hasOverride } });
    }
    return { open: lines.open.join(' '), partitioned: lines.partitioned.join(' '), marked };
  }, [links, centres, network]);

  const onClick = useCallback(
    (event: React.MouseEvent) => {
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const radius = PICK_PX / flow.getZoom();
      let best: { a: string; b: string } | null = null;
      let bestD = radius * radius;
      for (const { a, b } of links) {
        const p = centres[a];
        const q = centres[b];
        if (!p || !q) continue;
        const d = distanceToSegment2(at, p, q);
        if (d <= bestD) {
          bestD = d;
          best = { a, b };
        }
      }
      if (!best) return;
      event.stopPropagation();
      const isCut = isEitherWayCut(store.getState().frame.network, best.a, best.b);
      store.act({ type: isCut ? 'mend' : 'cut', from: best.a, to: best.b });
      store.select({ kind: 'link', ...best });
    },
    [flow, links, centres, store],
  );

  const inspectedLine =
    inspected && centres[inspected.a] && centres[inspected.b]
      ? linkMarks(
          centres[inspected.a] as { x: number; y: number },
          centres[inspected.b] as { x: number; y: number },
          linkStatus(network, inspected.a, inspected.b),
        )
      : null;

  return (
    <ViewportPortal>
      <svg className="link-layer" aria-hidden="true" onClick={onClick}>
        <path d={drawing.open} className="link-hit" />
        <path d={drawing.partitioned} className="link-hit" />
        <path d={drawing.open} className="link link-open" />
        <path d={drawing.partitioned} className="link link-partitioned" />
        {drawing.marked.map((m) => (
          <g key={m.key}>
            <path d={m.line} className="link-hit" />
            <path d={m.line} className={`link link-${m.status}`} />
            <LinkDecor {...m.decor} />
          </g>
        ))}
        {inspectedLine && <path d={inspectedLine.line} className="link is-inspected" />}
      </svg>
    </ViewportPortal>
  );
}
