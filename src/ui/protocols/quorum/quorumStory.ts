import type { NodeId, TraceRecord } from '../../../engine/types';
import type { QuorumMessage, StoredObject } from '../../../protocols/quorum/types';
import { objectText } from '../../../protocols/quorum/versions';

/**
 * What the quorum panel tells beyond the nodes' views now, from the trace up to now (pure, so it is tested
 * without a page): for every client operation, the coordinator, whom it asked (stand-ins with the node they
 * stood in for), who answered and in what order, and what the client got (Dynamo §4.5, §4.6); and the repairs
 * and handoffs as they happened (§5, §4.6, §4.7).
 */
export interface Asked {
  readonly node: NodeId;
  /** For a stand-in: the preference-list node it stood in for (§4.6). */
  readonly for: NodeId | null;
}

export interface OpStory {
  readonly client: NodeId;
  readonly op: number;
  readonly kind: 'read' | 'write';
  readonly key: string;
  /** A write's value. */
  readonly value: number | null;
  readonly coordinator: NodeId;
  /** A write that reached a node outside its key's preference list went on to the first of it (§4.5). */
  readonly forwardedBy: NodeId | null;
  readonly asked: readonly Asked[];
  /** The nodes whose GetOk or PutOk reached the coordinator, in arrival order (itself first when a replica). */
  readonly answered: readonly NodeId[];
  readonly startedAt: number;
  /** When the client got its answer, and what it was; null while it has none. */
  readonly doneAt: number | null;
  readonly result: StoredObject | null;
}

export interface RepairStory {
  readonly t: number;
  readonly kind: 'ReadRepair' | 'Handoff' | 'AntiEntropy';
  readonly from: NodeId;
  readonly to: NodeId;
  readonly text: string;
}

export interface QuorumStory {
  readonly ops: readonly OpStory[];
  readonly repairs: readonly RepairStory[];
}

type Sent = Extract<TraceRecord, { kind: 'send' }>;

type MutableOp = { -readonly [K in keyof OpStory]: OpStory[K] } & { asked: Asked[]; answered: NodeId[] };

export function quorumStory(
  records: readonly TraceRecord[],
  length: number,
  isClient: (id: NodeId) => boolean,
  preference: (key: string) => readonly NodeId[],
): QuorumStory {
  const ops = new Map<string, MutableOp>();
  const sent = new Map<number, Sent>();
  const repairs: RepairStory[] = [];
  for (let i = 0; i < length; i++) {
    const r = records[i];
    if (r?.kind === 'send') {
      sent.set(r.id, r);
      const m = r.message as QuorumMessage;
      if (m.type === 'Get' || m.type === 'Put') {
        const id = `${m.client}.${m.op}`;
        if (m.coordinator === undefined) {
          const before = ops.get(id);
          const forwarded = before !== undefined && !isClient(r.from);
          ops.set(id, {
            client: m.client,
            op: m.op,
            kind: m.type === 'Get' ? 'read' : 'write',
            key: m.key,
            value: m.type === 'Put' ? (m.value ?? null) : null,
            coordinator: r.to,
            forwardedBy: forwarded ? r.from : null,
            asked: [],
            answered: [],
            startedAt: before?.startedAt ?? r.t,
            doneAt: null,
            result: null,
          });
        } else {
          const o = ops.get(id);
          if (o && !o.asked.some((a) => a.node === r.to)) {
            o.asked.push({ node: r.to, for: m.type === 'Put' ? (m.hint ?? null) : null });
          }
        }
      } else if (m.type === 'ReadRepair') {
        repairs.push({
          t: r.t,
          kind: 'ReadRepair',
          from: r.from,
          to: r.to,
          text: `${m.key} ← ${objectText(m.object)}`,
        });
      }
    } else if (r?.kind === 'deliver') {
      const s = sent.get(r.id);
      if (!s) continue;
      const m = s.message as QuorumMessage;
      if (m.type === 'GetOk' || (m.type === 'PutOk' && m.handoff !== true)) {
        const o = ops.get(`${m.client}.${m.op}`);
        if (!o) continue;
        if (isClient(r.to)) {
          if (o.doneAt === null) {
            o.doneAt = r.t;
            o.result = m.object;
          }
        } else if (!o.answered.includes(r.from)) {
          o.answered.push(r.from);
        }
      } else if (m.type === 'Handoff') {
        repairs.push({ t: r.t, kind: 'Handoff', from: s.from, to: s.to, text: `${m.key} ← ${objectText(m.object)}` });
      } else if (m.type === 'AntiEntropy' && m.isReply && Object.keys(m.objects).length > 0) {
        const keys = Object.entries(m.objects).map(([k, o]) => `${k} ← ${objectText(o)}`);
        repairs.push({ t: r.t, kind: 'AntiEntropy', from: s.from, to: s.to, text: keys.join('; ') });
      }
    }
  }
  // A coordinator that is one of the key's replicas answers for itself first; the trace has no message for that.
  for (const o of ops.values()) {
    if (!preference(o.key).includes(o.coordinator)) continue;
    o.asked.unshift({ node: o.coordinator, for: null });
    o.answered.unshift(o.coordinator);
  }
  return { ops: [...ops.values()], repairs };
}

/** One operation in words: `c1 write x 2 via n1: asked n1, n3, n4, n2 (for n3); answered n1, n2 → ok`. */
export function opWords(o: OpStory, need: number): string {
  const what = o.kind === 'write' ? `${o.client} write ${o.key} ${o.value}` : `${o.client} read ${o.key}`;
  const via = o.forwardedBy === null ? `via ${o.coordinator}` : `via ${o.forwardedBy}, forwarded to ${o.coordinator}`;
  const asked = o.asked.map((a) => (a.for === null ? a.node : `${a.node} (for ${a.for})`)).join(', ');
  const answered = o.answered.length === 0 ? 'none yet' : o.answered.join(', ');
  const outcome =
    o.doneAt === null
      ? `waiting (${Math.min(o.answered.length, need)} of ${need})`
      : o.kind === 'read'
        ? `returned ${objectText(o.result)} at ${(o.doneAt / 1000).toFixed(2)} s`
        : `acknowledged at ${(o.doneAt / 1000).toFixed(2)} s`;
  return `${what} ${via}: asked ${asked}; answered ${answered}; ${outcome}`;
}
