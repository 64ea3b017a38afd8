import type { ComponentType } from 'react';
import type { NodeId, NodeView } from '../../engine/types';

export interface NodeDetailsProps {
  readonly id: NodeId;
  readonly view: NodeView;
  readonly isUp: boolean;
}

/**
 * What a protocol adds to the generic workbench beyond its face (engine/face.ts: role words and colours,
 * badges, milestones, selectors, commands). Every field is optional.
 */
export interface ProtocolUi {
  /** The timer that drains on a node's ring (default: the node's earliest pending timer). */
  readonly ringTimer?: string;
  /** What the ring shows, for the canvas's legend (`time left until it stands for election`). */
  readonly ringWord?: string;
  /**
   * The inspector's view of a node's state (default: the view as JSON). `isUp` false: the node has crashed,
   * and its role reads as crashed (its view keeps what it last was).
   */
  readonly NodeDetails?: ComponentType<NodeDetailsProps>;
  /** The protocol's own panel under the canvas (Raft: every log; 2PC: the transactions). */
  readonly Panel?: ComponentType;
  readonly panelTitle?: string;
}
