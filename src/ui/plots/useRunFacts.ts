import { useEffect, useState } from 'react';
import { probeFactsInWorker } from '../../app/experimentClient';
import type { FactField } from '../../app/factsProbe';

const NONE: readonly FactField[] = [];

/** Waits this long after the run changes before asking: a burst of clicks asks once. */
const SETTLE_MS = 300;

/**
 * The numeric facts the run's protocol measures (the lock's `overlap.ms`), learnt by playing the run once in
 * a worker (factsProbe.ts); none while that is under way, for a protocol without facts, or if the probe fails.
 */
export function useRunFacts(
  file: Readonly<Record<string, unknown>>,
  runKey: string,
  hasFacts: boolean,
): readonly FactField[] {
  const [known, setKnown] = useState<{ readonly key: string; readonly facts: readonly FactField[] } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `runKey` says when `file` changed.
  useEffect(() => {
    if (!hasFacts || typeof Worker === 'undefined') return;
    let cancel = () => {};
    const timer = setTimeout(() => {
      const probe = probeFactsInWorker(file);
      cancel = probe.cancel;
      probe.facts.then(
        (facts) => setKnown({ key: runKey, facts }),
        () => setKnown({ key: runKey, facts: [] }),
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      cancel();
    };
  }, [runKey, hasFacts]);
  return known !== null && known.key === runKey ? known.facts : NONE;
}
