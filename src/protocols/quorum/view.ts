import { entriesOf } from '../../engine/kit';
import type { MessageLook } from '../../engine/protocol';
import type { NodeId, Payload } from '../../engine/types';
import type { Clock, Completed, QuorumContext, QuorumMessage, StoredObject } from './types';
import { clockOf, contextOf, objectText, readValue } from './versions';

/**
 * A key as the contract's view writes it (spec/protocols.md `quorum`): under `vv` its sibling values and one
 * version vector covering them (`clocks` adds each sibling's own, in the same order); under `lww` the value and
 * its timestamp [coordinator's clock, coordinator].
 */
export type KeyView =
  | { readonly values: readonly number[]; readonly vv: Clock; readonly clocks: readonly Clock[] }
  | { readonly value: number; readonly ts: readonly [number, NodeId] };

export interface ServerView {
  readonly role: 'replica';
  readonly store: Readonly<Record<string, KeyView>>;
  /** Hinted replicas held for nodes that could not be reached (§4.6), with what they hold. */
  readonly hints: readonly ({ readonly for: NodeId; readonly key: string } & KeyView)[];
  readonly tokens: readonly number[];
  /** How many client operations this node is coordinating now. */
  readonly coordinating: number;
  readonly [k: string]: unknown;
}

export interface ClientView {
  readonly role: 'client';
  readonly pending: readonly string[];
  /** The last operation completed and what it saw or wrote (the invariant and the facts read it). */
  readonly last: Completed | null;
  readonly [k: string]: unknown;
}

export type QuorumView = ServerView | ClientView;

export function keyView(o: StoredObject): KeyView {
  if (o.kind === 'lww') return { value: o.value, ts: o.ts };
  return { values: o.siblings.map((s) => s.value), vv: contextOf(o), clocks: o.siblings.map(clockOf) };
}

export function quorumView(ctx: QuorumContext): QuorumView {
  if (ctx.kind === 'client') {
    return {
      role: 'client',
      pending: ctx.pending.map((p) => `${p.op}: ${p.command} → ${p.coordinator}`),
      last: ctx.last,
    };
  }
  const keys = [...entriesOf(ctx.store)].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    role: 'replica',
    store: Object.fromEntries(keys.map(([k, o]) => [k, keyView(o)])),
    hints: ctx.hinted.map((h) => ({ for: h.for, key: h.key, ...keyView(h.object) })),
    tokens: ctx.tokens,
    coordinating: ctx.coordinating.length,
  };
}

export const isServerView = (v: unknown): v is ServerView => (v as { role?: unknown }).role === 'replica';
export const isClientView = (v: unknown): v is ClientView => (v as { role?: unknown }).role === 'client';

const shown = (o: StoredObject | null) => {
  const v = readValue(o);
  return v === null ? 'nil' : String(v);
};

export function describeQuorumMessage(payload: Payload): MessageLook {
  const m = payload as QuorumMessage;
  switch (m.type) {
    case 'Get':
      return { label: `Get ${m.key}`, isReply: false };
    case 'GetOk':
      return { label: `GetOk ${m.key}=${shown(m.object)}`, isReply: true };
    case 'Put':
      return {
        label: `Put ${m.key}=${m.value ?? shown(m.object ?? null)}${m.hint === undefined ? '' : ` hint ${m.hint}`}`,
        isReply: false,
      };
    case 'PutOk':
      return { label: m.handoff === true ? `PutOk ${m.key} (handoff)` : `PutOk ${m.key}`, isReply: true };
    case 'ReadRepair':
      return { label: `ReadRepair ${m.key}=${shown(m.object)}`, isReply: false };
    case 'Handoff':
      return { label: `Handoff ${m.key}=${shown(m.object)}`, isReply: false };
    case 'AntiEntropy': {
      const n = Object.keys(m.objects).length;
      return { label: `AntiEntropy ${n} key${n === 1 ? '' : 's'}`, isReply: m.isReply };
    }
    default:
      return { label: (m as { type: string }).type, isReply: false };
  }
}

export { objectText };
