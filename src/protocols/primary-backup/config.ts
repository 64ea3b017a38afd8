import { z } from 'zod';

/**
 * primary-backup's `config` keys (spec/protocols.md, `primary-backup`). Time keys marked ÷10 are the real
 * values divided by 10 so a lecture run lasts seconds.
 * - `mode` ["async"]: when the primary acknowledges a write. "async" at once, after writing its own log
 *   (MySQL's default replication); "semi-sync" once one backup has acknowledged it (MySQL semisynchronous
 *   replication, `rpl_semi_sync_source_wait_for_replica_count` 1); "sync" once every backup has (DDIA ch. 5,
 *   "Synchronous Versus Asynchronous Replication"; Alsberg & Day 1976 wait for the backup before answering).
 * - `semiSyncTimeoutMs` [1000]: MySQL's `rpl_semi_sync_source_timeout` (10 s, ÷10): a semi-sync primary that
 *   waited this long for an Ack falls back to asynchronous replication until a backup catches up.
 * - `heartbeatMs` [100] (teaching): how often the primary sends each backup a Heartbeat (or what it lacks).
 * - `failoverTimeoutMs` [3000]: DDIA's "e.g. 30 seconds" without hearing from the primary (÷10), after which a
 *   backup asks the others' positions and may promote itself.
 * - `clientTimeoutMs` [1000] (teaching, spec §1.5): a client operation unanswered by then ends `info`.
 */
export const pbConfigSchema = z.strictObject({
  mode: z.enum(['async', 'semi-sync', 'sync']).default('async'),
  semiSyncTimeoutMs: z.number().int().min(1).max(600_000).default(1000),
  heartbeatMs: z.number().int().min(1).max(60_000).default(100),
  failoverTimeoutMs: z.number().int().min(1).max(600_000).default(3000),
  clientTimeoutMs: z.number().int().min(1).max(600_000).default(1000),
});
