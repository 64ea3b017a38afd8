import {
  Background,
  BackgroundVariant,
  Controls,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  ReactFlow,
} from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { drawnLinks } from '../../app/layout';
import { isEitherWayCut, nodeIdsOf } from '../../app/selectors';
import { useStore, useStoreApi } from '../../app/useStore';
import { nodeWord } from '../faces';
import { useFace } from '../hooks';
import { FitStage } from './FitStage';
import { Legend } from './Legend';
import { type LinkData, LinkEdge } from './LinkEdge';
import { BULK_LINKS, LinkLayer } from './LinkLayer';
import { MessageLayer } from './MessageLayer';
import { NetworkStatus } from './NetworkStatus';
import { NodeCard } from './NodeCard';
import { RING_CANVAS_NODES, RingCanvas } from './RingCanvas';
import { fromDisplay, toDisplay } from './stage';
import { StageContext, useMeasuredStage } from './useStage';

const nodeTypes = { server: NodeCard };
const edgeTypes = { link: LinkEdge };

/**
 * The cluster: nodes where the protocol's layout hint puts them (draggable), a line for every link
 * that exists (every pair in a full mesh), messages in flight on top. React Flow's `nodes` hold only position and selection; everything that changes with time is
 * read by the components themselves from the store. The stage (stage.ts) stretches the layout to the
 * canvas and sizes the cards so their words read from the back row, at zoom 1.
 */
export function Canvas() {
  const store = useStoreApi();
  const isBoxSelect = useStore((s) => s.isBoxSelect);
  const ids = useStore((s) => nodeIdsOf(s.scenario));
  const shape = useStore((s) => s.frame.shape);
  const runId = useStore((s) => s.runId);
  const positions = useStore((s) => s.positions);
  const picked = useStore((s) => s.picked);
  const word = nodeWord(useFace());
  const [legendWidth, setLegendWidth] = useState(0);
  const [isLegendOpen, setLegendOpen] = useState<boolean | null>(null);
  const inset = legendWidth;
  const { ref, stage, size, view } = useMeasuredStage(inset);
  // Open at first where there is room beside the cluster for it; the user's choice holds after that.
  const isLegendShown = isLegendOpen ?? (view === 'workbench' && size.width >= 760 && size.height >= 320);

  const nodes: Node[] = useMemo(
    () =>
      ids.map((id) => {
        const centre = toDisplay(stage, positions[id] ?? { x: 0, y: 0 });
        return {
          id,
          type: 'server',
          position: { x: centre.x - stage.cardWidth / 2, y: centre.y - stage.card / 2 },
          data: {},
          width: stage.cardWidth,
          height: stage.card,
          selected: picked.includes(id),
          ariaLabel: `${word} ${id}`,
        };
      }),
    [ids, positions, picked, word, stage],
  );

  const links = useMemo(() => drawnLinks(shape), [shape]);
  const isBulk = links.length > BULK_LINKS;
  const edges: Edge<LinkData>[] = useMemo(
    () =>
      (isBulk ? [] : links).map(({ a, b }) => ({
        id: `${a}~${b}`,
        source: a,
        target: b,
        type: 'link',
        data: { a, b },
        ariaLabel: `Link ${a}–${b}`,
        ariaRole: 'button',
        interactionWidth: 0,
      })),
    [links, isBulk],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      let picked = [...store.getState().picked];
      let hasSelection = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          const { x, y } = change.position;
          store.moveNode(change.id, fromDisplay(stage, { x: x + stage.cardWidth / 2, y: y + stage.card / 2 }));
        }
        if (change.type === 'select') {
          hasSelection = true;
          picked = change.selected
            ? [...picked.filter((p) => p !== change.id), change.id]
            : picked.filter((p) => p !== change.id);
        }
      }
      if (hasSelection) store.setPicked(picked);
    },
    [store, stage],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      // Keyboard: Enter on a focused link selects it; the inspector then offers its menu.
      for (const change of changes) {
        if (change.type !== 'select' || !change.selected) continue;
        const [a, b] = change.id.split('~');
        if (a && b) store.select({ kind: 'link', a, b });
      }
    },
    [store],
  );

  const onEdgeClick = useCallback(
    (_: unknown, edge: Edge) => {
      const { a, b } = edge.data as LinkData;
      const isCut = isEitherWayCut(store.getState().frame.network, a, b);
      store.act({ type: isCut ? 'mend' : 'cut', from: a, to: b });
      store.select({ kind: 'link', a, b });
    },
    [store],
  );

  const onNodeClick = useCallback(
    (event: React.MouseEvent, node: Node) => {
      if (event.shiftKey || event.metaKey || event.ctrlKey || isBoxSelect) return;
      store.select({ kind: 'node', id: node.id });
      store.openMenu(store.getState().menuFor === node.id ? null : node.id);
    },
    [store, isBoxSelect],
  );

  const onPaneClick = useCallback(() => {
    store.openMenu(null);
    store.setPicked([]);
  }, [store]);

  const stageStyle = {
    '--card': `${stage.card}px`,
    '--card-width': `${stage.cardWidth}px`,
    '--font': `${stage.font}px`,
  } as React.CSSProperties;

  return (
    <StageContext.Provider value={stage}>
      <ReactFlow
        key={runId}
        ref={ref}
        style={stageStyle}
        data-words={stage.words}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onEdgeClick={onEdgeClick}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        minZoom={0.2}
        maxZoom={2.5}
        nodesConnectable={false}
        deleteKeyCode={null}
        selectionOnDrag={isBoxSelect}
        panOnDrag={!isBoxSelect}
        elevateEdgesOnSelect={false}
        aria-label="Cluster canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={28} size={1.2} color="#d5d8dd" />
        <Controls showInteractive={false} position="bottom-left" />
        {isBulk && <LinkLayer />}
        {ids.length > RING_CANVAS_NODES && <RingCanvas />}
        <MessageLayer />
        <NetworkStatus />
        <Legend isOpen={isLegendShown} onToggle={() => setLegendOpen(!isLegendShown)} onWidth={setLegendWidth} />
        <FitStage stage={stage} inset={inset} />
      </ReactFlow>
    </StageContext.Provider>
  );
}
