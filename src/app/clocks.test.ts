import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/types';
import { computeClocks, formatClock } from './clocks';

const m = { type: 'Ping' };
const send = (t: number, id: number, from: string, to: string, duplicateOf?: number): TraceRecord => ({
  t,
  kind: 'send',
  id,
  from,
  to,
  type: 'Ping',
  deliverAt: t + 10,
  message: m,
  ...(duplicateOf === undefined ? {} : { duplicateOf }),
});
const deliver = (t: number, id: number, from: string, to: string): TraceRecord => ({
  t,
  kind: 'deliver',
  id,
  from,
  to,
  type: 'Ping',
});

/**
 * Three nodes a, b, c. Worked out by hand with the rule in clocks.ts:
 *  #0 a sends 1 to b            a: L1 [1,0,0]
 *  #1 a sends 2 to c            a: L2 [2,0,0]
 *  #2 (a timer: no event)
 *  #3 c sends 3 to b            c: L1 [0,0,1]
 *  #4 b gets 1 (L1 [1,0,0])     b: max(0,1)+1 = L2, max([0,0,0],[1,0,0]) then b+1 = [1,1,0]
 *  #5 b gets 3 (L1 [0,0,1])     b: max(2,1)+1 = L3, max([1,1,0],[0,0,1]) then b+1 = [1,2,1]
 *  #6 2 is dropped: no event, c never hears of a
 *  #7 b sends 4 to a            b: L4 [1,3,1]
 *  #8 the network copies 4 as 5: carries L4 [1,3,1], ticks nobody
 *  #9 a gets 4                  a: max(2,4)+1 = L5, max([2,0,0],[1,3,1]) then a+1 = [3,3,1]
 * #10 a gets 5                  a: max(5,4)+1 = L6, max([3,3,1],[1,3,1]) then a+1 = [4,3,1]
 */
const trace: TraceRecord[] = [
  send(0, 1, 'a', 'b'),
  send(0, 2, 'a', 'c'),
  { t: 3, kind: 'timer', node: 'a', name: 'tick' },
  send(5, 3, 'c', 'b'),
  deliver(10, 1, 'a', 'b'),
  deliver(12, 3, 'c', 'b'),
  { t: 13, kind: 'drop', id: 2, from: 'a', to: 'c', type: 'Ping', reason: 'loss' },
  send(14, 4, 'b', 'a'),
  send(14, 5, 'b', 'a', 4),
  deliver(20, 4, 'b', 'a'),
  deliver(22, 5, 'b', 'a'),
];

describe('logical clocks of send and deliver events', () => {
  const clocks = computeClocks(trace, ['a', 'b', 'c']);

  it('match the hand-worked Lamport and vector clocks', () => {
    const table = [...clocks].map(([i, c]) => [i, c.lamport, c.vector]);
    expect(table).toEqual([
      [0, 1, [1, 0, 0]],
      [1, 2, [2, 0, 0]],
      [3, 1, [0, 0, 1]],
      [4, 2, [1, 1, 0]],
      [5, 3, [1, 2, 1]],
      [7, 4, [1, 3, 1]],
      [8, 4, [1, 3, 1]],
      [9, 5, [3, 3, 1]],
      [10, 6, [4, 3, 1]],
    ]);
  });

  it('give drops, timers and other records no clock', () => {
    expect(clocks.has(2)).toBe(false);
    expect(clocks.has(6)).toBe(false);
  });

  it('count only the records that have happened', () => {
    expect([...computeClocks(trace, ['a', 'b', 'c'], 4).keys()]).toEqual([0, 1, 3]);
  });

  it('print as a number or a bracketed vector', () => {
    const c = clocks.get(9);
    expect(c && formatClock(c, 'lamport')).toBe('5');
    expect(c && formatClock(c, 'vector')).toBe('[3,3,1]');
  });
});
