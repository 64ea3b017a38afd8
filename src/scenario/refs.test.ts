import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol } from '../protocols';
import { parseScenario } from './parse';

const base = { format: 'netsplit-scenario', version: 1, seed: 1, nodes: 4 };
const errorsOf = (value: unknown, lookup = getProtocol) => {
  const result = parseScenario(value, lookup);
  return result.ok ? [] : result.errors;
};

describe('every node a scenario names must exist', () => {
  it.each([
    [{ protocol: '2pc', config: { noVotes: ['n9'] } }, ['config.noVotes[0]: unknown node "n9"']],
    [{ protocol: '2pc', config: { noVotes: ['n2', 'n7:t2'] } }, ['config.noVotes[1]: unknown node "n7"']],
    [{ protocol: 'raft', initial: { n1: { term: 2, votedFor: 'zz9' } } }, ['initial.n1.votedFor: unknown node "zz9"']],
    [{ protocol: 'raft', initial: { n7: { term: 1 } } }, ['initial.n7: unknown node "n7"']],
    [
      { protocol: 'raft', bug: 'nope', initial: { n2: { term: 1, votedFor: 'n5' } } },
      ['bug: unknown bug "nope" for raft', 'initial.n2.votedFor: unknown node "n5"'],
    ],
  ])('%j is refused naming the field', (fields, errors) => {
    expect(errorsOf({ ...base, ...fields }).map((e) => e.replace(/ \(known: .*\)$/, ''))).toEqual(errors);
  });

  it.each([
    { protocol: '2pc', config: { noVotes: ['n4', 'n2:t1'] } },
    { protocol: 'raft', initial: { n1: { term: 2, votedFor: 'n3' }, n2: { term: 2 } } },
  ])('%j, naming only nodes of the cluster, is accepted', (fields) => {
    expect(errorsOf({ ...base, ...fields })).toEqual([]);
  });

  it('checks what any protocol declares, by the path it gives', () => {
    const raft = getProtocol('raft') as AnyProtocol;
    const buddy: AnyProtocol = {
      ...raft,
      id: 'buddy',
      refs: (_config, initial) =>
        Object.keys(initial).map((id) => ({ path: ['initial', id, 'buddy of'], node: `${id}x` })),
    };
    const lookup = (id: string) => (id === 'buddy' ? buddy : undefined);
    expect(errorsOf({ ...base, protocol: 'buddy', initial: { n1: {} } }, lookup)).toEqual([
      'initial.n1["buddy of"]: unknown node "n1x"',
    ]);
  });
});

describe('the fuzzer names only nodes that exist', () => {
  it('writes valid 2PC scenarios for clusters too small for its no voters', async () => {
    const { fuzz } = await import('../cli/fuzz');
    const protocol = getProtocol('2pc') as AnyProtocol;
    for (const nodes of [1, 2, 3]) {
      const result = fuzz({ protocol, bug: null, runs: 30, seed: 7, nodes, untilMs: 600 }, getProtocol);
      expect(result.runs).toBe(30);
    }
  });
});
