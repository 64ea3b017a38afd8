import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/types';
import { registerModel } from '../history/register';
import type { RunSummary } from '../scenario/run';
import { withConsistency } from './consistency';

const summary: RunSummary = {
  protocol: 'demo',
  seed: 1,
  time: 1000,
  events: 9,
  traceHash: 'abc',
  messages: { sent: 0, delivered: 0, dropped: 0 },
  nodes: [],
  violations: [],
  skipped: [],
};

/** c1 writes 2 (ok at 640), then c2 reads the old value (700-812), and c1's last write never completes. */
const trace: TraceRecord[] = [
  { t: 0, kind: 'invoke', op: 1, client: 'c1', command: 'write x 2' },
  { t: 640, kind: 'complete', op: 1, client: 'c1', result: 'ok', value: null },
  { t: 700, kind: 'invoke', op: 2, client: 'c2', command: 'read x' },
  { t: 812, kind: 'complete', op: 2, client: 'c2', result: 'ok', value: null },
  { t: 900, kind: 'invoke', op: 3, client: 'c1', command: 'write x 3' },
];

describe('the runner checks the history after the run', () => {
  it('adds consistency and the declared guarantee joins the violations with key and ops', () => {
    const out = withConsistency(summary, { model: registerModel, consistency: 'linearizable' }, trace);
    expect(out.consistency).toEqual({
      model: 'register',
      declared: 'linearizable',
      linearizable: { verdict: 'violation', key: 'x', at: 812, ops: [1, 2] },
      sequential: { verdict: 'ok' },
      converged: null,
    });
    expect(out.violations).toEqual([
      {
        invariant: 'linearizable',
        time: 812,
        key: 'x',
        ops: [1, 2],
        message: 'op 2 (c2 read x -> null, 700-812 ms) cannot follow op 1 (c1 write x 2, ok at 640 ms)',
      },
    ]);
    // The trace hash is the run's: the check adds nothing to it.
    expect(out.traceHash).toBe('abc');
  });

  it('leaves the summary exactly as it was without a model or without a history', () => {
    expect(withConsistency(summary, {}, trace)).toBe(summary);
    expect(withConsistency(summary, { model: registerModel }, [])).toBe(summary);
  });

  it('reports an undeclared guarantee without making it a violation', () => {
    const out = withConsistency(summary, { model: registerModel, consistency: 'sequential' }, trace);
    expect(out.violations).toEqual([]);
    expect(out.consistency?.linearizable.verdict).toBe('violation');
  });
});
