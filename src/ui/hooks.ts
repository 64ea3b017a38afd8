import { nodeOf } from '../app/selectors';
import { useStore } from '../app/useStore';
import type { Face } from '../engine/face';
import type { NodeId, NodeView } from '../engine/types';
import { protocolUi } from './protocols';
import type { ProtocolUi } from './protocols/types';

export interface NodeSlice {
  readonly id: NodeId;
  readonly isUp: boolean;
  readonly view: NodeView;
}

const sameSlice = (a: NodeSlice | undefined, b: NodeSlice | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.id === b.id && a.isUp === b.isUp && a.view === b.view);

/** One node's state; re-renders only when that node's view or liveness changes. */
export function useNode(id: NodeId): NodeSlice | undefined {
  return useStore((s) => {
    const node = nodeOf(s.frame, id);
    return node && { id, isUp: node.isUp, view: node.view };
  }, sameSlice);
}

/** Every node's state, in cluster order. */
export function useNodes(): readonly NodeSlice[] {
  return useStore(
    (s) => s.frame.nodes.map((node) => ({ id: node.id, isUp: node.isUp, view: node.view })),
    (a, b) => a.length === b.length && a.every((x, i) => sameSlice(x, b[i])),
  );
}

export function useProtocolUi(): ProtocolUi {
  const id = useStore((s) => s.scenario.protocol);
  return protocolUi(id);
}

export function useProtocol() {
  return useStore((s) => s.frame.protocol);
}

/** The protocol's face: what the generic UI shows of it (engine/face.ts). */
export function useFace(): Face {
  return useStore((s) => s.frame.protocol.face);
}
