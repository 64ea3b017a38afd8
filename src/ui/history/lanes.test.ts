import { describe, expect, it } from 'vitest';
import { history } from '../../history/testHistories';
import { lanesAt } from './lanes';

const h = history([
  ['c2', 'write x 1', 0, 100, 'ok'],
  ['c1', 'read x', 50, 150, 'ok', 1],
  ['c10', 'cas x 1 2', 120, 200, 'fail'],
  ['c1', 'write x 3', 160, null, 'info'],
]);

describe('the History panel lanes', () => {
  it('draws one lane per client and only the ops invoked by the cursor, open ones up to it', () => {
    const at = lanesAt(h, 130, new Set());
    expect(at.clients).toEqual(['c1', 'c2', 'c10']);
    expect(at.shown).toBe(3);
    expect(at.bars.map((b) => [b.id, b.lane, b.from, b.to, b.end, b.label])).toEqual([
      [1, 1, 0, 100, 'ok', 'write x 1'],
      [2, 0, 50, 130, 'open', 'read x'],
      [3, 2, 120, 130, 'open', 'cas x 1 2'],
    ]);
  });

  it('shows outcomes once complete, an op never completed as unknown at the end, and marks the blamed ops', () => {
    const end = lanesAt(h, 200, new Set([2]));
    expect(end.bars.map((b) => [b.id, b.end, b.label, b.isMarked])).toEqual([
      [1, 'ok', 'write x 1', false],
      [2, 'ok', 'read x -> 1', true],
      [3, 'fail', 'cas x 1 2', false],
      [4, 'info', 'write x 3', false],
    ]);
  });

  it('flags the ops a protocol points out, apart from the ones the checker blames', () => {
    const end = lanesAt(h, 200, new Set([2]), new Set([1]));
    expect(end.bars.map((b) => [b.id, b.isMarked, b.isFlagged])).toEqual([
      [1, false, true],
      [2, true, false],
      [3, false, false],
      [4, false, false],
    ]);
  });
});
