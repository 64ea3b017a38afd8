import type { AnyProtocol } from '../engine/protocol';
import { twoPhaseCommit } from './2pc';
import { raft } from './raft';

/** Every protocol netsplit ships, by id. Adding one is adding it here; nothing else names them. */
export const protocols: readonly AnyProtocol[] = [raft, twoPhaseCommit];

export function getProtocol(id: string): AnyProtocol | undefined {
  return protocols.find((p) => p.id === id);
}
