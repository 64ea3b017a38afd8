import type { AnyProtocol } from '../engine/protocol';
import { raft } from './raft';

/** Every protocol netsplit ships, by id. Adding one is adding it here; nothing else names them. */
export const protocols: readonly AnyProtocol[] = [raft];

export function getProtocol(id: string): AnyProtocol | undefined {
  return protocols.find((p) => p.id === id);
}
