import { useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryCheckReply } from '../../app/historyCheck';
import { HistoryChecker } from '../../app/historyCheckClient';
import { useStore, useStoreApi } from '../../app/useStore';
import type { HistoryEntry } from '../../engine/clients';
import { historyOf } from '../../engine/history';
import type { GuaranteeResult } from '../../history/check';
import { ConsistencyModels } from './ConsistencyModels';
import { HistoryChart } from './HistoryChart';
import { historyEndMs, lanesAt } from './lanes';
import { OpenHistoryButton } from './OpenHistoryButton';
import type { OpenedHistory } from './opened';
import './history.css';

/** How long the run's history must stay the same before it is checked again: playing checks a few times a second. */
const RECHECK_MS = 400;

/**
 * The History panel (issue 11): each client's operations as bars, Jepsen style, synced with the timeline, the
 * checker's verdict from a Web Worker, and when there is no valid order, the ops that cannot be ordered marked
 * and "go to" the earliest failing moment. It shows the run's history, or a history file the user opened.
 */
export function HistoryPanel({
  opened,
  onOpened,
  onClose,
}: {
  opened: OpenedHistory | null;
  onOpened: (opened: OpenedHistory) => void;
  onClose: () => void;
}) {
  const store = useStoreApi();
  const traceLength = useStore((s) => s.frame.trace.length);
  const records = useStore((s) => s.frame.trace.records);
  const now = useStore((s) => s.now);
  const protocol = useStore((s) => s.frame.protocol);
  const runHistory = useMemo(
    () => (opened === null ? historyOf(records.slice(0, traceLength)) : []),
    [opened, records, traceLength],
  );
  const history: readonly HistoryEntry[] = opened?.history ?? runHistory;
  const unit = opened?.unit ?? 'ms';
  const lastMs = useMemo(() => historyEndMs(history), [history]);
  const [fileCursor, setFileCursor] = useState<number | null>(null);
  const cursor = opened === null ? now : (fileCursor ?? lastMs);
  const [reply, setReply] = useState<HistoryCheckReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checker = useRef<HistoryChecker | null>(null);
  const asked = useRef(0);
  const declared = opened === null ? (protocol.consistency ?? null) : 'linearizable';

  // Checked when the ops or their completions change, at most every RECHECK_MS while the run plays (a newer
  // history replaces one waiting); the latest history is read when the check starts.
  const latest = useRef({ history, protocolId: opened === null ? protocol.id : null, declared, unit });
  latest.current = { history, protocolId: opened === null ? protocol.id : null, declared, unit };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const completed = history.reduce((n, e) => n + (e.completeAt === null ? 0 : 1), 0);
  const signature = `${opened?.name ?? ''}|${history.length}|${completed}|${declared}`;
  useEffect(
    () => () => {
      checker.current?.stop();
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature says when the history changed
  useEffect(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        if (latest.current.history.length === 0) return;
        const key = ++asked.current;
        checker.current ??= new HistoryChecker();
        void checker.current.check({ key, ...latest.current }).then((r) => {
          if (r.key === asked.current) setReply(r);
        });
      },
      opened === null ? RECHECK_MS : 0,
    );
  }, [signature]);

  const outcome = reply?.kind === 'checked' ? reply.outcome : null;
  const guarantee: 'linearizable' | 'sequential' = declared === 'sequential' ? 'sequential' : 'linearizable';
  const result = outcome?.consistency[guarantee];
  const violation = outcome?.violations[0];
  const marked = useMemo(() => new Set(result?.verdict === 'violation' ? result.ops : []), [result]);
  // The ops the protocol points out in the run so far (issue 14), whatever the checker says.
  const pointed = useMemo(
    () =>
      opened === null && protocol.historyMarks
        ? protocol.historyMarks({
            trace: records.slice(0, traceLength),
            history: runHistory,
            endMs: records[traceLength - 1]?.t ?? 0,
          })
        : [],
    [opened, protocol, records, traceLength, runHistory],
  );
  const flagged = useMemo(() => new Set(pointed.flatMap((m) => m.ops)), [pointed]);
  const lanes = useMemo(() => lanesAt(history, cursor, marked, flagged), [history, cursor, marked, flagged]);
  const at = (t: number) => (unit === 'ms' ? `${t} ms` : `line ${t}`);
  const goTo = (t: number) => {
    if (opened === null) store.seek(t);
    else setFileCursor(t);
  };

  return (
    <div className="history-panel">
      <div className="history-tools">
        <p className="history-source">
          {opened === null ? 'The run’s history' : `History file ${opened.name}`} · {history.length} operations · cursor
          at {at(cursor)}
        </p>
        <OpenHistoryButton
          onOpened={(next) => {
            setError(null);
            setReply(null);
            setFileCursor(null);
            onOpened(next);
          }}
          onError={setError}
        />
        {opened !== null && (
          <button type="button" onClick={onClose}>
            Close history file
          </button>
        )}
      </div>
      {error !== null && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
      <p className="history-verdict" role="status">
        {verdictText(guarantee, result, reply)}
      </p>
      {result?.verdict === 'violation' && (
        <div className="history-violation">
          <p>{violation?.message}</p>
          <button type="button" onClick={() => goTo(result.at)}>
            Go to {at(result.at)}
          </button>
          <h3>Operations that cannot be ordered</h3>
          <ul aria-label="Operations that cannot be ordered">
            {result.ops.map((id) => {
              const entry = history.find((e) => e.id === id);
              return <li key={id}>{entry ? describeEntry(entry, at) : `op ${id}`}</li>;
            })}
          </ul>
        </div>
      )}
      {pointed.map((mark) => (
        <div className="history-pointed" key={mark.title}>
          <h3>⚑ {mark.title}</h3>
          <ul aria-label={mark.title}>
            {mark.ops.map((id, i) => (
              <li key={id}>{mark.notes[i] ?? `op ${id}`}</li>
            ))}
          </ul>
        </div>
      ))}
      {history.length > 0 && (
        <ConsistencyModels
          report={outcome?.consistency ?? null}
          history={history}
          describe={(id) => {
            const entry = history.find((e) => e.id === id);
            return entry ? describeEntry(entry, at) : `op ${id}`;
          }}
        />
      )}
      {history.length > 0 && <HistoryChart lanes={lanes} cursor={cursor} unit={unit === 'ms' ? 'ms' : 'line'} />}
      {lanes.shown > lanes.bars.length && (
        <p className="history-note">
          The latest {lanes.bars.length} of {lanes.shown} operations are drawn.
        </p>
      )}
    </div>
  );
}

function verdictText(
  guarantee: 'linearizable' | 'sequential',
  result: GuaranteeResult | undefined,
  reply: HistoryCheckReply | null,
): string {
  const name = guarantee === 'linearizable' ? 'Linearizable' : 'Sequentially consistent';
  if (reply?.kind === 'error') return `Not checked: ${reply.message}`;
  if (result === undefined) return 'Checking…';
  if (result.verdict === 'ok') return `${name}: yes, every operation fits one order.`;
  if (result.verdict === 'unknown') return `${name}: unknown, the search spent its budget on key ${result.key}.`;
  return `${name}: no, on key ${result.key}.`;
}

function describeEntry(e: HistoryEntry, at: (t: number) => string): string {
  const value = e.op.startsWith('read') && e.result === 'ok' ? ` -> ${String(e.value)}` : '';
  const end = e.completeAt === null ? 'never completed' : `${e.result} at ${at(e.completeAt)}`;
  return `op ${e.id}: ${e.client} ${e.op}${value}, invoked at ${at(e.invokeAt)}, ${end}`;
}
