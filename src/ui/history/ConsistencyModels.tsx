import { useMemo } from 'react';
import type { HistoryEntry } from '../../engine/clients';
import type { ConsistencyReport, GuaranteeResult } from '../../history/check';
import { type SessionFacts, sessionGuarantees } from '../../history/sessions';

/** Past this many operations the session guarantees are not measured while the panel is open (each read looks back). */
const SESSION_LIMIT = 3000;

/**
 * The consistency models a student meets, for one history (issue 14, item 5): whether it is linearizable,
 * sequentially consistent, or neither, with the operations that prove a "no" (the checker's witness: they
 * cannot all be ordered); and per client the session guarantees it kept, read-your-writes and monotonic reads
 * (Terry et al. 1994), as measured facts for stores that promise less.
 */
export function ConsistencyModels({
  report,
  history,
  describe,
}: {
  report: ConsistencyReport | null;
  history: readonly HistoryEntry[];
  describe: (id: number) => string;
}) {
  const sessions = useMemo(
    () => (history.length > 0 && history.length <= SESSION_LIMIT ? sessionGuarantees(history) : null),
    [history],
  );
  return (
    <section className="history-models" aria-label="Consistency models">
      <h3>Consistency models</h3>
      {report === null ? (
        <p>Checking…</p>
      ) : (
        <>
          <p className="history-models-summary">{summaryOf(report)}</p>
          <dl className="history-models-list">
            <Model
              name="Linearizable"
              rule="order of all the operations that respects real time"
              result={report.linearizable}
              describe={describe}
            />
            <Model
              name="Sequentially consistent"
              rule="order of all the operations that keeps each client’s own order"
              result={report.sequential}
              describe={describe}
            />
          </dl>
        </>
      )}
      {sessions && Object.values(sessions).some((s) => s.readYourWrites.checked + s.monotonicReads.checked > 0) && (
        <table className="history-sessions">
          <caption>Session guarantees per client (measured)</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Read your writes</th>
              <th scope="col">Monotonic reads</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(sessions).map(([client, s]) => (
              <tr key={client}>
                <th scope="row">{client}</th>
                <td>{sessionText(s.readYourWrites, 'write')}</td>
                <td>{sessionText(s.monotonicReads, 'read')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.length > SESSION_LIMIT && (
        <p className="history-note">
          Session guarantees are measured for histories of up to {SESSION_LIMIT} operations.
        </p>
      )}
    </section>
  );
}

function Model({
  name,
  rule,
  result,
  describe,
}: {
  name: string;
  rule: string;
  result: GuaranteeResult;
  describe: (id: number) => string;
}) {
  return (
    <>
      <dt>{name}</dt>
      <dd>
        {result.verdict === 'ok' && `yes: there is one ${rule}.`}
        {result.verdict === 'unknown' && `unknown: the search spent its budget on key ${result.key}.`}
        {result.verdict === 'violation' && (
          <>
            no, on key {result.key}: no {rule} can hold these operations:
            <ul aria-label={`Why not ${name.toLowerCase()}`}>
              {result.ops.map((id) => (
                <li key={id}>{describe(id)}</li>
              ))}
            </ul>
          </>
        )}
      </dd>
    </>
  );
}

/** Where the history sits among the models: linearizable implies sequentially consistent. */
export function summaryOf(report: Pick<ConsistencyReport, 'linearizable' | 'sequential'>): string {
  const [lin, seq] = [report.linearizable.verdict, report.sequential.verdict];
  if (lin === 'ok') return 'This history is linearizable, and so sequentially consistent.';
  if (lin === 'violation' && seq === 'ok')
    return 'This history is sequentially consistent but not linearizable: an order exists only if real time is ignored.';
  if (lin === 'violation' && seq === 'violation')
    return 'This history is neither linearizable nor sequentially consistent.';
  return 'The checker could not decide every model within its budget.';
}

function sessionText(facts: SessionFacts, after: 'write' | 'read'): string {
  const reads = (n: number) => `${n} ${n === 1 ? 'read' : 'reads'}`;
  if (facts.checked === 0)
    return after === 'write'
      ? 'nothing to check (no read after a write of its own)'
      : 'nothing to check (no read after an earlier read)';
  if (facts.breaches.length === 0) return `kept in ${reads(facts.checked)}`;
  const shown = facts.breaches
    .slice(0, 3)
    .map((b) => `op ${b.read} went back before op ${b.after}`)
    .join('; ');
  const more = facts.breaches.length > 3 ? `; ${facts.breaches.length - 3} more` : '';
  return `broken in ${facts.breaches.length} of ${reads(facts.checked)}: ${shown}${more}`;
}
