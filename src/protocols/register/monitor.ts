import type { InvariantInfo, Monitor } from '../../engine/protocol';
import type { RegisterContext } from './types';

/**
 * The register's correctness is a property of its history (linearizability, spec/protocols.md §1.5), which
 * the history checker judges after the run (src/history/); there is no per-event invariant to watch.
 */
export const registerInvariants: readonly InvariantInfo[] = [];

export const registerMonitor: Monitor<null, RegisterContext> = {
  initial: () => null,
  check: (history) => ({ history, findings: [] }),
};
