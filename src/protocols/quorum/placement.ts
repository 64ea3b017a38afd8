import type { NodeId } from '../../engine/types';
import { buildRing, type HashRing, preferenceList, tokensOf } from '../shared/hashRing';

/**
 * Where keys live (Dynamo §4.2, §4.3), on the shared ring (shared/hashRing.ts): every server has `vnodes`
 * tokens; a key's preference list is the first `n` distinct nodes clockwise from its position.
 */
export function ringOf(servers: readonly NodeId[], vnodes: number): HashRing {
  return buildRing(servers, vnodes);
}

export function tokensOfNode(node: NodeId, vnodes: number): number[] {
  return [...tokensOf(node, vnodes)].sort((a, b) => a - b);
}

/** §4.3: the nodes responsible for `key`, in walk order (the coordinator's first choices). */
export function preferenceOf(ring: HashRing, key: string, n: number): NodeId[] {
  return preferenceList(ring, key, n);
}

/**
 * §4.6: the whole clockwise walk from `key`, every member once. A sloppy quorum takes the first healthy ones;
 * the nodes past the preference list are the stand-ins, tried in this order.
 */
export function walkOf(ring: HashRing, key: string): NodeId[] {
  return preferenceList(ring, key, ring.members.length);
}

/** Whether `node` is one of `key`'s `n` replicas. */
export function isReplica(ring: HashRing, key: string, n: number, node: NodeId): boolean {
  return preferenceOf(ring, key, n).includes(node);
}
