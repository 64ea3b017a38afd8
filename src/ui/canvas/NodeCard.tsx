import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useRef } from 'react';
import { useStore, useStoreApi } from '../../app/useStore';
import { badgeText, nodeLook, roleGlyph } from '../faces';
import { useFace, useNode, useProtocolUi } from '../hooks';
import { pausedText } from '../panels/timeWords';
import { byzantineWords, OUTSIDE_WORDS } from './marks';
import { cardWidthFor } from './messageLook';
import { NodeMenu } from './NodeMenu';
import { RING_CANVAS_NODES } from './RingCanvas';
import { TimerRing } from './TimerRing';
import { useDisplayCentre, useStageOf } from './useStage';

const hiddenHandle = { top: '50%', left: '50%', width: 1, height: 1, minWidth: 0, minHeight: 0, opacity: 0, border: 0 };

/**
 * One node on the canvas. It reads its own state from the store by id, so a change elsewhere in
 * the cluster, or the clock, does not re-render it; only its timer ring follows the clock.
 */
export const NodeCard = memo(function NodeCard({ id, selected }: NodeProps) {
  const store = useStoreApi();
  const node = useNode(id);
  const ui = useProtocolUi();
  const face = useFace();
  const clusterSize = useStore((s) => s.scenario.nodes.length);
  const isInspected = useStore((s) => s.selection?.kind === 'node' && s.selection.id === id);
  const isMenuOpen = useStore((s) => s.menuFor === id);
  const button = useRef<HTMLButtonElement>(null);
  const stage = useStageOf();
  const centre = useDisplayCentre(id);
  if (!node) return null;

  const look = nodeLook(face, node, clusterSize);
  const glyph = roleGlyph(look, node.isUp);
  // A long role or badge widens this card about its centre (React Flow's box keeps the stage's width).
  const width = cardWidthFor(stage, look, node.isUp, id);
  const style = {
    '--role': look.role.color,
    ...(width > stage.cardWidth ? { '--card-width': `${width}px`, marginLeft: (stage.cardWidth - width) / 2 } : {}),
  } as React.CSSProperties;
  const classes = ['node-card', node.isUp ? 'is-up' : 'is-crashed'];
  if (selected) classes.push('is-picked');
  // §1.6, §1.7: a Byzantine node is marked by a glyph and a word; a server outside the cluster is dimmed.
  if (node.byzantine !== undefined) classes.push('is-byzantine');
  if (node.member === false) classes.push('is-outside');
  if (isInspected) classes.push('is-inspected');
  if (node.isUp && node.stalledUntil !== undefined) classes.push('is-paused');

  return (
    <div className={classes.join(' ')} style={style}>
      <Handle type="source" position={Position.Top} isConnectable={false} style={hiddenHandle} />
      <Handle type="target" position={Position.Top} isConnectable={false} style={hiddenHandle} />
      {/* A large cluster's rings are drawn together on one canvas (RingCanvas.tsx). */}
      {node.isUp && clusterSize <= RING_CANVAS_NODES && <TimerRing id={id} timerName={ui.ringTimer} />}
      <div className="node-face">
        <span className="node-id">{id}</span>
        <span className={node.isUp ? 'node-role' : 'node-role is-crashed'} data-node-role={look.role.word}>
          {glyph && (
            <span className="node-glyph" aria-hidden="true">
              {glyph}{' '}
            </span>
          )}
          {look.role.word}
        </span>
        {look.badge && (
          <span
            className="node-badge"
            data-node-badge=""
            style={look.badge.color && node.isUp ? { color: look.badge.color, fontWeight: 700 } : undefined}
          >
            {look.badge.mark && <span aria-hidden="true">{look.badge.mark} </span>}
            {badgeText(look.badge)}
          </span>
        )}
        {look.note && <span className="node-note">{look.note}</span>}
        {node.isUp && node.stalledUntil !== undefined && (
          <span className="node-paused" data-node-paused="">
            {pausedText(node.stalledUntil)}
          </span>
        )}
        {node.isUp && node.ops && node.ops.length > 0 && (
          // §1.5: a client's operations in flight, as the requests stated them (`write x 3 …`).
          <span className="node-ops" data-node-ops="">
            {node.ops.map((op) => `${op} …`).join(', ')}
          </span>
        )}
        {node.byzantine !== undefined && (
          <span className="node-byzantine" data-node-byzantine={node.byzantine}>
            {byzantineWords(node.byzantine)}
          </span>
        )}
        {node.member === false && <span className="node-outside">{OUTSIDE_WORDS}</span>}
      </div>
      <button
        ref={button}
        type="button"
        className="node-menu-button nodrag"
        aria-label={`Actions for ${id}`}
        aria-haspopup="menu"
        aria-expanded={isMenuOpen}
        onClick={(event) => {
          event.stopPropagation();
          store.select({ kind: 'node', id });
          store.openMenu(isMenuOpen ? null : id);
        }}
      >
        ⋯
      </button>
      {isMenuOpen && (
        <NodeMenu
          id={id}
          isUp={node.isUp}
          byzantine={node.byzantine}
          member={node.member}
          opensLeft={(centre?.x ?? 0) > 0}
          opensUp={(centre?.y ?? 0) > 0}
          onClose={(refocus) => {
            store.openMenu(null);
            if (refocus) button.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </div>
  );
});
