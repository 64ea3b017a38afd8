import { z } from 'zod';

/**
 * register's `config` keys.
 * - `clientTimeoutMs` [1000] (teaching; spec/protocols.md §1.5): how long a client waits for the server's
 *   answer; an operation unanswered by then completes `info` (it may or may not have taken effect).
 */
export const registerConfigSchema = z.strictObject({
  clientTimeoutMs: z.number().int().min(1).max(60_000).default(1000),
});
