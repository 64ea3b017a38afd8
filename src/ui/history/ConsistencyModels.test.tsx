// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../engine/clients';
import { checkConsistency } from '../../history/check';
import { registerModel } from '../../history/register';
import { ConsistencyModels, summaryOf } from './ConsistencyModels';

afterEach(cleanup);

const entry = (
  id: number,
  client: string,
  op: string,
  invokeAt: number,
  completeAt: number,
  value: number | null = null,
) => ({ id, client, op, invokeAt, completeAt, result: 'ok', value }) as HistoryEntry;

// c1 writes 1 and, after it completed, c2 reads nothing: sequentially consistent (c2's read may go first), not
// linearizable (real time puts the write first). c1 reads its own write back; c2 never wrote.
const stale = [
  entry(1, 'c1', 'write x 1', 0, 10),
  entry(2, 'c2', 'read x', 20, 30, null),
  entry(3, 'c2', 'read x', 40, 50, 1),
  entry(4, 'c1', 'read x', 60, 70, 1),
];

describe('the consistency models of a history', () => {
  it('places a history among the models: linearizable, sequential only, or neither', () => {
    const ok = { verdict: 'ok' } as const;
    const no = { verdict: 'violation', key: 'x', at: 1, ops: [1] } as const;
    expect(summaryOf({ linearizable: ok, sequential: ok })).toMatch(/^This history is linearizable/);
    expect(summaryOf({ linearizable: no, sequential: ok })).toMatch(/sequentially consistent but not linearizable/);
    expect(summaryOf({ linearizable: no, sequential: no })).toMatch(/neither/);
  });

  it('shows both verdicts with the operations that prove the no, and each client’s session guarantees', () => {
    const { consistency } = checkConsistency(stale, registerModel, 'eventual');
    expect(consistency.linearizable.verdict).toBe('violation');
    expect(consistency.sequential.verdict).toBe('ok');
    render(<ConsistencyModels report={consistency} history={stale} describe={(id) => `op ${id}`} />);
    const section = screen.getByRole('region', { name: 'Consistency models' });
    expect(within(section).getByText(/sequentially consistent but not linearizable/)).toBeTruthy();
    const why = within(section).getByRole('list', { name: 'Why not linearizable' });
    expect(
      within(why)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(
      consistency.linearizable.verdict === 'violation' ? consistency.linearizable.ops.map((id) => `op ${id}`) : [],
    );
    const sessions = within(section).getByRole('table', { name: /Session guarantees/ });
    const c1 = within(sessions).getByRole('row', { name: /^c1/ });
    expect(c1.textContent).toContain('kept in 1 read');
    const c2 = within(sessions).getByRole('row', { name: /^c2/ });
    expect(c2.textContent).toContain('nothing to check');
  });
});
