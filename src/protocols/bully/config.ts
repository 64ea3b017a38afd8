import { z } from 'zod';

const ms = z.number().int().min(1).max(600_000);

/**
 * bully's `config` keys (spec/protocols.md `bully`), all (teaching): Garcia-Molina 1982 gives no figures, only
 * the assumption that a message is answered within a known bound T (§II, the synchronous system). Coulouris et
 * al. §15.3.2 put T = 2 T_trans + T_process: with the lecture's 5-15 ms links, T = 100 ms is ample, and the
 * `slow-network` preset breaks exactly that assumption.
 * - `heartbeatMs` [100]: how often the coordinator sends `Heartbeat` to every other node.
 * - `failureTimeoutMs` [300]: a member that hears no `Heartbeat` from its coordinator this long holds an
 *   election (three heartbeats missed).
 * - `answerTimeoutMs` [100] (T): an election with no `Answer` by then is won: `Coordinator` to every lower node.
 * - `coordinatorTimeoutMs` [200]: after an `Answer`, how long to wait for the higher node's `Coordinator`
 *   before starting again (the paper's second timeout: the higher node may fail mid-election).
 */
export const bullyConfigSchema = z.strictObject({
  heartbeatMs: ms.default(100),
  failureTimeoutMs: ms.default(300),
  answerTimeoutMs: ms.default(100),
  coordinatorTimeoutMs: ms.default(200),
});
