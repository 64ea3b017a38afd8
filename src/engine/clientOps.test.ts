import { describe, expect, it } from 'vitest';
import { ClientOps, type ClientOpsHost } from './clientOps';
import type { TraceRecord } from './types';

/** A host that keeps what the operations wrote and handed, at a settable time. */
function host() {
  const records: TraceRecord[] = [];
  const handed: string[] = [];
  const pumps: string[] = [];
  const h: ClientOpsHost & { nowMs: number } = {
    nowMs: 0,
    record: (r) => records.push(r),
    skipRequest: (at, reason) => handed.push(`skip ${at}: ${reason}`),
    deliverTo: (id, payload) =>
      handed.push(`${id} ${payload.op} ${payload.command}${payload.node ? ` ${payload.node}` : ''}`),
    schedulePump: (client) => pumps.push(client),
  };
  return { h, records, handed, pumps };
}

describe('client operations', () => {
  it('numbers ops in invoke order over the run and queues past the concurrency', () => {
    const { h, records, handed, pumps } = host();
    const ops = new ClientOps(h, ['c1', 'c2'], 1);
    ops.request('c1', { at: 0, command: 'write x 1' });
    ops.request('c1', { at: 0, command: 'read x', node: 'n2' });
    ops.request('c2', { at: 0, command: 'read x' });
    expect(handed).toEqual(['c1 1 write x 1', 'c2 2 read x']);
    expect(ops.queuedOf('c1')).toBe(1);
    h.nowMs = 50;
    ops.complete('c1', 1, 'ok', null);
    expect(pumps).toEqual(['c1']);
    ops.pump('c1');
    expect(handed.at(-1)).toBe('c1 3 read x n2');
    expect(records.filter((r) => r.kind === 'complete')).toEqual([
      { t: 50, kind: 'complete', op: 1, client: 'c1', result: 'ok', value: null },
    ]);
  });

  it('throws on a second completion, an unknown op, or another client completing it (the protocol’s bug)', () => {
    const { h } = host();
    const ops = new ClientOps(h, ['c1', 'c2'], 1);
    ops.request('c1', { at: 0, command: 'read x' });
    expect(() => ops.complete('c2', 1, 'ok', 1)).toThrow('c2 completed op 1, which c1 runs');
    ops.complete('c1', 1, 'ok', 1);
    expect(() => ops.complete('c1', 1, 'ok', 1)).toThrow('not open');
    expect(() => ops.complete('c1', 7, 'fail', null)).toThrow('c1 completed op 7');
  });

  it('a crash completes the open ops info and skips the queued requests', () => {
    const { h, records, handed } = host();
    const ops = new ClientOps(h, ['c1'], 1);
    ops.request('c1', { at: 5, command: 'write x 1' });
    ops.request('c1', { at: 6, command: 'read x' });
    h.nowMs = 10;
    ops.crashed('c1');
    expect(records.at(-1)).toEqual({ t: 10, kind: 'complete', op: 1, client: 'c1', result: 'info', value: null });
    expect(handed.at(-1)).toBe('skip 6: c1 crashed before invoking');
    expect(ops.openOf('c1')).toEqual([]);
    expect(ops.queuedOf('c1')).toBe(0);
  });

  it('restores its queues and open ops from a state', () => {
    const { h } = host();
    const ops = new ClientOps(h, ['c1'], 1);
    ops.request('c1', { at: 0, command: 'write x 1' });
    ops.request('c1', { at: 0, command: 'read x' });
    const saved = ops.state();
    ops.complete('c1', 1, 'ok', null);
    ops.pump('c1');
    ops.restore(saved);
    expect(ops.openOf('c1').map((o) => [o.op, o.command])).toEqual([[1, 'write x 1']]);
    expect(ops.queuedOf('c1')).toBe(1);
  });
});
