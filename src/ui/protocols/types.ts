import type { ComponentType } from 'react';
import type { NodeId, NodeView } from '../../engine/types';

export interface RoleLook {
  /** The word shown on the node: never colour alone. */
  readonly label: string;
  /** A CSS colour with at least 4.5:1 contrast on white. */
  readonly color: string;
}

export interface NodeExtrasProps {
  readonly id: NodeId;
  readonly view: NodeView;
  readonly isUp: boolean;
  readonly clusterSize: number;
}

/** What a protocol adds to the generic workbench. Every field is optional. */
export interface ProtocolUi {
  readonly roleLook?: (role: string) => RoleLook | undefined;
  /** The timer that drains on a node's ring (default: the node's earliest pending timer). */
  readonly ringTimer?: string;
  /** A few words under the role on the node card (Raft: the votes a candidate holds). */
  readonly NodeExtras?: ComponentType<NodeExtrasProps>;
  /** The inspector's view of a node's state (default: the view as JSON). */
  readonly NodeDetails?: ComponentType<{ readonly id: NodeId; readonly view: NodeView }>;
  /** The protocol's own panel under the canvas (Raft: every log; 2PC: the transactions). */
  readonly Panel?: ComponentType;
  readonly panelTitle?: string;
  /** What the header calls the node the protocol names as leader (default `Leader`). */
  readonly leaderWord?: string;
  /** A fresh command for a client request from the node menu: the `count`th request of the run. */
  readonly newCommand?: (count: number) => string;
}
