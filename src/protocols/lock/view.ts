import type { MessageLook, Milestone } from '../../engine/protocol';
import type { NodeId, NodeView, Payload } from '../../engine/types';
import type { ClientContext, LockContext, LockMessage, MasterContext, ServiceContext, StorageContext } from './types';

/**
 * The contract's node views (spec/protocols.md, `lock`, View), declared once: the engine writes them, the
 * face and the panel under src/ui/protocols/lock read them. A view's fields say its kind.
 */
export type ServiceView = Pick<ServiceContext, 'holder' | 'token' | 'expiresAt'>;
export type MasterView = Pick<MasterContext, 'key'>;
export type ClientView = Pick<ClientContext, 'holding' | 'token' | 'validUntil'>;
export type StorageView = Pick<StorageContext, 'value' | 'maxToken' | 'writes'>;
export type LockView = ServiceView | MasterView | ClientView | StorageView;

export function lockView(ctx: LockContext): LockView {
  switch (ctx.role) {
    case 'service':
      return { holder: ctx.holder, token: ctx.token, expiresAt: ctx.expiresAt };
    case 'master':
      return { key: ctx.key };
    case 'client':
      return { holding: ctx.holding, token: ctx.token, validUntil: ctx.validUntil };
    case 'storage':
      return { value: ctx.value, maxToken: ctx.maxToken, writes: ctx.writes };
    default:
      return ctx satisfies never;
  }
}

export const isServiceView = (v: NodeView): v is ServiceView & NodeView => 'holder' in v;
export const isMasterView = (v: NodeView): v is MasterView & NodeView => 'key' in v;
export const isClientView = (v: NodeView): v is ClientView & NodeView => 'holding' in v;
export const isStorageView = (v: NodeView): v is StorageView & NodeView => 'writes' in v;

const tokenWord = (token: number | null) => (token === null ? 'no token' : `token ${token}`);

export function describeLockMessage(payload: Payload): MessageLook {
  const m = payload as LockMessage;
  switch (m.type) {
    case 'Acquire':
      return { label: 'Acquire', isReply: false };
    case 'Grant':
      return { label: `Grant ${m.token}`, isReply: true };
    case 'Deny':
      return { label: 'Deny', isReply: true };
    case 'Release':
      return { label: `Release ${m.token}`, isReply: false };
    case 'Set':
      return { label: 'Set NX', isReply: false };
    case 'SetOk':
      return { label: 'SetOk', isReply: true };
    case 'SetFail':
      return { label: 'SetFail', isReply: true };
    case 'Del':
      return { label: 'Del', isReply: false };
    case 'Write':
      return { label: `Write ${m.value} (${tokenWord(m.token)})`, isReply: false };
    case 'WriteOk':
      return { label: 'WriteOk', isReply: true };
    case 'WriteRejected':
      return { label: `WriteRejected ${m.token} < ${m.maxToken}`, isReply: true };
    default:
      m satisfies never;
      return { label: String(payload.type), isReply: false };
  }
}

/** Timeline milestones: the service grants a token; the storage accepts a write. */
export function lockMilestones(_node: NodeId, before: NodeView | undefined, after: NodeView): Milestone[] {
  if (isServiceView(after) && before && isServiceView(before) && after.token !== before.token) {
    return [{ kind: 'grant', label: `token ${after.token} to ${after.holder}` }];
  }
  if (isStorageView(after) && before && isStorageView(before) && after.writes.length > before.writes.length) {
    const w = after.writes.at(-1);
    return w ? [{ kind: 'write', label: `${w.client} wrote ${w.value} (${tokenWord(w.token)})` }] : [];
  }
  return [];
}
