import { describe, expect, it } from 'vitest';
import type { MultiPaxosView } from '../../../protocols/multipaxos/types';
import { preset, simulate } from '../../../testing/scenarios';
import { cellWords, leaderWords, slotGrid } from './slotGrid';

const gridAt = (id: string, untilMs: number, bug?: string) => {
  const s = preset(id);
  const sim = simulate(bug === undefined ? s : { ...s, bug }, untilMs);
  return slotGrid(
    sim.nodeIds().map((n) => ({ id: n, isUp: sim.node(n)?.isUp ?? false, view: sim.node(n)?.view as MultiPaxosView })),
  );
};

describe('the Multi-Paxos slot grid', () => {
  it('names the leader and shows C accepted at n1 alone while slot 4 holds D at a majority, before the takeover', () => {
    const grid = gridAt('multipaxos/leader-change-noop', 410);
    expect(leaderWords(grid)).toBe('No leader: n2 is running phase 1 with ballot (2, n2).');
    expect(grid.slots).toEqual([1, 2, 3, 4]);
    const slot3 = grid.rows.map((r) => r.cells[2]?.accepted?.command ?? null);
    expect(slot3).toEqual(['C', null, null, null, null]);
    const slot4 = grid.rows.map((r) => r.cells[3]?.accepted?.command ?? null);
    expect(slot4).toEqual(['D', 'D', 'D', 'D', 'D']);
    expect(grid.rows[1]?.cells[2]).toMatchObject({ isSlotOut: true, decided: null, isGap: false });
  });

  it('colours the new ballot apart and marks every slot decided after the noop fill', () => {
    const grid = gridAt('multipaxos/leader-change-noop', 600);
    expect(leaderWords(grid)).toBe('Leader: n2 with ballot (2, n2).');
    expect(grid.ballots.map((b) => `${b.round},${b.node}`)).toEqual(['1,n1', '2,n2']);
    const n3 = grid.rows[2];
    expect(n3?.cells.map((c) => c.decided)).toEqual(['A', 'B', 'noop', 'D', null]);
    expect(n3?.cells.map((c) => c.ballotIndex)).toEqual([0, 0, 1, 1, null]);
    expect(n3?.cells[4]?.isSlotOut).toBe(true);
    expect(n3 && cellWords(n3, n3.cells[2] as never)).toBe('n3, slot 3; accepted noop at (2, n2); decided noop');
  });

  it('shows the gap the bug leaves: slot 3 undecided below slot 4 on every replica', () => {
    const grid = gridAt('multipaxos/leader-change-noop', 900, 'no-noop-fill');
    const gaps = grid.rows.filter((r) => r.isUp).map((r) => r.cells[2]?.isGap);
    expect(gaps).toEqual([true, true, true, true]);
  });
});
