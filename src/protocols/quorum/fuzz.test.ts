import { describe } from 'vitest';
import { fuzzesCleanAndCatchesBugs } from '../../testing/protocolFuzz';
import { quorum } from './index';

/**
 * quorum under its fuzzer (fuzz.ts: two or three clients reading and writing a few keys, concurrent writes,
 * crashes, partitions, cuts, loss, duplication, slowed links, stalls, clock offsets, and a drawn quorum
 * configuration). CI runs a few dozen clean runs; PROTOCOL-DONE.md point 3 in full (2,000 clean runs, each bug
 * within 1,000) runs with QUORUM_FUZZ_FULL=1.
 */
const FULL = process.env.QUORUM_FUZZ_FULL === '1';

describe('quorum under random faults', () => {
  fuzzesCleanAndCatchesBugs(quorum, { nodes: 5, correctRuns: FULL ? 2000 : 40 });
});
