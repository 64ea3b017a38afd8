import type { NodeId } from '../../engine/types';
import type { LockConfig, ServerRole } from './types';

/**
 * Who is who among the servers, by variant and position (spec/protocols.md, `lock`): lease runs n1 the
 * lock service and n2 the storage; redlock runs n1..n`redisCount` Redis masters, then the storage. The
 * cluster check (`clusterProblems`) makes the count match, so the storage is always the last server.
 */
export function serverRole(config: Pick<LockConfig, 'variant'>, index: number, count: number): ServerRole {
  if (index === count - 1) return 'storage';
  return config.variant === 'lease' ? 'service' : 'master';
}

/** How many servers a variant runs. */
export const serverCount = (config: Pick<LockConfig, 'variant' | 'redisCount'>): number =>
  config.variant === 'lease' ? 2 : config.redisCount + 1;

/** The servers a client asks for the lock (the service, or every master) and the storage it writes to. */
export function lockServers(servers: readonly NodeId[]): { servers: readonly NodeId[]; storage: NodeId } {
  return { servers: servers.slice(0, -1), storage: servers.at(-1) ?? '' };
}

/** The scenario's cluster against the variant: errors naming `nodes` (spec §1: bad input names the field). */
export function clusterProblems(config: LockConfig, nodes: readonly NodeId[]): string[] {
  const want = serverCount(config);
  if (nodes.length === want) return [];
  return config.variant === 'lease'
    ? [`nodes: lock's lease variant runs 2 servers (the lock service, then the storage), not ${nodes.length}`]
    : [
        `nodes: lock's redlock variant runs redisCount + 1 = ${want} servers (${config.redisCount} Redis masters, then the storage), not ${nodes.length}`,
      ];
}
