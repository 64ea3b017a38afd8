import { useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryCheckReply } from '../../app/historyCheck';
import { HistoryChecker } from '../../app/historyCheckClient';
import { useStore } from '../../app/useStore';
import { historyOf } from '../../engine/history';
import { historyLine } from './verdict';

/** How long a side's history must stay the same before it is checked again (as the History panel waits). */
const RECHECK_MS = 400;

/**
 * The history checker's verdict on this side's run so far, in one line, from the checker's worker; null
 * when the protocol has no model to check by (its runs keep no history of operations).
 */
export function useHistoryVerdict(): string | null {
  const protocol = useStore((s) => s.frame.protocol);
  const records = useStore((s) => s.frame.trace.records);
  const length = useStore((s) => s.frame.trace.length);
  const hasModel = protocol.model !== undefined;
  const history = useMemo(() => (hasModel ? historyOf(records.slice(0, length)) : []), [hasModel, records, length]);
  const completed = history.reduce((n, e) => n + (e.completeAt === null ? 0 : 1), 0);
  const signature = `${protocol.id}|${history.length}|${completed}`;
  const [reply, setReply] = useState<{ signature: string; reply: HistoryCheckReply } | null>(null);
  const checker = useRef<HistoryChecker | null>(null);
  const latest = useRef({ history, signature });
  latest.current = { history, signature };
  const asked = useRef(0);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      checker.current?.stop();
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  // At most one check every RECHECK_MS while the run plays; the newest history is read when it starts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature says when the history changed
  useEffect(() => {
    if (!hasModel || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const { history: ops, signature: asKey } = latest.current;
      if (ops.length === 0) return;
      const key = ++asked.current;
      checker.current ??= new HistoryChecker();
      void checker.current
        .check({ key, history: ops, protocolId: protocol.id, declared: protocol.consistency ?? null, unit: 'ms' })
        .then((r) => {
          if (r.key === asked.current) setReply({ signature: asKey, reply: r });
        });
    }, RECHECK_MS);
  }, [signature, hasModel]);

  if (!hasModel) return null;
  // A verdict on an older history reads "checking" until the newer one is in.
  const current = reply?.signature === signature ? reply.reply : null;
  return historyLine(protocol.consistency ?? null, current, history.length);
}
