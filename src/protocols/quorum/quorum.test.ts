import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import { held, hintsOf, lookup, presetFile, results, run, scenario, sends } from './testkit';

/** Dynamo's quorums as a student would check them, each from a scripted scenario. */
describe('quorum reads and writes (Dynamo §4.5)', () => {
  it('with r + w > n and a strict quorum, a read after an acknowledged write returns it, even with a replica down', () => {
    const { summary } = run(presetFile('r2w2'));
    expect(results(summary)).toEqual([
      ['c1', 'write x 1', 'ok', null],
      ['c2', 'read x', 'ok', 1],
    ]);
    expect(summary.violations).toEqual([]);
    expect(summary.facts?.staleReads).toEqual({ count: 0, ops: [] });
    // n4 was down for the write; anti-entropy gave it x once it was back, and the replicas agree.
    expect(held(summary, 'n4')).toMatchObject({ values: [1] });
    expect(summary.unchecked ?? []).toEqual([]);
  });

  it('with r = w = 1 the quorums need not meet: a read after an acknowledged write returns nil', () => {
    const { summary } = run(presetFile('r1w1-stale'));
    expect(results(summary)).toEqual([
      ['c1', 'write x 1', 'ok', null],
      ['c2', 'read x', 'ok', null],
    ]);
    expect(summary.facts?.staleReads).toEqual({ count: 1, ops: [2] });
    // r + w = n: the strict-quorum rule does not apply, so nothing is violated.
    expect(summary.violations).toEqual([]);
  });

  it('refuses r above n, naming the field', () => {
    const parsed = parseScenario(scenario({ config: { r: 4 } }), lookup);
    expect(parsed.ok ? [] : parsed.errors).toEqual(['config.r: must not exceed n (3)']);
  });
});

describe('sloppy quorums and hinted handoff (Dynamo §4.6)', () => {
  it('in a partition the write lands on stand-ins with hints and succeeds; a read on the other side misses it', () => {
    const { summary, sim } = run(presetFile('sloppy-handoff'), 1500);
    expect(results(summary)).toEqual([
      ['c1', 'write x 1', 'ok', null],
      ['c1', 'read x', 'ok', 1],
      ['c1', 'write x 2', 'ok', null],
      ['c2', 'read x', 'ok', 1],
    ]);
    expect(summary.facts?.staleReads).toEqual({ count: 1, ops: [4] });
    // n1 walked past n3 and n4 to n2 and n5, naming each the node it stands in for.
    const hinted = sends(sim.trace, 'Put').filter((r) => (r.message as { hint?: string }).hint !== undefined);
    expect(hinted.map((r) => [r.to, (r.message as { hint?: string }).hint])).toEqual([
      ['n2', 'n3'],
      ['n5', 'n4'],
    ]);
    expect(hintsOf(summary, 'n2')).toEqual([{ for: 'n3', key: 'x', values: [2], vv: { n1: 2 }, clocks: [{ n1: 2 }] }]);
    expect(held(summary, 'n3')).toMatchObject({ values: [1] });
  });

  it('after the heal the stand-in hands the write to the node it was meant for and drops the hint', () => {
    // Anti-entropy once a minute: what reaches n3 here comes by handoff.
    const file = { ...presetFile('sloppy-handoff'), config: { antiEntropyMs: 60_000 } };
    const { summary, sim } = run(file);
    const handoffs = sends(sim.trace, 'Handoff').filter((r) => r.t >= 2000);
    expect(handoffs[0]).toMatchObject({ from: 'n2', to: 'n3' });
    expect(held(summary, 'n3')).toMatchObject({ values: [2] });
    expect(hintsOf(summary, 'n2')).toEqual([]);
  });

  it('with a strict quorum the same write is not acknowledged: the client hears nothing and ends it info', () => {
    const file = { ...presetFile('sloppy-handoff'), config: { sloppy: false } };
    const { summary } = run(file, 1500);
    expect(results(summary)[2]).toEqual(['c1', 'write x 2', 'info', null]);
    expect(hintsOf(summary, 'n2')).toEqual([]);
  });
});

describe('repair (Dynamo §5, §4.7)', () => {
  const missedWrite = (config: Record<string, unknown>) =>
    scenario({
      config: { antiEntropyMs: 60_000, sloppy: false, ...config },
      until: 2000,
      events: [
        { at: 0, type: 'crash', node: 'n4' },
        { at: 100, type: 'request', client: 'c1', command: 'write x 1', node: 'n1' },
        { at: 500, type: 'restart', node: 'n4' },
        { at: 700, type: 'request', client: 'c2', command: 'read x', node: 'n4' },
      ],
    });

  it('read repair: the coordinator sends the reconciled version to the replica that answered stale', () => {
    const { summary, sim } = run(missedWrite({}));
    expect(results(summary)[1]).toEqual(['c2', 'read x', 'ok', 1]);
    expect(sends(sim.trace, 'ReadRepair').length).toBe(0);
    // n4 coordinated and took the reconciled version itself; the other replicas already held it.
    expect(held(summary, 'n4')).toMatchObject({ values: [1] });
  });

  it('read repair reaches a stale replica that answered another coordinator', () => {
    const file = missedWrite({});
    (file.events as Record<string, unknown>[])[3] = {
      at: 700,
      type: 'request',
      client: 'c2',
      command: 'read x',
      node: 'n3',
    };
    const { summary, sim } = run(file);
    expect(sends(sim.trace, 'ReadRepair').map((r) => r.to)).toEqual(['n4']);
    expect(held(summary, 'n4')).toMatchObject({ values: [1] });
    const without = run({ ...file, config: { ...(file.config as object), readRepair: false } });
    expect(held(without.summary, 'n4')).toBeUndefined();
  });

  it('anti-entropy alone converges a replica that missed a write', () => {
    const file: Record<string, unknown> = { ...missedWrite({ antiEntropyMs: 500, readRepair: false }), until: 4000 };
    (file.events as unknown[]).pop();
    const { summary } = run(file);
    expect(['n1', 'n3', 'n4'].map((n) => held(summary, n))).toEqual([
      expect.objectContaining({ values: [1] }),
      expect.objectContaining({ values: [1] }),
      expect.objectContaining({ values: [1] }),
    ]);
  });
});

describe('concurrent writes (Dynamo §4.4)', () => {
  it('vector clocks keep both writes as siblings; a write with their context replaces them', () => {
    const { summary } = run(presetFile('siblings'));
    expect(results(summary)).toEqual([
      ['c1', 'write x 1', 'ok', null],
      ['c2', 'write x 2', 'ok', null],
      ['c1', 'read x', 'ok', '[1,2]'],
      ['c1', 'write x 3', 'ok', null],
      ['c2', 'read x', 'ok', 3],
    ]);
    expect(summary.facts?.maxSiblings).toEqual({ count: 2 });
    expect(held(summary, 'n4')).toEqual({ values: [3], vv: { n1: 2, n3: 1 }, clocks: [{ n1: 2, n3: 1 }] });
  });

  it('last write wins keeps one of the two writes and drops the other', () => {
    const { summary } = run({ ...presetFile('siblings'), config: { conflicts: 'lww' } });
    const read = results(summary)[2];
    expect(read?.[2]).toBe('ok');
    expect([1, 2]).toContain(read?.[3]);
    expect(summary.facts?.maxSiblings).toEqual({ count: 0 });
    expect(held(summary, 'n1')).toMatchObject({ value: 3 });
  });

  it('two blind writes through one coordinator stay siblings (each write gets its own dot)', () => {
    const file = scenario({
      until: 1500,
      events: [
        { at: 100, type: 'request', client: 'c1', command: 'write x 1', node: 'n1' },
        { at: 100, type: 'request', client: 'c2', command: 'write x 2', node: 'n1' },
        { at: 600, type: 'request', client: 'c1', command: 'read x', node: 'n3' },
      ],
    });
    expect(results(run(file).summary)[2]).toEqual(['c1', 'read x', 'ok', '[1,2]']);
  });
});

describe('the bugs', () => {
  it('ack-before-w: an acknowledged write a strict r + w > n read then misses breaks strict-quorum-read', () => {
    const file = scenario({
      bug: 'ack-before-w',
      config: { sloppy: false },
      until: 1500,
      events: [
        { at: 0, type: 'link', from: 'n1', to: 'n3', latencyMs: [400, 400], oneWay: true },
        { at: 0, type: 'link', from: 'n1', to: 'n4', latencyMs: [400, 400], oneWay: true },
        { at: 100, type: 'request', client: 'c1', command: 'write x 1', node: 'n1' },
        { at: 200, type: 'request', client: 'c2', command: 'read x', node: 'n3' },
      ],
    });
    const { summary } = run(file);
    expect(results(summary)).toEqual([
      ['c1', 'write x 1', 'ok', null],
      ['c2', 'read x', 'ok', null],
    ]);
    expect(summary.violations.map((v) => v.invariant)).toEqual(['strict-quorum-read']);
    expect(run({ ...file, bug: null }).summary.violations).toEqual([]);
  });

  it('lww-by-arrival: replicas that got two writes in different orders keep different winners', () => {
    const file = scenario({
      bug: 'lww-by-arrival',
      config: { conflicts: 'lww' },
      until: 8000,
      events: [
        { at: 0, type: 'link', from: 'n1', to: 'n4', latencyMs: [200, 200], oneWay: true },
        { at: 0, type: 'link', from: 'n3', to: 'n1', latencyMs: [200, 200], oneWay: true },
        { at: 100, type: 'request', client: 'c1', command: 'write x 1', node: 'n1' },
        { at: 110, type: 'request', client: 'c2', command: 'write x 2', node: 'n3' },
        { at: 1000, type: 'link', from: 'n1', to: 'n4', latencyMs: [10, 30], oneWay: true },
        { at: 1000, type: 'link', from: 'n3', to: 'n1', latencyMs: [10, 30], oneWay: true },
      ],
    });
    const { summary } = run(file);
    expect(summary.violations.map((v) => v.invariant)).toEqual(['convergence']);
    const fixed = run({ ...file, bug: null }).summary;
    expect(fixed.violations).toEqual([]);
    // By timestamp every replica picks the same winner: n1 stamped write 1 at 127 ms, after n3 stamped write 2.
    expect(['n1', 'n3', 'n4'].map((n) => held(fixed, n))).toEqual([
      { value: 1, ts: [127, 'n1'] },
      { value: 1, ts: [127, 'n1'] },
      { value: 1, ts: [127, 'n1'] },
    ]);
  });
});
