import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { toFile } from './encode';
import { parseScenario, parseScenarioText } from './parse';

const base = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 5 };
const errorsOf = (value: unknown) => {
  const result = parseScenario(value, getProtocol);
  return result.ok ? [] : result.errors;
};

describe('parseScenario', () => {
  it('fills in defaults and names nodes n1..nN', () => {
    const result = parseScenario(base, getProtocol);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.scenario.nodes).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(result.scenario.config).toEqual({
      electionTimeoutMs: [150, 300],
      heartbeatMs: 50,
      preVote: false,
      checkQuorum: false,
      maxEntriesPerAppend: 16,
    });
    expect(result.scenario.network).toEqual({ latencyMs: [10, 30], loss: 0, duplicate: 0 });
  });

  it.each([
    [{ ...base, events: [{ at: 5, type: 'crash', node: 'n9' }] }, 'events[0].node: unknown node "n9"'],
    [{ ...base, events: [{ at: -1, type: 'heal' }] }, 'events[0].at: must be at least 0'],
    [{ ...base, events: [{ at: 1, type: 'explode' }] }, 'events[0].type: must be one of crash'],
    [{ ...base, events: [{ at: 1, type: 'heal', node: 'n1' }] }, 'events[0].node: unknown field'],
    [{ ...base, config: { heartbeatMs: 'fast' } }, 'config.heartbeatMs:'],
    [{ ...base, config: { electionTimeout: 5 } }, 'config.electionTimeout: unknown field'],
    [
      { ...base, config: { electionTimeoutMs: [300, 150] } },
      'config.electionTimeoutMs: the minimum must not exceed the maximum',
    ],
    [{ ...base, protocol: 'zab' }, 'protocol: unknown protocol "zab"'],
    [{ ...base, bug: 'nope' }, 'bug: unknown bug "nope" for raft'],
    [{ ...base, seed: -3 }, 'seed:'],
    [{ ...base, seed: 2 ** 32 }, 'seed: must fit in 32 bits'],
    [{ ...base, nodes: 0 }, 'nodes:'],
    [{ ...base, nodes: ['a', 'a'] }, 'nodes: must not repeat a node id'],
    [{ ...base, nodes: ['A!'] }, 'nodes[0]: must be 1 to 16 characters'],
    [{ ...base, network: { loss: 2 } }, 'network.loss: must be between 0 and 1'],
    [{ ...base, initial: { n7: { term: 1 } } }, 'initial.n7: unknown node "n7"'],
    [{ ...base, initial: { n1: { term: 1, log: [2] } } }, "initial.n1.log[0]: entry term 2 is above the node's term 1"],
    [
      { ...base, events: [{ at: 0, type: 'partition', groups: [['n1'], ['n1']] }] },
      'events[0].groups[1][0]: "n1" is in more than one group',
    ],
    [{ ...base, version: 3 }, 'version: made by a newer version of netsplit (version 3)'],
    [{ ...base, format: 'other' }, 'format: must be "netsplit-scenario"'],
    [[1, 2], '(file): must be a JSON object'],
  ])('rejects %j naming the field and the reason', (file, message) => {
    expect(errorsOf(file).join('\n')).toContain(message);
  });

  it('reports bad JSON without throwing', () => {
    const result = parseScenarioText('{"format": ', getProtocol);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^\(file\): not valid JSON/);
  });

  it('reads Raft initial logs given as terms or as entries', () => {
    const result = parseScenario(
      { ...base, initial: { n1: { term: 3, log: [1, { term: 2, command: 'x' }] } } },
      getProtocol,
    );
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.scenario.initial.n1).toEqual({
      term: 3,
      votedFor: null,
      log: [
        { term: 1, command: '' },
        { term: 2, command: 'x' },
      ],
    });
  });

  it('round-trips through toFile', () => {
    const file = { ...base, title: 'T', events: [{ at: 1, type: 'caption', text: '<b>not html</b>' }] };
    const first = parseScenario(file, getProtocol);
    if (!first.ok) throw new Error(first.errors.join());
    const second = parseScenario(toFile(first.scenario), getProtocol);
    expect(second).toEqual(first);
  });
});

/**
 * `(file)`, or a path such as `events[3].node` or `config["a b"]` (a long key cut with its length:
 * `config["aaa…" (5000 characters)]`), then a colon and a reason.
 */
const KEY = String.raw`\["(?:[^"\\]|\\.)*"(?: \(\d+ characters\))?\]`;
const FIELD_AND_REASON = new RegExp(
  String.raw`^(\(file\)|([A-Za-z_$][\w$-]*|${KEY})(\.[A-Za-z_$][\w$-]*|\[\d+\]|${KEY})*): \S`,
);

describe('parseScenario under fuzzed input', () => {
  it('never throws, and every error names a field and a reason', () => {
    const jsonish = fc.jsonValue({ maxDepth: 4 });
    const mutated = fc.record(
      {
        format: fc.oneof(fc.constant('netsplit-scenario'), jsonish),
        version: fc.oneof(fc.constant(1), jsonish),
        protocol: fc.oneof(fc.constantFrom('raft', '2pc'), jsonish),
        seed: fc.oneof(fc.nat(), jsonish),
        nodes: fc.oneof(fc.integer({ min: -2, max: 70 }), fc.array(fc.string(), { maxLength: 4 }), jsonish),
        config: jsonish,
        network: jsonish,
        initial: jsonish,
        bug: jsonish,
        until: jsonish,
        events: fc.oneof(
          fc.array(
            fc.record({
              at: jsonish,
              type: fc.constantFrom('crash', 'partition', 'request', 'drop', 'x'),
              node: jsonish,
            }),
          ),
          jsonish,
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(mutated, jsonish), (value) => {
        const result = parseScenario(value, getProtocol);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect(error).toMatch(FIELD_AND_REASON);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(parseScenarioText(text, getProtocol).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
