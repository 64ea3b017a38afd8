import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { parseScenarioText } from './parse';
import { runScenario } from './run';

/** Written as text, so the `__proto__` key really is in the file (an object literal would set a prototype). */
const file = (protocol: string, rest: string) =>
  `{"format":"netsplit-scenario","version":1,"protocol":"${protocol}","seed":1,"nodes":3${rest}}`;
const errorsOf = (text: string) => {
  const result = parseScenarioText(text, getProtocol);
  return result.ok ? [] : result.errors;
};

describe('keys the format reads as maps', () => {
  it.each([
    ['raft', ',"config":{"__proto__":{"heartbeatMs":1}}', 'config.__proto__: unknown field'],
    ['2pc', ',"config":{"__proto__":{"noVotes":["n2"]}}', 'config.__proto__: unknown field'],
    ['raft', ',"initial":{"__proto__":{"term":1}}', 'initial.__proto__: unknown node "__proto__"'],
    ['raft', ',"initial":{"n1":{"term":1,"__proto__":{"term":9}}}', 'initial.n1.__proto__: unknown field'],
    ['raft', ',"config":{"constructor":1}', 'config.constructor: unknown field'],
    ['raft', ',"initial":{"toString":{"term":1}}', 'initial.toString: unknown node "toString"'],
  ])('%s %s is refused, naming the field', (protocol, rest, message) => {
    expect(errorsOf(file(protocol, rest))).toEqual([message]);
  });

  it('a node called constructor starts from its own initial state, or from none', () => {
    const text = (initial: string) =>
      `{"format":"netsplit-scenario","version":1,"protocol":"raft","seed":1,"nodes":["constructor","n2","n3"],"until":2000${initial}}`;
    const bare = parseScenarioText(text(''), getProtocol);
    if (!bare.ok) throw new Error(bare.errors.join('\n'));
    expect(Object.hasOwn(bare.scenario.initial, 'constructor')).toBe(false);
    const { summary } = runScenario(bare.scenario, getProtocol);
    expect(summary.violations).toEqual([]);
    expect(summary.nodes.map((n) => n.state.term)).toEqual([1, 1, 1]);

    const given = parseScenarioText(text(',"initial":{"constructor":{"term":4}}'), getProtocol);
    if (!given.ok) throw new Error(given.errors.join('\n'));
    expect(given.scenario.initial.constructor).toEqual({ term: 4, votedFor: null, log: [] });
  });
});
