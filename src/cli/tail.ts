import type { AnyProtocol } from '../engine/protocol';
import { FILE_SELECTORS } from '../engine/selectors';
import { SETTLE_MS, UNSETTLING_FAULTS } from '../engine/settle';

/** An event of a scenario file as the fuzzers write it (plain JSON, checked by the parser later). */
interface FileEvent {
  readonly at: number;
  readonly type: string;
  readonly [field: string]: unknown;
}

/** What the faults drawn so far leave in force when the fault draws stop (the tail undoes each). */
interface InForce {
  partitioned: boolean;
  /** Cut links by `from>to`, each direction on its own. */
  readonly cuts: Map<string, { readonly from: string; readonly to: string }>;
  /** Link overrides with loss, by `from>to` (one direction) or `from<>to` (both). */
  readonly lossyLinks: Map<string, { readonly from: string; readonly to: string; readonly oneWay: boolean }>;
  lossy: boolean;
  readonly down: Set<string>;
  /** A crash named a selector (`leader`): which node went down is known only to the run. */
  downUnknown: boolean;
  readonly outside: Set<string>;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function track(state: InForce, e: FileEvent): void {
  const node = str(e.node);
  const from = str(e.from);
  const to = str(e.to);
  switch (e.type) {
    case 'partition':
      state.partitioned = true;
      return;
    case 'heal':
      // heal.ts: "All partitions and cut links are removed".
      state.partitioned = false;
      state.cuts.clear();
      return;
    case 'cut':
    case 'mend':
      if (from === null || to === null) return;
      for (const [a, b] of e.oneWay === true
        ? [[from, to]]
        : [
            [from, to],
            [to, from],
          ]) {
        if (e.type === 'cut') state.cuts.set(`${a}>${b}`, { from: a as string, to: b as string });
        else state.cuts.delete(`${a}>${b}`);
      }
      return;
    case 'network':
      if (typeof e.loss === 'number') state.lossy = e.loss > 0;
      return;
    case 'link':
      if (from === null || to === null || typeof e.loss !== 'number') return;
      if (e.loss > 0)
        state.lossyLinks.set(`${from}${e.oneWay === true ? '>' : '<>'}${to}`, { from, to, oneWay: e.oneWay === true });
      return;
    case 'crash':
      if (node === null) return;
      if (FILE_SELECTORS.includes(node)) state.downUnknown = true;
      else state.down.add(node);
      return;
    case 'restart':
      if (node !== null) state.down.delete(node);
      return;
    case 'leave':
      if (node !== null) state.outside.add(node);
      return;
    case 'join':
      if (node !== null) state.outside.delete(node);
      return;
  }
}

/**
 * spec/protocols.md §1.9: "Each run ends with a heal, restarts and settleMs of quiet, so eventual invariants are
 * always checked". After the last drawn event (and the end of the last process pause, §1.3) come the mends of the
 * cuts still in force and a heal, loss 0 on the network and on every lossy link, a restart of every crashed node,
 * and a join of every server outside the cluster (§1.7); `until` is then at least the protocol's `settleMs`
 * (§1.8, [2000]) after the last fault, so the run has settled (settle.ts). The tail draws nothing: the random
 * stream, and every event before the tail, are exactly as they were. `untilMs` is the run's end when the file
 * names none; the tail starts at `tailFrom` at the earliest (the generic schedule's fault window ends there).
 */
export function withSettledTail(
  file: Record<string, unknown>,
  protocol: Pick<AnyProtocol, 'settleMs'>,
  untilMs: number,
  tailFrom = 0,
): Record<string, unknown> {
  const events = (file.events as FileEvent[] | undefined) ?? [];
  const state: InForce = {
    partitioned: false,
    cuts: new Map(),
    lossyLinks: new Map(),
    lossy: ((file.network as { loss?: number } | undefined)?.loss ?? 0) > 0,
    down: new Set(),
    downUnknown: false,
    outside: new Set(Array.isArray(file.standby) ? (file.standby as string[]) : []),
  };
  let start = tailFrom;
  // In time order for the tracking (stable, as the engine plays equal times in file order); the file keeps its own.
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    track(state, e);
    const pauseEnd = e.type === 'stall' && typeof e.durationMs === 'number' ? e.durationMs : 0;
    start = Math.max(start, e.at + pauseEnd);
  }
  const at = start;
  const tail: FileEvent[] = [];
  for (const cut of [...state.cuts.values()]) tail.push({ at, type: 'mend', from: cut.from, to: cut.to, oneWay: true });
  if (state.partitioned || state.cuts.size > 0) tail.push({ at, type: 'heal' });
  if (state.lossy) tail.push({ at, type: 'network', loss: 0 });
  for (const link of state.lossyLinks.values()) {
    tail.push({ at, type: 'link', from: link.from, to: link.to, loss: 0, ...(link.oneWay ? { oneWay: true } : {}) });
  }
  const servers = serverIds(file);
  const down = state.downUnknown ? [...new Set([...servers, ...state.down])] : [...state.down];
  for (const node of down.sort()) tail.push({ at, type: 'restart', node });
  // After the restarts, so the node a join is handed to (§1.7 membershipEntry) is up.
  for (const node of [...state.outside].sort()) tail.push({ at: at + 1, type: 'join', node });
  const all = [...events, ...tail];
  const lastFault = all.reduce((t, e) => (UNSETTLING_FAULTS.has(e.type) ? Math.max(t, e.at) : t), 0);
  const settleMs = protocol.settleMs ?? SETTLE_MS;
  const base = typeof file.until === 'number' ? file.until : untilMs;
  return { ...file, until: Math.max(base, lastFault + settleMs), events: all };
}

function serverIds(file: Record<string, unknown>): string[] {
  const nodes = file.nodes;
  if (Array.isArray(nodes)) return nodes as string[];
  return Array.from({ length: typeof nodes === 'number' ? nodes : 0 }, (_, i) => `n${i + 1}`);
}
