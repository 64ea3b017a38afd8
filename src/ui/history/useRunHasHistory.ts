import { useRef } from 'react';
import { useStore } from '../../app/useStore';
import type { TraceRecord } from '../../engine/types';

/**
 * Whether the run so far has a client operation (an `invoke` record): scanned once per record, from where the
 * last look stopped, so playing costs nothing more per frame.
 */
export function useRunHasHistory(): boolean {
  const seen = useRef<{ records: readonly TraceRecord[] | null; upTo: number; found: boolean }>({
    records: null,
    upTo: 0,
    found: false,
  });
  return useStore((s) => {
    const { records, length } = s.frame.trace;
    const memo = seen.current;
    if (memo.records !== records || length < memo.upTo) seen.current = { records, upTo: 0, found: false };
    const at = seen.current;
    for (; !at.found && at.upTo < length; at.upTo++) if (records[at.upTo]?.kind === 'invoke') at.found = true;
    return at.found;
  });
}
