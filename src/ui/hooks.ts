import { useEffect, useRef } from 'react';
import type { FrameNode } from '../app/frame';
import { pauseAt } from '../app/pauseNav';
import { nodeOf } from '../app/selectors';
import { useStore } from '../app/useStore';
import type { ClockState } from '../engine/clock';
import type { Face } from '../engine/face';
import type { PauseShows } from '../engine/inputs/pause';
import type { NodeId, NodeView, VirtualMs } from '../engine/types';
import { protocolUi } from './protocols';
import type { ProtocolUi } from './protocols/types';

export interface NodeSlice {
  readonly id: NodeId;
  readonly isUp: boolean;
  readonly view: NodeView;
  /** Its local clock (spec/protocols.md §1.4) and, while its process is paused (§1.3), when the pause ends. */
  readonly clock: ClockState;
  readonly stalledUntil?: VirtualMs;
  /** §1.5: a client's operations in flight (frame.ts). */
  readonly ops?: readonly string[];
  /** spec/protocols.md §1.6: the Byzantine mode it runs, absent while honest. */
  readonly byzantine?: string;
  /** §1.7: false outside the cluster; absent for protocols without membership. */
  readonly member?: boolean;
}

const sameSlice = (a: NodeSlice | undefined, b: NodeSlice | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.id === b.id &&
    a.isUp === b.isUp &&
    a.view === b.view &&
    a.ops === b.ops &&
    a.clock === b.clock &&
    a.stalledUntil === b.stalledUntil &&
    a.ops === b.ops &&
    a.byzantine === b.byzantine &&
    a.member === b.member);

const sliceOf = (node: FrameNode): NodeSlice => {
  const { id, isUp, view, clock, stalledUntil, ops, byzantine, member } = node;
  return {
    id,
    isUp,
    view,
    clock,
    ...(stalledUntil === undefined ? {} : { stalledUntil }),
    ...(ops === undefined ? {} : { ops }),
    ...(byzantine === undefined ? {} : { byzantine }),
    ...(member === undefined ? {} : { member }),
  };
};

/** One node's state; re-renders only when that node's view, liveness or marks change. */
export function useNode(id: NodeId): NodeSlice | undefined {
  return useStore((s) => {
    const node = nodeOf(s.frame, id);
    return node && sliceOf(node);
  }, sameSlice);
}

/** Every node's state, in cluster order. */
export function useNodes(): readonly NodeSlice[] {
  return useStore(
    (s) => s.frame.nodes.map(sliceOf),
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

/**
 * What the pause point the run stands at asks to have open (`show` of a pause input: the protocol's
 * panel or the diagram), or null. Changes only when the run arrives at or leaves such a pause.
 */
export function useAskedToShow(): PauseShows | null {
  return useStore((s) => pauseAt(s.frame.inputs, s.now, s.playing || s.seeking !== null)?.show ?? null);
}

/**
 * Opens what a pause point asks for, once per arrival: `open` runs when the run reaches a pause whose
 * `show` is `what`; the user may close it again while standing there.
 */
export function useOpenWhenAsked(what: PauseShows, open: () => void): void {
  const asked = useAskedToShow();
  const opened = useRef(open);
  opened.current = open;
  useEffect(() => {
    if (asked === what) opened.current();
  }, [asked, what]);
}
