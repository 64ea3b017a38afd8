import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { simulate } from '../testing/scenarios';
import { toFile } from './encode';
import { parseScenario } from './parse';
import { summarize } from './run';

/** spec/protocols.md Part 1: a field or event the protocol does not support is bad input, naming it. */
const base = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 5 };
const errorsOf = (value: unknown) => {
  const result = parseScenario(value, getProtocol);
  return result.ok ? [] : result.errors;
};

describe('Byzantine nodes and membership need a protocol that declares them', () => {
  it.each([
    [
      {
        ...base,
        events: [
          { at: 1, type: 'crash', node: 'n1' },
          { at: 2, type: 'byzantine', node: 'n3', mode: 'lie' },
        ],
      },
      'events[1].type: "byzantine" needs a protocol with Byzantine modes (raft has none)',
    ],
    [
      { ...base, protocol: '2pc', events: [{ at: 1, type: 'byzantine', node: 'n9', mode: 'x' }] },
      'events[0].type: "byzantine" needs a protocol with Byzantine modes (2pc has none)',
    ],
    [
      { ...base, events: [{ at: 1, type: 'join', node: 'n2' }] },
      'events[0].type: "join" needs a protocol with membership (raft has none)',
    ],
    [
      { ...base, events: [{ at: 1, type: 'leave', node: 'n2' }] },
      'events[0].type: "leave" needs a protocol with membership (raft has none)',
    ],
    [{ ...base, standby: ['n5'] }, 'standby: raft has no membership'],
    [{ ...base, events: [{ at: 1, type: 'byzantine', node: 'n2' }] }, 'events[0].mode:'],
    [{ ...base, events: [{ at: 1, type: 'join', node: 'n2', mode: 'x' }] }, 'events[0].mode: unknown field'],
  ])('%j', (file, error) => {
    const errors = errorsOf(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.startsWith(error)).toBe(true);
  });
});

describe('a protocol without them runs as before', () => {
  it('reports member: true for every node and no byzantine field', () => {
    const parsed = parseScenario(base, getProtocol);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const nodes = summarize(simulate(parsed.scenario, 500)).nodes;
    expect(nodes.map((n) => n.member)).toEqual([true, true, true, true, true]);
    expect(nodes.some((n) => 'byzantine' in n)).toBe(false);
    // And the file it writes back has no `standby`.
    expect('standby' in toFile(parsed.scenario)).toBe(false);
  });
});
