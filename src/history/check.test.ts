import { describe, expect, it } from 'vitest';
import { checkConsistency } from './check';
import { registerModel } from './register';
import { history } from './testHistories';

describe('checkConsistency on the register model', () => {
  it('accepts a linearizable history with concurrent operations', () => {
    // c2's read overlaps c1's write of 2: it may see 1 or 2; c3's later read sees 2.
    const h = history([
      ['c1', 'write x 1', 0, 100, 'ok'],
      ['c1', 'write x 2', 200, 400, 'ok'],
      ['c2', 'read x', 250, 300, 'ok', 1],
      ['c3', 'read x', 260, 450, 'ok', 2],
      ['c2', 'cas x 2 3', 500, 600, 'ok'],
      ['c3', 'read x', 550, 700, 'ok', 3],
    ]);
    const { consistency, violations } = checkConsistency(h, registerModel, 'linearizable');
    expect(consistency.linearizable).toEqual({ verdict: 'ok' });
    expect(consistency.sequential).toEqual({ verdict: 'ok' });
    expect(violations).toEqual([]);
  });

  it('refuses a stale read after a completed write, naming the ops that pin it', () => {
    const h = history([
      ['c1', 'write x 1', 0, 100, 'ok'],
      ['c3', 'read x', 120, 130, 'ok', 1],
      ['c2', 'read x', 150, 160, 'ok', 1],
      ['c1', 'write x 2', 200, 640, 'ok'],
      ['c2', 'read x', 700, 812, 'ok', 1],
    ]);
    const { consistency, violations } = checkConsistency(h, registerModel, 'linearizable');
    // Op 3 saw the write of 1 before op 4 wrote 2, so op 5 cannot see 1 after op 4 completed.
    expect(consistency.linearizable).toEqual({ verdict: 'violation', key: 'x', at: 812, ops: [3, 4, 5] });
    // Reading 1 after 2 is still sequentially consistent: c2's reads may all come before c1's second write.
    expect(consistency.sequential).toEqual({ verdict: 'ok' });
    expect(violations).toEqual([
      {
        invariant: 'linearizable',
        time: 812,
        key: 'x',
        ops: [3, 4, 5],
        message:
          'op 5 (c2 read x -> 1, 700-812 ms) cannot follow op 3 (c2 read x -> 1, ok at 160 ms) and op 4 (c1 write x 2, ok at 640 ms)',
      },
    ]);
  });

  it('keeps the write a stale read needs: the write of 1 is not forgotten when nothing else pins it', () => {
    const h = history([
      ['c1', 'write x 1', 0, 100, 'ok'],
      ['c1', 'write x 2', 200, 640, 'ok'],
      ['c2', 'read x', 700, 812, 'ok', 1],
    ]);
    const { violations } = checkConsistency(h, registerModel, 'linearizable');
    expect(violations[0]?.ops).toEqual([1, 2, 3]);
    expect(violations[0]?.message).toBe(
      'op 3 (c2 read x -> 1, 700-812 ms) cannot follow op 1 (c1 write x 1, ok at 100 ms) and op 2 (c1 write x 2, ok at 640 ms)',
    );
  });

  it('makes a violation only of the declared guarantee', () => {
    const h = history([
      ['c1', 'write x 2', 0, 640, 'ok'],
      ['c2', 'read x', 700, 812, 'ok', null],
    ]);
    const sequentialOnly = checkConsistency(h, registerModel, 'sequential');
    expect(sequentialOnly.consistency.linearizable.verdict).toBe('violation');
    expect(sequentialOnly.violations).toEqual([]);
    expect(checkConsistency(h, registerModel, null).violations).toEqual([]);
  });

  it('refuses a history no order explains, even ignoring real time', () => {
    // One client writes 1 then 2, yet another client reads 2 and then 1: no single order has both.
    const h = history([
      ['c1', 'write x 1', 0, 10, 'ok'],
      ['c1', 'write x 2', 20, 30, 'ok'],
      ['c2', 'read x', 40, 50, 'ok', 2],
      ['c2', 'read x', 60, 70, 'ok', 1],
    ]);
    const { consistency, violations } = checkConsistency(h, registerModel, 'sequential');
    expect(consistency.sequential).toEqual({ verdict: 'violation', key: 'x', at: 70, ops: [3, 4] });
    expect(violations[0]?.invariant).toBe('sequential');
    expect(violations[0]?.message).toBe(
      'op 4 (c2 read x -> 1, 60-70 ms) cannot follow op 3 (c2 read x -> 2, ok at 50 ms)',
    );
  });

  it('lets an unknown write take effect late, or never, and removes failed ops', () => {
    const late = history([
      ['c1', 'write x 1', 0, null, 'info'],
      ['c2', 'read x', 10, 20, 'ok', null],
      ['c2', 'read x', 500, 510, 'ok', 1],
      ['c3', 'write x 7', 600, 700, 'fail'],
      ['c2', 'read x', 800, 810, 'ok', 1],
    ]);
    expect(checkConsistency(late, registerModel, 'linearizable').violations).toEqual([]);
    const never = history([
      ['c1', 'write x 1', 0, 5, 'info'],
      ['c2', 'read x', 10, 20, 'ok', null],
    ]);
    expect(checkConsistency(never, registerModel, 'linearizable').consistency.linearizable.verdict).toBe('ok');
  });

  it('checks keys apart and reports the key that fails first', () => {
    const h = history([
      ['c1', 'write x 1', 0, 10, 'ok'],
      ['c1', 'write y 1', 20, 30, 'ok'],
      ['c2', 'read y', 40, 50, 'ok', null],
      ['c2', 'read x', 60, 70, 'ok', 1],
    ]);
    const { consistency } = checkConsistency(h, registerModel, 'linearizable');
    expect(consistency.linearizable).toEqual({ verdict: 'violation', key: 'y', at: 50, ops: [2, 3] });
  });

  it('answers unknown past the step budget and sends the declared guarantee to unchecked', () => {
    const h = history([
      ['c1', 'write x 1', 0, 10, 'ok'],
      ['c2', 'read x', 20, 30, 'ok', 1],
    ]);
    const out = checkConsistency(h, registerModel, 'linearizable', { budget: 1 });
    expect(out.consistency.linearizable).toEqual({ verdict: 'unknown', key: 'x' });
    expect(out.unchecked).toEqual([{ invariant: 'linearizable', reason: 'the search of key "x" passed 1 steps' }]);
  });

  it('names the op whose command is not an operation of the model', () => {
    const h = history([['c1', 'wrte x 1', 0, 10, 'ok']]);
    expect(() => checkConsistency(h, registerModel, 'linearizable')).toThrow('op 1: "wrte x 1" is not an operation');
  });
});
