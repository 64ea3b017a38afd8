import { twoPcUi } from './2pc';
import { raftUi } from './raft';
import type { ProtocolUi } from './types';

/** Each protocol's pieces of the workbench, by protocol id. A protocol without an entry gets the generic UI. */
const registry: Readonly<Record<string, ProtocolUi>> = {
  raft: raftUi,
  '2pc': twoPcUi,
};

export function protocolUi(id: string): ProtocolUi {
  return registry[id] ?? {};
}
