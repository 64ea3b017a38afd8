import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler';

describe('Scheduler', () => {
  it('pops in (time, phase, sequence) order whatever the order of pushes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 50 }), phase: fc.constantFrom(0 as const, 1 as const) }), {
          maxLength: 200,
        }),
        (items) => {
          const scheduler = new Scheduler<number>();
          items.forEach((item, seq) => {
            scheduler.push({ ...item, seq, event: seq });
          });
          const popped: number[] = [];
          for (let next = scheduler.pop(); next; next = scheduler.pop()) popped.push(next.event);
          const expected = items
            .map((item, seq) => ({ ...item, seq }))
            .sort((a, b) => a.atMs - b.atMs || a.phase - b.phase || a.seq - b.seq)
            .map((e) => e.seq);
          expect(popped).toEqual(expected);
        },
      ),
    );
  });

  it('restores exactly from a copy of its entries', () => {
    const scheduler = new Scheduler<string>();
    scheduler.push({ atMs: 5, phase: 0, seq: 0, event: 'a' });
    scheduler.push({ atMs: 1, phase: 1, seq: 1, event: 'b' });
    const saved = scheduler.entries();
    scheduler.pop();
    scheduler.reset(saved);
    expect(scheduler.pop()?.event).toBe('b');
    expect(scheduler.pop()?.event).toBe('a');
  });
});
