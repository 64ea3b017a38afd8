import { describe, expect, it } from 'vitest';
import { type SettleInput, uncheckedInvariants, unsettledReason } from './settle';
import type { TraceRecord } from './types';

const whole = { model: { latencyMs: [5, 10] as const, loss: 0, duplicate: 0 }, links: {}, cuts: [], groups: {} };
const at = (overrides: Partial<SettleInput> = {}, trace: TraceRecord[] = []): SettleInput => ({
  nowMs: 5000,
  network: whole,
  nodes: [
    { id: 'n1', isUp: true },
    { id: 'n2', isUp: true },
  ],
  trace,
  traceLength: trace.length,
  ...overrides,
});

describe('a run has settled (spec/protocols.md §1.8)', () => {
  it('when the network is whole and lossless, every node is up and no fault came for 2 s', () => {
    expect(unsettledReason(at({}, [{ t: 2999, kind: 'fault', type: 'heal' }]))).toBeNull();
  });

  it('not while a partition, a cut or loss is in force, or a node is down', () => {
    expect(unsettledReason(at({ network: { ...whole, groups: { n1: 1 } } }))).toBe(
      'a partition is in force at the end',
    );
    expect(unsettledReason(at({ network: { ...whole, cuts: ['n1>n2'] } }))).toBe('a link is cut at the end');
    expect(unsettledReason(at({ network: { ...whole, links: { 'n1>n2': { loss: 0.1 } } } }))).toBe(
      'the network loses messages at the end',
    );
    expect(unsettledReason(at({ nodes: [{ id: 'n2', isUp: false }] }))).toBe('n2 is down at the end');
  });

  it('not within 2 s of a fault; firing a timer early is no fault', () => {
    expect(unsettledReason(at({}, [{ t: 3500, kind: 'fault', type: 'restart', node: 'n1' }]))).toBe(
      'a fault (restart) came less than 2000 ms before the end',
    );
    expect(unsettledReason(at({}, [{ t: 4000, kind: 'fault', type: 'timeout', node: 'n1' }]))).toBeNull();
  });
});

describe('eventual invariants: which can be judged at the end (spec/protocols.md §1.8)', () => {
  const invariants = [
    { id: 'converged', eventual: true },
    { id: 'upAgree', eventual: true, downOk: true },
    { id: 'safety' },
  ];

  it('judges every one on a settled run, and names none as unchecked', () => {
    expect(uncheckedInvariants(invariants, at())).toEqual([]);
  });

  it('lets a downOk invariant be judged with a node down, and names the other with the reason', () => {
    expect(uncheckedInvariants(invariants, at({ nodes: [{ id: 'n2', isUp: false }] }))).toEqual([
      { invariant: 'converged', reason: 'n2 is down at the end' },
    ]);
  });

  it('judges neither while a partition is in force, downOk or not', () => {
    const reason = 'a partition is in force at the end';
    expect(uncheckedInvariants(invariants, at({ network: { ...whole, groups: { n1: 1 } } }))).toEqual([
      { invariant: 'converged', reason },
      { invariant: 'upAgree', reason },
    ]);
  });

  it('counts a stalled node and every fault input of the last settleMs, with the protocol’s own settleMs', () => {
    expect(unsettledReason(at({ nodes: [{ id: 'n1', isUp: true, isStalled: true }] }))).toBe(
      'n1 is stalled at the end',
    );
    const link: TraceRecord = { t: 4500, kind: 'fault', type: 'link', from: 'n1', to: 'n2' };
    expect(unsettledReason(at({}, [link]))).toBe('a fault (link) came less than 2000 ms before the end');
    // A protocol that settles in 400 ms counts the link change at 4.5 s as long past at 5 s.
    expect(unsettledReason(at({}, [link]), 400)).toBeNull();
    expect(uncheckedInvariants(invariants, at({}, [link]), 400)).toEqual([]);
  });
});
