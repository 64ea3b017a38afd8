import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../engine/clients';
import { sessionGuarantees } from './sessions';

let next = 0;
const op = (
  client: string,
  command: string,
  invokeAt: number,
  completeAt: number | null,
  value: number | null = null,
  result: HistoryEntry['result'] = 'ok',
): HistoryEntry => ({ id: ++next, client, op: command, invokeAt, completeAt, result, value });

describe('session guarantees of a register history (Terry et al. 1994)', () => {
  it('counts a read that misses the session’s own completed write as a read-your-writes breach', () => {
    next = 0;
    const history = [
      op('c1', 'write x 1', 0, 10),
      op('c1', 'write x 2', 20, 30),
      // Reads the value of the write before its own last one: certainly older.
      op('c1', 'read x', 40, 50, 1),
      op('c2', 'read x', 40, 50, 1),
    ];
    const facts = sessionGuarantees(history);
    expect(facts.c1?.readYourWrites).toEqual({ checked: 1, breaches: [{ read: 3, after: 2, key: 'x' }] });
    // c2 never wrote x: nothing to check.
    expect(facts.c2?.readYourWrites).toEqual({ checked: 0, breaches: [] });
  });

  it('never blames a read that returns a concurrent write, or its own', () => {
    next = 0;
    const history = [
      op('c2', 'write x 7', 0, 100),
      op('c1', 'write x 1', 10, 20),
      // c2's write overlaps c1's: it may have taken effect after it.
      op('c1', 'read x', 30, 40, 7),
      op('c1', 'read x', 50, 60, 1),
    ];
    expect(sessionGuarantees(history).c1?.readYourWrites).toEqual({ checked: 2, breaches: [] });
  });

  it('counts a read that goes back before what the session read already as a monotonic-reads breach', () => {
    next = 0;
    const history = [
      op('c2', 'write x 1', 0, 10),
      op('c2', 'write x 2', 20, 30),
      op('c1', 'read x', 40, 50, 2),
      op('c1', 'read x', 60, 70, 1),
      op('c1', 'read x', 80, 90, null),
    ];
    expect(sessionGuarantees(history).c1?.monotonicReads).toEqual({
      checked: 2,
      breaches: [
        { read: 4, after: 3, key: 'x' },
        { read: 5, after: 4, key: 'x' },
      ],
    });
  });

  it('ignores failed and unfinished operations and other keys', () => {
    next = 0;
    const history = [
      op('c1', 'write x 1', 0, 10, null, 'fail'),
      op('c1', 'write y 2', 0, null, null, 'info'),
      op('c1', 'read x', 20, 30, null),
      op('c1', 'read y', 40, 50, null),
    ];
    expect(sessionGuarantees(history).c1).toEqual({
      readYourWrites: { checked: 0, breaches: [] },
      monotonicReads: { checked: 0, breaches: [] },
    });
  });
});
