import type { Consistency, HistoryEntry, SequentialModel } from '../engine/clients';
import { type CheckOptions, type ConsistencyOutcome, checkConsistency } from '../history/check';
import type { TimeUnit } from '../history/explain';
import { registerModel } from '../history/register';
import { loadProtocol } from '../protocols';

/** What the History panel asks the checker: the history, and whose model and guarantee to check it by. */
export interface HistoryCheckRequest {
  readonly key: number;
  readonly history: readonly HistoryEntry[];
  /** The run's protocol, whose `model` and grammar apply; null for a file (the register model). */
  readonly protocolId: string | null;
  readonly declared: Consistency | null;
  readonly unit: TimeUnit;
}

export type HistoryCheckReply =
  | { readonly key: number; readonly kind: 'checked'; readonly outcome: ConsistencyOutcome }
  | { readonly key: number; readonly kind: 'error'; readonly message: string };

/** Runs one check (in the worker, or on the page where there is no Worker): never throws. */
export async function runHistoryCheck(request: HistoryCheckRequest): Promise<HistoryCheckReply> {
  try {
    let model: SequentialModel = registerModel;
    let options: CheckOptions = { unit: request.unit };
    if (request.protocolId !== null) {
      const protocol = await loadProtocol(request.protocolId);
      if (protocol?.model === undefined)
        return { key: request.key, kind: 'error', message: 'the protocol has no model' };
      model = protocol.model;
      const grammar = protocol.ops;
      if (grammar !== undefined) options = { ...options, parse: (command) => grammar.parse(command) };
    }
    const outcome = checkConsistency(request.history, model, request.declared, options);
    return { key: request.key, kind: 'checked', outcome };
  } catch (error) {
    return { key: request.key, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
