import { describe, expect, it } from 'vitest';
import { serverStep } from './server';
import type { RegisterReply, ServerContext, ServerEvent } from './types';

/**
 * A request the network duplicated reaches the primary twice. Fuzzing found the register applying the copy
 * again: `cas k3 68 70` took effect, its copy then failed (the register held 70), and the copy's CasFail
 * reached the client first, so an operation that took effect completed `fail` (seed 1728983449).
 */
const meta = { at: 0, localAt: 0, entropy: 0, from: 'c1' };
const primary: ServerContext = {
  kind: 'server',
  id: 'n1',
  primary: 'n1',
  bug: null,
  backups: [],
  values: { k3: 68 },
};

function deliver(ctx: ServerContext, event: ServerEvent): { ctx: ServerContext; answers: RegisterReply[] } {
  const plan = serverStep(ctx, event);
  const next = plan.changes === null ? ctx : { ...ctx, ...plan.changes };
  const answers = plan.actions.flatMap((a) => (a.kind === 'send' ? [a.message as RegisterReply] : []));
  return { ctx: next, answers };
}

describe('register: a duplicated request is applied once and answered as it was', () => {
  it('a cas copy gets CasOk again instead of CasFail, and changes nothing', () => {
    const cas: ServerEvent = { type: 'Cas', op: 7, key: 'k3', expected: 68, value: 70, ...meta };
    const first = deliver(primary, cas);
    expect(first.answers).toEqual([{ type: 'CasOk', op: 7 }]);
    const copy = deliver(first.ctx, cas);
    expect(copy.answers).toEqual([{ type: 'CasOk', op: 7 }]);
    expect(copy.ctx.values).toEqual({ k3: 70 });
  });

  it('a late copy of a write does not undo a later write', () => {
    const write1: ServerEvent = { type: 'Write', op: 1, key: 'x', value: 1, ...meta };
    const write2: ServerEvent = { type: 'Write', op: 2, key: 'x', value: 2, ...meta, from: 'c2' };
    let ctx = deliver(primary, write1).ctx;
    ctx = deliver(ctx, write2).ctx;
    const copy = deliver(ctx, write1);
    expect(copy.answers).toEqual([{ type: 'WriteOk', op: 1 }]);
    expect(copy.ctx.values.x).toBe(2);
  });

  it('a failed cas is answered CasFail again, even if the register now holds what it expected', () => {
    const cas: ServerEvent = { type: 'Cas', op: 3, key: 'k3', expected: 5, value: 6, ...meta };
    const first = deliver(primary, cas);
    const now5 = deliver(first.ctx, { type: 'Write', op: 4, key: 'k3', value: 5, ...meta });
    expect(deliver(now5.ctx, cas).answers).toEqual([{ type: 'CasFail', op: 3 }]);
  });
});
