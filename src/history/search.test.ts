import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, OpResult } from '../engine/clients';
import { bruteForce } from './bruteForce';
import { checkConsistency } from './check';
import { opsByKey } from './ops';
import { parseRegisterCommand, registerModel } from './register';
import { searchLinearizable } from './search';
import { searchSequential } from './sequential';

const command = fc.oneof(
  fc.constant('read x'),
  fc.integer({ min: 1, max: 3 }).map((v) => `write x ${v}`),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map(([a, b]) => `cas x ${a} ${b}`),
);

const rawOp = fc.record({
  client: fc.constantFrom('c1', 'c2', 'c3'),
  command,
  invokeAt: fc.integer({ min: 0, max: 40 }),
  lengthMs: fc.integer({ min: 0, max: 25 }),
  result: fc.constantFrom<OpResult>('ok', 'ok', 'ok', 'fail', 'info'),
  value: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  isOpen: fc.boolean(),
});

/** Arbitrary small histories: random reads often see what no order allows, so both verdicts come up. */
const arbitraryHistory = fc.array(rawOp, { maxLength: 7 }).map((raw) =>
  raw
    .sort((a, b) => a.invokeAt - b.invokeAt)
    .map(
      (r, i): HistoryEntry => ({
        id: i + 1,
        client: r.client,
        op: r.command,
        invokeAt: r.invokeAt,
        completeAt: r.result === 'info' && r.isOpen ? null : r.invokeAt + r.lengthMs,
        result: r.result,
        value: r.command === 'read x' && r.result === 'ok' ? r.value : null,
      }),
    ),
);

/**
 * Histories of a real register: each op takes effect at a point inside its interval (a fraction of it), so the
 * history is linearizable unless a read is then corrupted.
 */
const registerHistory = fc
  .tuple(
    fc.array(fc.tuple(rawOp, fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 7 }),
    fc.option(fc.nat(6), { nil: null }),
  )
  .map(([raw, corrupt]) => {
    const ops = raw.map(([r, point]) => ({ ...r, effectAt: r.invokeAt + point * r.lengthMs }));
    let state: number | null = null;
    const values = new Map<(typeof ops)[number], { result: OpResult; value: number | null }>();
    for (const op of [...ops].sort((a, b) => a.effectAt - b.effectAt)) {
      const parsed = parseRegisterCommand(op.command);
      const args = parsed?.args as number[];
      if (parsed?.name === 'read') values.set(op, { result: 'ok', value: state });
      else if (parsed?.name === 'write') {
        state = args[0] as number;
        values.set(op, { result: op.result === 'info' ? 'info' : 'ok', value: null });
      } else {
        const holds = state === args[0];
        if (holds && op.result !== 'fail') state = args[1] as number;
        values.set(op, { result: op.result === 'info' ? 'info' : holds ? 'ok' : 'fail', value: null });
      }
    }
    return ops
      .sort((a, b) => a.invokeAt - b.invokeAt)
      .map((op, i): HistoryEntry => {
        const outcome = values.get(op) as { result: OpResult; value: number | null };
        const value = i === corrupt && op.command === 'read x' ? (outcome.value ?? 0) + 1 : outcome.value;
        return {
          id: i + 1,
          client: op.client,
          op: op.command,
          invokeAt: op.invokeAt,
          completeAt: outcome.result === 'info' && op.isOpen ? null : op.invokeAt + op.lengthMs,
          result: outcome.result,
          value,
        };
      });
  });

describe('the searches agree with the definitions tried exhaustively', () => {
  const histories = fc.oneof(arbitraryHistory, registerHistory);

  it('linearizability: Wing & Gong with just-in-time linearization and memo = brute force', () => {
    let violations = 0;
    fc.assert(
      fc.property(histories, (h) => {
        const ops = opsByKey(h, parseRegisterCommand).get('x') ?? [];
        const expected = bruteForce(ops, registerModel, 'linearizable');
        if (!expected) violations++;
        expect(searchLinearizable(ops, registerModel)).toBe(expected ? 'ok' : 'violation');
      }),
      { numRuns: 1500, seed: 11 },
    );
    // Both verdicts were exercised.
    expect(violations).toBeGreaterThan(100);
    expect(violations).toBeLessThan(1400);
  });

  it('sequential consistency: the prefix search = brute force', () => {
    fc.assert(
      fc.property(histories, (h) => {
        const ops = opsByKey(h, parseRegisterCommand).get('x') ?? [];
        const expected = bruteForce(ops, registerModel, 'sequential');
        expect(searchSequential(ops, registerModel)).toBe(expected ? 'ok' : 'violation');
      }),
      { numRuns: 1500, seed: 12 },
    );
  });

  it('a violation names ops that cannot be ordered together, at the earliest failing cut', () => {
    fc.assert(
      fc.property(histories, (h) => {
        const { consistency } = checkConsistency(h, registerModel, 'linearizable');
        const result = consistency.linearizable;
        if (result.verdict !== 'violation') return;
        const blamed = new Set(result.ops);
        // The blamed ops with their recorded outcomes, everything else of the cut forgotten, still fail ...
        const only = h.filter((e) => blamed.has(e.id) && e.invokeAt <= result.at);
        const ops = opsByKey(only, parseRegisterCommand).get('x') ?? [];
        expect(bruteForce(ops, registerModel, 'linearizable')).toBe(false);
        // ... and the failure is at the earliest cut: cut just before `at`, the whole history has an order.
        const before = h
          .filter((e) => e.invokeAt < result.at)
          .map((e) =>
            e.completeAt !== null && e.completeAt >= result.at
              ? { ...e, completeAt: null, result: 'info' as const }
              : e,
          );
        expect(checkConsistency(before, registerModel, 'linearizable').consistency.linearizable.verdict).toBe('ok');
      }),
      { numRuns: 800, seed: 13 },
    );
  });
});
