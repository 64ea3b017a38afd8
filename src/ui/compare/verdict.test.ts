import { describe, expect, it } from 'vitest';
import { historyLine, safetyLine } from './verdict';

const rules = [
  { id: 'a', title: 'Rule A' },
  { id: 'b', title: 'Rule B' },
];
const ms = (t: number) => `${t} ms`;

describe('a side’s verdicts in one line', () => {
  it('says every rule holds, or which broke first and when', () => {
    expect(safetyLine(rules, [], ms)).toBe('Safety: all 2 rules hold so far.');
    const broken = [
      { invariant: 'b', time: 40, message: 'x' },
      { invariant: 'b', time: 90, message: 'y' },
    ];
    expect(safetyLine(rules, broken, ms)).toBe('Safety broken: Rule B (at 40 ms).');
    expect(safetyLine([], [], ms)).toBe('No safety rules to check.');
  });

  it('gives the history checker’s verdict, naming the key and the ops of a violation', () => {
    const checked = (linearizable: unknown) =>
      ({
        key: 1,
        kind: 'checked',
        outcome: { consistency: { linearizable, sequential: { verdict: 'ok' } }, violations: [] },
      }) as never;
    expect(historyLine('linearizable', null, 0)).toBe('Linearizable: no operations yet.');
    expect(historyLine('linearizable', null, 3)).toBe('Linearizable: checking 3 operations…');
    expect(historyLine('linearizable', checked({ verdict: 'ok' }), 3)).toBe(
      'Linearizable: yes, all 3 operations fit one order.',
    );
    expect(historyLine(null, checked({ verdict: 'violation', key: 'x', at: 5, ops: [2, 4] }), 4)).toBe(
      'Linearizable: no, on key x (ops 2, 4).',
    );
    expect(historyLine('sequential', { key: 1, kind: 'error', message: 'the checker stopped' }, 2)).toBe(
      'Sequentially consistent: not checked (the checker stopped).',
    );
  });
});
