import { describe, expect, it } from 'vitest';
import { type SettleInput, unsettledReason } from './settle';
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

describe('a stalled node at the end', () => {
  it('leaves the run unsettled, naming the node (spec/protocols.md §1.8)', () => {
    const network = { model: { latencyMs: [1, 1] as const, loss: 0, duplicate: 0 }, links: {}, cuts: [], groups: {} };
    const nodes = [{ id: 'n1', isUp: true }];
    const input = { nowMs: 5000, network, nodes, trace: [], traceLength: 0 };
    expect(unsettledReason({ ...input, stalled: ['n1'] })).toBe('n1 is stalled at the end');
    expect(unsettledReason({ ...input, stalled: [] })).toBeNull();
  });
});
